namespace Open311.Core.Intake;

/// <summary>A payload kept as it arrived (an e-mail's MIME), so nothing a source sent is lost even when it could not be read.</summary>
public sealed record RawPayload(ReadOnlyMemory<byte> Content, string Extension, string ContentType);
