namespace CareIoT.Contracts.Rotation;

/// <summary>Pushes the rotation to every wall screen. Best effort: screens ask for the view when they connect.</summary>
public interface IWallNotifier
{
    Task ViewChangedAsync(WallView view, CancellationToken cancellationToken);

    Task NoticeAsync(RotationNotice notice, CancellationToken cancellationToken);
}
