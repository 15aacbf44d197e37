namespace Open311.Connectors.Tests.Social.Polling;

/// <summary>What the stand-in answers: a status, a body, its type, extra header lines, and a delay before it answers.</summary>
public sealed record StandInAnswer(int Status, string Body, string ContentType = "application/json; charset=utf-8")
{
    public IReadOnlyList<string> Headers { get; init; } = [];

    public TimeSpan Delay { get; init; }

    public static StandInAnswer Json(string body, params string[] headers) => new(200, body) { Headers = headers };
}
