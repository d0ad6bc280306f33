using System.Collections.Concurrent;
using CareIoT.Stores;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Auth;

/// <summary>
/// Ends hub connections whose session has ended (<see cref="SessionStamp"/>): a hub connection is
/// authenticated once, at its handshake, and would otherwise keep receiving alerts after logout. Each
/// hub call is checked, and every <see cref="SweepEvery"/> all open connections are, in one query.
/// </summary>
public sealed class HubSessions(IUserAccounts users, IDatabaseHealth database, ILogger<HubSessions> logger) : BackgroundService, IHubFilter
{
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _open[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = invocation.Context;
        if (caller.User is not { } user || !await SessionStamp.IsCurrentAsync(user, users, database, logger, caller.ConnectionAborted))
        {
            caller.Abort();
            throw new HubException("session ended");
        }

        return await next(invocation);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Hub sessions not checked this round");
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var open = _open.Values.Where(c => c.User?.Identity?.Name is not null).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var current = await users.CurrentStampsAsync([.. open.Select(c => c.User!.Identity!.Name!).Distinct()], cancellationToken);
        var ended = await users.EndedOfAsync([.. open.Select(c => SessionStamp.SessionOf(c.User!) ?? Guid.Empty).Distinct()], cancellationToken);
        foreach (var context in open)
        {
            if (!current.TryGetValue(context.User!.Identity!.Name!, out var stamp) || SessionStamp.Of(context.User) != stamp
                || SessionStamp.SessionOf(context.User) is not { } session || ended.Contains(session))
            {
                logger.LogInformation("Closed hub connection {ConnectionId} of {Username}: the session has ended", context.ConnectionId, context.User.Identity.Name);
                context.Abort();
            }
        }
    }
}
