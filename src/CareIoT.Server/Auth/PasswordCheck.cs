using CareIoT.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareIoT.Server.Auth;

/// <summary>What a password check came to; <see cref="RetryAfter"/> only when throttled.</summary>
public sealed record PasswordCheckResult(StoredUser? User, TimeSpan? RetryAfter = null)
{
    public bool Passed => User is not null;
}

/// <summary>
/// Checks a user's password for sign-in and for unlocking a locked screen, with the same defences:
/// per address and user name throttling (<see cref="SignInThrottle"/>), and the account lockout in
/// PostgreSQL. A locked account, an unknown user and a wrong password look the same to the client;
/// the log says which it was. The lock does not apply on a browser the user signed in from before
/// (<see cref="KnownDevice"/>), so nobody can lock an operator out by typing wrong passwords in their name.
/// </summary>
public sealed class PasswordCheck(IUserAccounts users, SignInThrottle throttle, IOptions<AuthOptions> options, TimeProvider time,
    ILogger<PasswordCheck> logger)
{
    internal static readonly PasswordHasher<string> Hasher = new();

    // Verified against when there is no such user, so an unknown name costs as long as a known one.
    private static readonly string NoUserHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    public async Task<PasswordCheckResult> CheckAsync(string username, string password, string client, bool knownDevice, CancellationToken cancellationToken)
    {
        if (username.Length is 0 or > 64)
        {
            return new PasswordCheckResult(null);
        }

        if (throttle.RetryAfter(client, username) is { } retryAfter)
        {
            logger.LogWarning("Sign-in for {Username} from {Client} throttled: too many failures, retry after {RetryAfter}", username, client, retryAfter);
            return new PasswordCheckResult(null, retryAfter);
        }

        var user = await users.FindAsync(username, cancellationToken);
        var right = Hasher.VerifyHashedPassword(username, user?.PasswordHash ?? NoUserHash, password) != PasswordVerificationResult.Failed;
        if (user is null)
        {
            logger.LogInformation("Failed sign-in for an unknown user name from {Client}", client);
        }
        else if (user.LockedUntil > time.GetUtcNow() && !knownDevice)
        {
            logger.LogWarning("Sign-in for {Username} from {Client} refused: the account is locked until {LockedUntil}", username, client, user.LockedUntil);
        }
        else if (right)
        {
            await users.ResetSignInFailuresAsync(user.Username, cancellationToken);
            return new PasswordCheckResult(user);
        }
        else
        {
            var settings = options.Value;
            var lockAfter = Math.Max(1, settings.LockoutFailures);
            var now = time.GetUtcNow();
            // Failures count toward a lock only while they are recent: within one lockout's length of each other.
            var lockedUntil = await users.RecordFailedSignInAsync(user.Username, lockAfter, now, now - settings.Lockout, now + settings.Lockout, cancellationToken);
            if (lockedUntil is null)
            {
                logger.LogInformation("Failed sign-in for {Username} from {Client}", username, client);
            }
            else
            {
                logger.LogWarning("Account {Username} locked until {LockedUntil} after {Failures} consecutive failed sign-ins, the last from {Client}",
                    username, lockedUntil, lockAfter, client);
            }
        }

        throttle.CountFailure(client, username);
        return new PasswordCheckResult(null);
    }
}
