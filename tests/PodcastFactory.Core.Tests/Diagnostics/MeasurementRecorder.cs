using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Tests.Diagnostics;

/// <summary>One measurement of the PodcastFactory meter: instrument, value and tags.</summary>
internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// Listens to the <see cref="PodcastTelemetry.Meter"/> and keeps the measurements whose tags carry <c>key=value</c>
/// (tests run in parallel and the meter is shared, so each test tags its own calls with a name no other test uses).
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    readonly MeterListener _listener = new();
    readonly ConcurrentQueue<Measurement> _measurements = new();

    public MeasurementRecorder(string key, string value)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PodcastTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Keep(i, v, tags, key, value));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Keep(i, v, tags, key, value));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    public void Dispose() => _listener.Dispose();

    void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string wanted)
    {
        var all = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            all[tag.Key] = tag.Value;
        }

        if (all.TryGetValue(key, out object? v) && Equals(v, wanted))
        {
            _measurements.Enqueue(new Measurement(instrument.Name, value, all));
        }
    }
}
