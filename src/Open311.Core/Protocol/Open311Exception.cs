namespace Open311.Core.Protocol;

/// <summary>
/// A failure the client caused or must be told about, carried up to the HTTP edge and written as an
/// Open311 error body. It holds every error found, so a form with three bad fields gets three errors.
/// </summary>
public sealed class Open311Exception : Exception
{
    public Open311Exception(int status, IReadOnlyList<Open311Error> errors, TimeSpan? retryAfter = null)
        : base(errors.Count > 0 ? errors[0].Description : "Open311 error")
    {
        Status = status;
        Errors = errors;
        RetryAfter = retryAfter;
    }

    public Open311Exception(int status, string description)
        : this(status, [new Open311Error(status, description)])
    {
    }

    public int Status { get; }

    public IReadOnlyList<Open311Error> Errors { get; }

    /// <summary>Set for 429 answers: how long the client should wait.</summary>
    public TimeSpan? RetryAfter { get; }

    public static Open311Exception BadRequest(string description) => new(400, description);

    public static Open311Exception BadRequest(IReadOnlyList<string> descriptions) =>
        new(400, descriptions.Select(d => new Open311Error(400, d)).ToArray());

    public static Open311Exception Forbidden(string description) => new(403, description);

    public static Open311Exception NotFound(string description) => new(404, description);
}
