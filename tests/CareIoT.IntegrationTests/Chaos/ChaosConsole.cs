using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// A console as an operator's browser runs it: reconnects forever and resynchronises the queue on
/// every reconnect. Remembers when it first saw each device's alert (push or resync).
/// </summary>
public sealed class ChaosConsole : IAsyncDisposable
{
    private readonly HubConnection _connection;

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
    }

    public async Task ResyncAsync()
    {
        foreach (var alert in await _connection.InvokeAsync<AlertDto[]>("GetOpenAlerts"))
        {
            See(alert);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

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
