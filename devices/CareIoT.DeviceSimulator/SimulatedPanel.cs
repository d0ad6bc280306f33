using CareIoT.Dc09;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// One home-alarm panel speaking DC-09 over TCP to the centre's receiver. It keeps one connection open
/// and dials again, backing off, when the receiver is gone (a server restart); it proves the path with
/// a NULL link test every <c>linkTestEvery</c> (60 s unless told) and sends Contact ID events when
/// asked. Every frame waits for its ACK: none within <c>ackTimeout</c> (5 s unless told), a NAK or a DUH
/// sends the same frame, same sequence, again, at most 3 times. One exchange at a time.
/// </summary>
public sealed class SimulatedPanel(
    string account, Dc09AccountKey? key, string host, int port,
    TimeSpan? linkTestEvery = null, TimeSpan? ackTimeout = null, TimeProvider? time = null, Action<string>? log = null) : IAsyncDisposable
{
    /// <summary>Contact ID 100, medical: the centre takes it for a personal-emergency call.</summary>
    public const int Medical = 100;

    /// <summary>Contact ID 110, fire.</summary>
    public const int Fire = 110;

    private const int Retransmissions = 3;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _ackTimeout = ackTimeout ?? TimeSpan.FromSeconds(5);
    private readonly PanelFrames _frames = new(account, key, time ?? TimeProvider.System);
    private readonly PanelConnection _connection = new($"panel-{account}", host, port, time ?? TimeProvider.System, log ?? Console.WriteLine);
    private readonly SemaphoreSlim _exchange = new(1, 1);
    private readonly Action<string> _log = log ?? Console.WriteLine;
    private int _acknowledged;

    public string DeviceId => $"panel-{account}";

    /// <summary>Frames the receiver acknowledged, link tests included.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Sends a link test now and then every period, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(linkTestEvery ?? TimeSpan.FromSeconds(60), _time);
        do
        {
            await SendAsync(_frames.LinkTest, "link test", cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    /// <summary>Sends one Contact ID event (qualifier 1 new, 3 restore); true once the receiver acknowledged it.</summary>
    public Task<bool> SendEventAsync(int qualifier, int code, CancellationToken cancellationToken, int zone = 1) =>
        SendAsync(() => _frames.ContactId(qualifier, code, zone), $"cid {qualifier}{code:D3}", cancellationToken);

    private async Task<bool> SendAsync(Func<Dc09Frame> build, string what, CancellationToken cancellationToken)
    {
        await _exchange.WaitAsync(cancellationToken);
        try
        {
            var frame = build();
            var bytes = _frames.Encode(frame);
            for (var attempt = 0; ; attempt++)
            {
                var (answer, problem) = await ExchangeAsync(bytes, frame.Sequence, cancellationToken);
                if (answer?.Token == Dc09Token.Ack)
                {
                    Interlocked.Increment(ref _acknowledged);
                    if (frame.Token != Dc09Token.Null || attempt > 0)
                    {
                        Log(what, frame, attempt == 0 ? "ACK" : $"ACK after {attempt} retransmission(s)");
                    }

                    return true;
                }

                if (attempt == Retransmissions)
                {
                    Log(what, frame, $"{problem}; given up after {Retransmissions} retransmissions");
                    return false;
                }

                if (answer is { Token: Dc09Token.Nak, Timestamp: { } receiverTime })
                {
                    frame = _frames.Restamp(frame, receiverTime);
                    bytes = _frames.Encode(frame);
                }

                Log(what, frame, $"{problem}; retransmitting ({attempt + 1}/{Retransmissions})");
            }
        }
        finally
        {
            _exchange.Release();
        }
    }

    /// <summary>Writes the frame and reads until the answer to its sequence comes; with what went wrong when that is no ACK.</summary>
    private async Task<(Dc09Frame? Answer, string Problem)> ExchangeAsync(byte[] bytes, int sequence, CancellationToken cancellationToken)
    {
        var stream = await _connection.OpenAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(_ackTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var buffer = new byte[Dc09FrameParser.DefaultMaxFrameBytes];
        try
        {
            await stream.WriteAsync(bytes, linked.Token);
            while (true)
            {
                var read = await stream.ReadAsync(buffer, linked.Token);
                if (read == 0)
                {
                    _connection.Drop();
                    return (null, "connection closed by the receiver");
                }

                foreach (var answer in _connection.Splitter.Push(buffer.AsSpan(0, read)).Frames.Select(_frames.ReadAnswer))
                {
                    // A late answer to an earlier frame is skipped; the NAK the spec prescribes carries sequence 0000.
                    if (answer is not null && (answer.Sequence == sequence || answer.Token == Dc09Token.Nak))
                    {
                        return (answer, answer.Token.ToString().ToUpperInvariant());
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A connection that swallowed a frame is not trusted with its retransmission.
            _connection.Drop();
            return (null, $"no ACK within {_ackTimeout.TotalSeconds:0.#} s");
        }
        catch (IOException ex)
        {
            _connection.Drop();
            return (null, $"connection lost ({ex.Message})");
        }
    }

    private void Log(string what, Dc09Frame frame, string outcome) =>
        _log($"{_time.GetLocalNow():HH:mm:ss} {what,-12} {DeviceId} seq {frame.Sequence:D4} {outcome}");

    public ValueTask DisposeAsync()
    {
        _connection.Drop();
        _exchange.Dispose();
        return ValueTask.CompletedTask;
    }
}
