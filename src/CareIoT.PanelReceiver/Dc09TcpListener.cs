using System.Net;
using System.Net.Sockets;
using CareIoT.Dc09;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.PanelReceiver;

/// <summary>
/// DC-09 over TCP. Bounded everywhere a panel (or an attacker) could make it grow: connections (one
/// beyond <see cref="PanelReceiverOptions.MaxConnections"/> is closed at once), bytes held per
/// connection (one frame at most), and time (an idle connection is closed). Frames on one connection
/// are answered in order.
/// </summary>
public sealed class Dc09TcpListener(
    PanelFrameHandler handler, PanelReceiverStats stats, PanelListenerStatus status, IOptions<PanelReceiverOptions> options,
    ILogger<Dc09TcpListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource<int> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The port actually listened on (useful when configured as 0).</summary>
    public Task<int> BoundPort => _bound.Task;

    /// <summary>Listens until stopped; a port that cannot be bound, or a listener that fails, is tried again (and reported meanwhile).</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.MaxConnections);
        await status.KeepListeningAsync("tcp", settings, logger, stopping => ListenAsync(settings, slots, stopping), stoppingToken);
    }

    private async Task ListenAsync(PanelReceiverOptions settings, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        using var listener = new TcpListener(IPAddress.Parse(settings.Host), settings.Port);
        listener.Start(backlog: 256);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _bound.TrySetResult(port);
        status.Listening("tcp");
        logger.LogInformation("DC-09 receiver listening on tcp://{Host}:{Port} (at most {MaxConnections} connections)", settings.Host, port, settings.MaxConnections);
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex)
            {
                logger.LogWarning("DC-09 accept failed: {Error}", ex.Message);
                continue;
            }

            if (!slots.Wait(0))
            {
                stats.Count("connections.refused");
                socket.Dispose();
                continue;
            }

            stats.Count("connections");
            _ = ServeAsync(socket, slots, settings, stoppingToken);
        }
    }

    private async Task ServeAsync(Socket socket, SemaphoreSlim slots, PanelReceiverOptions settings, CancellationToken stoppingToken)
    {
        var remote = socket.RemoteEndPoint?.ToString() ?? "?";
        var splitter = new Dc09StreamSplitter(settings.MaxFrameBytes);
        var buffer = new byte[settings.MaxFrameBytes];
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                idle.CancelAfter(settings.IdleTimeout);
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, idle.Token);
                if (read == 0)
                {
                    return;
                }

                var split = splitter.Push(buffer.AsSpan(0, read));
                if (split.Overflows > 0)
                {
                    stats.Count("rejected.Oversize", split.Overflows);
                    logger.LogWarning("DC-09 tcp {Remote}: {Count} frame(s) longer than {Max} bytes discarded", remote, split.Overflows, settings.MaxFrameBytes);
                }

                if (split.DiscardedBytes > 0)
                {
                    stats.Count("garbage_bytes", split.DiscardedBytes);
                }

                foreach (var frame in split.Frames)
                {
                    if (await handler.HandleAsync(frame, "tcp", remote, stoppingToken) is { } reply)
                    {
                        await socket.SendAsync(reply, SocketFlags.None, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            stats.Count("connections.idle_closed");
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        catch (SocketException ex)
        {
            logger.LogDebug("DC-09 tcp {Remote}: connection ended ({Error})", remote, ex.Message);
        }
        catch (Exception ex)
        {
            stats.Count("connections.failed");
            logger.LogError(ex, "DC-09 tcp {Remote}: connection failed", remote);
        }
        finally
        {
            socket.Dispose();
            slots.Release();
        }
    }
}
