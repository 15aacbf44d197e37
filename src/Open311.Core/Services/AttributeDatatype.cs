namespace Open311.Core.Services;

/// <summary>The six datatypes of a service definition attribute, exactly as the spec names them.</summary>
public enum AttributeDatatype
{
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}
