namespace CareIoT.Stores;

/// <summary>A household as the console shows it: who lives there, where, and whom to call.</summary>
public sealed record HouseholdDetails(
    string HouseholdId, string ElderName, string Address, int? BirthYear, string MedicalNotes, IReadOnlyList<EmergencyContact> Contacts,
    string Community = "", double? Latitude = null, double? Longitude = null);
