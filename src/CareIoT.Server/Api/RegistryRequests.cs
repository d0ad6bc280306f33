using CareIoT.Contracts;

namespace CareIoT.Server.Api;

public sealed record HouseholdRequest(
    string ElderName, string? Address, int? BirthYear = null, string? MedicalNotes = null, IReadOnlyList<CareIoT.Stores.EmergencyContact>? Contacts = null,
    string? Community = null, double? Latitude = null, double? Longitude = null);

public sealed record BedRequest(string? Room, string? Label, string? FacilityId = null);

public sealed record FacilityRequest(string Name, string? Address, double? Latitude = null, double? Longitude = null);

/// <summary>
/// Exactly one of <see cref="HouseholdId"/> and <see cref="BedId"/> is set. <see cref="GatewayId"/>
/// for devices behind a Zigbee2MQTT gateway; <see cref="OfflineAfterSeconds"/> overrides the class default.
/// </summary>
public sealed record DeviceRequest(
    DeviceKind Kind, string? HouseholdId, string? BedId,
    string? Vendor = null, string? Model = null, string? GatewayId = null, int? OfflineAfterSeconds = null);
