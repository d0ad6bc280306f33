namespace CareIoT.Contracts;

/// <summary>
/// The nights of every bed: each night's summary and the profile its baseline is learned from. Writing a night
/// again replaces it (a night learned twice is one night).
/// </summary>
public interface INightLog
{
    Task SaveAsync(NightSummary summary, NightProfile profile, CancellationToken cancellationToken);

    /// <summary>The bed's night profiles from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    Task<IReadOnlyList<NightProfile>> ProfilesAsync(string bedId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The bed's night summaries from <paramref name="from"/> to <paramref name="to"/>, newest first.</summary>
    Task<IReadOnlyList<NightSummary>> SummariesAsync(string bedId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
