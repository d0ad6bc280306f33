using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.PanelReceiver;

/// <summary>
/// DC-09 over UDP: one frame per datagram, answered to its sender. At most
/// <see cref="PanelReceiverOptions.MaxConcurrentDatagrams"/> are handled at once; beyond that a
/// datagram is dropped and counted (unanswered, the panel sends it again).
/// </summary>
public sealed class Dc09UdpListener(
    PanelFrameHandler handler, PanelReceiverStats stats, PanelListenerStatus status, IOptions<PanelReceiverOptions> options,
    ILogger<Dc09UdpListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource<int> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<int> BoundPort => _bound.Task;

    /// <summary>Listens until stopped; a port that cannot be bound, or a listener that fails, is tried again (and reported meanwhile).</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.MaxConcurrentDatagrams);
        await status.KeepListeningAsync("udp", settings, logger, stopping => ListenAsync(settings, slots, stopping), stoppingToken);
    }

    private async Task ListenAsync(PanelReceiverOptions settings, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Parse(settings.Host), settings.Port));
        var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        _bound.TrySetResult(port);
        status.Listening("udp");
        logger.LogInformation("DC-09 receiver listening on udp://{Host}:{Port}", settings.Host, port);
        while (!stoppingToken.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await udp.ReceiveAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // e.g. an ICMP port-unreachable from an earlier reply: the listener carries on.
                logger.LogDebug("DC-09 udp receive: {Error}", ex.Message);
                continue;
            }

            stats.Count("datagrams");
            if (datagram.Buffer.Length > settings.MaxFrameBytes)
            {
                stats.Count("rejected.Oversize");
                continue;
            }

            if (!slots.Wait(0))
            {
                stats.Count("datagrams.dropped");
                continue;
            }

            _ = AnswerAsync(udp, datagram, slots, stoppingToken);
        }
    }

    private async Task AnswerAsync(UdpClient udp, UdpReceiveResult datagram, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            if (await handler.HandleAsync(datagram.Buffer, "udp", datagram.RemoteEndPoint.ToString(), stoppingToken) is { } reply)
            {
                await udp.SendAsync(reply, datagram.RemoteEndPoint, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            stats.Count("datagrams.failed");
            logger.LogError(ex, "DC-09 udp {Remote}: could not answer", datagram.RemoteEndPoint);
        }
        finally
        {
            slots.Release();
        }
    }
}
