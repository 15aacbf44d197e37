namespace Open311.Core.Intake;

/// <summary>
/// A source of reports (crisis maps, e-mail, social feeds) plugged into the intake: each registers one, and the manage
/// API, the connector route <c>POST connectors/{type}/{sourceId}/{action}</c> and the poll timer find it by
/// <see cref="Type"/>. Nothing outside a connector's folder names it.
/// </summary>
public interface IConnector
{
    /// <summary>The source type it owns, e.g. <c>email</c>.</summary>
    string Type { get; }

    /// <summary>The <c>{action}</c>s it answers (<c>webhook</c>; <c>mime</c>, <c>sendgrid</c>…); empty for poll-only sources.</summary>
    IReadOnlyList<string> Actions { get; }

    /// <summary>Members of its settings that are secrets (dotted paths, <c>write_back.api_key</c>): write-only in the manage API.</summary>
    IReadOnlyList<string> Secrets { get; }

    /// <summary>The largest delivery body it reads.</summary>
    int MaxBodyBytes { get; }

    /// <summary>Every problem with a source's connector settings; empty when it is usable.</summary>
    IReadOnlyList<string> Validate(SourceDocument source);

    /// <summary>Authenticates a delivery and reads the reports in it. Never throws for what the sender got wrong.</summary>
    Task<InboundBatch> ReceiveAsync(SourceDocument source, InboundDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// After a report went through the pipeline: tell the source (write-back, an acknowledgement e-mail). Returns the
    /// record, with what it did noted on it; a failure is noted, never thrown.
    /// </summary>
    /// <param name="publicBase">Our <c>https://host/open311</c>, for links back to the request; null when unknown.</param>
    Task<IntakeRecord> AfterIntakeAsync(SourceDocument source, InboundReport report, IntakeRecord record, string? publicBase, CancellationToken cancellationToken);

    /// <summary>
    /// The request a report became changed status (staff, a client's update, the city it was passed to): tell the
    /// source, if it asked to be told. Returns a short note of what was done, or null when this source is not set up
    /// for it.
    /// </summary>
    /// <exception cref="SourceNoticeException">The source could not be told now; the notice is kept and tried again.</exception>
    Task<string?> PassOnStatusAsync(SourceDocument source, IntakeRecord record, StatusNotice notice, CancellationToken cancellationToken);

    /// <summary>Reads new reports from the source on the poll timer; null when the connector does not poll.</summary>
    ISourcePoller? Poller { get; }
}
