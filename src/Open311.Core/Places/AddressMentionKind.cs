namespace Open311.Core.Places;

/// <summary>What an <see cref="AddressMention"/> names.</summary>
public enum AddressMentionKind
{
    /// <summary>A house number on a street: "12 Main St".</summary>
    House,

    /// <summary>Two streets that cross: "Elm St and 3rd Ave".</summary>
    Intersection,

    /// <summary>A street with no number: "on Main Street".</summary>
    Street,
}
