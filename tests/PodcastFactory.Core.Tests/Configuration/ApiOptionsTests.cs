using System.ComponentModel.DataAnnotations;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Tests.Configuration;

public sealed class ApiOptionsTests
{
    [Theory]
    [InlineData("studio.example.com")]
    [InlineData("https://studio.example.com/app")]
    [InlineData("ftp://studio.example.com")]
    [InlineData("https://user@studio.example.com")]
    [InlineData("*")]
    public void Validate_AllowedOriginNotAnOrigin_NamesTheSetting(string origin)
    {
        var options = new ApiOptions();
        options.AllowedOrigins.Add(origin);

        var results = options.Validate(new ValidationContext(options)).ToList();

        Assert.Contains(results, r => r.ErrorMessage!.StartsWith("Api:AllowedOrigins", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://Studio.Example.com", "https://studio.example.com:443")]
    [InlineData("http://localhost:8080/", "http://localhost:8080")]
    public void OriginOf_EquivalentSpellings_AreTheSameOrigin(string a, string b)
    {
        Assert.Equal(ApiOptions.OriginOf(a), ApiOptions.OriginOf(b));
    }
}
