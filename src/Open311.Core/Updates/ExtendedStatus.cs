namespace Open311.Core.Updates;

/// <summary>
/// The statuses of the mySociety extension that FixMyStreet speaks (lower case with underscores here; FixMyStreet
/// posts them upper case). GeoReport v2's own calls see only open or closed: <see cref="Plain"/>.
/// </summary>
public static class ExtendedStatus
{
    public static readonly IReadOnlyList<string> Open = ["open", "in_progress", "action_scheduled", "investigating", "for_triage", "reopen"];

    /// <summary>FixMyStreet counts an internal referral as closed too: the report left this body's hands.</summary>
    public static readonly IReadOnlyList<string> Closed = ["closed", "fixed", "duplicate", "not_councils_responsibility", "no_further_action", "internal_referral", "cancelled"];

    public static IEnumerable<string> All => Open.Concat(Closed);

    /// <summary>Reads <c>IN_PROGRESS</c>, <c>in progress</c> or <c>in-progress</c> as <c>in_progress</c>.</summary>
    public static bool TryNormalize(string? text, out string status)
    {
        status = (text ?? string.Empty).Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return All.Contains(status);
    }

    public static string Plain(string status) => Closed.Contains(status) ? Requests.RequestStatus.Closed : Requests.RequestStatus.Open;
}
