namespace CareIoT.Contracts;

/// <summary>
/// A household or bed as an installer tests it (the same grain as its <see cref="ISiteGrain"/>, another face): while a
/// walk test runs, its devices' signals are recorded for the installer instead of raising alerts.
/// </summary>
public interface IWalkTestSite : IAddressable
{
    /// <summary>Puts the site in test mode for this long (capped at <see cref="WalkTest.MaxLength"/>), replacing a running test.</summary>
    Task<WalkTest> StartWalkTest(string installer, TimeSpan length);

    /// <summary>The running walk test, or null when none is running (an expired one is not running).</summary>
    Task<WalkTest?> GetWalkTest();

    /// <summary>Ends the running test and records it as completed; null when none was running.</summary>
    Task<InstallationRecord?> FinishWalkTest(string installer);
}
