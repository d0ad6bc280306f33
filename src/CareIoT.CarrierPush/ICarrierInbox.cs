namespace CareIoT.CarrierPush;

/// <summary>A verified push kept until its records are processed: what a crash between the answer and the processing leaves.</summary>
public sealed record CarrierInboxEntry(long Id, CarrierPlatform Platform, string Origin, DateTimeOffset ReceivedAt, byte[] Body);

/// <summary>
/// Durable store of verified pushes, written before a push is answered 200 and emptied when its records are
/// processed. The answer means "kept", so the process may die after answering without losing the alarm.
/// </summary>
public interface ICarrierInbox
{
    Task<long> AddAsync(CarrierPlatform platform, string origin, DateTimeOffset receivedAt, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    Task RemoveAsync(long id, CancellationToken cancellationToken);

    /// <summary>The oldest entries received before <paramref name="before"/>, oldest first.</summary>
    Task<IReadOnlyList<CarrierInboxEntry>> ReceivedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
