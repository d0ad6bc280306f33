namespace CareIoT.Stores;

/// <summary>
/// What a queue row says of a site: for a home the elder's name, community, address and birth year; for a
/// bed its facility, room and label (<see cref="Name"/> is the label, <see cref="Place"/> facility and room).
/// </summary>
public sealed record SiteSummary(string Kind, string Id, string Name, string Place, string Address, int? BirthYear);
