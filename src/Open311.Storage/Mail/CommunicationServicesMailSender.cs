using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Core;
using Microsoft.Extensions.Options;
using Open311.Core.Notifications;

namespace Open311.Storage.Mail;

/// <summary>
/// Mail through Azure Communication Services Email (<c>Mail__Provider=AzureCommunicationServices</c>): its REST call
/// <c>POST {endpoint}/emails:send?api-version=2023-03-31</c>, signed in with the app's managed identity (Entra ID),
/// through the guarded outbound client. The service answers 202 and sends on its own.
/// </summary>
public sealed class CommunicationServicesMailSender(HttpClient http, IOptions<MailOptions> options, TokenCredential credential) : IMailSender
{
    public const string ApiVersion = "2023-03-31";
    private static readonly string[] Scopes = ["https://communication.azure.com/.default"];

    public bool Configured => options.Value.AcsEndpoint is { Length: > 0 };

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.AcsEndpoint?.TrimEnd('/') ?? throw new MailNotSentException("Mail__AcsEndpoint is not set");
        var headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" };
        if (mail.InReplyTo is { } original)
        {
            headers["In-Reply-To"] = $"<{original}>";
            headers["References"] = $"<{original}>";
        }

        var body = new
        {
            senderAddress = mail.From,
            recipients = new { to = new[] { new { address = mail.To } } },
            content = new { subject = mail.Subject, plainText = mail.Text },
            headers,
        };
        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{endpoint}/emails:send?api-version={ApiVersion}") { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            request.Headers.Add("x-ms-client-request-id", Guid.NewGuid().ToString());
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new MailNotSentException($"Communication Services answered HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or Azure.Identity.AuthenticationFailedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MailNotSentException($"Communication Services could not be reached ({ex.Message})", ex);
        }
    }
}
