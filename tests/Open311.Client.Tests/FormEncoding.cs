namespace Open311.Client.Tests;

public sealed class FormEncoding
{
    private static readonly Open311Endpoint Endpoint = new(new Uri("https://city.example/open311/v2"), "city.example", "key 1");

    [Fact]
    public void ANewRequestIsEncodedFieldByFieldInTheSpecsOrder()
    {
        var request = new NewServiceRequest
        {
            ServiceCode = "017",
            Lat = 44.47588251,
            Long = -73.21207249,
            AddressString = "12 Elm St, Riverton 05401",
            Email = "ada@example.org",
            DeviceId = "d-1",
            FirstName = "Ada",
            LastName = "Lovelace",
            Phone = "+1 802 555 0100",
            Description = "Dark since Tuesday.\nPole 12.",
            MediaUrl = "https://media.example/1.jpg",
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["POLE_NO"] = ["12"] },
        };

        Assert.Equal(
            "api_key=key%201&jurisdiction_id=city.example&service_code=017&lat=44.4758825&long=-73.2120725"
            + "&address_string=12%20Elm%20St%2C%20Riverton%2005401&email=ada%40example.org&device_id=d-1"
            + "&first_name=Ada&last_name=Lovelace&phone=%2B1%20802%20555%200100&description=Dark%20since%20Tuesday.%0APole%2012."
            + "&media_url=https%3A%2F%2Fmedia.example%2F1.jpg&attribute[POLE_NO]=12",
            FormBody.Build(Endpoint, request));
    }

    [Fact]
    public void MultiValueAttributesRepeatWithEmptyBrackets()
    {
        var request = new NewServiceRequest
        {
            ServiceCode = "017",
            AddressId = "545483",
            Attributes = new Dictionary<string, IReadOnlyList<string>>
            {
                ["FAULT"] = ["DARK", "FLICKER"],
                ["SIZE"] = ["3"],
                ["NOTHING"] = [],
            },
        };

        Assert.EndsWith(
            "&service_code=017&address_id=545483&attribute[FAULT][]=DARK&attribute[FAULT][]=FLICKER&attribute[SIZE]=3",
            FormBody.Build(Endpoint, request));
    }

    [Fact]
    public void AttributeCodesAreEscapedInsideTheBrackets()
    {
        var request = new NewServiceRequest
        {
            ServiceCode = "017",
            AddressId = "1",
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["a]b&c"] = ["x y"] },
        };

        Assert.EndsWith("&attribute[a%5Db%26c]=x%20y", FormBody.Build(Endpoint, request));
    }

    [Theory]
    [InlineData(52.0, 0.0, "lat=52&long=0")]
    [InlineData(51.5, -0.00000001, "lat=51.5&long=0")]
    [InlineData(-33.868820123, 151.2092955, "lat=-33.8688201&long=151.2092955")]
    public void CoordinatesUseInvariantDigitsAndAtMostSevenDecimals(double lat, double lon, string expected)
    {
        var body = FormBody.Build(Endpoint, new NewServiceRequest { ServiceCode = "017", Lat = lat, Long = lon });

        Assert.Contains("&" + expected, body);
    }

    [Fact]
    public void LatWithoutLongIsRefusedBeforeAnythingIsSent()
    {
        Assert.Throws<ArgumentException>(() => FormBody.Build(Endpoint, new NewServiceRequest { ServiceCode = "017", Lat = 44.5 }));
    }

    [Fact]
    public void ACoordinateOutsideTheGlobeIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FormBody.Build(Endpoint, new NewServiceRequest { ServiceCode = "017", Lat = 91, Long = 0 }));
    }

    [Fact]
    public void AnUpdateIsEncodedWithAnUpperCaseStatusAndAUtcTimestamp()
    {
        var update = new NewRequestUpdate
        {
            UpdateId = "u-7",
            ServiceRequestId = "5501",
            Status = " in progress",
            UpdatedAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(2)),
            Description = "Crew booked",
            Email = "crew@city.example",
        };

        Assert.Equal(
            "api_key=key%201&jurisdiction_id=city.example&update_id=u-7&service_request_id=5501&status=IN_PROGRESS"
            + "&updated_datetime=2026-03-02T08%3A00%3A00Z&description=Crew%20booked&email=crew%40city.example",
            FormBody.Build(Endpoint, update));
    }
}
