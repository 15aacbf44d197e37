using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Open311.Core.Staff;

namespace Open311.Api.Staff;

/// <summary>
/// The person App Service Authentication signed in: its <c>X-MS-CLIENT-PRINCIPAL</c> header is base64 JSON
/// (<c>{"auth_typ": "aad", "claims": [{"typ": "groups", "val": "…"}, …]}</c>), written by the platform in front of
/// the app. Mapped to towns by the configured group ids and e-mail addresses.
/// </summary>
public sealed record AppServicePrincipal(string Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Groups)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const int MaxHeaderLength = 64 * 1024;

    private static readonly string[] EmailClaims =
    [
        "preferred_username", "email", "emails", "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    ];

    /// <summary>The principal of this request, or null when there is none or it cannot be read.</summary>
    public static AppServicePrincipal? From(HttpRequest request)
    {
        var header = request.Headers[Header].ToString();
        if (header.Length is 0 or > MaxHeaderLength)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(header));
            var claims = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("claims", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray()
                    .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String && c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String)
                    .Select(c => (Type: c.GetProperty("typ").GetString()!, Value: c.GetProperty("val").GetString()!))
                    .ToList()
                : [];
            var emails = claims.Where(c => EmailClaims.Contains(c.Type, StringComparer.OrdinalIgnoreCase) && c.Value.Contains('@')).Select(c => c.Value.Trim().ToLowerInvariant()).Distinct().ToList();
            var groups = claims.Where(c => c.Type == "groups").Select(c => c.Value.Trim().ToLowerInvariant()).Distinct().ToList();
            var headerName = request.Headers[NameHeader].ToString();
            var name = claims.FirstOrDefault(c => c.Type == "name").Value ?? (headerName.Length > 0 ? headerName : emails.FirstOrDefault());
            return name is null && emails.Count == 0 && groups.Count == 0 ? null : new AppServicePrincipal(name ?? "signed-in user", emails, groups);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The towns this person works for by <paramref name="groups"/> and <paramref name="emails"/> (each <c>id=town,town;…</c>).</summary>
    public StaffMember? ToMember(string? groups, string? emails)
    {
        var towns = Towns(groups, Groups).Concat(Towns(emails, Emails)).Distinct(StringComparer.Ordinal).ToList();
        return towns.Count == 0 ? null : new StaffMember(Emails.FirstOrDefault() is { } email && email != Name ? $"{Name} ({email})" : Name, towns);
    }

    private static IEnumerable<string> Towns(string? map, IReadOnlyList<string> mine)
    {
        foreach (var entry in (map ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && mine.Contains(parts[0].ToLowerInvariant(), StringComparer.Ordinal))
            {
                foreach (var town in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return town;
                }
            }
        }
    }
}
