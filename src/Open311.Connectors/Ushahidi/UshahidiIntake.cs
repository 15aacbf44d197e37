using Open311.Core.Intake;

namespace Open311.Connectors.Ushahidi;

/// <summary>
/// What happens to one Ushahidi post, however it arrived (webhook or poll): its photos are copied, it goes through
/// the intake pipeline, and the deployment is told the 311 id when the source asks for write-back.
/// </summary>
public sealed class UshahidiIntake(IntakePipeline pipeline, UshahidiMediaCopier media, UshahidiWriteBack writeBack, IIntakeStore records)
{
    public async Task<IntakeRecord> AcceptAsync(
        SourceDocument source, InboundReport report, IReadOnlyList<long> mediaIds, string? publicBase, CancellationToken cancellationToken)
    {
        var photos = await media.CopyAsync(report.SourceId, source, mediaIds, publicBase, cancellationToken);
        var record = await pipeline.ProcessAsync(report with { MediaUrls = photos }, source.Settings(report.SourceId), cancellationToken);
        var written = await writeBack.WriteAsync(source, record, cancellationToken);
        if (written != record)
        {
            await records.SaveAsync(written, cancellationToken);
        }

        return written;
    }
}
