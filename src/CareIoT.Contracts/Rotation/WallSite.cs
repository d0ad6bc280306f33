namespace CareIoT.Contracts.Rotation;

/// <summary>
/// One tile of the wall: a care facility (key <c>facility:{id}</c>) or a group of households, e.g. a
/// community (key <c>community:{name}</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.WallSite")]
public sealed record WallSite(string Key, WallSiteKind Kind, string Name)
{
    public const string FacilityPrefix = "facility:";
    public const string CommunityPrefix = "community:";

    public static string FacilityKey(string facilityId) => FacilityPrefix + facilityId;

    public static string CommunityKey(string community) => CommunityPrefix + community;
}

public enum WallSiteKind
{
    Facility,
    HouseholdGroup,
}
