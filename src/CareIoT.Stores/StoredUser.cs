namespace CareIoT.Stores;

/// <summary>
/// A user as stored; <paramref name="HouseholdId"/> only for a relative; <paramref name="LockedUntil"/>
/// set once the account was locked for failed sign-ins (in the past once the lock ran out).
/// </summary>
public sealed record StoredUser(
    string Username, string PasswordHash, string Role, string? HouseholdId = null, DateTimeOffset? LockedUntil = null,
    Guid SecurityStamp = default, DateTimeOffset? DisabledAt = null);
