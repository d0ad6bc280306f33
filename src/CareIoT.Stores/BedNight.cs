using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>One bed's night with where the bed is (facility, room, label).</summary>
public sealed record BedNight(string Facility, string Room, string Label, NightSummary Night);
