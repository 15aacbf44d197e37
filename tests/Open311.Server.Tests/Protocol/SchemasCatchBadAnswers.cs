using Open311.Server.Tests.Infrastructure;
using Xunit.Sdk;

namespace Open311.Server.Tests.Protocol;

/// <summary>The schema checks can fail: the spec's own JSON examples (bare numbers for codes) do not pass.</summary>
public sealed class SchemasCatchBadAnswers
{
    [Theory]
    [InlineData("services.json", """[{"service_code":1,"service_name":"Cans left out 24x7","metadata":true,"type":"realtime"}]""")]
    [InlineData("services.json", """[{"service_code":"001","service_name":"Cans","metadata":"true","type":"realtime"}]""")]
    [InlineData("requests.json", """[{"service_request_id":638344,"status":"closed","service_code":"006","requested_datetime":"2010-04-14T06:37:38-08:00"}]""")]
    [InlineData("requests.json", """[{"service_request_id":"1","status":"pending","service_code":"006","requested_datetime":"2010-04-14T06:37:38Z"}]""")]
    [InlineData("requests.json", """[{"service_request_id":"1","status":"open","service_code":"006","requested_datetime":"2010-04-14T06:37:38Z","lat":"37.76"}]""")]
    [InlineData("service-definition.json", """{"service_code":"DMV66","attributes":[{"variable":true,"code":"W","datatype":"dropdown","required":true,"order":1,"description":"d"}]}""")]
    public void SpecExamplesWithWrongTypesFail(string schema, string json)
    {
        Assert.Throws<TrueException>(() => Open311Schemas.AssertValid(schema, json));
    }
}
