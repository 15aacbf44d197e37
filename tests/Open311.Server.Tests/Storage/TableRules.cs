using Azure.Data.Tables;
using Open311.Storage.Tables;

namespace Open311.Server.Tests.Storage;

/// <summary>Rules Azure enforces and Azurite does not (it accepts cross-partition batches), checked in our code.</summary>
public sealed class TableRules
{
    [Fact]
    public void ABatchAcrossPartitionsIsRefusedBeforeItLeaves()
    {
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("riverton.example", "a")),
            new(TableTransactionActionType.Add, new TableEntity("lakeside.example", "b")),
        ];

        var ex = Assert.Throws<InvalidOperationException>(() => TableTransactions.AssertOnePartition(actions));

        Assert.Contains("one partition", ex.Message);
    }

    [Fact]
    public void ABatchOfMoreThanAHundredIsRefused()
    {
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        Assert.Throws<InvalidOperationException>(() => TableTransactions.AssertOnePartition(actions));
        TableTransactions.AssertOnePartition(actions.Take(100).ToList());
    }

    [Theory]
    [InlineData("plain-id.example", "plain-id.example")]
    [InlineData("a/b\\c#d?e", "a%2Fb%5Cc%23d%3Fe")]
    [InlineData("x|y%z", "x%7Cy%25z")]
    [InlineData("tab\there", "tab%09here")]
    public void KeyPartsAreEscaped(string value, string escaped)
    {
        Assert.Equal(escaped, TableKeys.Escape(value));
    }

    [Fact]
    public void NewerTimesSortFirst()
    {
        var older = TableKeys.InvertedTicks(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var newer = TableKeys.InvertedTicks(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(newer, older) < 0);
        Assert.Equal(19, newer.Length);
    }
}
