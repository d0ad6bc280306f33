namespace CareIoT.Stores;

/// <summary>An open outage incident as the console lists it: its area, since when, how many members and how many of them are still offline.</summary>
public sealed record OutageIncident(Guid IncidentId, string Area, DateTimeOffset OpenedAt, int Members, int StillOffline);
