namespace Open311.Api;

/// <summary>Configuration section <c>Open311</c> (environment: <c>Open311__AdminKey</c>, …), the same in both hosts.</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>Bearer key of the manage API. Unset: the manage API answers 403 to everyone.</summary>
    public string? AdminKey { get; set; }

    /// <summary>The public origin (https://311.example.org) used in discovery and media URLs; default: the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    public string? Contact { get; set; }

    public string? KeyService { get; set; }

    /// <summary>Discovery endpoint type: production or test.</summary>
    public string EndpointType { get; set; } = "production";

    /// <summary>
    /// A second endpoint for discovery, of type test (a staging deployment's <c>…/open311/v2</c>). Clients such as
    /// the SeeClickFix validator expect a production and a test endpoint.
    /// </summary>
    public string? TestEndpointUrl { get; set; }

    /// <summary>Largest accepted photo.</summary>
    public int MaxMediaBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often the Kestrel host copies remote jurisdictions' catalogues (the Functions app uses its timer schedule).</summary>
    public TimeSpan RemoteSyncInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often the Kestrel host polls connector sources (the Functions app uses its timer schedule, every 5 minutes).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rate for keys issued without one, in requests per minute per key.</summary>
    public int DefaultRatePerMinute { get; set; } = 60;

    /// <summary>
    /// Comma-separated origins (<c>https://clerk.riverton.example</c>) whose pages may call the manage API from a
    /// browser. Empty: no cross-origin access to it at all (the public API stays open to every origin).
    /// </summary>
    public string? ManageCorsOrigins { get; set; }

    /// <summary>
    /// The header a trusted front end puts the client's address in (<c>X-Forwarded-For</c> behind Azure's front ends);
    /// the right-most entry is used. Empty: the connection's own address (the Kestrel host facing clients directly).
    /// </summary>
    public string? ClientIpHeader { get; set; }

    /// <summary>Per client address: lookups a minute (they are cheap, but a scraper should not have the index for free).</summary>
    public int LookupPerMinute { get; set; } = 300;

    /// <summary>Per client address: manage API calls a minute.</summary>
    public int ManagePerMinute { get; set; } = 300;

    /// <summary>
    /// Per client address and kind: refused credentials a minute — webhook signatures, unknown API keys, wrong admin
    /// keys. Past it, that address gets 429 for that kind until the minute refills, before any check or storage read.
    /// </summary>
    public int FailuresPerMinute { get; set; } = 30;

    /// <summary>
    /// Sign-in to the console with Microsoft Entra ID through App Service Authentication: the principal it puts in
    /// <c>X-MS-CLIENT-PRINCIPAL</c> is mapped to towns by <see cref="StaffGroups"/> and <see cref="StaffEmails"/>. Only
    /// for an app behind App Service Authentication, which drops that header from what clients send; never on a host
    /// that clients reach directly, where anyone could write it.
    /// </summary>
    public bool TrustAppServiceAuthentication { get; set; }

    /// <summary>Entra group object ids and the towns their members work for: <c>{group id}=town1,town2;{group id}=town3</c>.</summary>
    public string? StaffGroups { get; set; }

    /// <summary>Signed-in e-mail addresses and their towns: <c>clerk@riverton.example=riverton.example;…</c>.</summary>
    public string? StaffEmails { get; set; }

    /// <summary>A tile layer for the console's and tracker's maps (<c>https://tiles.example/{z}/{x}/{y}.png</c>); none: outline maps.</summary>
    public string? MapTilesUrl { get; set; }

    /// <summary>The attribution the tile provider asks for, shown on the maps.</summary>
    public string? MapTilesAttribution { get; set; }

    public IReadOnlyList<string> ManageOrigins() =>
        (ManageCorsOrigins ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
