using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace CareIoT.PanelReceiver;

/// <summary>
/// Whether each DC-09 listener of this node (tcp, udp) is listening now, and if not why: read by the self-watch
/// (a panel that cannot reach the centre is an alarm that cannot arrive) and as the gauge
/// <c>careiot.dc09.listening{transport}</c> (1 listening, 0 not).
/// </summary>
public sealed class PanelListenerStatus
{
    private readonly ConcurrentDictionary<string, string?> _problems = new();

    public PanelListenerStatus(IMeterFactory meterFactory) =>
        meterFactory.Create(PanelReceiverStats.MeterName).CreateObservableGauge("careiot.dc09.listening",
            () => _problems.Select(p => new Measurement<int>(p.Value is null ? 1 : 0, new KeyValuePair<string, object?>("transport", p.Key))),
            description: "1 while the DC-09 listener of this transport is listening");

    /// <summary>
    /// Runs <paramref name="listen"/> until stopped; when it cannot bind its port or fails, the transport is reported
    /// down and it is tried again after <see cref="PanelReceiverOptions.RebindEvery"/> (the host never stops for it).
    /// <paramref name="listen"/> calls <see cref="Listening"/> once bound.
    /// </summary>
    public async Task KeepListeningAsync(
        string transport, PanelReceiverOptions settings, ILogger logger, Func<CancellationToken, Task> listen, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await listen(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                NotListening(transport, $"{transport} {settings.Host}:{settings.Port}: {ex.Message}");
                logger.LogError("DC-09 receiver cannot listen on {Transport}://{Host}:{Port}: {Error}; panels cannot report over it. Trying again in {Delay}",
                    transport, settings.Host, settings.Port, ex.Message, settings.RebindEvery);
                await Task.Delay(settings.RebindEvery, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public void Listening(string transport) => _problems[transport] = null;

    public void NotListening(string transport, string why) => _problems[transport] = why;

    /// <summary>The listeners that are not listening now, with why (empty when all are, or when the receiver is off).</summary>
    public IReadOnlyDictionary<string, string> Down() =>
        _problems.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
}
