using System.Text;
using Open311.Connectors.Ushahidi;

namespace Open311.Connectors.Tests.Ushahidi;

public sealed class WebhookSignatures
{
    [Fact]
    public void MatchesThePublishedTestVector()
    {
        // dpoldrugo/middleware-api test/unit/CheckSha256.spec.ts: the vector its Ushahidi receiver is tested with.
        var signature = UshahidiSignature.Compute("test-shared-secret", "https://test-webhook-url.com", """{"id":915, "form_id":5}"""u8);

        Assert.Equal("0IKKTG9u3lNxSx+s06Huf5BI6xvzUWo0XrvqvW3LXaE=", signature);
    }

    [Fact]
    public void MatchesAnIndependentHmacOverAFullPost()
    {
        Assert.True(UshahidiSignature.IsValid(SamplePost.Secret, SamplePost.WebhookUrl, Encoding.UTF8.GetBytes(SamplePost.Body), SamplePost.Signature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ULjlkzoQrL7smYrstwoxqIHZvC19VnQPqwtM5FJQTRK=")]
    [InlineData("not base64 at all")]
    public void RefusesMissingAndWrongSignatures(string? presented)
    {
        Assert.False(UshahidiSignature.IsValid(SamplePost.Secret, SamplePost.WebhookUrl, Encoding.UTF8.GetBytes(SamplePost.Body), presented));
    }

    [Fact]
    public void TheSignatureCoversTheUrlAndEveryByte()
    {
        var body = Encoding.UTF8.GetBytes(SamplePost.Body);
        var withNewline = Encoding.UTF8.GetBytes(SamplePost.Body + "\n");

        Assert.False(UshahidiSignature.IsValid(SamplePost.Secret, "https://hub.example.org/other", body, SamplePost.Signature));
        Assert.False(UshahidiSignature.IsValid(SamplePost.Secret, SamplePost.WebhookUrl, withNewline, SamplePost.Signature));
        Assert.False(UshahidiSignature.IsValid("other-secret", SamplePost.WebhookUrl, body, SamplePost.Signature));
    }
}
