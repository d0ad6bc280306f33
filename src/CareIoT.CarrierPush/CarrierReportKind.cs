namespace CareIoT.CarrierPush;

/// <summary>What one pushed record is.</summary>
public enum CarrierReportKind
{
    /// <summary>Device data: OneNET data point (type 1), CTWing <c>dataReport</c>.</summary>
    Data = 1,

    /// <summary>A device event: CTWing <c>eventReport</c>.</summary>
    Event = 2,

    /// <summary>The platform saw the device come online.</summary>
    Online = 3,

    /// <summary>The platform saw the device go offline (for NB-IoT usually its registration lifetime running out).</summary>
    Offline = 4,
}
