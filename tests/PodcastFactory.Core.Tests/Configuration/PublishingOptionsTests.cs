using System.ComponentModel.DataAnnotations;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Tests.Configuration;

public sealed class PublishingOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65)]
    public void Validate_QueueWidthNotBetween1And64_NamesTheSetting(int width)
    {
        var options = new PublishingOptions { QueueWidth = width };

        Assert.Contains(Validate(options), r => r.ErrorMessage!.Contains("Publishing:QueueWidth", StringComparison.Ordinal));
    }

    static List<ValidationResult> Validate(PublishingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
