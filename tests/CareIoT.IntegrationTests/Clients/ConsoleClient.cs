using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareIoT.IntegrationTests;

/// <summary>A dispatch console as the browser has it: a real SignalR connection to the running host.</summary>
public sealed class ConsoleClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<(AlertDto Alert, DateTimeOffset ReceivedAt)> _received = Channel.CreateUnbounded<(AlertDto, DateTimeOffset)>();

    /// <summary>A console signed in as the initial admin (or as the user whose session <paramref name="cookies"/> holds).</summary>
    public ConsoleClient(Uri server, System.Net.CookieContainer? cookies = null)
    {
        cookies ??= TestUsers.SignInAsync(server, TestUsers.Admin, TestUsers.AdminPassword).GetAwaiter().GetResult().Cookies;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/dispatch"), o => o.Cookies = cookies)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        _connection.On<AlertDto, long>("AlertChanged", (alert, number) =>
        {
            _received.Writer.TryWrite((alert, DateTimeOffset.UtcNow));
            Numbers.Enqueue((alert.AlertId, number));
        });
        _connection.On<long>("Heartbeat", number => Heartbeats.Enqueue(number));
        _connection.On<AlertDto, long>("AlertEscalated", (alert, _) => _escalated.Writer.TryWrite(alert));
    }

    private readonly Channel<AlertDto> _escalated = Channel.CreateUnbounded<AlertDto>();

    public Task ConnectAsync() => _connection.StartAsync();

    /// <summary>Each pushed alert change with the number of its silo's push sequence, in arrival order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(Guid AlertId, long Number)> Numbers { get; } = new();

    /// <summary>The numbers the heartbeats carried, in arrival order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<long> Heartbeats { get; } = new();

    /// <summary>The open alerts and the push number they are current to.</summary>
    public Task<QueueDto> GetQueueAsync() => _connection.InvokeAsync<QueueDto>("GetQueue");

    /// <summary>The first escalation push that matches.</summary>
    public async Task<AlertDto> WaitForEscalationAsync(Func<AlertDto, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var alert in _escalated.Reader.ReadAllAsync(cancel.Token))
            {
                if (match(alert))
                {
                    return alert;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"No matching escalation reached the console within {timeout}");
    }

    public Task<AlertDto[]> GetOpenAlertsAsync() => _connection.InvokeAsync<AlertDto[]>("GetOpenAlerts");

    /// <summary>The first pushed alert that matches, with the time it arrived.</summary>
    public async Task<(AlertDto Alert, DateTimeOffset ReceivedAt)> WaitForAsync(Func<AlertDto, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var item in _received.Reader.ReadAllAsync(cancel.Token))
            {
                if (match(item.Alert))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"No matching alert reached the console within {timeout}");
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

public sealed record SiteDto(string Kind, string Id);

public sealed record QueueDto(long Sequence, AlertDto[] Alerts);

public sealed record AlertDto(
    Guid AlertId, SiteDto Site, string DeviceId, string Cause, string Priority, string Status,
    DateTimeOffset RaisedAt, DateTimeOffset LastSeenAt, int Occurrences,
    int EscalationLevel = 0, DateTimeOffset? AcknowledgedAt = null, string? AcknowledgedBy = null, string? DispatchedTo = null,
    DateTimeOffset? ClosedAt = null, Guid? IncidentId = null);

internal static class Json
{
    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
