using System.Text.Json;
using System.Xml;

namespace Open311.Client;

/// <summary>
/// The one way in for parsing: picks JSON or XML, reads it into the neutral tree and maps the records, so both
/// formats give the same models. Unusable answers throw <see cref="AnswerException"/> with a short reason.
/// </summary>
internal static class Answers
{
    private static readonly string[] RequestLists = ["service_requests", "requests"];
    private static readonly string[] UpdateLists = ["service_request_updates", "service_requests_updates", "request_updates"];

    public static RemoteDiscovery ParseDiscovery(Answer answer, string format)
    {
        var root = Document(answer, format);
        if (root.Kind == NodeKind.Array)
        {
            root = root.Children.FirstOrDefault(c => c.Kind == NodeKind.Object) ?? Node.Empty;
        }

        return new RemoteDiscovery
        {
            Changeset = Dates.Parse(root.Text("changeset")),
            Contact = root.Text("contact"),
            KeyService = root.Text("key_service"),
            Endpoints = (root.Field("endpoints")?.Records("endpoint") ?? []).Select(AnswerMapping.DiscoveryEndpoint).OfType<RemoteDiscoveryEndpoint>().ToList(),
        };
    }

    public static IReadOnlyList<RemoteService> ParseServices(Answer answer, string format) =>
        Document(answer, format).Records("service", "services").Select(AnswerMapping.Service).OfType<RemoteService>().ToList();

    public static RemoteServiceDefinition ParseServiceDefinition(Answer answer, string format, string serviceCode)
    {
        var root = Document(answer, format);
        if (root.Kind == NodeKind.Array)
        {
            root = root.Children.FirstOrDefault(c => c.Kind == NodeKind.Object) ?? Node.Empty;
        }

        // The pre-final draft put <attribute> straight under <service_definition>.
        var attributes = root.Field("attributes") is { } container
            ? container.Records("attribute")
            : root.Children.Where(c => c.Is("attribute")).ToList();
        return new RemoteServiceDefinition
        {
            ServiceCode = root.Text("service_code") ?? serviceCode,
            Attributes = attributes.Select(AnswerMapping.Attribute).OfType<RemoteAttribute>().ToList(),
        };
    }

    public static PostOutcome ParsePostOutcome(Answer answer, string format)
    {
        var record = Document(answer, format).Records("request", RequestLists).FirstOrDefault();
        return new PostOutcome(record?.Text("service_request_id"), record?.Text("token"), record?.Text("service_notice"));
    }

    /// <summary>The id a token stands for; null while the city has not assigned one.</summary>
    public static string? ParseRequestId(Answer answer, string format) =>
        Document(answer, format).Records("request", RequestLists).Select(r => r.Text("service_request_id")).FirstOrDefault(id => id is not null);

    public static IReadOnlyList<RemoteServiceRequest> ParseRequests(Answer answer, string format) =>
        Document(answer, format).Records("request", RequestLists).Select(AnswerMapping.Request).OfType<RemoteServiceRequest>().ToList();

    public static IReadOnlyList<RemoteRequestUpdate> ParseUpdates(Answer answer, string format) =>
        Document(answer, format).Records("request_update", UpdateLists).Select(AnswerMapping.Update).OfType<RemoteRequestUpdate>().ToList();

    public static string? ParseUpdateId(Answer answer, string format) =>
        Document(answer, format).Records("request_update", UpdateLists).Select(r => r.Text("update_id")).FirstOrDefault(id => id is not null);

    /// <summary>The descriptions of an Open311 error body (or the common non-spec shapes); empty when there are none.</summary>
    public static IReadOnlyList<string> ParseErrors(Answer answer, string format)
    {
        try
        {
            return AnswerErrors.Reasons(Read(answer, format).Records("error", AnswerErrors.Lists));
        }
        catch (AnswerException)
        {
            return [];
        }
    }

    public static bool IsHtml(Answer answer) =>
        answer.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || IsHtml(answer.Text.AsSpan().TrimStart());

    private static Node Document(Answer answer, string format)
    {
        var root = Read(answer, format);
        var errors = AnswerErrors.InDocument(root);
        return errors.Count > 0 ? throw new AnswerException(errors) : root;
    }

    private static Node Read(Answer answer, string format)
    {
        var text = answer.Text.AsSpan().TrimStart();
        if (text.IsEmpty)
        {
            return Node.Empty;
        }

        var expected = format == "xml" ? "XML" : "JSON";
        if (IsHtml(text))
        {
            throw new AnswerException([$"the city answered an HTML page, not GeoReport {expected}"]);
        }

        var json = IsJson(answer.MediaType, text[0], format);
        try
        {
            var root = json ? JsonAnswers.Read(text.ToString()) : XmlAnswers.Read(text.ToString());
            return root.Is("html") ? throw new AnswerException([$"the city answered an HTML page, not GeoReport {expected}"]) : root;
        }
        catch (JsonException ex)
        {
            throw new AnswerException([$"the answer is not valid JSON ({ex.Message})"], ex);
        }
        catch (XmlException ex)
        {
            throw new AnswerException([$"the answer is not valid XML ({ex.Message})"], ex);
        }
        catch (FormatException ex)
        {
            throw new AnswerException([ex.Message], ex);
        }
    }

    // The declared type decides unless the first character contradicts it: PHP servers label JSON text/html, and
    // JSON cannot start with '<' nor XML with '[' or '{'.
    private static bool IsJson(string? mediaType, char first, string format)
    {
        if (first is '[' or '{')
        {
            return true;
        }

        if (first == '<')
        {
            return false;
        }

        if (mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        return mediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) != true && format == "json";
    }

    private static bool IsHtml(ReadOnlySpan<char> text)
    {
        var declarationEnd = text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) ? text.IndexOf("?>", StringComparison.Ordinal) : -1;
        if (declarationEnd > 0)
        {
            // XHTML behind an XML declaration.
            text = text[(declarationEnd + 2)..].TrimStart();
        }

        return text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
