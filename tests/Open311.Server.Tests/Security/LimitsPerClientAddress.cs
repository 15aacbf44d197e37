using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Open311.Core.Keys;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Security;

/// <summary>
/// Routes anyone can call without a key of their own are limited per client address: lookups and manage calls by
/// rate, refused credentials (webhook signatures, unknown API keys, wrong admin keys) by a budget per minute. The
/// client address comes from X-Forwarded-For here, as behind Azure's front ends.
/// </summary>
public sealed class LimitsPerClientAddress(AzuriteFixture azurite) : AppTest(azurite)
{
    private static readonly Dictionary<string, string> Tight = new()
    {
        ["Open311:ClientIpHeader"] = "X-Forwarded-For",
        ["Open311:LookupPerMinute"] = "20",
        ["Open311:FailuresPerMinute"] = "5",
    };

    [Fact]
    public async Task LookupsPastTheRateAre429WithRetryAfterAndOtherAddressesGoOn()
    {
        await using var app = new Open311App(Azurite.ConnectionString, settings: Tight);
        await app.PutRivertonAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add((await SendAsync(app, HttpMethod.Get, "/open311/lookup.json?lat=44.2&long=-72.57", "198.51.100.7")).StatusCode);
        }

        var refused = await SendAsync(app, HttpMethod.Get, "/open311/lookup.json?lat=44.2&long=-72.57", "198.51.100.7");
        var neighbour = await SendAsync(app, HttpMethod.Get, "/open311/lookup.json?lat=44.2&long=-72.57", "203.0.113.9");

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        await AssertJsonErrors(refused, 429);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task BadWebhookSignaturesUseUpTheAddressesBudget()
    {
        await using var app = new Open311App(Azurite.ConnectionString, settings: Tight);
        var source = """{"type":"ushahidi","deployment_url":"https://crisis.example.org","webhook_url":"https://hub.example.org/hook","webhook_secret":"s3cret"}""";
        Assert.True((await app.Admin().PutAsync("/open311/manage/sources/crisis", new StringContent(source, Encoding.UTF8, "application/json"))).IsSuccessStatusCode);

        var statuses = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((int)(await SendAsync(app, HttpMethod.Post, "/open311/connectors/ushahidi/crisis/webhook", "198.51.100.7", """{"id":1}""")).StatusCode);
        }

        Assert.Equal([401, 401, 401, 401, 401, 429, 429, 429], statuses);
    }

    [Fact]
    public async Task UnknownApiKeysAreCachedAndThenRefusedBeforeAnyLookup()
    {
        var store = new CountingKeyStore();
        await using var app = new Open311App(Azurite.ConnectionString, settings: Tight, services: s =>
        {
            s.RemoveAll<IApiKeyStore>();
            s.AddSingleton<IApiKeyStore>(sp =>
            {
                store.Inner = ActivatorUtilities.CreateInstance<Open311.Storage.Keys.TableApiKeyStore>(sp);
                return store;
            });
        });
        await app.PutRivertonAsync();

        var statuses = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            var form = Forms.Request("not-a-key", "pothole", Forms.InRiverton(("attribute[size]", "large")));
            statuses.Add((int)(await SendAsync(app, HttpMethod.Post, "/open311/v2/requests.json", "198.51.100.7", content: form)).StatusCode);
        }

        Assert.Equal([403, 403, 403, 403, 403, 429, 429, 429], statuses);
        Assert.Equal(1, store.Finds);
    }

    [Fact]
    public async Task WrongAdminKeysUseUpTheBudgetWhileTheRightOneStillWorksElsewhere()
    {
        await using var app = new Open311App(Azurite.ConnectionString, settings: Tight);

        var statuses = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((int)(await SendAsync(app, HttpMethod.Get, "/open311/manage/jurisdictions", "198.51.100.7", bearer: "guess-" + i)).StatusCode);
        }

        var right = await SendAsync(app, HttpMethod.Get, "/open311/manage/jurisdictions", "203.0.113.9", bearer: Open311App.AdminKey);

        Assert.Equal([403, 403, 403, 403, 403, 429, 429], statuses);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(Open311App app, HttpMethod method, string path, string address, string? json = null, HttpContent? content = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = content ?? (json is null ? null : new StringContent(json, Encoding.UTF8, "application/json")),
        };
        request.Headers.Add("X-Forwarded-For", $"10.0.0.1, {address}:51234");
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        return await app.CreateClient().SendAsync(request);
    }

    private sealed class CountingKeyStore : IApiKeyStore
    {
        public IApiKeyStore Inner { get; set; } = null!;

        public int Finds { get; private set; }

        public Task AddAsync(string keyHash, ApiKey key, CancellationToken cancellationToken) => Inner.AddAsync(keyHash, key, cancellationToken);

        public Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken) => Inner.RevokeAsync(keyId, cancellationToken);

        public Task<ApiKey?> FindAsync(string keyHash, CancellationToken cancellationToken)
        {
            Finds++;
            return Inner.FindAsync(keyHash, cancellationToken);
        }
    }
}
