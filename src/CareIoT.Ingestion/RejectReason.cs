namespace CareIoT.Ingestion;

/// <summary>Why a device message was refused. Each value is a dead-letter reason and a metric tag.</summary>
public enum RejectReason
{
    Oversize = 1,
    BadTopic = 2,
    UnknownChannel = 3,
    MalformedJson = 4,
    InvalidField = 5,
    UnknownType = 6,
    UnknownDevice = 7,

    /// <summary>The payload names a device other than the one its topic belongs to.</summary>
    TopicDeviceMismatch = 8,

    /// <summary>The message is older than the replay window: a replay, not a redelivery.</summary>
    Replayed = 9,

    /// <summary>The message came through a gateway the device is not bound to.</summary>
    WrongGateway = 10,
}
