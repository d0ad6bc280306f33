using System.Collections.Concurrent;
using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>Stands in for the SignalR push: remembers every alert it was given, or fails when told to.</summary>
public sealed class RecordingAlertNotifier : IAlertNotifier
{
    private readonly ConcurrentQueue<AlertSnapshot> _pushed = new();
    private readonly ConcurrentQueue<AlertSnapshot> _escalated = new();

    /// <summary>When set, every push throws, as it would with the consoles unreachable.</summary>
    public bool IsDown { get; set; }

    public Task AlertChangedAsync(AlertSnapshot alert, CancellationToken cancellationToken)
    {
        if (IsDown)
        {
            throw new InvalidOperationException("The dispatch consoles are unreachable (simulated).");
        }

        _pushed.Enqueue(alert);
        return Task.CompletedTask;
    }

    public Task AlertEscalatedAsync(AlertSnapshot alert, CancellationToken cancellationToken)
    {
        if (IsDown)
        {
            throw new InvalidOperationException("The dispatch consoles are unreachable (simulated).");
        }

        _escalated.Enqueue(alert);
        return Task.CompletedTask;
    }

    /// <summary>The escalations pushed for one alert, oldest first.</summary>
    public IReadOnlyList<AlertSnapshot> EscalationsOf(Guid alertId) => [.. _escalated.Where(a => a.AlertId == alertId)];

    /// <summary>What was pushed for one site, oldest first.</summary>
    public IReadOnlyList<AlertSnapshot> PushedFor(SiteRef site) => [.. _pushed.Where(a => a.Site == site)];
}
