using System.Text.Json.Nodes;
using System.Xml.Linq;
using CsCheck;
using Open311.Server.Tests.Infrastructure;
using Open311.Testing;

namespace Open311.Server.Tests.Security;

/// <summary>
/// Property-based hostile input over every route of the table (CsCheck, fixed seed, bounded case count): whatever
/// arrives, the answer is never a 5xx other than 503 with Retry-After, and every rejection is an Open311 error body.
/// The case count is written to docs/reliability.md.
/// </summary>
public sealed class HostileInputNeverBreaksTheServer(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : AppTest(azurite)
{
    public const int Cases = 4000;

    /// <summary>Every case comes from one address; the per-address limits have their own tests.</summary>
    protected override Dictionary<string, string>? Settings => new()
    {
        ["Open311:ManagePerMinute"] = "1000000",
        ["Open311:LookupPerMinute"] = "1000000",
        ["Open311:FailuresPerMinute"] = "1000000",
    };

    public override async Task InitializeAsync()
    {
        await App.PutRivertonAsync();
        await App.IssueKeyAsync();
    }

    [Fact]
    public async Task EveryRouteAnswersHostileRequestsWithOpen311Errors()
    {
        var admin = App.Admin();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await Hostile.CheckAsync(
            HostileRequest.Any,
            Cases,
            async request =>
            {
                using var message = request.ToMessage(Open311App.AdminKey);
                using var response = await admin.SendAsync(message);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(status < 500 || (status == 503 && response.Headers.RetryAfter is not null), $"{status}: {body}");
                if (status >= 400 && request.Method != "HEAD")
                {
                    AssertOpen311Errors(response.Content.Headers.ContentType?.MediaType, body, status);
                }
            },
            r => r.ToString());
        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(statuses.Keys.Count(s => s is >= 200 and < 300) > 0 && statuses.Keys.Count(s => s >= 400) >= 4, "the cases should reach past validation too");
    }

    private static void AssertOpen311Errors(string? mediaType, string body, int status)
    {
        if (mediaType == "application/json")
        {
            var errors = JsonNode.Parse(body)!.AsArray();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Equal(status, e!["code"]!.GetValue<int>()));
            Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e!["description"]!.GetValue<string>())));
        }
        else
        {
            Assert.Equal("text/xml", mediaType);
            var root = XDocument.Parse(body).Root!;
            Assert.Equal("errors", root.Name.LocalName);
            Assert.All(root.Elements("error"), e => Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value));
        }
    }
}
