namespace CareIoT.Contracts;

/// <summary>
/// The morning's job over every bed (one per cluster, key <see cref="Centre"/>): each bed learns the nights that
/// ended, a few beds at a time so the alarm path never waits for it. Runs daily by reminder, or when asked.
/// </summary>
public interface IBaselineJobGrain : IGrainWithStringKey
{
    const string Centre = "centre";

    /// <summary>Makes sure the daily reminder is registered.</summary>
    Task Schedule();

    /// <summary>Starts a run unless one is running; returns it.</summary>
    Task<BaselineRun> RunNow();

    Task<BaselineRun?> GetLastRun();
}

/// <summary>One run of the baseline job: beds visited so far, nights learned, beds that failed (retried next run).</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.BaselineRun")]
public sealed record BaselineRun(DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int Beds, int Done, int NightsLearned, int Failed);
