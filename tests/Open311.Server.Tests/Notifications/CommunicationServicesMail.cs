using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Open311.Core.Notifications;
using Open311.Core.Outbound;
using Open311.Storage.Mail;

namespace Open311.Server.Tests.Notifications;

/// <summary>
/// The Azure Communication Services sender against a stand-in on loopback (no Communication Services runs here) that
/// answers as the REST reference documents <c>POST /emails:send?api-version=2023-03-31</c>: 202 with
/// Operation-Location. Entra ID cannot run here either, so the token comes from a fixed credential.
/// </summary>
public sealed class CommunicationServicesMail : IAsyncLifetime
{
    private WebApplication service = null!;
    private readonly List<(string? Authorization, string? Version, JsonNode Body)> received = [];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        service = builder.Build();
        service.MapPost("/emails:send", async (HttpRequest r) =>
        {
            received.Add((r.Headers.Authorization, r.Query["api-version"], (await JsonNode.ParseAsync(r.Body))!));
            r.HttpContext.Response.Headers["Operation-Location"] = $"{r.Scheme}://{r.Host}/emails/operations/op-1?api-version=2023-03-31";
            return Results.Json(new { id = "op-1", status = "Running" }, statusCode: 202);
        });
        await service.StartAsync();
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task AMessageIsSentWithTheIdentitysTokenInTheDocumentedShape()
    {
        var sender = Sender(service.Urls.First());

        await sender.SendAsync(new OutgoingMail("311@riverton.example", "Riverton 311", "ana@example.org", "Re: Pothole", "It is request 12.", "orig@example.org"), CancellationToken.None);

        var (authorization, version, body) = Assert.Single(received);
        Assert.Equal("Bearer token-from-the-managed-identity", authorization);
        Assert.Equal("2023-03-31", version);
        Assert.Equal("311@riverton.example", body["senderAddress"]!.GetValue<string>());
        Assert.Equal("ana@example.org", body["recipients"]!["to"]![0]!["address"]!.GetValue<string>());
        Assert.Equal(("Re: Pothole", "It is request 12."), (body["content"]!["subject"]!.GetValue<string>(), body["content"]!["plainText"]!.GetValue<string>()));
        Assert.Equal(("auto-replied", "<orig@example.org>"), (body["headers"]!["Auto-Submitted"]!.GetValue<string>(), body["headers"]!["In-Reply-To"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ARefusalIsReportedNotThrownAsSomethingElse()
    {
        var sender = Sender("http://127.0.0.1:9");

        var ex = await Assert.ThrowsAsync<MailNotSentException>(() => sender.SendAsync(new OutgoingMail("a@x.example", null, "b@y.example", "s", "t", null), CancellationToken.None));

        Assert.Contains("could not be reached", ex.Message);
    }

    private static CommunicationServicesMailSender Sender(string endpoint) => new(
        new HttpClient(new GuardedHttpHandler(new OutboundOptions { AllowedNetworks = "127.0.0.1/32" })),
        Options.Create(new MailOptions { Provider = "AzureCommunicationServices", AcsEndpoint = endpoint }),
        new FixedToken());

    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token-from-the-managed-identity", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
