namespace CareIoT.CarrierPush;

/// <summary>Why a push or one of its records was refused. Each value is a dead-letter reason and a counter.</summary>
public enum CarrierRejectReason
{
    /// <summary>Larger than <see cref="CarrierPushOptions.MaxPushBytes"/>: 413.</summary>
    Oversize = 1,

    /// <summary>Not the platform's format: 400.</summary>
    Malformed = 2,

    /// <summary>The signature (or token) is missing or wrong: 401.</summary>
    BadSignature = 3,

    /// <summary>The platform time is outside the replay window.</summary>
    Replayed = 4,

    /// <summary>No binding for the platform's device id (or IMEI), or our device was removed from the registry.</summary>
    UnknownDevice = 5,

    /// <summary>The binding names a product the product file no longer has, or the push names another product.</summary>
    UnknownProduct = 6,
}
