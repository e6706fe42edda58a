using System.Net;
using System.Text.Json;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The contract, continued: the voice listing, the same on both hosts.</summary>
public abstract partial class HttpContractTests
{
    [Fact]
    public async Task Voices_Get_ListsTheOfflineVoicesWithLanguageAndGender()
    {
        using HttpResponseMessage response = await Client.Http.GetAsync("/api/voices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("local", body.RootElement.GetProperty("provider").GetString());
        JsonElement slt = body.RootElement.GetProperty("voices").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "flite:slt");
        Assert.Equal("female", slt.GetProperty("gender").GetString());
        Assert.Equal("en-US", slt.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Voices_UnknownQueryParameter_Returns400ProblemDetails()
    {
        using HttpResponseMessage response = await Client.Http.GetAsync("/api/voices?gender=female");

        await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
