namespace CareIoT.Stores;

/// <summary>Open outage incidents and their members.</summary>
public interface IIncidents
{
    Task<IReadOnlyList<OutageIncident>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>The members of an incident nobody has acknowledged yet.</summary>
    Task<IReadOnlyList<Guid>> UnacknowledgedMembersAsync(Guid incidentId, CancellationToken cancellationToken);
}
