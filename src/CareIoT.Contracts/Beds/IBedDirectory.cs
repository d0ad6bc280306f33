namespace CareIoT.Contracts;

/// <summary>Every registered bed, for the jobs that visit them all (the morning's baselines).</summary>
public interface IBedDirectory
{
    Task<IReadOnlyList<string>> AllBedIdsAsync(CancellationToken cancellationToken);
}
