using System.Net;
using System.Net.Sockets;
using CareIoT.Dc09;

namespace CareIoT.IntegrationTests;

/// <summary>A home-alarm panel's side of DC-09 for the tests: sends frames to the receiver over TCP or UDP and reads what it answers.</summary>
public sealed class PanelDialler(int port)
{
    private static readonly Dc09FrameParser Parser = new();
    private readonly Dc09FrameEncoder _encoder = new();

    /// <summary>Sends one frame over a fresh TCP connection and waits up to <paramref name="wait"/> for the answer (null if none came).</summary>
    public async Task<Dc09Frame?> SendTcpAsync(byte[] frame, Dc09AccountKey? key = null, TimeSpan? wait = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(frame);
        return await ReadAnswerAsync(stream, key, wait ?? TimeSpan.FromSeconds(10));
    }

    /// <summary>Sends one datagram and waits for the answer datagram (null if none came).</summary>
    public async Task<Dc09Frame?> SendUdpAsync(byte[] frame, Dc09AccountKey? key = null, TimeSpan? wait = null)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await udp.SendAsync(frame, new IPEndPoint(IPAddress.Loopback, port));
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(10));
        try
        {
            var answer = await udp.ReceiveAsync(timeout.Token);
            return Parse(answer.Buffer, key);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public byte[] Encode(Dc09Frame frame, Dc09AccountKey? key = null) => _encoder.Encode(frame, key);

    public static Dc09Frame ContactId(string account, int sequence, string data, DateTimeOffset? timestamp = null, bool encrypted = false) =>
        new(Dc09Token.AdmCid, encrypted, sequence, "1", "1", account, $"#{account}|{data}", [], timestamp);

    private static async Task<Dc09Frame?> ReadAnswerAsync(NetworkStream stream, Dc09AccountKey? key, TimeSpan wait)
    {
        var buffer = new byte[1024];
        var splitter = new Dc09StreamSplitter();
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return null;
                }

                if (splitter.Push(buffer.AsSpan(0, read)).Frames is [var answer, ..])
                {
                    return Parse(answer, key);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static Dc09Frame Parse(byte[] answer, Dc09AccountKey? key)
    {
        var result = Parser.Parse(answer, _ => key);
        return result.Frame ?? throw new InvalidOperationException($"the receiver answered a frame that does not parse: {result.Status}");
    }
}
