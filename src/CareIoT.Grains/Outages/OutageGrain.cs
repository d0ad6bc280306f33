using CareIoT.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.Grains.Outages;

/// <summary>
/// An area's offline alerts of the last <see cref="OutageOptions.Window"/>: when they reach
/// <see cref="OutageOptions.Threshold"/>, one incident opens and takes them all (the consoles are told
/// each member's new snapshot, so its own row goes), and every later offline alert of the area joins it
/// until none of its members is offline any more. The journal holds the incident and its members; this
/// grain holds only the window, so a restart costs at most a second incident for the same outage.
/// </summary>
public sealed class OutageGrain(
    IAlertJournal journal, IAlertNotifier notifier, IOptions<OutageOptions> options, TimeProvider time, ILogger<OutageGrain> logger)
    : Grain, IOutageGrain
{
    private readonly Queue<AlertSnapshot> _window = new();
    private Guid? _incident;

    private string Area => this.GetPrimaryKeyString();

    public async Task<Guid?> DeviceOffline(AlertSnapshot alert)
    {
        if (alert.Cause != AlertCause.DeviceOffline)
        {
            return null; // life-safety and other technical alerts are never grouped
        }

        if (_incident is { } open)
        {
            await journal.AttachToIncidentAsync(open, Area, time.GetUtcNow(), [alert.AlertId], CancellationToken.None);
            return open;
        }

        var settings = options.Value;
        while (_window.TryPeek(out var oldest) && oldest.RaisedAt < alert.RaisedAt - settings.Window)
        {
            _window.Dequeue();
        }

        _window.Enqueue(alert);
        if (_window.Count < Math.Max(2, settings.Threshold))
        {
            return null;
        }

        var incident = Guid.NewGuid();
        var members = await journal.AttachToIncidentAsync(incident, Area, time.GetUtcNow(), [.. _window.Select(a => a.AlertId)], CancellationToken.None);
        _incident = incident;
        _window.Clear();
        logger.LogWarning("Outage in {Area}: {Count} devices offline within {Window}; incident {Incident} groups them", Area, members.Count, settings.Window, incident);
        foreach (var member in members.Where(m => m.AlertId != alert.AlertId))
        {
            await Push(member);
        }

        return incident;
    }

    public async Task MemberRestored(Guid incidentId)
    {
        if (await journal.CloseIncidentIfOverAsync(incidentId, time.GetUtcNow(), CancellationToken.None) && _incident == incidentId)
        {
            _incident = null;
            logger.LogInformation("Outage in {Area} is over: every member of incident {Incident} is back", Area, incidentId);
        }
    }

    private async Task Push(AlertSnapshot member)
    {
        try
        {
            await AlertFanOut.ChangedAsync(GrainFactory, notifier, member);
        }
        catch (Exception ex)
        {
            // The journal has the membership; consoles read it on their next resync.
            logger.LogWarning(ex, "Could not tell consoles that alert {AlertId} joined an outage incident", member.AlertId);
        }
    }
}
