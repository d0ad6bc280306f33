using CareIoT.Contracts;

namespace CareIoT.Server.Dispatch;

/// <summary>What the server pushes to a dispatch console.</summary>
public interface IDispatchClient
{
    /// <summary>An alert was raised or changed (repeat, status); the console upserts it by id.</summary>
    Task AlertChanged(AlertSnapshot alert);

    /// <summary>Nobody acknowledged in time (or an acknowledged alert is still unresolved): sound it again, louder.</summary>
    Task AlertEscalated(AlertSnapshot alert);
}
