namespace Open311.Connectors.Ushahidi;

/// <summary>How much of a deployment one poll reads: pages of <see cref="PageSize"/> posts, at most <see cref="MaxPages"/> a run (the rest next run).</summary>
public sealed class UshahidiPollOptions
{
    public int PageSize { get; set; } = 100;

    public int MaxPages { get; set; } = 50;
}
