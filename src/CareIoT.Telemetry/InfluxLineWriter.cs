using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.Telemetry;

/// <summary>
/// Writes points to InfluxDB in gzip-compressed batches of <see cref="InfluxOptions.BatchSize"/>
/// points, or of whatever has waited <see cref="InfluxOptions.FlushInterval"/>. Obligations:
/// <see cref="Write"/> is thread-safe and never waits on the network; points reach InfluxDB in the
/// order they were written; 5xx answers, timeouts and refused connections are retried with
/// exponential back-off, and then the batch goes to an on-disk spool that is back-filled, oldest
/// first, when InfluxDB answers again (the spool outlives the process and is bounded by
/// <see cref="InfluxOptions.SpoolMaxBytes"/>, beyond which the oldest points are dropped and
/// counted); a 400 is never retried: the rejected lines go to a dead-letter file and are counted.
/// <see cref="DisposeAsync"/> sends what is buffered, once, and spools what cannot be sent.
/// The writer does not own the <see cref="HttpClient"/>.
/// </summary>
public sealed class InfluxLineWriter : IAsyncDisposable
{
    private readonly Channel<Pending> _points = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly InfluxOptions _options;
    private readonly WriterStats _stats = new();
    private readonly LineSpool _spool;
    private readonly BatchSender _sender;
    private readonly ILogger _logger;
    private readonly Task _batching;
    private readonly Task _sending;
    private readonly ITimer _ticker;
    private int _disposed;

    /// <summary>Starts the writer; picks up spool segments an earlier run left in <see cref="InfluxOptions.SpoolDirectory"/>.</summary>
    public InfluxLineWriter(HttpClient http, IOptions<InfluxOptions> options, TimeProvider time, ILogger<InfluxLineWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.FlushInterval, TimeSpan.Zero, nameof(options));
        _logger = logger;
        _spool = new LineSpool(_options.SpoolDirectory, _options.SpoolMaxBytes, _stats, logger);
        var deadLetterPath = _options.DeadLetterPath ?? Path.Combine(_options.SpoolDirectory, "dead-letter.lp");
        var deadLetters = new DeadLetterFile(deadLetterPath, time, _stats, logger);
        _sender = new BatchSender(new InfluxWriteTransport(http, _options, time), _spool, deadLetters, _stats, _options, time, logger);
        _sending = Task.Run(_sender.RunAsync);
        _batching = Task.Run(RunBatchingAsync);
        _ticker = time.CreateTimer(static state => ((InfluxLineWriter)state!).Tick(), this, _options.FlushInterval, _options.FlushInterval);
    }

    public InfluxWriterCounters Counters => _stats.Snapshot(_spool);

    /// <summary>Queues a point; returns at once. Throws <see cref="ObjectDisposedException"/> after disposal.</summary>
    public void Write(LinePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        _stats.Accepted(1);
        if (!_points.Writer.TryWrite(new Pending(point, null)))
        {
            _stats.Accepted(-1);
            throw new ObjectDisposedException(nameof(InfluxLineWriter));
        }
    }

    /// <summary>
    /// Completes when every point written before the call is stored in InfluxDB, dead-lettered or
    /// in the spool; first tries once to back-fill the spool, so after InfluxDB came back a flush
    /// leaves the spool empty.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ObjectDisposedException.ThrowIf(!_points.Writer.TryWrite(new Pending(null, flushed)), this);
        await flushed.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _ticker.DisposeAsync();
        _sender.BeginStopping();
        _points.Writer.TryComplete();
        await _batching;
        await _sending;
        _sender.Dispose();
    }

    private void Tick() => _points.Writer.TryWrite(default);

    private async Task RunBatchingAsync()
    {
        var builder = new BatchBuilder(_options.Compression);
        var output = _sender.Input;
        try
        {
            await foreach (var pending in _points.Reader.ReadAllAsync())
            {
                if (pending.Point is { } point)
                {
                    builder.Add(point);
                    if (builder.Count >= _options.BatchSize)
                    {
                        await output.WriteAsync(new BatchSender.Item(builder.Take(), null));
                    }
                }
                else if (pending.Flushed is not null || builder.Count > 0)
                {
                    // A flush, or the interval passed: send what there is.
                    await output.WriteAsync(new BatchSender.Item(builder.Take(), pending.Flushed));
                }
            }

            if (builder.Take() is { } last)
            {
                await output.WriteAsync(new BatchSender.Item(last, null));
            }
        }
        catch (Exception ex)
        {
            // A bug: refuse further points rather than accept them into a queue nobody reads.
            _points.Writer.TryComplete(ex);
            _logger.LogError(ex, "The InfluxDB batching loop failed; {Points} buffered points are lost", builder.Count);
            _stats.Dropped(builder.Count);
        }
        finally
        {
            output.TryComplete();
        }
    }

    /// <summary>A point, a flush request, or (both null) a tick of the flush interval.</summary>
    private readonly record struct Pending(LinePoint? Point, TaskCompletionSource? Flushed);
}
