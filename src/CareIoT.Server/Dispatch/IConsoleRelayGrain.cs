namespace CareIoT.Server.Dispatch;

/// <summary>
/// One per silo (key: the silo's address), always activated on that silo: hands an alert change to
/// the consoles connected there. This is how an alert raised on one silo reaches the consoles of
/// every other silo, through the cluster itself rather than through a store that may be down.
/// </summary>
public interface IConsoleRelayGrain : IGrainWithStringKey
{
    /// <summary>Queues the push for this silo's consoles; returns once it is queued, not sent.</summary>
    Task Push(ConsolePush push);
}
