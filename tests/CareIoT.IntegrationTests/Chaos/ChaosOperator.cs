using System.Net;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// The duty operator of the chaos run: acknowledges and closes each alert the console was pushed, a
/// few seconds later, as the shift does. Without one, thousands of open alerts escalate every minute
/// and the run measures an unattended centre's escalation storm instead of the faults.
/// </summary>
public sealed class ChaosOperator(CareIoTApi api, ChaosConsole console) : IAsyncDisposable
{
    private static readonly TimeSpan HandleAfter = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Guid> _handled = [];
    private Task _working = Task.CompletedTask;

    public void Start() => _working = WorkAsync(_stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _working;
        _stop.Dispose();
    }

    private async Task WorkAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stop).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            foreach (var alert in console.Pushed.Values.Where(a => DateTimeOffset.UtcNow - a.At > HandleAfter && !_handled.Contains(a.AlertId)).ToList())
            {
                try
                {
                    var acknowledged = await api.AcknowledgeAsync(alert.AlertId);
                    var closed = await api.CloseAsync(alert.AlertId, "Resolved", "chaos run");
                    if (acknowledged.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict && closed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict)
                    {
                        _handled.Add(alert.AlertId);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // A fault is on; the next round tries again.
                }
            }
        }
    }
}
