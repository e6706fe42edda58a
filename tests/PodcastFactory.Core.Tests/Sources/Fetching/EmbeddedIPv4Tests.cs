using System.Net;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Tests.Sources.Fetching;

public sealed class EmbeddedIPv4Tests
{
    [Theory]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1")]
    [InlineData("::10.1.2.3", "10.1.2.3")]
    [InlineData("::ffff:0:10.1.2.3", "10.1.2.3")]
    [InlineData("64:ff9b::7f00:1", "127.0.0.1")]
    [InlineData("2002:7f00:1::", "127.0.0.1")]
    [InlineData("2002:c0a8:10a:5::1", "192.168.1.10")]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1")]
    public void Of_IPv6FormCarryingIPv4_ReturnsTheEmbeddedAddress(string address, string expected)
    {
        Assert.Equal([IPAddress.Parse(expected)], EmbeddedIPv4.Of(IPAddress.Parse(address)));
    }

    [Fact]
    public void Of_LocalUseNat64_ReturnsEveryRfc6052Layout()
    {
        // 64:ff9b:1:AABB:CCDD:EEFF:1122:3344 read as /48, /56, /64 and /96 (octet 8 skipped).
        IReadOnlyList<IPAddress> all = EmbeddedIPv4.Of(IPAddress.Parse("64:ff9b:1:aabb:ccdd:eeff:1122:3344"));

        Assert.Equal(new[] { "170.187.221.238", "187.221.238.255", "221.238.255.17", "17.34.51.68" }.Select(IPAddress.Parse), all);
    }

    [Theory]
    [InlineData("2606:4700::1111")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("64:ff9b:2::1")]
    [InlineData("2001:db8::1")]
    [InlineData("127.0.0.1")]
    public void Of_AddressWithoutAnEmbeddedIPv4_ReturnsNothing(string address)
    {
        Assert.Empty(EmbeddedIPv4.Of(IPAddress.Parse(address)));
    }
}
