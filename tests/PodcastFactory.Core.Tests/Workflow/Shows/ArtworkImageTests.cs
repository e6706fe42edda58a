using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Tests.Workflow.Shows;

/// <summary>Issue 24 item 1: an artwork's format and size come from its own header bytes.</summary>
public sealed class ArtworkImageTests
{
    [Fact]
    public void Read_Png_GivesTypeAndIhdrSize()
    {
        ArtworkImage image = ArtworkImage.Read(TestImages.Png(1400, 1500))!;

        Assert.Equal(("image/png", "png", 1400, 1500), (image.ContentType, image.Extension, image.Width, image.Height));
    }

    [Fact]
    public void Read_JpegWithFillByteBeforeSof_GivesTypeAndFrameSize()
    {
        ArtworkImage image = ArtworkImage.Read(TestImages.JpegHeader(3000, 2999))!;

        Assert.Equal(("image/jpeg", "jpg", 3000, 2999), (image.ContentType, image.Extension, image.Width, image.Height));
    }

    [Theory]
    [InlineData("GIF89a....................")]
    [InlineData("")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'/>")]
    public void Read_NotPngOrJpeg_IsNull(string text)
    {
        Assert.Null(ArtworkImage.Read(System.Text.Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Read_TruncatedHeaders_AreNull()
    {
        byte[] png = TestImages.Png(1400, 1400), jpeg = TestImages.JpegHeader(1400, 1400);

        Assert.Null(ArtworkImage.Read(png.AsSpan(0, 20)));
        Assert.Null(ArtworkImage.Read(jpeg.AsSpan(0, jpeg.Length - 8)));
        Assert.Null(ArtworkImage.Read([0xFF, 0xD8, 0xFF, 0xDA, 0, 2])); // a scan before any frame header
    }

    [Theory]
    [InlineData(1400, 1400, null)]
    [InlineData(3000, 3000, null)]
    [InlineData(1399, 1399, "1400 to 3000")]
    [InlineData(3001, 3001, "1400 to 3000")]
    [InlineData(1400, 1401, "square")]
    public void Check_SquareWithinAppleRange(int width, int height, string? refusal)
    {
        string? message = new ArtworkImage("image/png", "png", width, height).Check();

        if (refusal is null)
        {
            Assert.Null(message);
        }
        else
        {
            Assert.Contains(refusal, message, StringComparison.Ordinal);
        }
    }
}
