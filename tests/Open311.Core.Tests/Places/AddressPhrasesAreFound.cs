using Open311.Core.Places;

namespace Open311.Core.Tests.Places;

/// <summary>Addresses as residents write them: house numbers, crossings and streets alone.</summary>
public sealed class AddressPhrasesAreFound
{
    [Fact]
    public void APotholeOutsideAHouseNumberIsAHouse()
    {
        var mention = Assert.Single(AddressPhrase.Find("pothole outside 12 Main St, near the school"));

        Assert.Equal(AddressMentionKind.House, mention.Kind);
        Assert.Equal("12", mention.Number);
        Assert.Equal("Main St", mention.Street);
        Assert.Null(mention.CrossStreet);
        Assert.Null(mention.Unit);
        Assert.Equal("12 Main St", mention.Phrase);
    }

    [Theory]
    [InlineData("Graffiti at 12B Main St.", "12B", "Main St", "12B Main St")]
    [InlineData("Leaf pile in front of 12-14 Main St", "12", "Main St", "12-14 Main St")]
    [InlineData("Broken hydrant by #12 Main St", "12", "Main St", "#12 Main St")]
    [InlineData("Flooding at 12 Broadway, again", "12", "Broadway", "12 Broadway")]
    [InlineData("Tree down at 44 N. Main St. this morning", "44", "N. Main St", "44 N. Main St")]
    [InlineData("Missed pickup at 7 St. Paul St", "7", "St. Paul St", "7 St. Paul St")]
    [InlineData("Noise from 350 5th Ave all night", "350", "5th Ave", "350 5th Ave")]
    [InlineData("Sinkhole at 18 Elm Street", "18", "Elm Street", "18 Elm Street")]
    public void HouseNumbersAreReadAsWritten(string text, string number, string street, string phrase)
    {
        var mention = Assert.Single(AddressPhrase.Find(text));

        Assert.Equal(AddressMentionKind.House, mention.Kind);
        Assert.Equal(number, mention.Number);
        Assert.Equal(street, mention.Street);
        Assert.Equal(phrase, mention.Phrase);
    }

    [Theory]
    [InlineData("Leak at 12 Main St Apt 4", "Apt 4", "12 Main St Apt 4")]
    [InlineData("Leak at 12 Main St, Unit 4", "Unit 4", "12 Main St, Unit 4")]
    [InlineData("Leak at 12 Main St Fl 2", "Fl 2", "12 Main St Fl 2")]
    [InlineData("Leak at 12 Main St, 2nd floor", "2nd floor", "12 Main St, 2nd floor")]
    [InlineData("Leak at 12 Main St #4", "#4", "12 Main St #4")]
    public void AUnitIsCapturedApartFromTheStreet(string text, string unit, string phrase)
    {
        var mention = Assert.Single(AddressPhrase.Find(text));

        Assert.Equal("12", mention.Number);
        Assert.Equal("Main St", mention.Street);
        Assert.Equal(unit, mention.Unit);
        Assert.Equal(phrase, mention.Phrase);
    }

    [Fact]
    public void AUnitBeforeASlashIsTheUnitAndTheNumberFollows()
    {
        var mention = Assert.Single(AddressPhrase.Find("The hydrant at 1/12 Main St is leaking"));

        Assert.Equal("1", mention.Unit);
        Assert.Equal("12", mention.Number);
        Assert.Equal("Main St", mention.Street);
        Assert.Equal("1/12 Main St", mention.Phrase);
    }

    [Theory]
    [InlineData("the lamp on Elm and 3rd is out", "Elm", "3rd", "Elm and 3rd")]
    [InlineData("Pothole at the corner of Elm St and 3rd Ave", "Elm St", "3rd Ave", "Elm St and 3rd Ave")]
    [InlineData("Elm St & 3rd Ave: signal stuck on red", "Elm St", "3rd Ave", "Elm St & 3rd Ave")]
    [InlineData("Streetlight out at Elm/3rd", "Elm", "3rd", "Elm/3rd")]
    [InlineData("Crash at the intersection of Elm Street and Third Avenue", "Elm Street", "Third Avenue", "Elm Street and Third Avenue")]
    [InlineData("Ice on the corner of Elm at 3rd", "Elm", "3rd", "Elm at 3rd")]
    [InlineData("Signal dark, Elm St at 3rd Ave", "Elm St", "3rd Ave", "Elm St at 3rd Ave")]
    public void CrossingStreetsAreAnIntersection(string text, string street, string crossStreet, string phrase)
    {
        var mention = Assert.Single(AddressPhrase.Find(text));

        Assert.Equal(AddressMentionKind.Intersection, mention.Kind);
        Assert.Null(mention.Number);
        Assert.Equal(street, mention.Street);
        Assert.Equal(crossStreet, mention.CrossStreet);
        Assert.Equal(phrase, mention.Phrase);
    }

    [Theory]
    [InlineData("Tree down on Main Street", "Main Street")]
    [InlineData("Water pooling along Elm Ave", "Elm Ave")]
    [InlineData("Potholes all down N Main St NW after the thaw", "N Main St NW")]
    public void AStreetAfterOnOrAlongIsAStreet(string text, string street)
    {
        var mention = Assert.Single(AddressPhrase.Find(text));

        Assert.Equal(AddressMentionKind.Street, mention.Kind);
        Assert.Null(mention.Number);
        Assert.Equal(street, mention.Street);
        Assert.Equal(street, mention.Phrase);
    }

    [Fact]
    public void AStretchBetweenTwoStreetsIsNotACrossing()
    {
        var mention = Assert.Single(AddressPhrase.Find("Potholes on Main St between Elm and 3rd"));

        Assert.Equal((AddressMentionKind.Street, "Main St"), (mention.Kind, mention.Street));
    }

    [Fact]
    public void MentionsComeInTextOrder()
    {
        var mentions = AddressPhrase.Find("Lamp out on Elm and 3rd, and a pothole outside 12 Main St");

        Assert.Equal([AddressMentionKind.Intersection, AddressMentionKind.House], mentions.Select(m => m.Kind));
    }

    [Theory]
    [InlineData("I counted 3 potholes today")]
    [InlineData("3 trucks drive by every morning")]
    [InlineData("We met on Monday and Tuesday")]
    [InlineData("Smith and Jones reported it")]
    [InlineData("Meet at Elm at Main")]
    [InlineData("The road is closed between Elm St and 3rd Ave")]
    [InlineData("Main Street is flooded")]
    [InlineData("Call me at 5:30 or 802-555-1234")]
    [InlineData("on my way home, the hole is 2.5 ft deep")]
    public void PhrasesThatOnlyMightBeAddressesAreLeftOut(string text)
    {
        Assert.Empty(AddressPhrase.Find(text));
    }

    [Fact]
    public void APhraseMeetsTheGazetteerStreetThroughItsVariants()
    {
        var mention = Assert.Single(AddressPhrase.Find("the lamp on Elm and 3rd is out"));

        Assert.Contains(StreetName.Normalize(mention.Street), StreetName.Variants(StreetName.Normalize("ELM STREET")));
        Assert.Contains(StreetName.Normalize(mention.CrossStreet!), StreetName.Variants(StreetName.Normalize("Third Avenue")));
    }
}
