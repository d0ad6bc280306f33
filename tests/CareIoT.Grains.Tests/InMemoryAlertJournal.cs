using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>
/// The alert journal as PostgreSQL keeps it, in memory: every write claims its source key first, so
/// a source already recorded writes nothing and returns the alert it belongs to. <see cref="IsDown"/>
/// simulates the database being unreachable.
/// </summary>
public sealed class InMemoryAlertJournal : IAlertJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, AlertSnapshot> _alerts = [];
    private readonly Dictionary<string, Guid> _sources = [];
    private readonly List<(Guid AlertId, string Kind)> _notes = [];

    /// <summary>When set, every call throws, as the real journal does when PostgreSQL is down.</summary>
    public bool IsDown { get; set; }

    /// <summary>How many writes changed the journal; a redelivered source must not add to it.</summary>
    public int Writes { get; private set; }

    public Task<AlertSnapshot> RaiseAsync(AlertSnapshot alert, string sourceKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            if (_sources.TryGetValue(sourceKey, out var existing))
            {
                return Task.FromResult(_alerts[existing]);
            }

            _sources[sourceKey] = alert.AlertId;
            _alerts[alert.AlertId] = alert;
            Writes++;
            return Task.FromResult(alert);
        }
    }

    public Task<AlertSnapshot> RepeatAsync(Guid alertId, string sourceKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            if (_sources.TryGetValue(sourceKey, out var existing))
            {
                return Task.FromResult(_alerts[existing]);
            }

            var alert = _alerts.TryGetValue(alertId, out var found)
                ? found
                : throw new InvalidOperationException($"Alert {alertId} is not in the journal.");
            if (!alert.IsOpen)
            {
                return Task.FromResult(alert);
            }

            var repeated = alert with
            {
                Occurrences = alert.Occurrences + 1,
                LastSeenAt = at > alert.LastSeenAt ? at : alert.LastSeenAt,
            };
            _sources[sourceKey] = alertId;
            _alerts[alertId] = repeated;
            Writes++;
            return Task.FromResult(repeated);
        }
    }

    public Task<AlertSnapshot?> TransitionAsync(AlertTransition transition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            if (!_alerts.TryGetValue(transition.AlertId, out var alert) || alert.Status != transition.From)
            {
                return Task.FromResult<AlertSnapshot?>(null);
            }

            var moved = alert with
            {
                Status = transition.To,
                AcknowledgedAt = transition.To == AlertStatus.Acknowledged ? transition.At : alert.AcknowledgedAt,
                AcknowledgedBy = transition.To == AlertStatus.Acknowledged ? transition.Actor : alert.AcknowledgedBy,
                DispatchedTo = transition.Responder ?? alert.DispatchedTo,
                ClosedAt = transition.To is AlertStatus.Resolved or AlertStatus.FalseAlarm or AlertStatus.CancelledByResident or AlertStatus.Restored ? transition.At : null,
            };
            _alerts[alert.AlertId] = moved;
            _notes.Add((alert.AlertId, transition.Kind));
            Writes++;
            return Task.FromResult<AlertSnapshot?>(moved);
        }
    }

    public Task<IReadOnlyList<AlertSnapshot>> AttachToIncidentAsync(Guid incidentId, string area, DateTimeOffset openedAt, IReadOnlyList<Guid> alertIds,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            Incidents.TryAdd(incidentId, (area, null));
            var members = new List<AlertSnapshot>();
            foreach (var id in alertIds)
            {
                if (_alerts.TryGetValue(id, out var alert))
                {
                    members.Add(_alerts[id] = alert with { IncidentId = incidentId });
                }
            }

            Writes++;
            return Task.FromResult<IReadOnlyList<AlertSnapshot>>(members);
        }
    }

    public Task<bool> CloseIncidentIfOverAsync(Guid incidentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            if (_alerts.Values.Any(a => a.IncidentId == incidentId && a.IsOpen))
            {
                return Task.FromResult(false);
            }

            Incidents[incidentId] = (Incidents[incidentId].Area, Incidents[incidentId].ClosedAt ?? at);
            return Task.FromResult(true);
        }
    }

    /// <summary>The outage incidents by id: area, and when it closed (null while open).</summary>
    public Dictionary<Guid, (string Area, DateTimeOffset? ClosedAt)> Incidents { get; } = [];

    public Task<AlertSnapshot> EscalateAsync(Guid alertId, int level, string kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            var escalated = _alerts[alertId] with { EscalationLevel = Math.Max(level, _alerts[alertId].EscalationLevel) };
            _alerts[alertId] = escalated;
            _notes.Add((alertId, kind));
            Writes++;
            return Task.FromResult(escalated);
        }
    }

    public Task<AlertSnapshot?> GetAsync(Guid alertId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            return Task.FromResult(_alerts.GetValueOrDefault(alertId));
        }
    }

    public Task AppendNoteAsync(Guid alertId, string kind, string sourceKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            if (_sources.TryAdd(sourceKey, alertId))
            {
                _notes.Add((alertId, kind));
                Writes++;
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>The notes appended to one alert, oldest first.</summary>
    public IReadOnlyList<string> NotesOf(Guid alertId)
    {
        lock (_gate)
        {
            return [.. _notes.Where(n => n.AlertId == alertId).Select(n => n.Kind)];
        }
    }

    public Task<IReadOnlyList<AlertSnapshot>> GetOpenForSiteAsync(SiteRef site, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            IReadOnlyList<AlertSnapshot> open = [.. _alerts.Values.Where(a => a.IsOpen && a.Site == site)];
            return Task.FromResult(open);
        }
    }

    public Task<IReadOnlyList<AlertSnapshot>> GetOpenAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfDown();
            IReadOnlyList<AlertSnapshot> open = [.. _alerts.Values.Where(a => a.IsOpen).OrderBy(a => a.Priority).ThenBy(a => a.RaisedAt)];
            return Task.FromResult(open);
        }
    }

    /// <summary>Every alert recorded for one site, open or not.</summary>
    public IReadOnlyList<AlertSnapshot> AlertsAt(SiteRef site)
    {
        lock (_gate)
        {
            return [.. _alerts.Values.Where(a => a.Site == site)];
        }
    }

    private void ThrowIfDown()
    {
        if (IsDown)
        {
            throw new InvalidOperationException("The alert journal is unavailable (simulated PostgreSQL outage).");
        }
    }
}
