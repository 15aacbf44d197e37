using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Open311.Api.Http;
using Open311.Api.Manage;
using Open311.Core.Forwarding;
using Open311.Core.Intake;
using Open311.Core.Jurisdictions.Documents;
using Open311.Core.Protocol;

namespace Open311.Api.Outbox;

/// <summary>
/// The manage API's view of the outbox: deliveries to remote cities by state (<c>?state=dead</c> — the dead-letter
/// list, each with its reason), and a replay of one (<c>POST manage/outbox/{intakeId}/retry</c>).
/// </summary>
public sealed class OutboxEndpoints(IIntakeStore records, IWorkQueue queue, TimeProvider time, Staff.StaffAccess admin, ILogger<OutboxEndpoints> logger)
{
    private static readonly string[] States =
        [DeliveryState.Queued, DeliveryState.Sending, DeliveryState.Delivered, DeliveryState.WaitingForToken, DeliveryState.Failed, DeliveryState.Dead];

    public Task<IResult> ListAsync(HttpRequest request) => admin.RunAdminAsync(request, logger, async ct =>
    {
        var p = ParameterReader.FromQuery(request);
        var state = p.Get("state") ?? DeliveryState.Dead;
        if (!States.Contains(state))
        {
            throw Open311Exception.BadRequest($"state must be one of: {string.Join(", ", States)}.");
        }

        var take = int.TryParse(p.Get("take"), out var t) && t is > 0 and <= 1000 ? t : 100;
        return Results.Json(await records.ListByDeliveryAsync(state, take, ct), DocumentJson.Options);
    });

    public Task<IResult> RetryAsync(HttpRequest request, string intakeId) => admin.RunAdminAsync(request, logger, async ct =>
    {
        var parts = intakeId.Split(':', 2);
        var record = (parts.Length == 2 ? await records.GetAsync(parts[0], parts[1], ct) : null)
            ?? throw Open311Exception.NotFound($"No intake record '{InputText.Quote(intakeId)}'.");
        if (record.Delivery is not { State: DeliveryState.Dead or DeliveryState.Failed } delivery)
        {
            throw new Open311Exception(409, $"Only a dead or failed delivery can be retried; this one is {record.Delivery?.State ?? "not a delivery"}.");
        }

        try
        {
            var again = delivery with { State = DeliveryState.Queued, Attempts = 0, NextAttemptAt = time.GetUtcNow(), Reason = $"retried by staff after: {delivery.Reason}" };
            record = await records.SaveAsync(record with { Delivery = again }, ct);
        }
        catch (IntakeConflictException)
        {
            throw new Open311Exception(409, "The record changed at the same moment; read it again.");
        }

        await queue.EnqueueAsync(new ForwardMessage(record.IntakeId, record.SourceId, record.ExternalId), null, ct);
        logger.LogInformation("Forward {IntakeId} queued again by staff", record.IntakeId);
        return Results.Json(record, DocumentJson.Options, statusCode: StatusCodes.Status202Accepted);
    });
}
