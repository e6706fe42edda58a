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
}
