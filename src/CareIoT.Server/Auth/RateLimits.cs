using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CareIoT.Server.Auth;

/// <summary>
/// ASP.NET Core's rate limiter for the host: every API and hub request counts against its user (or,
/// signed out, its client address), and sign-in attempts against their address. A refusal is 429 with
/// Retry-After. Hub messages over an open WebSocket are not requests and are not counted here.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy on the sign-in and unlock endpoints.</summary>
    public const string SignIn = "sign-in";

    /// <summary>The client's address as the server sees it (no forwarded headers are trusted).</summary>
    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static void Configure(RateLimiterOptions limiter, AuthOptions settings)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, _) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            return ValueTask.CompletedTask;
        };
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/hubs")
                ? RateLimitPartition.GetNoLimiter("pages")
                : RateLimitPartition.GetTokenBucketLimiter(
                    http.User.Identity is { IsAuthenticated: true, Name: { } name } ? $"user:{name}" : $"address:{ClientOf(http)}",
                    _ => PerMinute(settings.ApiRequestsPerMinute)));
        limiter.AddPolicy(SignIn, http => RateLimitPartition.GetTokenBucketLimiter(ClientOf(http), _ => PerMinute(settings.SignInsPerMinute)));
    }

    // A minute's worth may come at once; after that it refills evenly, once a second.
    private static TokenBucketRateLimiterOptions PerMinute(int permits) => new()
    {
        TokenLimit = Math.Max(1, permits),
        TokensPerPeriod = Math.Max(1, (permits + 59) / 60),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
    };
}
