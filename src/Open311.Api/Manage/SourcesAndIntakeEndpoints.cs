using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Api.Http;
using Open311.Connectors.Ushahidi;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Api.Manage;

/// <summary>The manage API for connector sources and for intake records (what happened to each inbound report).</summary>
public sealed class SourcesAndIntakeEndpoints(ISourceStore sources, IIntakeStore intake, UshahidiPoller poller, AdminKeyCheck admin, ILogger<SourcesAndIntakeEndpoints> logger)
{
    public const int MaxSourceBytes = 64 * 1024;

    public Task<IResult> PutSourceAsync(HttpRequest request, string id) => admin.RunAsync(request, logger, async ct =>
    {
        var document = await JsonBody.ReadAsync<SourceDocument>(request, ct, MaxSourceBytes);
        var errors = Validate(id, document);
        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }

        // Secrets sent back as "(hidden)" keep their stored values.
        var previous = await sources.GetAsync(id, ct) is { } stored ? DocumentJson.Read<SourceDocument>(stored, out _) : null;
        if (document.WebhookSecret == ManageEndpoints.HiddenKey)
        {
            document.WebhookSecret = previous?.WebhookSecret;
        }

        if (document.WriteBack is { } writeBack)
        {
            writeBack.ApiKey = writeBack.ApiKey == ManageEndpoints.HiddenKey ? previous?.WriteBack?.ApiKey : writeBack.ApiKey;
            writeBack.SharedSecret = writeBack.SharedSecret == ManageEndpoints.HiddenKey ? previous?.WriteBack?.SharedSecret : writeBack.SharedSecret;
        }

        await sources.PutAsync(id, JsonSerializer.Serialize(document, DocumentJson.Options), ct);
        logger.LogInformation("Source {Source} ({Type}) saved", id, document.Type);
        return Shown(document);
    });

    public Task<IResult> GetSourceAsync(HttpRequest request, string id) => admin.RunAsync(request, logger, async ct =>
    {
        var json = await sources.GetAsync(id, ct) ?? throw Open311Exception.NotFound($"No source '{InputText.Quote(id)}'.");
        return Shown(DocumentJson.Read<SourceDocument>(json, out _));
    });

    /// <summary>Polls a source now instead of waiting for the timer; answers what the poll did.</summary>
    public Task<IResult> PollSourceAsync(HttpRequest request, string id) => admin.RunAsync(request, logger, async ct =>
    {
        _ = await sources.GetAsync(id, ct) ?? throw Open311Exception.NotFound($"No source '{InputText.Quote(id)}'.");
        return Results.Json(await poller.PollAsync(id, ct), DocumentJson.Options);
    });

    public Task<IResult> GetIntakeAsync(HttpRequest request, string intakeId) => admin.RunAsync(request, logger, async ct =>
    {
        var parts = intakeId.Split(':', 2);
        var record = parts.Length == 2 ? await intake.GetAsync(parts[0], parts[1], ct) : null;
        return Results.Json(record ?? throw Open311Exception.NotFound($"No intake record '{InputText.Quote(intakeId)}'."), DocumentJson.Options);
    });

    public Task<IResult> ListIntakeAsync(HttpRequest request) => admin.RunAsync(request, logger, async ct =>
    {
        var p = ParameterReader.FromQuery(request);
        var take = int.TryParse(p.Get("take"), out var t) && t is > 0 and <= 1000 ? t : 100;
        return Results.Json(await intake.ListAsync(p.Get("source"), p.Get("outcome"), take, ct), DocumentJson.Options);
    });

    private static IResult Shown(SourceDocument document)
    {
        if (document.WebhookSecret is not null)
        {
            document.WebhookSecret = ManageEndpoints.HiddenKey;
        }

        if (document.WriteBack is { } writeBack)
        {
            writeBack.ApiKey = writeBack.ApiKey is null ? null : ManageEndpoints.HiddenKey;
            writeBack.SharedSecret = writeBack.SharedSecret is null ? null : ManageEndpoints.HiddenKey;
        }

        return Results.Json(document, DocumentJson.Options);
    }

    private static List<string> Validate(string id, SourceDocument d)
    {
        var errors = new List<string>();
        if (!InputText.IsIdentifier(id) || id.Contains(':'))
        {
            errors.Add("The source id must be 1–100 printable characters without / \\ # ? or ':'.");
        }

        if (d.Type != "ushahidi")
        {
            errors.Add("type must be ushahidi (e-mail and social sources are not available yet).");
        }

        if (d.ApiVersion is not (null or "v3" or "v5"))
        {
            errors.Add("api_version must be v3 or v5.");
        }

        foreach (var (name, url) in new[] { ("deployment_url", d.DeploymentUrl), ("webhook_url", d.WebhookUrl) })
        {
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            {
                errors.Add($"{name} must be an absolute http or https URL.");
            }
        }

        if ((d.WebhookUrl is null) != (d.WebhookSecret is null))
        {
            errors.Add("webhook_url and webhook_secret go together: the signature covers the URL.");
        }

        if (d.CategoryMap is { Count: > 1000 })
        {
            errors.Add("category_map holds at most 1,000 entries.");
        }

        if (d.MaxAccuracyMeters is < 0)
        {
            errors.Add("max_accuracy_meters must not be negative.");
        }

        return errors;
    }
}
