using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Open311.Api.Http;
using Open311.Api.Keys;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Jurisdictions.Remote;
using Open311.Core.Keys;
using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Api.Manage;

/// <summary>
/// The manage API: jurisdiction documents, API keys, and staff updates of requests with optimistic concurrency (read
/// the ETag, send it back as If-Match; a stale one gets 412 and nothing changes). Keys, imports and syncs need the
/// admin key; a town's own document and requests are open to its staff too.
/// Errors use the Open311 JSON error body.
/// </summary>
public sealed class ManageEndpoints(
    JurisdictionRegistry registry,
    IJurisdictionStore jurisdictions,
    IApiKeyStore keys,
    ApiKeyAuthenticator authenticator,
    IRequestStore requests,
    Core.Updates.RequestUpdater updater,
    JurisdictionImporter importer,
    RemoteCatalogSync sync,
    TimeProvider time,
    IOptions<Open311Options> options,
    Staff.StaffAccess access,
    ILogger<ManageEndpoints> logger)
{
    public const int MaxRatePerMinute = 100_000;
    public const int MaxImportBytes = 64 * 1024 * 1024;

    /// <summary>What GET shows instead of a remote endpoint's key; sending it back in a PUT keeps the stored key.</summary>
    public const string HiddenKey = "(hidden)";

    public Task<IResult> ListJurisdictionsAsync(HttpRequest request) => access.RunAsync(request, logger, async (member, ct) =>
    {
        var snapshot = await registry.GetSnapshotAsync(ct);
        var list = snapshot.All.Values.Where(j => member.Allows(j.Id)).OrderBy(j => j.Id, StringComparer.Ordinal)
            .Select(j => new { id = j.Id, name = j.Name, tier = j.Tier, hosted = j.Hosted, services = j.Services.Count, changeset = Open311Time.Format(j.Changeset) });
        return Results.Json(list, DocumentJson.Options);
    });

    public Task<IResult> GetJurisdictionAsync(HttpRequest request, string id) => access.RunAsync(request, logger, async (member, ct) =>
    {
        member.Require(id);
        return await JurisdictionDocumentAsync(request, id, ct);
    });

    private async Task<IResult> JurisdictionDocumentAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var stored = await jurisdictions.GetAsync(id, ct) ?? throw Open311Exception.NotFound($"Jurisdiction '{InputText.Quote(id)}' not found.");
        var document = DocumentJson.Read<JurisdictionDocument>(stored.DocumentJson, out _);
        if (document.Remote is { ApiKey: not null } remote)
        {
            remote.ApiKey = HiddenKey;
        }

        return Document(request, JsonSerializer.Serialize(document, DocumentJson.Options), stored.ETag, StatusCodes.Status200OK);
    }

    /// <summary>Copies a remote jurisdiction's catalogue now instead of waiting for the timer.</summary>
    public Task<IResult> SyncJurisdictionAsync(HttpRequest request, string id) => RunAsync(request, async ct =>
    {
        var stored = await jurisdictions.GetAsync(id, ct) ?? throw Open311Exception.NotFound($"Jurisdiction '{InputText.Quote(id)}' not found.");
        if (DocumentJson.Read<JurisdictionDocument>(stored.DocumentJson, out _).Remote is null)
        {
            throw Open311Exception.BadRequest($"Jurisdiction '{InputText.Quote(id)}' is hosted here; only remote jurisdictions are synced.");
        }

        if ((await sync.SyncAsync(id, ct)).Failure is { } failure)
        {
            throw new Open311Exception(502, $"The catalogue of '{InputText.Quote(id)}' was not read: {failure}. The last one is kept.");
        }

        return await JurisdictionDocumentAsync(request, id, ct);
    });

    public Task<IResult> ImportJurisdictionsAsync(HttpRequest request) => RunAsync(request, async ct =>
    {
        var import = await JsonBody.ReadAsync<ImportDocument>(request, ct, MaxImportBytes);
        var report = await importer.ImportAsync(import, ct);
        logger.LogInformation("Imported jurisdictions: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected", report.Created, report.Updated, report.Unchanged, report.Rejected.Count);
        return Results.Json(report, DocumentJson.Options);
    });

    public Task<IResult> PutJurisdictionAsync(HttpRequest request, string id) => access.RunAsync(request, logger, async (member, ct) =>
    {
        member.Require(id);
        var document = await JsonBody.ReadAsync<JurisdictionDocument>(request, ct);
        var existing = await jurisdictions.GetAsync(id, ct);
        var existed = existing is not null;
        if (!member.IsAdmin)
        {
            Core.Staff.StaffDocumentEdits.Check(document, existing is null ? null : DocumentJson.Read<JurisdictionDocument>(existing.DocumentJson, out _), id, await registry.GetSnapshotAsync(ct));
        }

        if (document.Remote is { ApiKey: HiddenKey } remote)
        {
            remote.ApiKey = existing is null ? null : DocumentJson.Read<JurisdictionDocument>(existing.DocumentJson, out _).Remote?.ApiKey;
        }

        var stored = await registry.PutAsync(id, document, IfMatch(request), ct);
        logger.LogInformation("Jurisdiction {Jurisdiction} {Action} with {Services} services by {Staff}", id, existed ? "replaced" : "created", document.Services?.Count ?? 0, member.Name);
        return Document(request, stored.DocumentJson, stored.ETag, existed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    });

    public Task<IResult> CreateKeyAsync(HttpRequest request) => RunAsync(request, async ct =>
    {
        var body = await JsonBody.ReadAsync<ApiKeyDocument>(request, ct);
        var snapshot = await registry.GetSnapshotAsync(ct);
        var errors = KeyRequestChecks.Errors(body, snapshot);
        var rate = body.RatePerMinute ?? options.Value.DefaultRatePerMinute;
        if (rate is < 1 or > MaxRatePerMinute)
        {
            errors.Add($"rate_per_minute must be from 1 to {MaxRatePerMinute}.");
        }

        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }

        // Stored as the registry spells them, whatever case the request used.
        var scope = (body.Jurisdictions ?? []).Select(j => snapshot.Hosted[j].Id).Distinct(StringComparer.Ordinal).ToList();
        var secret = ApiKeySecrets.Generate();
        var hash = ApiKeySecrets.Hash(secret);
        var key = new ApiKey(ApiKeySecrets.IdOf(hash), body.Name!.Trim(), scope, rate, time.GetUtcNow());
        await keys.AddAsync(hash, key, ct);
        logger.LogInformation("API key {KeyId} issued for {Name}", key.Id, key.Name);
        return Results.Json(
            new { api_key = secret, id = key.Id, name = key.Name, jurisdictions = key.Jurisdictions, rate_per_minute = key.RatePerMinute, note = "Store this key now: only its hash is kept." },
            DocumentJson.Options,
            statusCode: StatusCodes.Status201Created);
    });

    /// <summary>Deletes an API key by its id; this instance forgets it at once, others within a minute (their cache).</summary>
    public Task<IResult> RevokeKeyAsync(HttpRequest request, string id) => RunAsync(request, async ct =>
    {
        if (id.Length != 12 || !id.All(char.IsAsciiHexDigitLower) || !await keys.RevokeAsync(id, ct))
        {
            throw Open311Exception.NotFound($"No API key with id '{InputText.Quote(id)}' (the 12-character id shown when it was issued).");
        }

        authenticator.Forget(id);
        logger.LogInformation("API key {KeyId} revoked", id);
        return Results.NoContent();
    });

    public Task<IResult> GetRequestAsync(HttpRequest request, string id) => access.RunAsync(request, logger, async (member, ct) =>
    {
        var stored = await FindAsync(request, member, id, ct);
        return Document(request, JsonSerializer.Serialize(ManagedRequest.From(stored.Request), DocumentJson.Options), stored.ETag, StatusCodes.Status200OK);
    });

    public Task<IResult> PatchRequestAsync(HttpRequest request, string id) => access.RunAsync(request, logger, async (member, ct) =>
    {
        var etag = IfMatch(request) ?? throw new Open311Exception(428, "Send If-Match with the ETag from GET manage/requests/{id}: updates never overwrite blindly.");
        var update = await JsonBody.ReadAsync<RequestUpdate>(request, ct);
        var stored = await FindAsync(request, member, id, ct);
        if (stored.ETag != etag)
        {
            throw new Open311Exception(412, "The request changed since you read it: read it again and reapply your change.");
        }

        var saved = await updater.ChangeAsync(stored, update, member.Name, ct);
        logger.LogInformation("Request {ServiceRequestId} in {Jurisdiction} updated by {Staff}: status {Status}", id, saved.Request.JurisdictionId, member.Name, saved.Request.ExtendedStatus ?? saved.Request.Status);
        return Document(request, JsonSerializer.Serialize(ManagedRequest.From(saved.Request), DocumentJson.Options), saved.ETag, StatusCodes.Status200OK);
    });

    private async Task<StoredRequest> FindAsync(HttpRequest request, Core.Staff.StaffMember member, string id, CancellationToken ct)
    {
        var jurisdiction = await registry.ResolveAsync(ParameterReader.FromQuery(request).Get("jurisdiction_id"), ct);
        member.Require(jurisdiction.Id);
        return (InputText.IsIdentifier(id) ? await requests.GetAsync(jurisdiction.Id, id, ct) : null)
            ?? throw Open311Exception.NotFound($"service_request_id '{InputText.Quote(id)}' not found.");
    }

    private Task<IResult> RunAsync(HttpRequest request, Func<CancellationToken, Task<IResult>> handler) =>
        access.RunAdminAsync(request, logger, handler);

    private static string? IfMatch(HttpRequest request) =>
        request.Headers[HeaderNames.IfMatch].ToString() is { Length: > 0 } value ? value : null;

    private static IResult Document(HttpRequest request, string json, string etag, int status)
    {
        request.HttpContext.Response.Headers.ETag = etag;
        return Results.Text(json, "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
