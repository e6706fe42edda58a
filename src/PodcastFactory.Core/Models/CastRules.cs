namespace PodcastFactory.Core.Models;

/// <summary>
/// How many hosts an episode may have and what share of the words each must carry (issue 24 item 2). The offline review's
/// balance check and both writers' briefs read these, so the rule is stated once.
/// </summary>
public static class CastRules
{
    /// <summary>Size of a cast.</summary>
    public const int MinHosts = 1, MaxHosts = 4;

    /// <summary>Two hosts: each speaks 35 % to 65 % of the words (today's rule, kept).</summary>
    public const double PairMinShare = 0.35, PairMaxShare = 0.65;

    /// <summary>Three or four hosts: nobody under 15 % of the words.</summary>
    public const double GroupMinShare = 0.15;

    /// <summary>The third default host (a panel needs three): flite's third clear voice.</summary>
    public static readonly HostVoice ThirdDefaultHost = new("Jordan", "flite:awb");

    /// <summary>The share of the words each of <paramref name="hosts"/> hosts must carry: (0, 1) for a solo.</summary>
    public static (double Min, double Max) Shares(int hosts) => hosts switch
    {
        <= 1 => (0, 1),
        2 => (PairMinShare, PairMaxShare),
        _ => (GroupMinShare, 1 - (GroupMinShare * (hosts - 1))),
    };
}
