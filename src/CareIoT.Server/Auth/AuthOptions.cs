namespace CareIoT.Server.Auth;

/// <summary>
/// Configuration section <c>Auth</c>: how sign-in is defended and how long an idle session lives.
/// (<c>Auth:InitialAdminPassword</c> is read by <see cref="InitialAdmin"/>.)
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Consecutive failed sign-ins after which an account refuses every sign-in for <see cref="LockoutMinutes"/>.</summary>
    public int LockoutFailures { get; set; } = 5;

    public double LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Failed sign-ins per client address and user name per minute; past it every attempt for that pair
    /// gets 429 without its password being checked. Successful sign-ins are not counted: tools and tests
    /// sign in as one user from one address many times a minute, an attacker fails.
    /// </summary>
    public int SignInFailuresPerMinute { get; set; } = 10;

    /// <summary>All sign-in and unlock attempts per client address per minute (each costs a password hash).</summary>
    public int SignInsPerMinute { get; set; } = 300;

    /// <summary>API and hub requests per signed-in user (anonymous: per client address) per minute.</summary>
    public int ApiRequestsPerMinute { get; set; } = 6000;

    /// <summary>A session ends after this long without a request (sliding); fractions allowed (tests).</summary>
    public double IdleMinutes { get; set; } = 30;

    /// <summary>How long before the idle end the pages warn (at most half the idle time).</summary>
    public double IdleWarningSeconds { get; set; } = 120;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan IdleWarning => TimeSpan.FromSeconds(Math.Min(IdleWarningSeconds, Idle.TotalSeconds / 2));

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);
}
