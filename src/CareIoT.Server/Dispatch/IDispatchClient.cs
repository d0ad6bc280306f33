using CareIoT.Contracts;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// What the server pushes to a dispatch console. Every push carries the next number of the
/// console's silo sequence (<see cref="ConsolePushSequencer"/>): a console that sees a number
/// skipped reads the whole queue again (<see cref="DispatchHub.GetQueue"/>).
/// </summary>
public interface IDispatchClient
{
    /// <summary>An alert was raised or changed (repeat, status); the console upserts it by id.</summary>
    Task AlertChanged(AlertSnapshot alert, long sequence);

    /// <summary>Nobody acknowledged in time (or an acknowledged alert is still unresolved): sound it again, louder.</summary>
    Task AlertEscalated(AlertSnapshot alert, long sequence);

    /// <summary>Sent every two seconds with the last number pushed: a console behind it missed a push.</summary>
    Task Heartbeat(long sequence);

    Task MonitoringChanged(CareIoT.Server.SelfWatch.MonitoringStatus status);
}
