namespace CareIoT.Ingestion;

/// <summary>
/// Alarms first on the CPU: while the alarm lane has a message in hand (decode → device grain →
/// journal → push), the telemetry lane starts no new batch — it finishes the one it holds and waits,
/// at most <see cref="MaxWait"/> at a time so a steady stream of alarms cannot stop telemetry for
/// good. Telemetry that waits stays at the broker, in the telemetry lane's own session.
/// </summary>
public sealed class AlarmPrecedence(TimeSpan? maxWait = null)
{
    /// <summary>The longest the telemetry lane waits in one go before it takes one more batch (250 ms unless set).</summary>
    public TimeSpan MaxWait { get; } = maxWait ?? TimeSpan.FromMilliseconds(250);

    private readonly Lock _lock = new();
    private int _inFlight;
    private TaskCompletionSource _clear = Completed();

    /// <summary>How many alarm-lane messages are being processed now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Marks an alarm-lane message as in hand until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        lock (_lock)
        {
            if (_inFlight++ == 0)
            {
                _clear = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Scope(this);
    }

    /// <summary>Completes when no alarm is in hand, or after <see cref="MaxWait"/>; at once in the common case.</summary>
    public Task WaitForAlarmsAsync(CancellationToken cancellationToken)
    {
        Task clear;
        lock (_lock)
        {
            clear = _clear.Task;
        }

        return clear.IsCompleted ? Task.CompletedTask : clear.WaitAsync(MaxWait, cancellationToken).ContinueWith(
            static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Exit()
    {
        lock (_lock)
        {
            if (--_inFlight == 0)
            {
                _clear.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    /// <summary>An alarm in hand; <c>default</c> is no alarm (nothing to release).</summary>
    public readonly struct Scope(AlarmPrecedence? owner) : IDisposable
    {
        public void Dispose() => owner?.Exit();
    }
}
