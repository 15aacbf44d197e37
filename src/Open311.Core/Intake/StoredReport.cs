using Open311.Core.Protocol;
using Open311.Core.Requests;

namespace Open311.Core.Intake;

/// <summary>
/// What a report said, kept on its intake record (staff-only like the record): so that a later answer in its thread,
/// or a person placing it on a map, can finish it into a request without the source sending it again.
/// </summary>
public sealed record StoredReport
{
    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? AddressText { get; init; }

    public double? Lat { get; init; }

    public double? Long { get; init; }

    public double? AccuracyMeters { get; init; }

    public IReadOnlyList<string> CategoryHints { get; init; } = [];

    public Requester Contact { get; init; } = Requester.None;

    public string? JurisdictionId { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public string? Url { get; init; }

    public static StoredReport From(InboundReport report) => new()
    {
        Title = report.Title is { } title ? InputText.Truncate(title, 400) : null,
        Text = report.Text is { } text ? InputText.Truncate(text, RequestSubmission.MaxDescriptionLength) : null,
        AddressText = report.AddressText is { } address ? InputText.Truncate(address, 400) : null,
        Lat = report.Lat,
        Long = report.Long,
        AccuracyMeters = report.AccuracyMeters,
        CategoryHints = report.CategoryHints.Take(20).ToList(),
        Contact = report.Contact,
        JurisdictionId = report.JurisdictionId,
        ReceivedAt = report.ReceivedAt,
        EditedAt = report.EditedAt,
        Url = report.Url,
    };

    /// <summary>The report again, as a connector would hand it over (its photos are already stored: the record has them).</summary>
    public InboundReport ToReport(string sourceId, string externalId) => new()
    {
        SourceId = sourceId,
        ExternalId = externalId,
        Title = Title,
        Text = Text,
        AddressText = AddressText,
        Lat = Lat,
        Long = Long,
        AccuracyMeters = AccuracyMeters,
        CategoryHints = CategoryHints,
        Contact = Contact,
        JurisdictionId = JurisdictionId,
        ReceivedAt = ReceivedAt,
        EditedAt = EditedAt,
        Url = Url,
    };
}
