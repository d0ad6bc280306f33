namespace CareIoT.Contracts;

/// <summary>
/// Why an alert exists. A site has at most one open alert per life-safety cause, and one per
/// device for technical causes (<see cref="AlertCauses.IsPerDevice"/>). Stable values.
/// </summary>
public enum AlertCause
{
    PersonalEmergency = 1,
    Fire = 2,
    Fall = 3,
    OutOfBedTooLong = 4,
    VitalsOutOfRange = 5,
    ApneaPattern = 6,
    TurningDue = 7,
    PresenceLostBedridden = 8,
    Inactivity = 9,
    DeviceOffline = 10,
    LowBattery = 11,
    Tamper = 12,
    DeviceFault = 13,

    /// <summary>A bed resident above their own usual for several nights: a notice for the facility nurse (Normal).</summary>
    Deterioration = 14,
}
