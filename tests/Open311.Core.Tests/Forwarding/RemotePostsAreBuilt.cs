using Open311.Client;
using Open311.Core.Forwarding;
using Open311.Core.Intake;
using Open311.Core.Requests;

namespace Open311.Core.Tests.Forwarding;

public sealed class RemotePostsAreBuilt
{
    private static readonly IntakeRecord Record = new()
    {
        IntakeId = "crisis:41",
        SourceId = "crisis",
        ExternalId = "41",
        Outcome = IntakeOutcome.Forwarded,
        Reason = string.Empty,
        FirstSeenAt = DateTimeOffset.UnixEpoch,
        LastSeenAt = DateTimeOffset.UnixEpoch,
    };

    private static readonly ForwardPayload Payload = new()
    {
        ServiceCode = "sidewalk",
        Lat = 44.2,
        Long = -72.57,
        Description = "Broken slab",
        MediaUrls = ["https://hub.example.org/open311/media/a.jpg", "https://hub.example.org/open311/media/b.jpg"],
        Contact = new Requester("ana@example.org", "Ana", null, null, null, null),
    };

    [Fact]
    public void OurIdGoesInTheCitysExternalIdAttributeWhenItDeclaresOne()
    {
        var definition = new RemoteServiceDefinition { ServiceCode = "sidewalk", Attributes = [new RemoteAttribute { Code = "fixmystreet_id", Variable = false }] };

        var post = RemoteRequest.From(Record, Payload, definition);

        Assert.Equal(["crisis:41"], post.Attributes["fixmystreet_id"]);
        Assert.Empty(RemoteRequest.From(Record, Payload, null).Attributes);
    }

    [Fact]
    public void TheDescriptionEndsWithTheOtherPhotosAndOurReference()
    {
        var post = RemoteRequest.From(Record, Payload, null);

        Assert.Equal("https://hub.example.org/open311/media/a.jpg", post.MediaUrl);
        Assert.Equal("Broken slab\n\nMore photos: https://hub.example.org/open311/media/b.jpg\nRef: crisis:41", post.Description);
        Assert.Equal(("ana@example.org", "Ana"), (post.Email, post.FirstName));
    }

    [Fact]
    public void TheReferenceSurvivesADescriptionAtTheLimit()
    {
        var post = RemoteRequest.From(Record, Payload with { Description = new string('x', RequestSubmission.MaxDescriptionLength), MediaUrls = [] }, null);

        Assert.Equal(RequestSubmission.MaxDescriptionLength, post.Description!.Length);
        Assert.EndsWith("\n\nRef: crisis:41", post.Description);
    }
}
