using Open311.Core.Protocol;

namespace Open311.Core.Tests.Protocol;

public sealed class ParameterValues
{
    [Fact]
    public void EmptyAndBlankValuesCountAsAbsent()
    {
        var p = new Parameters();
        p.Add("jurisdiction_id", string.Empty);
        p.Add("status", "  ");

        Assert.Null(p.Get("jurisdiction_id"));
        Assert.Null(p.Get("status"));
        Assert.Empty(p.GetList("status"));
        Assert.Null(p.Get("never_sent"));
    }

    [Fact]
    public void ListsSplitOnCommasAndAcrossRepeats()
    {
        var p = new Parameters();
        p.Add("service_code", "001, 002");
        p.Add("service_code", "003,,001");

        Assert.Equal(["001", "002", "003"], p.GetList("service_code"));
    }
}
