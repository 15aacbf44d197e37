namespace Open311.Core.Outbound;

/// <summary>
/// An outbound call the guard would not make or finish: a scheme other than http(s), an address that is not public,
/// too many redirects, an answer over its size limit. An <see cref="HttpRequestException"/>, so every caller that
/// already records failed calls records these too. The message never says what a refused address answered.
/// </summary>
public sealed class OutboundRefusedException(string message) : HttpRequestException(message);
