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
}
