using System.Text.Json.Nodes;

namespace Open311.Server.Tests.Infrastructure;

/// <summary>Base of the HTTP tests: a fresh app (own tables) per test class instance, on the shared Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public abstract class AppTest(AzuriteFixture azurite) : IAsyncLifetime
{
    private Open311App? app;

    protected AzuriteFixture Azurite { get; } = azurite;

    protected Open311App App => app ??= CreateApp();

    protected HttpClient Client => client ??= App.CreateClient();

    private HttpClient? client;

    protected virtual TimeProvider? Time => null;

    protected virtual Dictionary<string, string>? Settings => null;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    protected static async Task<JsonNode> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Asserts an Open311 JSON error answer with this status and returns its descriptions.</summary>
    protected static async Task<IReadOnlyList<string>> AssertJsonErrors(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(body)!.AsArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(status, e!["code"]!.GetValue<int>()));
        return errors.Select(e => e!["description"]!.GetValue<string>()).ToList();
    }

    /// <summary>Asserts an Open311 XML error answer with this status and returns its descriptions.</summary>
    protected static async Task<IReadOnlyList<string>> AssertXmlErrors(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var root = System.Xml.Linq.XDocument.Parse(body).Root!;
        Assert.Equal("errors", root.Name.LocalName);
        var errors = root.Elements("error").ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value));
        return errors.Select(e => e.Element("description")!.Value).ToList();
    }

    private Open311App CreateApp() => new(Azurite.ConnectionString, Time, Settings);
}
