using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// A console as an operator's browser runs it: reconnects forever and resynchronises the queue on
/// every reconnect and every 15 s (a push lost in the backplane while Redis is down reaches a console
/// that never disconnected only that way). Remembers when it first saw each device's alert (push or resync).
/// </summary>
public sealed class ChaosConsole : IAsyncDisposable
{
    private static readonly TimeSpan ResyncEvery = TimeSpan.FromSeconds(15);
    private readonly HubConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private Task _resyncing = Task.CompletedTask;

    public ChaosConsole(Uri server, System.Net.CookieContainer cookies)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/dispatch"), o => o.Cookies = cookies)
            .WithAutomaticReconnect(new Forever())
            .Build();
        _connection.On<AlertDto>("AlertChanged", See);
        _connection.Reconnected += async _ => await ResyncAsync();
    }

    /// <summary>Device id → (alert id, when first seen).</summary>
    public ConcurrentDictionary<string, (Guid AlertId, DateTimeOffset At)> Seen { get; } = new();

    public ConcurrentBag<Guid> AlertIds { get; } = [];

    public async Task StartAsync()
    {
        await _connection.StartAsync();
        await ResyncAsync();
        _resyncing = ResyncPeriodicallyAsync(_stop.Token);
    }

    public async Task ResyncAsync()
    {
        foreach (var alert in await _connection.InvokeAsync<AlertDto[]>("GetOpenAlerts"))
        {
            See(alert);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _resyncing;
        _stop.Dispose();
        await _connection.DisposeAsync();
    }

    private async Task ResyncPeriodicallyAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ResyncEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (_connection.State == HubConnectionState.Connected)
                {
                    try
                    {
                        await ResyncAsync();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The next tick or the reconnect tries again, as the browser does.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void See(AlertDto alert)
    {
        if (Seen.TryAdd(alert.DeviceId, (alert.AlertId, DateTimeOffset.UtcNow)))
        {
            AlertIds.Add(alert.AlertId);
        }
    }

    private sealed class Forever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromSeconds(1);
    }
}
