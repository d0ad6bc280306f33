using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CareIoT.Server.Auth;

/// <summary>
/// Failed sign-ins per client address and user name, on the rate limiter the ASP.NET Core middleware
/// uses (a fixed one-minute window per pair). Only failures take a permit, so the middleware cannot
/// do this: it charges every request before the password is known.
/// </summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignInFailuresPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>When the pair has used up its failures: how long until it may try again; else null.</summary>
    public TimeSpan? RetryAfter(string client, string username)
    {
        using var lease = _failures.AttemptAcquire(Key(client, username), 0);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void CountFailure(string client, string username)
    {
        using var lease = _failures.AttemptAcquire(Key(client, username), 1);
    }

    public void Dispose() => _failures.Dispose();

    // Case folded, so "Admin" and "admin" share one budget.
    private static string Key(string client, string username) => $"{client}\n{username.ToLowerInvariant()}";
}
