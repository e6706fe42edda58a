using System.ComponentModel.DataAnnotations;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Tests.Configuration;

public sealed class RateLimitOptionsTests
{
    [Theory]
    [InlineData(0, null, 10, "TextModel:RequestsPerMinute")]
    [InlineData(-5, null, 10, "TextModel:RequestsPerMinute")]
    [InlineData(2_000_000, null, 10, "TextModel:RequestsPerMinute")]
    [InlineData(null, 0, 10, "TextModel:TokensPerMinute")]
    [InlineData(null, 500_000_000, 10, "TextModel:TokensPerMinute")]
    [InlineData(null, null, 0, "TextModel:RateLimitMaxWaitSeconds")]
    [InlineData(null, null, 600, "TextModel:RateLimitMaxWaitSeconds")]
    public void Validate_TextModelBadLimit_NamesTheSetting(int? rpm, int? tpm, int maxWait, string setting) =>
        Assert.Contains(Validate(new TextModelOptions { RequestsPerMinute = rpm, TokensPerMinute = tpm, RateLimitMaxWaitSeconds = maxWait }),
            r => r.ErrorMessage!.Contains(setting, StringComparison.Ordinal));

    [Theory]
    [InlineData(0, 10, "Speech:RequestsPerMinute")]
    [InlineData(60, 0, "Speech:RateLimitMaxWaitSeconds")]
    public void Validate_SpeechBadLimit_NamesTheSetting(int? rpm, int maxWait, string setting) =>
        Assert.Contains(Validate(new SpeechOptions { RequestsPerMinute = rpm, RateLimitMaxWaitSeconds = maxWait }),
            r => r.ErrorMessage!.Contains(setting, StringComparison.Ordinal));

    [Fact]
    public void Validate_ThrottleDeadlineZero_NamesTheSetting() =>
        Assert.Contains(Validate(new WorkflowOptions { ThrottleDeadlineMinutes = 0 }),
            r => r.ErrorMessage!.Contains("Workflow:ThrottleDeadlineMinutes", StringComparison.Ordinal));

    [Fact]
    public void Validate_LimitsUnset_AreValidAndLearnedFromHeaders()
    {
        var text = new TextModelOptions();

        Assert.Empty(Validate(text));
        Assert.Null(text.RequestsPerMinute);
        Assert.Null(text.TokensPerMinute);
        Assert.Equal(10, text.RateLimitMaxWaitSeconds);
    }

    static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
