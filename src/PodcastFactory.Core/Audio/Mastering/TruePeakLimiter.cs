using System.Runtime.CompilerServices;

namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>
/// A look-ahead true-peak limiter for one channel, in constant memory. Each sample's required gain is the ceiling
/// over the oversampled peak of the intervals next to it; the applied gain is the minimum required gain over the
/// next <c>L</c> samples (look-ahead), released exponentially, then averaged over <c>L</c> samples. The average of
/// values that are each at most the requirement is at most the requirement, so the attack is smooth and never late.
/// Output lags input by <see cref="Latency"/> samples; <see cref="Flush"/> emits the tail.
/// </summary>
public sealed class TruePeakLimiter
{
    readonly double _ceiling;
    readonly int _lookahead;
    readonly double _release;
    readonly Oversampler _oversampler;
    readonly float[] _signal;
    readonly long[] _minIndexes;
    readonly double[] _minValues;
    readonly double[] _held;
    int _minHead;
    int _signalPosition;
    int _heldPosition;
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
        _oversampler = new Oversampler();
        _ceiling = Math.Pow(10, ceilingDbtp / 20);
        _lookahead = Math.Max(2, (int)(sampleRate * lookaheadMs / 1000));
        _release = 1 - Math.Exp(-1000 / (releaseMs * sampleRate));
        Latency = _lookahead + _oversampler.Delay - 1;
        _signal = new float[Latency + 1];
        _minIndexes = new long[_lookahead + 1];
        _minValues = new double[_lookahead + 1];
        _held = new double[_lookahead];
        Array.Fill(_held, 1.0);
        _sum = _lookahead;
    }

    /// <summary>Samples between a sample entering and leaving.</summary>
    public int Latency { get; }

    /// <summary>Smallest gain applied so far (1 = never limited).</summary>
    public double MinimumGain { get; private set; } = 1;

    /// <summary>Limits <paramref name="input"/>; writes the samples that leave the delay line into <paramref name="output"/> and returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    int Push(float sample, Span<float> output)
    {
        long n = _pushed++;
        _signal[_signalPosition] = sample;
        if (++_signalPosition == _signal.Length)
        {
            _signalPosition = 0;
        }

        // Values that cannot exceed the ceiling need no gain, so the oversampler may skip them (see Oversampler.PushPeak).
        double interval = _oversampler.PushPeak(sample, _ceiling);
        double peak = Math.Max(interval, _previousInterval);
        _previousInterval = interval;
        long m = n - _oversampler.Delay;
        if (m < 0)
        {
            return 0;
        }

        AddNeed(m, peak > _ceiling ? _ceiling / peak : 1);
        _released = Math.Min(_minValues[_minHead], _released + ((1 - _released) * _release));
        _sum += _released - _held[_heldPosition];
        _held[_heldPosition] = _released;
        if (++_heldPosition == _held.Length)
        {
            _heldPosition = 0;
        }

        if (m - _lookahead + 1 < 0)
        {
            return 0;
        }

        // The signal ring holds Latency + 1 samples: the oldest (sample n - Latency) sits where the next write goes.
        double gain = Math.Min(1, _sum / _lookahead);
        MinimumGain = Math.Min(MinimumGain, gain);
        output[0] = (float)(_signal[_signalPosition] * gain);
        _emitted++;
        return 1;
    }

    // Sliding-window minimum over the last L needs (a monotonic queue of index/value pairs): O(1) per sample.
    void AddNeed(long m, double need)
    {
        int capacity = _minIndexes.Length;
        while (_minCount > 0)
        {
            int last = _minHead + _minCount - 1;
            if (_minValues[last >= capacity ? last - capacity : last] < need)
            {
                break;
            }

            _minCount--;
        }

        int tail = _minHead + _minCount;
        tail = tail >= capacity ? tail - capacity : tail;
        _minIndexes[tail] = m;
        _minValues[tail] = need;
        _minCount++;
        while (_minIndexes[_minHead] <= m - _lookahead)
        {
            _minHead = _minHead + 1 == capacity ? 0 : _minHead + 1;
            _minCount--;
        }
    }
}
