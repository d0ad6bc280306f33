using CareIoT.Contracts;
using CareIoT.Grains.WalkTests;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>A site's walk test (<see cref="IWalkTestSite"/>): the grain's face of <see cref="WalkTestMode"/>.</summary>
public abstract partial class SiteGrain
{
    public async Task<WalkTest> StartWalkTest(string installer, TimeSpan length)
    {
        await EnsureTicking();
        var test = WalkTestMode.Begin(installer, length, time.GetUtcNow());
        logger.LogInformation("{Site}: walk test by {Installer} until {Until}", Self, installer, test.Until);
        state.State.WalkTest = test;
        await state.WriteStateAsync();
        return test;
    }

    public Task<WalkTest?> GetWalkTest() => RunningWalkTest();

    public async Task<InstallationRecord?> FinishWalkTest(string installer)
    {
        if (await RunningWalkTest() is not { } test)
        {
            return null;
        }

        return await EndWalkTest(test, time.GetUtcNow(), "Completed");
    }

    /// <summary>The walk test if it is still running (the rules ask first: a running test keeps events from them); one whose time is up is recorded as expired and cleared.</summary>
    private async Task<WalkTest?> RunningWalkTest()
    {
        if (state.State.WalkTest is not { } test)
        {
            return null;
        }

        if (test.IsActiveAt(time.GetUtcNow()))
        {
            return test;
        }

        try
        {
            await EndWalkTest(test, test.Until, "Expired");
        }
        catch (Exception ex)
        {
            // The home's protection comes first: test mode ends even if its record cannot be written now.
            logger.LogError(ex, "{Site}: walk test by {Installer} expired at {Until}; its record of {Signals} signals could not be stored",
                Self, test.Installer, test.Until, test.Signals.Count);
            state.State.WalkTest = null;
            await state.WriteStateAsync();
        }

        return null;
    }

    private async Task<InstallationRecord> EndWalkTest(WalkTest test, DateTimeOffset endedAt, string outcome)
    {
        var record = WalkTestMode.Record(Self, test, endedAt, outcome);
        logger.LogInformation("{Site}: walk test by {Installer} {Outcome} with {Signals} signals", Self, test.Installer, outcome, test.Signals.Count);
        await installations.RecordAsync(record, CancellationToken.None);
        state.State.WalkTest = null;
        await state.WriteStateAsync();
        return record;
    }
}
