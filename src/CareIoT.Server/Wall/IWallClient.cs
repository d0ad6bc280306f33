using CareIoT.Contracts.Rotation;

namespace CareIoT.Server.Wall;

/// <summary>What the hub pushes to wall screens.</summary>
public interface IWallClient
{
    Task ViewChanged(WallView view);

    Task RotationNotice(RotationNotice notice);

    Task MonitoringChanged(CareIoT.Server.SelfWatch.MonitoringStatus status);
}
