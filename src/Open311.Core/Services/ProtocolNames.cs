namespace Open311.Core.Services;

/// <summary>The wire spellings of the service enums (lower-case words, <c>singlevaluelist</c> not <c>single_value_list</c>).</summary>
public static class ProtocolNames
{
    public static string Of(ServiceType type) => type.ToString().ToLowerInvariant();

    public static string Of(AttributeDatatype datatype) => datatype.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out ServiceType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type) && !IsNumeric(text);

    public static bool TryParse(string? text, out AttributeDatatype datatype) =>
        Enum.TryParse(text, ignoreCase: true, out datatype) && Enum.IsDefined(datatype) && !IsNumeric(text);

    private static bool IsNumeric(string? text) => text is not null && text.Length > 0 && char.IsAsciiDigit(text[0]);
}
