using System.Net.Sockets;
using CareIoT.Dc09;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// A panel's TCP connection to the receiver, opened when needed: when the receiver is unreachable
/// (a server restart) it dials again after 1, 2, 4 … s, at most 30 s apart, until it gets through or is
/// cancelled. Holds the splitter for the bytes read on the current connection. Not thread-safe.
/// </summary>
public sealed class PanelConnection(string deviceId, string host, int port, TimeProvider time, Action<string> log)
{
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);
    private TcpClient? _client;

    public Dc09StreamSplitter Splitter { get; private set; } = new();

    public async Task<NetworkStream> OpenAsync(CancellationToken cancellationToken)
    {
        if (_client is { } client && !ClosedByPeer(client.Client))
        {
            return client.GetStream();
        }

        // Quietly: the receiver closes a connection that was idle for its timeout, and a panel simply dials again.
        Drop();
        var backOff = TimeSpan.FromSeconds(1);
        for (var failures = 0; ; failures++)
        {
            var attempt = new TcpClient { NoDelay = true };
            try
            {
                await attempt.ConnectAsync(host, port, cancellationToken);
                if (failures > 0)
                {
                    log($"{time.GetLocalNow():HH:mm:ss} {deviceId} reached the receiver at {host}:{port} again");
                }

                _client = attempt;
                Splitter = new Dc09StreamSplitter();
                return attempt.GetStream();
            }
            catch (SocketException ex)
            {
                attempt.Dispose();
                if (failures == 0)
                {
                    log($"{time.GetLocalNow():HH:mm:ss} {deviceId} cannot reach the receiver at {host}:{port} ({ex.SocketErrorCode}); dialling again, up to {MaxBackOff.TotalSeconds:0} s apart");
                }
            }
            catch
            {
                attempt.Dispose();
                throw;
            }

            await Task.Delay(backOff, time, cancellationToken);
            backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
        }
    }

    /// <summary>Closes the connection; the next <see cref="OpenAsync"/> dials a new one.</summary>
    public void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    // Readable with nothing to read: the receiver has closed its end.
    private static bool ClosedByPeer(Socket socket) => !socket.Connected || (socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
}
