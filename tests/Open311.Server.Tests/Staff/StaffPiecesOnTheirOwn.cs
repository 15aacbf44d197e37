using System.Text;
using Microsoft.AspNetCore.Http;
using Open311.Api.Staff;
using Open311.Core.Requests;

namespace Open311.Server.Tests.Staff;

/// <summary>The staff pieces of the API project tested directly: the principal reader and the CSV writer.</summary>
public sealed class StaffPiecesOnTheirOwn
{
    [Fact]
    public void APrincipalIsReadFromAppServicesHeaderAndMappedByGroupOrAddress()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[AppServicePrincipal.Header] = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"name","val":"Jo Clerk"},{"typ":"preferred_username","val":"Jo@Riverton.example"},{"typ":"groups","val":"AAA"},{"typ":"groups","val":5}],"name_typ":"name"}"""));

        var principal = AppServicePrincipal.From(request)!;
        Assert.Equal("Jo Clerk", principal.Name);
        Assert.Equal(["jo@riverton.example"], principal.Emails);
        Assert.Equal(["aaa"], principal.Groups);
        Assert.Equal(["riverton.example", "other.example"], principal.ToMember("aaa=riverton.example, other.example;bbb=third.example", null)!.Jurisdictions);
        Assert.Equal(["fourth.example"], principal.ToMember(null, "jo@riverton.example=fourth.example")!.Jurisdictions);
        Assert.Null(principal.ToMember("bbb=third.example", "someone@else.example=fourth.example"));

        foreach (var broken in new[] { "%%%", Convert.ToBase64String(Encoding.UTF8.GetBytes("[1,2]")), Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"claims\":7}")), new string('A', AppServicePrincipal.MaxHeaderLength + 4) })
        {
            request.Headers[AppServicePrincipal.Header] = broken;
            Assert.Null(AppServicePrincipal.From(request));
        }
    }

    [Fact]
    public void TheCsvHasOneRowPerRequestWithFormulasDisarmed()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var csv = RequestsCsv.Write(
        [
            new ServiceRequest
            {
                Id = "7", JurisdictionId = "j", ServiceCode = "pothole", Status = RequestStatus.Open, RequestedAt = at, UpdatedAt = at,
                Description = "@SUM(A1:A9) line one\nline two", Lat = 44.2, Long = -72.57,
                Requester = new Requester("ann@example.org", "Ann", "Lee", "+1 555 0100", null, null),
            },
        ]);

        var lines = csv.Split("\r\n");
        Assert.Equal(string.Join(",", RequestsCsv.Headers), lines[0]);
        Assert.StartsWith("7,2026-03-01T09:00:00Z,2026-03-01T09:00:00Z,open,,pothole,,\"'@SUM(A1:A9) line one\nline two\",,44.2,-72.57,", lines[1]);
        Assert.EndsWith(",Ann Lee,ann@example.org,\"'+1 555 0100\",no", lines[1]);
    }

}
