using System.Collections.Concurrent;
using CareIoT.Contracts.Rotation;

namespace CareIoT.Grains.Tests.Rotation;

/// <summary>Records what the rotation pushed to wall screens.</summary>
public sealed class RecordingWallNotifier : IWallNotifier
{
    public ConcurrentQueue<WallView> Views { get; } = new();

    public Task ViewChangedAsync(WallView view, CancellationToken cancellationToken)
    {
        Views.Enqueue(view);
        return Task.CompletedTask;
    }

    public Task NoticeAsync(RotationNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;
}
