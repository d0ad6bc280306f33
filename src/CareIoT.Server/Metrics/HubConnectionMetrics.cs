using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Metrics;

/// <summary>Open SignalR connections by hub (<c>careiot.hub.connections</c>: dispatch consoles, walls, relatives' phones).</summary>
public sealed class HubConnectionMetrics : IHubFilter
{
    public const string MeterName = "CareIoT.Hubs";

    private static readonly Meter Meter = new(MeterName);
    private static readonly UpDownCounter<long> Connections = Meter.CreateUpDownCounter<long>("careiot.hub.connections", description: "Open hub connections");

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        Connections.Add(1, Hub(context));
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Connections.Add(-1, Hub(context));
        await next(context, exception);
    }

    private static KeyValuePair<string, object?> Hub(HubLifetimeContext context) => new("hub", context.Hub.GetType().Name);
}
