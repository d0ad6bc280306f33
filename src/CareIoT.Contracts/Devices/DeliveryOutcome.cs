namespace CareIoT.Contracts;

/// <summary>What became of a device message handed to the grains.</summary>
public enum DeliveryOutcome
{
    /// <summary>Accepted: every effect (journal, state) is durable; the message may be acknowledged.</summary>
    Accepted = 1,

    /// <summary>Already seen: nothing changed; the message may be acknowledged.</summary>
    Duplicate = 2,

    /// <summary>No such device in the registry: the caller dead-letters it.</summary>
    UnknownDevice = 3,

    /// <summary>The message came through a gateway the device is not bound to: the caller dead-letters it.</summary>
    WrongGateway = 4,
}
