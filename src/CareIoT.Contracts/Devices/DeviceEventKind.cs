namespace CareIoT.Contracts;

/// <summary>What happened at a device, as its grain understood it (edges, not raw state). Stable values.</summary>
public enum DeviceEventKind
{
    CallPressed = 1,
    CallCancelled = 2,
    SmokeDetected = 3,
    SmokeCleared = 4,
    SmokeTested = 5,
    Tampered = 6,
    Faulted = 7,
    BatteryLow = 8,
    WentOffline = 9,
    BackOnline = 10,
    BedExited = 11,
    BedReturned = 12,
    VitalsReported = 13,
    FallDetected = 14,
    InactivityReported = 15,

    /// <summary>The battery is no longer low (replaced or charged).</summary>
    BatteryOk = 16,

    /// <summary>The case or mounting is closed again.</summary>
    TamperRestored = 17,

    /// <summary>The device reports its fault gone.</summary>
    FaultCleared = 18,

    /// <summary>
    /// The first message since the device's twin woke (it remembers nothing from before): the device is
    /// alive, and its readings say what is healthy now. Restores technical alerts its readings contradict.
    /// </summary>
    Seen = 19,
}
