namespace CareIoT.Contracts;

/// <summary>Durable store of refused input. A failed write must throw so the input is not acknowledged.</summary>
public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredDeadLetter>> ListRecentAsync(int limit, CancellationToken cancellationToken);
}
