using Open311.Core.Protocol;

namespace Open311.Core.Intake;

/// <summary>
/// One report from any connector, however it arrived (a delivery or a poll): through the pipeline, then back to its
/// connector (write-back, acknowledgement), whose outcome is kept on the record.
/// </summary>
public sealed class IntakeService(IntakePipeline pipeline, IIntakeStore records, PublicBase configuredBase)
{
    /// <param name="publicBase">Our <c>https://host/open311</c> as the delivery saw it; the configured one when null.</param>
    public async Task<IntakeRecord> AcceptAsync(IConnector connector, SourceDocument source, InboundReport report, string? publicBase, CancellationToken cancellationToken)
    {
        var origin = publicBase ?? configuredBase.Open311;
        var record = await pipeline.ProcessAsync(report, source.ToSettings(report.SourceId), origin, cancellationToken);
        var after = await connector.AfterIntakeAsync(source, report, record, origin, cancellationToken);
        return after == record ? after : await records.SaveAsync(after, cancellationToken);
    }
}
