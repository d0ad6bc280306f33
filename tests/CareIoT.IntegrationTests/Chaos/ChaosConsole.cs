using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// A console as an operator's browser runs it (<c>console.js</c>): reconnects forever, reads the whole
/// queue on every reconnect and whenever a push number is skipped (in a push or a heartbeat), and as a
/// last resort every 60 s. Remembers apart what reached it by push and what only a read of the queue found.
/// </summary>
public sealed class ChaosConsole : IAsyncDisposable
{
    private static readonly TimeSpan LastResortEvery = TimeSpan.FromSeconds(60);
    private readonly HubConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private long? _sequence;
    private Task _lastResort = Task.CompletedTask;

    public ChaosConsole(Uri server, System.Net.CookieContainer cookies)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/dispatch"), o => o.Cookies = cookies)
            .WithAutomaticReconnect(new Forever())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        _connection.On<AlertDto, long>("AlertChanged", OnPush);
        _connection.On<AlertDto, long>("AlertEscalated", OnPush);
        _connection.On<long>("Heartbeat", Heartbeat);
        _connection.Reconnecting += _ =>
        {
            lock (_gate)
            {
                _sequence = null;
            }

            return Task.CompletedTask;
        };
        _connection.Reconnected += async _ => await ResyncAsync();
    }

    /// <summary>Device id → the first alert pushed for it and when.</summary>
    public ConcurrentDictionary<string, Sighting> Pushed { get; } = new();

    /// <summary>Device id → the first alert seen for it, by push or by a read of the queue, and when.</summary>
    public ConcurrentDictionary<string, Sighting> Seen { get; } = new();

    /// <summary>Reads of the queue because a push number was skipped.</summary>
    public int GapResyncs;

    public async Task StartAsync()
    {
        await _connection.StartAsync();
        await ResyncAsync();
        _lastResort = LastResortAsync(_stop.Token);
    }

    public async Task ResyncAsync()
    {
        var queue = await _connection.InvokeAsync<QueueDto>("GetQueue");
        lock (_gate)
        {
            _sequence = queue.Sequence;
        }

        foreach (var alert in queue.Alerts)
        {
            Seen.TryAdd(alert.DeviceId, new Sighting(alert.AlertId, alert.Cause, DateTimeOffset.UtcNow));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _lastResort;
        _stop.Dispose();
        await _connection.DisposeAsync();
    }

    private void OnPush(AlertDto alert, long number)
    {
        var sighting = new Sighting(alert.AlertId, alert.Cause, DateTimeOffset.UtcNow);
        Pushed.TryAdd(alert.DeviceId, sighting);
        Seen.TryAdd(alert.DeviceId, sighting);
        bool skipped;
        lock (_gate)
        {
            skipped = _sequence is { } last && number > last + 1;
            _sequence = _sequence is { } known && known > number ? known : number;
        }

        if (skipped)
        {
            Interlocked.Increment(ref GapResyncs);
            _ = ResyncQuietlyAsync();
        }
    }

    private void Heartbeat(long number)
    {
        bool behind;
        lock (_gate)
        {
            behind = _sequence is { } last && number > last;
        }

        if (behind)
        {
            Interlocked.Increment(ref GapResyncs);
            _ = ResyncQuietlyAsync();
        }
    }

    private async Task ResyncQuietlyAsync()
    {
        try
        {
            await ResyncAsync();
        }
        catch (Exception)
        {
            // The next heartbeat or the reconnect tries again, as the browser does.
        }
    }

    private async Task LastResortAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(LastResortEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (_connection.State == HubConnectionState.Connected)
                {
                    await ResyncQuietlyAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public sealed record Sighting(Guid AlertId, string Cause, DateTimeOffset At);

    private sealed record QueueDto(long Sequence, AlertDto[] Alerts);

    private sealed class Forever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromSeconds(1);
    }
}
