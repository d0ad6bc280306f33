using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>Shift handovers and what a shift did.</summary>
public interface IShifts
{
    Task<Handover> AddHandoverAsync(string author, string note, int openAlerts, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<Handover>> RecentHandoversAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Alerts closed since the given time (the shift's start), newest first.</summary>
    Task<IReadOnlyList<AlertSnapshot>> ClosedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>What the journal holds of the shift since <paramref name="since"/> (calls and skipped steps: the latest 500 each).</summary>
    Task<ShiftSummary> SummaryAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
