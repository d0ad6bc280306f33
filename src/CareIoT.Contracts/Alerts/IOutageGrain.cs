namespace CareIoT.Contracts;

/// <summary>
/// One area's outages (a gateway, or the network of directly connected devices; <see cref="OutageAreas"/>):
/// when many of its devices go offline within a short window their offline alerts become members of one
/// incident, shown on the console instead of a row each. Only DeviceOffline alerts are ever members.
/// </summary>
public interface IOutageGrain : IGrainWithStringKey
{
    /// <summary>A device of this area went offline (its new alert): the incident it is now a member of, or null.</summary>
    Task<Guid?> DeviceOffline(AlertSnapshot alert);

    /// <summary>A member was restored; the incident closes (journaled) once no member is offline.</summary>
    Task MemberRestored(Guid incidentId);
}
