namespace CareIoT.Contracts;

/// <summary>Where a device is installed: a solitary elder's home or a care-facility bed.</summary>
public enum SiteKind
{
    Household = 1,
    Bed = 2,
}
