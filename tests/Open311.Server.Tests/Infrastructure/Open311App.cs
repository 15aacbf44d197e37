using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Open311.Testing;

namespace Open311.Server.Tests.Infrastructure;

/// <summary>
/// Open311.Server on ASP.NET Core's TestServer against the shared Azurite, with tables of its own, a known admin
/// key and, optionally, a controllable clock. The forwarding job is left out unless asked for: tests drive the
/// outbox themselves, so a queue message is there to be read and a delivery happens when the test says.
/// </summary>
public sealed class Open311App(string connectionString, TimeProvider? time = null, Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null, bool forwardingJob = false) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";
    public const string PublicBase = "http://open311.test";

    /// <summary>For apps that call stand-ins on this machine: the guarded outbound client refuses loopback unless allowed.</summary>
    public static Dictionary<string, string> LoopbackAllowed => new() { ["Outbound:AllowedNetworks"] = "127.0.0.1/32" };

    public string TablePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Serves this app on a real loopback socket (as a remote city or a stand-in) and answers its base URL.</summary>
    public string StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
    }

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public async Task<HttpResponseMessage> PutTownAsync(string id, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Admin().PutAsync($"/open311/manage/jurisdictions/{id}", content);
    }

    /// <summary>A staff change through the manage API (read, then PATCH with its ETag); answers the request as staff see it.</summary>
    public async Task<JsonNode> PatchRequestAsync(string id, string json)
    {
        var etag = (await Admin().GetAsync($"/open311/manage/requests/{id}")).Headers.ETag!.ToString();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/open311/manage/requests/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await Admin().SendAsync(patch);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>Saves a connector source through the manage API, as an operator would.</summary>
    public async Task PutSourceAsync(string id, JsonObject source)
    {
        var saved = await Admin().PutAsync($"/open311/manage/sources/{id}", new StringContent(source.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    /// <summary>An e-mail source whose reports to potholes+riverton@… are Riverton's, and say nothing of where.</summary>
    /// <param name="serves">The towns the source serves (its <c>jurisdictions</c>), if it names them.</param>
    public Task PutRivertonMailSourceAsync(string id, string secret, params string[] serves) => PutSourceAsync(id, new JsonObject
    {
        ["type"] = "email", ["secret"] = secret,
        ["jurisdiction_map"] = new JsonObject { ["riverton"] = Towns.Riverton },
        ["category_map"] = new JsonObject { ["to:potholes"] = "pothole" },
        ["jurisdictions"] = serves.Length == 0 ? null : new JsonArray([.. serves.Select(t => (JsonNode)t)]),
    });

    /// <summary>Hosts the demo town from samples/riverton.json under <paramref name="id"/>.</summary>
    public async Task PutRivertonAsync(string id = Towns.Riverton)
    {
        var response = await PutTownAsync(id, Towns.RivertonJson());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> IssueKeyAsync(string[]? jurisdictions = null, int rate = 1000)
    {
        var response = await Admin().PostAsJsonAsync("/open311/manage/keys", new { name = "test client", jurisdictions, rate_per_minute = rate });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["api_key"]!.GetValue<string>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Open311:AdminKey", AdminKey);
        builder.UseSetting("Open311:PublicBaseUrl", PublicBase);
        builder.UseSetting("Open311:MaxMediaBytes", "200000");
        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(collection =>
        {
            if (time is not null)
            {
                collection.RemoveAll<TimeProvider>();
                collection.AddSingleton(time);
            }

            if (!forwardingJob)
            {
                foreach (var job in collection.Where(d => d.ImplementationType == typeof(Open311.Server.Jobs.ForwardingJob)).ToList())
                {
                    collection.Remove(job);
                }
            }

            services?.Invoke(collection);
        });
    }
}
