namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>
/// A look-ahead true-peak limiter for one channel, in constant memory. Each sample's required gain is the ceiling
/// over the 4x-oversampled peak of the intervals next to it; the applied gain is the minimum required gain over the
/// next <c>L</c> samples (look-ahead), released exponentially, then averaged over <c>L</c> samples. The average of
/// values that are each at most the requirement is at most the requirement, so the attack is smooth and never late.
/// Output lags input by <see cref="Latency"/> samples; <see cref="Flush"/> emits the tail.
/// </summary>
public sealed class TruePeakLimiter
{
    readonly double _ceiling;
    readonly int _lookahead;
    readonly double _release;
    readonly Oversampler _oversampler = new();
    readonly float[] _signal;
    readonly double[] _needs;
    readonly long[] _minIndexes;
    readonly double[] _held;
    int _minHead;
    int _minCount;
    double _sum;
    double _released = 1;
    double _previousInterval;
    long _pushed;
    long _emitted;

    /// <summary>Creates a limiter.</summary>
    /// <param name="sampleRate">Sample rate of the signal.</param>
    /// <param name="ceilingDbtp">The highest true peak allowed, dBTP.</param>
    /// <param name="lookaheadMs">Attack / look-ahead time (1-20 ms).</param>
    /// <param name="releaseMs">Release time constant (10-1000 ms).</param>
    public TruePeakLimiter(int sampleRate, double ceilingDbtp, double lookaheadMs = 5, double releaseMs = 80)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ceilingDbtp, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(lookaheadMs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lookaheadMs, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(releaseMs, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(releaseMs, 1000);
        _ceiling = Math.Pow(10, ceilingDbtp / 20);
        _lookahead = Math.Max(2, (int)(sampleRate * lookaheadMs / 1000));
        _release = 1 - Math.Exp(-1000 / (releaseMs * sampleRate));
        Latency = _lookahead + Oversampler.Delay - 1;
        _signal = new float[Latency + 1];
        _needs = new double[_lookahead + 1];
        _minIndexes = new long[_lookahead + 1];
        _held = new double[_lookahead];
        Array.Fill(_held, 1.0);
        _sum = _lookahead;
    }

    /// <summary>Samples between a sample entering and leaving.</summary>
    public int Latency { get; }

    /// <summary>Smallest gain applied so far (1 = never limited).</summary>
    public double MinimumGain { get; private set; } = 1;

    /// <summary>Limits <paramref name="input"/>; writes the samples that leave the delay line into <paramref name="output"/> and returns how many.</summary>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output must hold at least as many samples as the input.", nameof(output));
        }

        int written = 0;
        foreach (float sample in input)
        {
            written += Push(sample, output[written..]);
        }

        return written;
    }

    /// <summary>Emits the samples still in the delay line (at most <see cref="Latency"/>); call once, at the end.</summary>
    public int Flush(Span<float> output)
    {
        long real = _pushed;
        int written = 0;
        while (_emitted < real)
        {
            written += Push(0, output[written..]);
        }

        return written;
    }

    int Push(float sample, Span<float> output)
    {
        long n = _pushed++;
        _signal[n % _signal.Length] = sample;
        double interval = _oversampler.PushPeak(sample);
        double peak = Math.Max(interval, _previousInterval);
        _previousInterval = interval;
        long m = n - Oversampler.Delay;
        if (m < 0)
        {
            return 0;
        }

        AddNeed(m, peak > _ceiling ? _ceiling / peak : 1);
        double windowMin = _needs[_minIndexes[_minHead] % _needs.Length];
        _released = Math.Min(windowMin, _released + ((1 - _released) * _release));
        long j = m - _lookahead + 1;
        int slot = (int)((j + _lookahead) % _lookahead);
        _sum += _released - _held[slot];
        _held[slot] = _released;
        if (j < 0)
        {
            return 0;
        }

        double gain = Math.Min(1, _sum / _lookahead);
        MinimumGain = Math.Min(MinimumGain, gain);
        output[0] = (float)(_signal[j % _signal.Length] * gain);
        _emitted++;
        return 1;
    }

    // Sliding-window minimum over the last L needs (a monotonic queue of indexes): O(1) per sample.
    void AddNeed(long m, double need)
    {
        _needs[m % _needs.Length] = need;
        while (_minCount > 0 && _needs[_minIndexes[(_minHead + _minCount - 1) % _minIndexes.Length] % _needs.Length] >= need)
        {
            _minCount--;
        }

        _minIndexes[(_minHead + _minCount) % _minIndexes.Length] = m;
        _minCount++;
        while (_minIndexes[_minHead] <= m - _lookahead)
        {
            _minHead = (_minHead + 1) % _minIndexes.Length;
            _minCount--;
        }
    }
}
