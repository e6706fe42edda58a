using System.Net;
using System.Net.Sockets;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>
/// Which URLs may receive webhooks: absolute http(s), no user info or fragment, at most 2048 characters, and a host
/// that passes the sources' address policy (<see cref="SourceAddressPolicy"/>: no loopback, private or link-local
/// unless <c>Workflow:AllowPrivateNetworkSources</c>). Checked when a subscription is made, and again on the address
/// each attempt really connects to (the name may resolve elsewhere by then).
/// </summary>
public static class WebhookUrlPolicy
{
    /// <summary>Longest URL accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>Why <paramref name="url"/> may not receive webhooks, or null when it may.</summary>
    public static async Task<string?> RefusalAsync(string? url, bool allowPrivateNetwork, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "A URL is required.";
        }

        if (url.Length > MaxLength)
        {
            return $"The URL is longer than {MaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
        {
            return "The URL must be an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "The URL may not carry user info or a fragment (the signature authenticates the sender; put a token in the path if the receiver needs one).";
        }

        string host = uri.IdnHost.Trim('[', ']');
        IPAddress[] addresses;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(5));
            addresses = IPAddress.TryParse(host, out IPAddress? literal) ? [literal] : await Dns.GetHostAddressesAsync(host, deadline.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"{uri.Host} could not be resolved, so its address cannot be checked.";
        }

        if (addresses.Length == 0)
        {
            return $"{uri.Host} resolves to no address.";
        }

        return addresses.FirstOrDefault(a => !SourceAddressPolicy.IsAllowed(a, allowPrivateNetwork)) is { } refused
            ? SourceAddressPolicy.Refusal(uri.Host, refused).Replace("URL sources", "webhook URLs", StringComparison.Ordinal)
            : null;
    }
}
