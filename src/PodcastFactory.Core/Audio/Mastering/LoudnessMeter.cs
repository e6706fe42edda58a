using System.Runtime.CompilerServices;

namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>What <see cref="LoudnessMeter"/> measured.</summary>
/// <param name="IntegratedLufs">Gated integrated loudness (LUFS); negative infinity for silence.</param>
/// <param name="TruePeakDbtp">Largest 4x-oversampled absolute value, in dBTP.</param>
/// <param name="SamplePeakDbfs">Largest absolute sample value, in dBFS.</param>
/// <param name="SampleFrames">Sample frames measured.</param>
public sealed record LoudnessReport(double IntegratedLufs, double TruePeakDbtp, double SamplePeakDbfs, long SampleFrames);

/// <summary>
/// An ITU-R BS.1770-4 / EBU R128 loudness and true-peak meter, fed in chunks of interleaved float samples
/// (full scale 1.0) in constant memory. K-weighting at the signal's own rate, mean square per channel over
/// 400 ms blocks every 100 ms (75% overlap), channel weights 1.0 (front channels; inputs here have at most
/// two), absolute -70 LUFS and relative -10 LU gates, and true peak from 4x oversampling (BS.1770-4 Annex 2) at every rate.
/// </summary>
public sealed class LoudnessMeter
{
    readonly int _channels;
    readonly bool _truePeakOn;
    readonly int _subBlockFrames;
    readonly (Biquad Shelf, Biquad HighPass)[] _filters;
    readonly Oversampler[] _oversamplers;
    readonly double[] _subBlocks = new double[4];
    readonly GatedLoudness _gate = new();
    double _current;
    int _framesInSubBlock;
    long _subBlockCount;
    double _truePeak;
    double _samplePeak;
    long _frames;

    /// <summary>Creates a meter for <paramref name="channels"/> interleaved channels at <paramref name="sampleRate"/>.</summary>
    /// <param name="sampleRate">Sample rate.</param>
    /// <param name="channels">Interleaved channels (1 or 2).</param>
    /// <param name="truePeak">False to skip true-peak measurement (it is most of the cost) when only loudness is needed.</param>
    public LoudnessMeter(int sampleRate, int channels, bool truePeak = true)
    {
        _truePeakOn = truePeak;
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        _channels = channels;
        _subBlockFrames = sampleRate / 10;
        _filters = Enumerable.Range(0, channels).Select(_ => KWeighting.Create(sampleRate)).ToArray();
        _oversamplers = Enumerable.Range(0, channels).Select(_ => new Oversampler()).ToArray();
    }

    /// <summary>Measures the next <paramref name="samples"/> (interleaved, a whole number of frames).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<float> samples)
    {
        if (samples.Length % _channels != 0)
        {
            throw new ArgumentException($"{samples.Length} samples is not a whole number of {_channels}-channel frames.", nameof(samples));
        }

        for (int i = 0; i < samples.Length; i += _channels)
        {
            for (int c = 0; c < _channels; c++)
            {
                double x = samples[i + c];
                _samplePeak = Math.Max(_samplePeak, Math.Abs(x));
                if (_truePeakOn)
                {
                    _truePeak = Math.Max(_truePeak, _oversamplers[c].PushPeak(x, _truePeak));
                }

                double k = _filters[c].HighPass.Process(_filters[c].Shelf.Process(x));
                _current += k * k;
            }

            if (++_framesInSubBlock == _subBlockFrames)
            {
                EndSubBlock();
            }
        }

        _frames += samples.Length / _channels;
    }

    /// <summary>The measurement; call once, after the last <see cref="Add"/> (it flushes the oversamplers' last samples).</summary>
    public LoudnessReport Report()
    {
        double truePeak = _truePeak;
        for (int c = 0; c < _channels && _truePeakOn; c++)
        {
            for (int i = 0; i < _oversamplers[c].Delay; i++)
            {
                truePeak = Math.Max(truePeak, _oversamplers[c].PushPeak(0, truePeak));
            }
        }

        truePeak = Math.Max(truePeak, _samplePeak);
        return new LoudnessReport(_gate.Integrated(), ToDb(truePeak), ToDb(_samplePeak), _frames);
    }

    /// <summary>Converts a linear amplitude to dB (negative infinity for 0).</summary>
    public static double ToDb(double amplitude) => amplitude <= 0 ? double.NegativeInfinity : 20 * Math.Log10(amplitude);

    // Every 100 ms a 400 ms block ends: its energy is the mean of the last four sub-blocks' mean squares.
    void EndSubBlock()
    {
        _subBlocks[_subBlockCount % 4] = _current / _subBlockFrames;
        _subBlockCount++;
        _current = 0;
        _framesInSubBlock = 0;
        if (_subBlockCount >= 4)
        {
            _gate.AddBlock((_subBlocks[0] + _subBlocks[1] + _subBlocks[2] + _subBlocks[3]) / 4);
        }
    }
}
