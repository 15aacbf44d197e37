using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Manage;
using Open311.Core.Jurisdictions;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Keys;
using Open311.Core.Protocol;
using Open311.Core.Staff;

namespace Open311.Api.Staff;

/// <summary>
/// Staff keys (issued and revoked with the admin key; each names the towns it works for) and <c>staff/me</c>, which
/// tells the console who is signed in and for which towns.
/// </summary>
public sealed class StaffEndpoints(IStaffKeyStore keys, JurisdictionRegistry registry, StaffAccess access, TimeProvider time, ILogger<StaffEndpoints> logger)
{
    public Task<IResult> MeAsync(HttpRequest request) => access.RunAsync(request, logger, async (member, ct) =>
    {
        var snapshot = await registry.GetSnapshotAsync(ct);
        var towns = snapshot.Hosted.Values.Where(j => member.Allows(j.Id)).OrderBy(j => j.Id, StringComparer.Ordinal).Select(j => new { id = j.Id, name = j.Name });
        return Results.Json(new { name = member.Name, admin = member.IsAdmin, jurisdictions = towns }, DocumentJson.Options);
    });

    public Task<IResult> ListKeysAsync(HttpRequest request) => access.RunAdminAsync(request, logger, async ct =>
        Results.Json((await keys.ListAsync(ct)).OrderBy(k => k.CreatedAt).Select(k => new { id = k.Id, name = k.Name, jurisdictions = k.Jurisdictions, created_at = Open311Time.Format(k.CreatedAt) }), DocumentJson.Options));

    public Task<IResult> CreateKeyAsync(HttpRequest request) => access.RunAdminAsync(request, logger, async ct =>
    {
        var body = await JsonBody.ReadAsync<ApiKeyDocument>(request, ct);
        var errors = KeyRequestChecks.Errors(body, await registry.GetSnapshotAsync(ct));
        var towns = body.Jurisdictions ?? [];
        if (towns.Count is 0 or > 100)
        {
            errors.Add("jurisdictions must name the towns (1 to 100) this staff member works for.");
        }

        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }

        // Stored as the registry spells them, whatever case the request used.
        var snapshot = await registry.GetSnapshotAsync(ct);
        var secret = ApiKeySecrets.Generate();
        var hash = ApiKeySecrets.Hash(secret);
        var key = new StaffKey(ApiKeySecrets.IdOf(hash), body.Name!.Trim(), towns.Select(j => snapshot.Hosted[j!].Id).Distinct(StringComparer.Ordinal).ToList(), time.GetUtcNow());
        await keys.AddAsync(hash, key, ct);
        logger.LogInformation("Staff key {KeyId} issued for {Name} ({Jurisdictions})", key.Id, key.Name, string.Join(", ", key.Jurisdictions));
        return Results.Json(
            new { staff_key = secret, id = key.Id, name = key.Name, jurisdictions = key.Jurisdictions, note = "Give this key to the staff member now: only its hash is kept." },
            DocumentJson.Options,
            statusCode: StatusCodes.Status201Created);
    });

    /// <summary>Deletes a staff key: it is looked up on every call, so it stops working on every instance at once.</summary>
    public Task<IResult> RevokeKeyAsync(HttpRequest request, string id) => access.RunAdminAsync(request, logger, async ct =>
    {
        if (id.Length != 12 || !id.All(char.IsAsciiHexDigitLower) || !await keys.RevokeAsync(id, ct))
        {
            throw Open311Exception.NotFound($"No staff key with id '{InputText.Quote(id)}' (the 12-character id shown when it was issued).");
        }

        logger.LogInformation("Staff key {KeyId} revoked", id);
        return Results.NoContent();
    });
}
