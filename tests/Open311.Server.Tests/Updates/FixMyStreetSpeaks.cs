using System.Globalization;
using System.Xml.Linq;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Updates;

/// <summary>
/// Our server driven exactly as FixMyStreet's Open311 module drives a council endpoint (mysociety/fixmystreet
/// <c>perllib/Open311.pm</c>, summarised in the shared open311-notes): XML only, <c>jurisdiction_id</c> on every call,
/// <c>api_key</c> on POSTs and on the update feed, its description layout, <c>attribute[fixmystreet_id]</c> where the
/// service declares it, a create re-sent after a timeout, extended updates with <c>update_id_ext</c> and a W3CDTF
/// time with an offset, and the feed read like XML::Simple does (root name ignored, items by element name).
/// </summary>
public sealed class FixMyStreetSpeaks(AzuriteFixture azurite) : AppTest(azurite)
{
    private const string Jurisdiction = Towns.Riverton;

    [Fact]
    public async Task ReportsAndUpdatesRoundTripAsFixMyStreetSendsAndReadsThem()
    {
        await App.PutRivertonAsync();
        var apiKey = await App.IssueKeyAsync();

        // Services and the definition: FixMyStreet sends attribute[fixmystreet_id] only when the service declares it.
        var services = await GetXmlAsync("services.xml");
        Assert.Contains(services.Elements("service"), s => s.Element("service_code")!.Value == "pothole");
        var definition = await GetXmlAsync("services/pothole.xml");
        var codes = definition.Element("attributes")!.Elements("attribute").Select(a => a.Element("code")!.Value).ToList();
        Assert.Contains("fixmystreet_id", codes);

        var report = Report(apiKey, problemId: "4417", codes);
        var created = await PostXmlAsync("requests.xml", report);
        var retried = await PostXmlAsync("requests.xml", report);
        var id = created.Element("request")!.Element("service_request_id")!.Value;
        Assert.Equal(id, retried.Element("request")!.Element("service_request_id")!.Value);

        var updated = await PostXmlAsync("servicerequestupdates.xml", new Dictionary<string, string>
        {
            ["jurisdiction_id"] = Jurisdiction, ["api_key"] = apiKey,
            ["updated_datetime"] = "2026-03-04T10:15:00+01:00", ["service_request_id"] = id, ["status"] = "IN_PROGRESS",
            ["email"] = "fms-user@example.org", ["description"] = "Still there this morning", ["last_name"] = "Resident", ["first_name"] = "Rita",
            ["public_anonymity_required"] = "FALSE", ["update_id_ext"] = "90210", ["service_request_id_ext"] = "4417",
        });
        var updateId = updated.Element("request_update")!.Element("update_id")!.Value;
        Assert.False(string.IsNullOrEmpty(updateId));

        var now = DateTimeOffset.UtcNow;
        var feed = await GetXmlAsync($"servicerequestupdates.xml?api_key={apiKey}&start_date={W3c(now.AddHours(-2))}&end_date={W3c(now.AddMinutes(5))}");
        var entry = Assert.Single(feed.Elements("request_update"), u => u.Element("update_id")!.Value == updateId);
        Assert.Equal(id, entry.Element("service_request_id")!.Value);
        Assert.Equal("in_progress", entry.Element("status")!.Value);
        Assert.Equal("2026-03-04T09:15:00Z", entry.Element("updated_datetime")!.Value);
        Assert.Equal("Still there this morning", entry.Element("description")!.Value);
        Assert.DoesNotContain("fms-user@example.org", feed.ToString(), StringComparison.Ordinal);

        var request = (await GetXmlAsync($"requests/{id}.xml")).Element("request")!;
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.StartsWith("title: Pothole on Elm Street", request.Element("description")!.Value, StringComparison.Ordinal);
    }

    /// <summary>The create form FixMyStreet builds (<c>_populate_service_request_params</c>), coordinates printed as <c>%0.6f</c> with trailing zeros stripped.</summary>
    private static Dictionary<string, string> Report(string apiKey, string problemId, IReadOnlyList<string> declared)
    {
        var form = new Dictionary<string, string>
        {
            ["jurisdiction_id"] = Jurisdiction, ["api_key"] = apiKey, ["service_code"] = "pothole",
            ["description"] = "title: Pothole on Elm Street\n\ndetail: Deep, by the school gate\n\nurl: https://fms.example.org/report/4417\n\nSubmitted via FixMyStreet\n",
            ["first_name"] = "Rita", ["last_name"] = "Resident", ["email"] = "fms-user@example.org",
            ["lat"] = Coordinate(Towns.Lat), ["long"] = Coordinate(Towns.Long),
            ["media_url"] = "https://fms.example.org/photo/4417.0.full.jpeg",
            ["attribute[size]"] = "large",
        };
        if (declared.Contains("fixmystreet_id"))
        {
            form["attribute[fixmystreet_id]"] = problemId;
        }

        return form;
    }

    private static string Coordinate(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');

    /// <summary>DateTime::Format::W3CDTF for a UTC time: seconds and a Z.</summary>
    private static string W3c(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>GET with <c>jurisdiction_id</c> appended, as FixMyStreet's <c>_get</c> does; the root element as XML::Simple gives it.</summary>
    private async Task<XElement> GetXmlAsync(string path)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await Client.GetAsync($"/open311/v2/{path}{separator}jurisdiction_id={Jurisdiction}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(body).Root!;
    }

    private async Task<XElement> PostXmlAsync(string path, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        var response = await Client.PostAsync($"/open311/v2/{path}", content);
        var body = await response.Content.ReadAsStringAsync();

        // FixMyStreet counts any non-2xx as a failure and reads the errors from <errors><error>.
        Assert.True(response.IsSuccessStatusCode, body);
        return XDocument.Parse(body).Root!;
    }
}
