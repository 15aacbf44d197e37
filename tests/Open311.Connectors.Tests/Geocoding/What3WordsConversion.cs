using System.Collections.Concurrent;
using System.Net;
using System.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Connectors.Geocoding;
using Open311.Core.Outbound;
using Open311.Core.Places;
using Open311.Testing;

namespace Open311.Connectors.Tests.Geocoding;

/// <summary>
/// The what3words client against a stand-in on loopback, recorded from the what3words API v3 documentation
/// (https://developer.what3words.com/public-api/docs: convert-to-coordinates, and its error handling section): a
/// conversion answers the square, its centre and the words; an error answers a 4xx with
/// <c>{"error":{"code","message"}}</c>. The sample answers are our own, written in that shape. The key is read where
/// the client hands the request to the guard, and every log line is kept to show the key is in none of them.
/// </summary>
public sealed class What3WordsConversion : IAsyncLifetime
{
    private const string Key = "W3W-STAND-IN-KEY-7Q2X";

    private const string Square = """
        {
          "country": "US",
          "square": {
            "southwest": { "lng": -72.575417, "lat": 44.260122 },
            "northeast": { "lng": -72.57538, "lat": 44.260149 }
          },
          "nearestPlace": "Riverton, Vermont",
          "coordinates": { "lng": -72.575398, "lat": 44.260135 },
          "words": "lamp.leaning.north",
          "language": "en",
          "map": "https://w3w.co/lamp.leaning.north"
        }
        """;

    private readonly LoopbackHttpServer what3words = new(IPAddress.Loopback);
    private readonly ConcurrentQueue<string> paths = new();
    private readonly ConcurrentQueue<string> keys = new();
    private readonly ListLogger log = new();

    public Task InitializeAsync()
    {
        Answer("200 OK", Square);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await what3words.DisposeAsync();

    [Fact]
    public async Task TheWordsAreSentAndTheSquaresCentreComesBackWithThreeMetres()
    {
        var point = await Client().ConvertAsync("///lamp.leaning.north", CancellationToken.None);

        var query = HttpUtility.ParseQueryString(new Uri("http://stand.in" + Assert.Single(paths)).Query);
        Assert.Equal("lamp.leaning.north", query["words"]);
        Assert.Equal("json", query["format"]);
        Assert.Equal(new TextPoint(44.260135, -72.575398, 3, "the what3words address ///lamp.leaning.north", Ambiguous: false), point);
    }

    [Fact]
    public async Task TheKeyIsSentInAHeaderButNeverInTheAddressNorInALogLine()
    {
        Answer("401 Unauthorized", "{\"error\":{\"code\":\"InvalidKey\",\"message\":\"Authentication failed; the key " + Key + " is not valid\"}}");
        var client = Client();

        Assert.Null(await client.ConvertAsync("///lamp.leaning.north", CancellationToken.None));
        Answer("500 Internal Server Error", $"<html><body>{Key}</body></html>", "text/html");
        Assert.Null(await client.ConvertAsync("///lamp.leaning.north", CancellationToken.None));
        Assert.Null(await Client(endpoint: "http://127.0.0.2:9").ConvertAsync("///lamp.leaning.north", CancellationToken.None));

        Assert.Equal([Key, Key, Key], keys.ToArray());
        Assert.All(paths, path => Assert.DoesNotContain(Key, path, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(log.Lines);
        Assert.All(log.Lines, line => Assert.DoesNotContain(Key, line, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BadWordsGiveNoPoint()
    {
        Answer("400 Bad Request", """{"error":{"code":"BadWords","message":"Invalid or non-existent 3 word address"}}""");

        Assert.Null(await Client().ConvertAsync("///lamp.leaning.nowhere", CancellationToken.None));
    }

    [Theory]
    [InlineData("500 Internal Server Error", "text/html", "<html><body>Internal Server Error</body></html>")]
    [InlineData("200 OK", "text/plain", "not json at all")]
    [InlineData("200 OK", "application/json", """{"country":"US","words":"lamp.leaning.north"}""")]
    [InlineData("200 OK", "application/json", """{"coordinates":{"lng":"-72.5","lat":"44.2"}}""")]
    public async Task AnAnswerWithoutASquareGivesNoPoint(string status, string contentType, string body)
    {
        Answer(status, body, contentType);

        Assert.Null(await Client().ConvertAsync("///lamp.leaning.north", CancellationToken.None));
    }

    [Fact]
    public async Task WithoutAKeyItIsNotConfiguredAndAsksNothing()
    {
        var client = Client(key: null);

        Assert.False(client.Configured);
        Assert.Null(await client.ConvertAsync("///lamp.leaning.north", CancellationToken.None));
        Assert.Equal(0, what3words.Connections);
    }

    [Theory]
    [InlineData("lamp.leaning")]
    [InlineData("///lamp leaning north")]
    [InlineData("https://example.org/lamp.leaning.north")]
    public async Task TextThatIsNotThreeWordsIsNotSent(string words)
    {
        Assert.Null(await Client().ConvertAsync(words, CancellationToken.None));
        Assert.Equal(0, what3words.Connections);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotSwallowed()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().ConvertAsync("///lamp.leaning.north", new CancellationToken(canceled: true)));
    }

    private void Answer(string status, string body, string contentType = "application/json") =>
        what3words.Respond = (path, stream, ct) =>
        {
            paths.Enqueue(path);
            return LoopbackHttpServer.WriteAsync(stream, status, body, ct, $"Content-Type: {contentType}\r\n");
        };

    private What3WordsClient Client(string? key = Key, string? endpoint = null) => new(
        new HttpClient(new Recorder(keys, new GuardedHttpHandler(new OutboundOptions { AllowedNetworks = "127.0.0.1/32" }))),
        Options.Create(new GeocoderOptions
        {
            What3WordsKey = key,
            What3WordsEndpoint = endpoint ?? $"http://127.0.0.1:{what3words.Port}",
        }),
        log);

    /// <summary>Notes the X-Api-Key of each request as the client hands it to the guard, which puts it on the wire unchanged.</summary>
    private sealed class Recorder(ConcurrentQueue<string> keys, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("X-Api-Key", out var values))
            {
                keys.Enqueue(string.Join(",", values));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Every line the client logs, at every level, with its exception.</summary>
    private sealed class ListLogger : ILogger<What3WordsClient>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
