namespace CareIoT.Stores;

/// <summary>Platform users: sign-in, roles, sessions, lockouts.</summary>
public interface IUserAccounts
{
    Task<StoredUser?> FindAsync(string username, CancellationToken cancellationToken);

    /// <summary>The users' current security stamps; a disabled or deleted user has none (every session of theirs is over).</summary>
    Task<IReadOnlyDictionary<string, Guid>> CurrentStampsAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken);

    /// <summary>Of these sessions, the ones that were logged out.</summary>
    Task<IReadOnlySet<Guid>> EndedOfAsync(IReadOnlyCollection<Guid> sessions, CancellationToken cancellationToken);

    /// <summary>Ends one session (logout): its cookie and every copy of it are refused from now on.</summary>
    Task EndSessionAsync(Guid session, CancellationToken cancellationToken);

    /// <summary>Ends every session of the user (a new stamp); false if there is no such user.</summary>
    Task<bool> EndSessionsAsync(string username, CancellationToken cancellationToken);

    /// <summary>A new password; every session of the user ends.</summary>
    Task<bool> SetPasswordAsync(string username, string passwordHash, CancellationToken cancellationToken);

    /// <summary>A new role (a relative keeps only a household given here); every session of the user ends.</summary>
    Task<bool> SetRoleAsync(string username, string role, string? householdId, CancellationToken cancellationToken);

    /// <summary>Creates the user; false when the name is taken. A relative names their household.</summary>
    Task<bool> CreateAsync(string username, string passwordHash, string role, string? householdId, CancellationToken cancellationToken);

    /// <summary>Disables (no sign-in, every session ends) or enables the account.</summary>
    Task<bool> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Counts a failed sign-in in one statement (concurrent attempts cannot both slip under the limit);
    /// failures before <paramref name="countSince"/> are forgotten. The one that reaches
    /// <paramref name="lockAfter"/> locks the account until <paramref name="lockedUntil"/> and starts the
    /// count again. Returns the lock's end when this failure set it, else null.
    /// </summary>
    Task<DateTimeOffset?> RecordFailedSignInAsync(
        string username, int lockAfter, DateTimeOffset at, DateTimeOffset countSince, DateTimeOffset lockedUntil, CancellationToken cancellationToken);

    /// <summary>A successful sign-in, or an admin's unlock: no failures counted, no lock. False when there is no such user.</summary>
    Task<bool> ResetSignInFailuresAsync(string username, CancellationToken cancellationToken);
}
