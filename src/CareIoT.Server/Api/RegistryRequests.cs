using CareIoT.Contracts;

namespace CareIoT.Server.Api;

public sealed record HouseholdRequest(string ElderName, string? Address);

public sealed record BedRequest(string? Room, string? Label);

/// <summary>Exactly one of <see cref="HouseholdId"/> and <see cref="BedId"/> is set.</summary>
public sealed record DeviceRequest(DeviceKind Kind, string? HouseholdId, string? BedId);
