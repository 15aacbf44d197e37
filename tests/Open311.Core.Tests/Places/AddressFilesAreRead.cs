using System.Text;
using Open311.Core.Places;

namespace Open311.Core.Tests.Places;

/// <summary>OpenAddresses files in their published shapes (our own samples): CSV by column name, GeoJSON collections and one feature per line.</summary>
public sealed class AddressFilesAreRead
{
    [Fact]
    public void CsvColumnsAreFoundByNameAndQuotedCommasKept()
    {
        var rows = Read("lat,NUMBER,lon,street,UNIT,POSTCODE,EXTRA\n44.2001,12,-72.5701,\"MAIN ST, NORTH\",APT 2,05602,x\n44.2002,,-72.5702,ELM ST,,,\n\n1,2\n", "text/csv");

        Assert.Equal(3, rows.Count);
        Assert.Equal(new AddressRow(2, -72.5701, 44.2001, "12", "MAIN ST, NORTH", "APT 2", "05602"), rows[0]);
        Assert.Null(rows[1].Number);
        Assert.Equal((5, null, null), (rows[2].Row, rows[2].Street, rows[2].Lon is null ? (double?)null : 0));
    }

    [Fact]
    public void ACsvWithoutTheOpenAddressesHeaderIsRefused()
    {
        Assert.Throws<FormatException>(() => Read("x,y,num,name\n1,2,3,4\n", "text/csv; charset=utf-8"));
    }

    [Fact]
    public void AFeatureCollectionAndLineDelimitedFeaturesBothRead()
    {
        const string feature = """{"type":"Feature","properties":{"number":"12","street":"Main St","unit":"","postcode":"05602"},"geometry":{"type":"Point","coordinates":[-72.5701,44.2001]}}""";
        var collection = Read($$"""{"type":"FeatureCollection","features":[{{feature}},{"type":"Feature","properties":{"number":7},"geometry":null}]}""", "application/geo+json");
        var lines = Read($"{feature}\nnot json\n{feature.Replace("\"12\"", "14", StringComparison.Ordinal)}\n", "application/json");

        Assert.Equal(new AddressRow(1, -72.5701, 44.2001, "12", "Main St", null, "05602"), collection[0]);
        Assert.Equal(new AddressRow(2, null, null, "7", null, null, null), collection[1]);
        Assert.Equal([1, 2, 3], lines.Select(r => r.Row));
        Assert.Null(lines[1].Street);
        Assert.Equal("14", lines[2].Number);
    }

    private static List<AddressRow> Read(string body, string contentType)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return AddressFile.ReadAsync(stream, contentType, CancellationToken.None).ToBlockingEnumerable().ToList();
    }
}
