using System.Net;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Tests.Sources.Fetching;

public sealed class SourceAddressPolicyTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    public void IsAllowed_LinkLocalOrUnspecified_RefusedEvenWhenPrivateIsAllowed(string address)
    {
        Assert.False(SourceAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetwork: true));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.5")]
    [InlineData("192.168.1.10")]
    [InlineData("::ffff:10.0.0.1")]
    public void IsAllowed_PrivateOrLoopback_RefusedByDefaultAllowedWhenConfigured(string address)
    {
        Assert.False(SourceAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetwork: false));
        Assert.True(SourceAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetwork: true));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    public void IsAllowed_PublicAddress_Allowed(string address)
    {
        Assert.True(SourceAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetwork: false));
    }

    [Theory]
    [InlineData("::127.0.0.1")] // IPv4-compatible
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped
    [InlineData("::ffff:0:127.0.0.1")] // IPv4-translated
    [InlineData("64:ff9b::7f00:1")] // NAT64, well-known prefix
    [InlineData("64:ff9b:1:7f00:1::")] // NAT64, local-use /48 layout
    [InlineData("64:ff9b:1::7f00:1")] // NAT64, local-use /96 layout
    [InlineData("2002:7f00:1::")] // 6to4
    [InlineData("2002:a00:1::1")] // 6to4 of 10.0.0.1
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe")] // Teredo, client 127.0.0.1
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::c0a8:10a")] // NAT64 of 192.168.1.10
    public void IsAllowed_IPv6EmbeddingLoopbackOrPrivateIPv4_RefusedByDefault(string address)
    {
        Assert.False(SourceAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetwork: false));
    }

    [Theory]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a9fe:a9fe::")]
    [InlineData("2001:0:4136:e378:8000:63bf:5601:5601")] // Teredo, client 169.254.169.254
    [InlineData("::ffff:0:169.254.169.254")]
    public void IsAllowed_IPv6EmbeddingLinkLocalIPv4_RefusedEvenWhenPrivateIsAllowed(string address)
    {
        Assert.False(SourceAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetwork: true));
    }

    [Theory]
    [InlineData("64:ff9b::7f00:1", "64:ff9b::5db8:d70e")] // NAT64 of 127.0.0.1 / 93.184.215.14
    [InlineData("2002:7f00:1::", "2002:5db8:d70e::1")] // 6to4
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", "2001:0:4136:e378:8000:63bf:a247:28f1")] // Teredo
    public void IsAllowed_SameFormCarryingLoopbackOrPublicIPv4_JudgedByTheCarriedAddress(string carriesLoopback, string carriesPublic)
    {
        Assert.False(SourceAddressPolicy.IsAllowed(IPAddress.Parse(carriesLoopback), allowPrivateNetwork: false));
        Assert.True(SourceAddressPolicy.IsAllowed(IPAddress.Parse(carriesPublic), allowPrivateNetwork: false));
    }
}
