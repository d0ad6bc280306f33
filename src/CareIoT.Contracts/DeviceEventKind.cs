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
}
