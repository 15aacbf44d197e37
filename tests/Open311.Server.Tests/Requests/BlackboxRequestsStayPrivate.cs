using System.Text.Json.Nodes;
using Open311.Server.Tests.Infrastructure;

namespace Open311.Server.Tests.Requests;

/// <summary>Requests to a blackbox service ("not tracked publicly") appear in no public answer; staff still see them.</summary>
public sealed class BlackboxRequestsStayPrivate(AzuriteFixture azurite) : AppTest(azurite)
{
    [Fact]
    public async Task ABlackboxRequestIsInNoPublicAnswerButStaffSeeIt()
    {
        await App.PutRivertonAsync();
        var key = await App.IssueKeyAsync();

        var created = await JsonOf(await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "general_feedback", Forms.InRiverton(("description", "Private matter")))));
        var listed = await Client.PostAsync("/open311/v2/requests.json", Forms.Request(key, "pothole", Forms.InRiverton(("attribute[size]", "large"))));
        var publicId = (await JsonOf(listed))[0]!["service_request_id"]!.GetValue<string>();

        Assert.Null(created[0]!["service_request_id"]);
        Assert.Null(created[0]!["token"]);
        var list = JsonNode.Parse(await Client.GetStringAsync("/open311/v2/requests.json"))!.AsArray();
        Assert.Equal([publicId], list.Select(r => r!["service_request_id"]!.GetValue<string>()));
        var staff = await JsonOf(await App.Admin().GetAsync("/open311/manage/requests/1"));
        Assert.Equal(("general_feedback", true), (staff["service_code"]!.GetValue<string>(), staff["private"]!.GetValue<bool>()));
        await AssertJsonErrors(await Client.GetAsync("/open311/v2/requests/1.json"), 404);
        Assert.Equal("[]", await Client.GetStringAsync("/open311/v2/requests.json?service_request_id=1"));
        Assert.DoesNotContain("Private matter", await Client.GetStringAsync("/open311/v2/requests.xml?status=open&service_code=general_feedback"));
    }
}
