using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Api.Manage;

/// <summary>
/// The manage API for connector sources (admin key) and for intake records (what happened to each inbound report; a
/// town's staff see and finish their towns' reports). A source's settings are validated by the connector that owns
/// its type; its secrets are write-only.
/// </summary>
public sealed class SourcesAndIntakeEndpoints(
    ISourceStore sources,
    IIntakeStore intake,
    ConnectorCatalog connectors,
    SourcePolling polling,
    Core.Jurisdictions.JurisdictionRegistry registry,
    Core.Staff.IntakeFinisher finisher,
    PublicBase publicBase,
    Staff.StaffAccess admin,
    ILogger<SourcesAndIntakeEndpoints> logger)
{
    public const int MaxSourceBytes = 64 * 1024;

    public Task<IResult> PutSourceAsync(HttpRequest request, string id) => admin.RunAdminAsync(request, logger, async ct =>
    {
        var document = await JsonBody.ReadAsync<SourceDocument>(request, ct, MaxSourceBytes);
        if (!InputText.IsIdentifier(id) || id.Contains(':'))
        {
            throw Open311Exception.BadRequest("The source id must be 1–100 printable characters without / \\ # ? or ':'.");
        }

        var connector = connectors.Find(document.Type)
            ?? throw Open311Exception.BadRequest($"type must be one of: {string.Join(", ", connectors.Types)}.");

        // Secrets sent back as "(hidden)" keep their stored values; the connector then sees the document as it will be stored.
        var node = (JsonObject)JsonSerializer.SerializeToNode(document, DocumentJson.Options)!;
        var stored = await sources.GetAsync(id, ct) is { } json ? JsonNode.Parse(json) as JsonObject : null;
        SourceSecrets.Restore(node, stored, connector.Secrets);
        document = node.Deserialize<SourceDocument>(DocumentJson.Options)!;
        var known = (await registry.GetSnapshotAsync(ct)).All;
        var errors = Common(document).Concat((document.Jurisdictions ?? []).Where(j => !known.ContainsKey(j)).Select(j => $"jurisdictions names '{InputText.Quote(j)}', which is not a jurisdiction here.")).Concat(connector.Validate(document)).ToList();
        if (errors.Count > 0)
        {
            throw Open311Exception.BadRequest(errors);
        }

        await sources.PutAsync(id, node.ToJsonString(DocumentJson.Options), ct);
        logger.LogInformation("Source {Source} ({Type}) saved", id, document.Type);
        return Shown(node, connector);
    });

    public Task<IResult> GetSourceAsync(HttpRequest request, string id) => admin.RunAdminAsync(request, logger, async ct =>
    {
        var json = (InputText.IsIdentifier(id) ? await sources.GetAsync(id, ct) : null) ?? throw Open311Exception.NotFound($"No source '{InputText.Quote(id)}'.");
        var node = (JsonObject)JsonNode.Parse(json)!;
        return Shown(node, connectors.Find(node["type"]?.GetValue<string>()));
    });

    /// <summary>Polls a source now instead of waiting for the timer; answers what the poll did.</summary>
    public Task<IResult> PollSourceAsync(HttpRequest request, string id) => admin.RunAdminAsync(request, logger, async ct =>
    {
        _ = (InputText.IsIdentifier(id) ? await sources.GetAsync(id, ct) : null) ?? throw Open311Exception.NotFound($"No source '{InputText.Quote(id)}'.");
        return Results.Json(await polling.PollAsync(id, ct), DocumentJson.Options);
    });

    public Task<IResult> GetIntakeAsync(HttpRequest request, string intakeId) => admin.RunAsync(request, logger, async (member, ct) =>
    {
        var record = await FindIntakeAsync(intakeId, member, ct);
        return Results.Json(record, DocumentJson.Options);
    });

    /// <summary>Intake records newest first; staff see those of their towns (<c>jurisdiction_id</c> narrows to one).</summary>
    public Task<IResult> ListIntakeAsync(HttpRequest request) => admin.RunAsync(request, logger, async (member, ct) =>
    {
        var p = ParameterReader.FromQuery(request);
        var take = int.TryParse(p.Get("take"), out var t) && t is > 0 and <= 1000 ? t : 100;
        var town = p.Get("jurisdiction_id");
        if (town is not null)
        {
            member.Require(town);
        }

        // Staff see their towns' records only: read the newest thousand and keep the first of theirs.
        var viewer = town is null ? member : new Core.Staff.StaffMember(member.Name, [town]);
        var records = await intake.ListAsync(p.Get("source"), p.Get("outcome"), viewer.IsAdmin ? take : 1000, ct);
        var shown = await finisher.VisibleAsync(records, viewer, take, ct);
        return Results.Json(shown, DocumentJson.Options);
    });

    /// <summary>A staff member places a report on the map and/or picks its service; the pipeline finishes it.</summary>
    public Task<IResult> FinishIntakeAsync(HttpRequest request, string intakeId) => admin.RunAsync(request, logger, async (member, ct) =>
    {
        var fix = await JsonBody.ReadAsync<IntakeFixDocument>(request, ct);
        var record = await FindIntakeAsync(intakeId, member, ct);
        var town = fix.JurisdictionId ?? throw Open311Exception.BadRequest("jurisdiction_id is required: the town whose map the report was placed on.");
        var finished = await finisher.FinishAsync(record, new Core.Staff.IntakeFix(town, fix.Lat, fix.Long, string.IsNullOrWhiteSpace(fix.ServiceCode) ? null : fix.ServiceCode), member, publicBase.Open311, ct);
        logger.LogInformation("Intake {IntakeId} finished by {Staff}: {Outcome}", record.IntakeId, member.Name, finished.Outcome);
        return Results.Json(finished, DocumentJson.Options);
    });

    private async Task<IntakeRecord> FindIntakeAsync(string intakeId, Core.Staff.StaffMember member, CancellationToken ct)
    {
        var record = IntakeRecord.TryParseId(intakeId, out var source, out var external) ? await intake.GetAsync(source, external, ct) : null;
        if (record is null || !await finisher.VisibleToAsync(record, member, ct))
        {
            throw Open311Exception.NotFound($"No intake record '{InputText.Quote(intakeId)}'.");
        }

        return record;
    }

    private static IResult Shown(JsonObject node, IConnector? connector)
    {
        SourceSecrets.Mask(node, connector?.Secrets ?? []);
        return Results.Text(node.ToJsonString(DocumentJson.Options), "application/json; charset=utf-8");
    }

    /// <summary>The settings every source shares.</summary>
    private static IEnumerable<string> Common(SourceDocument d)
    {
        if (d.CategoryMap is { Count: > 1000 })
        {
            yield return "category_map holds at most 1,000 entries.";
        }

        if (d.MaxAccuracyMeters is < 0)
        {
            yield return "max_accuracy_meters must not be negative.";
        }

        if (d.Jurisdictions is { Count: > 100 })
        {
            yield return "jurisdictions lists at most 100 towns.";
        }
    }
}
