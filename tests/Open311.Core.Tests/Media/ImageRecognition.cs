using Open311.Core.Media;

namespace Open311.Core.Tests.Media;

public sealed class ImageRecognition
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "image/gif")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "image/webp")]
    public void RecognisesImagesByTheirFirstBytes(byte[] header, string contentType)
    {
        Assert.Equal(contentType, ImageSniffer.Detect(header)?.ContentType);
    }

    [Theory]
    [InlineData("<html>")]
    [InlineData("%PDF-1.7")]
    [InlineData("RIFF1234WAVE")]
    [InlineData("")]
    public void AnythingElseIsNotAnImage(string text)
    {
        Assert.Null(ImageSniffer.Detect(System.Text.Encoding.ASCII.GetBytes(text)));
    }
}
