namespace CareIoT.Stores;

/// <summary>Whether the database is there, for callers that carry on without it or must report it.</summary>
public interface IDatabaseHealth
{
    /// <summary>Whether <paramref name="ex"/> means "the database is away or not ready" (wait, retry or carry on) rather than a fault of the request.</summary>
    bool IsUnavailable(Exception ex);

    /// <summary>Whether the database answers within <paramref name="patience"/>; a hung server gives false, not a hang.</summary>
    Task<bool> AnswersWithinAsync(TimeSpan patience, CancellationToken cancellationToken);
}
