using System.Diagnostics;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Costs.Journal;

/// <summary>What a provider call is, before it is sent: who pays, whom, and what it is expected to cost.</summary>
/// <param name="Agent">Agent that pays.</param>
/// <param name="Provider">Provider called.</param>
/// <param name="Model">Model, voice engine or service.</param>
/// <param name="UnitKind">"tokens", "characters" or "requests".</param>
/// <param name="EstimateUsd">Expected cost: what the journal lists as possibly billed if the answer is lost.</param>
public sealed record PaidCallInfo(string Agent, string Provider, string? Model, string UnitKind, decimal EstimateUsd);

/// <summary>Where the calls of the running step are journaled (set by the step, see <see cref="PaidCalls.RecordTo"/>).</summary>
public interface IPaidCallSink
{
    /// <summary>Records the intent of a call durably, before it is sent; returns its sequence number.</summary>
    Task<int> BeginAsync(PaidCallInfo call);

    /// <summary>Records how call <paramref name="seq"/> ended: answered with its usage, not billed, or answer lost.</summary>
    Task ResolveAsync(int seq, PaidCallState state, AgentUsage? usage, double durationMs, string? detail);

    /// <summary>Records one more sending of <paramref name="call"/> whose answer was lost (a timed-out HTTP attempt that is retried).</summary>
    Task LostAsync(PaidCallInfo call, string detail);
}

/// <summary>A failure that proves the provider did not bill the call (it refused, or the request never left).</summary>
public interface INotBilledFailure;

/// <summary>
/// The one way a provider call is made: its intent is journaled before it is sent and its answer (usage and price)
/// as soon as it arrives, in the journal of the step that runs it. Outside a step (tests, tools) calls are simply made.
/// </summary>
public static class PaidCalls
{
    static readonly AsyncLocal<IPaidCallSink?> _sink = new();
    static readonly AsyncLocal<CurrentCall?> _current = new();

    /// <summary>Journals every call made by this async flow into <paramref name="sink"/> until disposed.</summary>
    public static IDisposable RecordTo(IPaidCallSink sink)
    {
        IPaidCallSink? previous = _sink.Value;
        _sink.Value = sink;
        return new Restore(previous);
    }

    /// <summary>
    /// Sends a call through <paramref name="send"/> with its intent journaled first; on an answer, journals
    /// <paramref name="usage"/> of it; on a failure, journals it as not billed or as possibly billed.
    /// </summary>
    public static async Task<T> CallAsync<T>(PaidCallInfo call, Func<Task<T>> send, Func<T, double, AgentUsage> usage)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(usage);
        IPaidCallSink? sink = _sink.Value;
        // The call's span parents its HTTP attempts (retries included); null when no exporter listens.
        using Activity? span = CallSpan.Start(call);
        long started = Stopwatch.GetTimestamp();
        int seq = sink is null ? 0 : await sink.BeginAsync(call);
        _current.Value = new CurrentCall(call, seq);
        T answer;
        try
        {
            answer = await send();
        }
        catch (Exception ex)
        {
            (PaidCallState state, string detail) = Classify(ex);
            CallSpan.Failed(span, state, ex);
            if (sink is not null)
            {
                await sink.ResolveAsync(seq, state, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds, detail);
            }

            throw;
        }

        double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        AgentUsage used = usage(answer, ms);
        CallSpan.Answered(span, used);
        if (sink is not null)
        {
            await sink.ResolveAsync(seq, PaidCallState.Answered, used, ms, null);
        }

        return answer;
    }

    /// <summary>Journals that the current call was sent once more and that sending's answer was lost (called by the HTTP retry loop).</summary>
    public static Task AttemptLostAsync(string detail) =>
        _sink.Value is { } sink && _current.Value is { } current ? sink.LostAsync(current.Info, detail) : Task.CompletedTask;

    /// <summary>
    /// Waits <paramref name="delay"/> before the current call is sent again (the rate limiter before a turn),
    /// journaled as waiting first: a crash during the wait leaves a call that was not in flight, so not billed. Its
    /// intent is journaled again just before it leaves.
    /// </summary>
    public static async Task WaitUnsentAsync(string detail, TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        await WaitingAsync(detail);
        await Task.Delay(delay, time, cancellationToken);
        await SendingAsync();
    }

    /// <summary>
    /// Journals the current call as waiting, not in flight (the retry pipeline after a 429/5xx, before its delay): a
    /// crash until <see cref="SendingAsync"/> leaves a call that was not sent, so not billed.
    /// </summary>
    public static async Task WaitingAsync(string detail)
    {
        if (_sink.Value is { } sink && _current.Value is { Seq: > 0 } current && !current.Waiting)
        {
            current.Waiting = true;
            await sink.ResolveAsync(current.Seq, PaidCallState.Waiting, null, 0, detail);
        }
    }

    /// <summary>Journals the intent of the current call again if it was waiting: called just before every sending.</summary>
    public static async Task SendingAsync()
    {
        if (_sink.Value is { } sink && _current.Value is { Seq: > 0, Waiting: true } current)
        {
            current.Waiting = false;
            await sink.ResolveAsync(current.Seq, PaidCallState.Intent, null, 0, null);
        }
    }

    /// <summary>Not billed when the provider refused (a 4xx, or 429/5xx after every retry) or the request never left this machine.</summary>
    public static (PaidCallState State, string Detail) Classify(Exception failure)
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            if (e is INotBilledFailure or NonRetryableException)
            {
                return (PaidCallState.NotBilled, e.Message);
            }

            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError })
            {
                return (PaidCallState.NotBilled, "not sent: " + e.Message);
            }
        }

        return (PaidCallState.AnswerLost, failure.Message);
    }

    // A class, not a record copy: the retry pipeline's callbacks run in child async flows, and the waiting mark they set
    // must be seen by the next sending.
    sealed class CurrentCall(PaidCallInfo info, int seq)
    {
        public PaidCallInfo Info => info;

        public int Seq => seq;

        public bool Waiting { get; set; }
    }

    sealed class Restore(IPaidCallSink? previous) : IDisposable
    {
        public void Dispose() => _sink.Value = previous;
    }
}
