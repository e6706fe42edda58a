namespace PodcastFactory.Core.Providers.RateLimiting;

/// <summary>
/// One provider deployment's limiter, shared by every call of the process (see <see cref="ProviderRateLimiters"/>).
/// Paces the starts of requests (and tokens, when their limit is known) from the configured limits, or from the quota
/// the answers' headers show (most requests left over the longest reset); none left blocks every caller until the
/// reset, and a 429 until its Retry-After. Concurrency adapts
/// by AIMD: +1/limit per success, halved on a 429, between 1 and <see cref="RateLimitSettings.MaxConcurrency"/>.
/// Issue 22: at 60 requests/min five episodes sent 75 % of their calls into 429s because each retried on its own.
/// </summary>
public sealed class ProviderRateLimiter(string name, RateLimitSettings settings, TimeProvider time)
{
    /// <summary>Share of a configured or advertised limit the pace aims at, so clock skew and jitter stay under it.</summary>
    public const double Headroom = 0.9;

    /// <summary>Concurrency a fresh limiter starts with (slow start would waste the first minute).</summary>
    public const int InitialConcurrency = 4;

    readonly Lock _gate = new();
    readonly LinkedList<TaskCompletionSource<bool>> _waiters = new();
    double _limit = Math.Min(InitialConcurrency, settings.MaxConcurrency);
    int _inFlight;
    int _airborne;
    int? _learnedRequestsPerMinute;
    DateTimeOffset _nextStart = DateTimeOffset.MinValue;
    DateTimeOffset _nextTokenStart = DateTimeOffset.MinValue;
    DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    DateTimeOffset _lastSent = DateTimeOffset.MinValue;
    bool _answered;
    double? _share;
    DateTimeOffset _heldUntil = DateTimeOffset.MinValue;
    int _starts;
    int _mostRemaining;
    TimeSpan _longestReset;

    /// <summary>Provider deployment this limiter paces (named in logs and errors).</summary>
    public string Name => name;

    /// <summary>The limits it was configured with.</summary>
    public RateLimitSettings Settings => settings;

    /// <summary>Calls allowed in flight at once now (AIMD).</summary>
    public double ConcurrencyLimit
    {
        get { lock (_gate) { return _limit; } }
    }

    /// <summary>Time between two request starts now (zero: not paced).</summary>
    public TimeSpan RequestSpacing
    {
        get { lock (_gate) { return Spacing(); } }
    }

    /// <summary>Takes one of the concurrency slots, waiting at most <paramref name="maxWait"/>; false when none freed in time.</summary>
    public async Task<bool> EnterAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        TaskCompletionSource<bool> waiter;
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_gate)
        {
            if (_inFlight < Cap)
            {
                _inFlight++;
                return true;
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        try
        {
            return await waiter.Task.WaitAsync(maxWait, time, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            bool handedOver;
            lock (_gate)
            {
                handedOver = waiter.Task.IsCompleted;
                if (!handedOver)
                {
                    _waiters.Remove(node);
                }
            }

            if (handedOver)
            {
                // The slot came just as the wait ended: give it back.
                Exit(RateLimitSignal.None);
            }

            if (e is TimeoutException)
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>
    /// Books the next start for a request of <paramref name="tokens"/> estimated tokens and returns how long to wait
    /// for it; when that is longer than <see cref="RateLimitSettings.MaxWait"/> nothing is booked and the wait is
    /// returned with <paramref name="booked"/> false.
    /// </summary>
    public TimeSpan Reserve(long tokens, out bool booked)
    {
        lock (_gate)
        {
            DateTimeOffset now = time.GetUtcNow();
            DateTimeOffset start = Max(now, Max(_nextStart, Blocked));
            bool pacesTokens = tokens > 0 && settings.TokensPerMinute is > 0;
            if (pacesTokens)
            {
                start = Max(start, _nextTokenStart);
            }

            TimeSpan wait = start - now;
            booked = wait <= settings.MaxWait;
            if (booked)
            {
                _nextStart = start + Spacing();
                if (pacesTokens)
                {
                    _nextTokenStart = start + TimeSpan.FromMinutes(tokens / (settings.TokensPerMinute!.Value * Headroom));
                }
            }

            return wait;
        }
    }

    /// <summary>
    /// Called when a booked turn comes: zero when the request may leave now (and it is counted as sent), else how much
    /// longer to wait. Spaces real sendings, not just bookings: a timer that fired late on a busy machine must not
    /// squeeze the next requests into one provider window.
    /// </summary>
    public TimeSpan Sending()
    {
        lock (_gate)
        {
            DateTimeOffset now = time.GetUtcNow();
            DateTimeOffset next = Max(_lastSent + Spacing(), Blocked);
            if (now < next)
            {
                return next - now;
            }

            _lastSent = now;
            _airborne++;
            _starts++;
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Gives the slot back and learns from the answer: AIMD, Retry-After and the x-ratelimit-* headers.
    /// <paramref name="sent"/>: the request had left (<see cref="Sending"/> said go).
    /// </summary>
    public void Exit(RateLimitSignal signal, bool sent = false)
    {
        ArgumentNullException.ThrowIfNull(signal);
        lock (_gate)
        {
            DateTimeOffset now = time.GetUtcNow();
            _inFlight = Math.Max(0, _inFlight - 1);
            _airborne = sent ? Math.Max(0, _airborne - 1) : _airborne;
            if (signal.Throttled)
            {
                _limit = Math.Max(1, _limit / 2);
                _blockedUntil = Max(_blockedUntil, now + (signal.RetryAfter ?? TimeSpan.FromSeconds(1)));
            }
            else if (signal.Succeeded)
            {
                _limit = Math.Min(settings.MaxConcurrency, _limit + (1 / _limit));
            }

            _answered |= signal.Throttled || signal.Succeeded;
            Learn(signal, now);
            // Completed under the lock (continuations run elsewhere), so a waiter that timed out finds itself either
            // still in the list or already handed a slot, never in between.
            while (_waiters.First is { } first && _inFlight < Cap)
            {
                _waiters.RemoveFirst();
                _inFlight++;
                first.Value.TrySetResult(true);
            }
        }
    }

    /// <summary>Requests sent since the last call: what a shared lease measures this process's demand from.</summary>
    public int TakeStarts()
    {
        lock (_gate)
        {
            int starts = _starts;
            _starts = 0;
            return starts;
        }
    }

    /// <summary>
    /// Paces by this process's share of a limit shared with other processes (requests per minute, headroom already
    /// taken); a share of zero lets nothing leave before <paramref name="retryAt"/>; null: back to this process's own limits.
    /// </summary>
    public void SetShare(double? requestsPerMinute, DateTimeOffset retryAt)
    {
        lock (_gate)
        {
            _share = requestsPerMinute;
            _heldUntil = requestsPerMinute is <= 0 ? retryAt : DateTimeOffset.MinValue;
        }
    }

    void Learn(RateLimitSignal signal, DateTimeOffset now)
    {
        if (signal.LimitRequests is > 0 and int limit)
        {
            _learnedRequestsPerMinute = limit;
        }

        if (signal.RemainingRequests is int left && signal.ResetRequests is { } reset)
        {
            // The calls sent and not answered yet may not be counted in this answer: count them, so answers that
            // raced each other do not spend the same slot twice (calls still waiting for their turn are not sent).
            if (left - _airborne <= 0)
            {
                _blockedUntil = Max(_blockedUntil, now + reset);
            }
            else
            {
                // Most left and longest reset seen describe the provider's window at its emptiest: its quota.
                _mostRemaining = Math.Max(_mostRemaining, left + 1);
                _longestReset = Max(_longestReset, reset);
            }
        }

        if (signal.RemainingTokens is <= 0 && signal.ResetTokens is { } tokenReset)
        {
            _blockedUntil = Max(_blockedUntil, now + tokenReset);
        }
    }

    // Until a limit is configured or an answer has shown one, one call probes alone: a first burst spent the quota twice.
    int Cap => settings.RequestsPerMinute is null && !_answered ? 1 : Math.Max(1, (int)_limit);

    // Until then nothing leaves: the provider said so (429, quota spent), or this process has no share of a shared limit.
    DateTimeOffset Blocked => Max(_blockedUntil, _heldUntil);

    TimeSpan Spacing()
    {
        TimeSpan spacing = _mostRemaining > 0 ? _longestReset / (_mostRemaining * Headroom) : TimeSpan.Zero;
        foreach (int? perMinute in (int?[])[settings.RequestsPerMinute, _learnedRequestsPerMinute])
        {
            if (perMinute is > 0 and int rpm)
            {
                spacing = Max(spacing, TimeSpan.FromMinutes(1 / (rpm * Headroom)));
            }
        }

        if (_share is > 0 and double share)
        {
            spacing = Max(spacing, TimeSpan.FromMinutes(1 / share));
        }

        return spacing;
    }

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
