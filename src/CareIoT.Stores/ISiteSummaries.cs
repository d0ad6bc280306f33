namespace CareIoT.Stores;

/// <summary>One line per household or bed for lists and search.</summary>
public interface ISiteSummaries
{
    Task<IReadOnlyList<SiteSummary>> ListAsync(IReadOnlyCollection<string> householdIds, IReadOnlyCollection<string> bedIds,
        CancellationToken cancellationToken);
}
