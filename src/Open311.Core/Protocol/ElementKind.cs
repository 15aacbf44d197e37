namespace Open311.Core.Protocol;

public enum ElementKind
{
    Object,
    List,
    String,
    Number,
    Boolean,
    Null,
}
