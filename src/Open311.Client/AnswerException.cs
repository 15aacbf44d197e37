namespace Open311.Client;

/// <summary>An answer the parsers cannot use (not JSON or XML, an HTML page, an error list); the client adds the call.</summary>
internal sealed class AnswerException : Exception
{
    public AnswerException(IReadOnlyList<string> reasons, Exception? innerException = null)
        : base(string.Join("; ", reasons), innerException)
    {
        Reasons = reasons;
    }

    public IReadOnlyList<string> Reasons { get; }
}
