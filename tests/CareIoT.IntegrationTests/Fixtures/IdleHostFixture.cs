namespace CareIoT.IntegrationTests;

/// <summary>
/// A host of its own whose sessions idle out after 15 seconds (warning 6 seconds before), so the
/// pages' warning, sign-out and screen lock can be watched in real time; its lockout lasts (and
/// failed sign-ins count for) 3 seconds, so their window can be watched too.
/// </summary>
public sealed class IdleHostFixture : CareIoTHostFixture
{
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan Lockout = TimeSpan.FromSeconds(3);

    protected override void Configure(Dictionary<string, string> environment)
    {
        environment["Auth__IdleMinutes"] = (Idle.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Auth__IdleWarningSeconds"] = "6";
        environment["Auth__LockoutMinutes"] = (Lockout.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

[CollectionDefinition(Name)]
public sealed class IdleHostCollection : ICollectionFixture<IdleHostFixture>
{
    public const string Name = "Idle host";
}
