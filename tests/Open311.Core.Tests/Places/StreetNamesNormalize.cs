using Open311.Core.Places;

namespace Open311.Core.Tests.Places;

/// <summary>Street keys: the spellings residents and address files use meet on one key.</summary>
public sealed class StreetNamesNormalize
{
    [Theory]
    [InlineData("Main Street", "main st")]
    [InlineData("MAIN ST.", "main st")]
    [InlineData("N. Main St.", "n main st")]
    [InlineData("North Main Street", "n main st")]
    [InlineData("Third Avenue", "3 ave")]
    [InlineData("3rd Ave", "3 ave")]
    [InlineData("East 42nd Street", "e 42 st")]
    [InlineData("Martin Luther King Jr. Blvd", "martin luther king jr blvd")]
    [InlineData("O'Neil Rd", "oneil rd")]
    [InlineData("Old Mill-Pond  Road", "old mill pond rd")]
    public void SuffixesDirectionsAndOrdinalsAreCanonical(string street, string key)
    {
        Assert.Equal(key, StreetName.Normalize(street));
    }

    [Theory]
    [InlineData("St. Paul Street", "saint paul st")]
    [InlineData("Saint Paul St", "saint paul st")]
    [InlineData("St Paul", "saint paul")]
    [InlineData("Main St", "main st")]
    [InlineData("N St", "n st")]
    [InlineData("E St NW", "e st nw")]
    public void StOpeningANameIsSaintAndEndingItIsStreet(string street, string key)
    {
        Assert.Equal(key, StreetName.Normalize(street));
    }

    [Theory]
    [InlineData("Rue de l'\u00C9glise", "rue de leglise")]
    [InlineData("RUE DE L\u2019\u00C9GLISE", "rue de leglise")]
    [InlineData("Rue de l'E\u0301glise", "rue de leglise")]
    [InlineData("Gro\u00DFe Stra\u00DFe", "grosse strasse")]
    [InlineData("S\u00F8ndre Gate", "sondre gate")]
    [InlineData("\u0141\u0105kowa", "lakowa")]
    [InlineData("Hafnarstr\u00E6ti", "hafnarstraeti")]
    [InlineData("Calea Victoriei \u0219i \u021Aara", "calea victoriei si tara")]
    public void DiacriticsFoldAwayEvenWithoutGlobalizationData(string street, string key)
    {
        Assert.Equal(key, StreetName.Normalize(street));
    }

    [Theory]
    [InlineData("N. Main St.", "North Main Street")]
    [InlineData("Third Avenue", "3rd Ave")]
    [InlineData("St. Paul Street", "Saint Paul St")]
    [InlineData("Rue de l'\u00C9glise", "RUE DE L'EGLISE")]
    public void TwoSpellingsOfOneStreetShareAKey(string one, string other)
    {
        Assert.Equal(StreetName.Normalize(one), StreetName.Normalize(other));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-- . --")]
    public void NothingToNameGivesAnEmptyKey(string street)
    {
        Assert.Equal("", StreetName.Normalize(street));
    }

    [Fact]
    public void AVariantDropsTheSuffix()
    {
        Assert.Equal(["elm st", "elm"], StreetName.Variants("elm st"));
    }

    [Fact]
    public void VariantsDropDirectionsAndSuffixKeyFirst()
    {
        Assert.Equal(["n main st", "n main", "main st", "main"], StreetName.Variants(StreetName.Normalize("N. Main St.")));
        Assert.Equal(["main st n", "main n", "main st", "main"], StreetName.Variants(StreetName.Normalize("Main Street North")));
    }

    [Fact]
    public void AStreetNamedByADirectionKeepsItsName()
    {
        Assert.Equal(["n st", "n"], StreetName.Variants("n st"));
    }

    [Fact]
    public void AKeyWithNothingToDropIsItsOnlyVariant()
    {
        Assert.Equal(["broadway"], StreetName.Variants("broadway"));
        Assert.Empty(StreetName.Variants(""));
    }
}
