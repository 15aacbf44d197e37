using Open311.Core.Intake;

namespace Open311.Core.Tests.Intake;

public sealed class LexiconWords
{
    [Theory]
    [InlineData("There is a huge pot hole by the school", "pothole")]
    [InlineData("The street lamp on Elm is dark", "streetlight")]
    [InlineData("Someone dumped a mattress behind the shop", "dumping")]
    [InlineData("Fallen tree across the lane", "tree")]
    [InlineData("GRAFFITI on the bridge", "graffiti")]
    public void EverydayPhrasesNameTheirCategory(string text, string category)
    {
        Assert.Contains(category, Lexicon.Categories(text));
    }

    [Fact]
    public void WordsInsideOtherWordsDoNotCount()
    {
        Assert.DoesNotContain("bin", Lexicon.Categories("The cabinet maker's sign"));
        Assert.DoesNotContain("ice", Lexicon.Categories("Police were called"));
    }

    [Fact]
    public void CategoriesComeOnceInLexiconOrder()
    {
        Assert.Equal(["pothole", "flooding"], Lexicon.Categories("pothole, another pothole, flooding and flood"));
    }

    [Fact]
    public void NoTextHasNoCategories()
    {
        Assert.Empty(Lexicon.Categories(null));
        Assert.Empty(Lexicon.Categories("   "));
    }
}
