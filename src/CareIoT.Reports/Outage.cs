namespace CareIoT.Reports;

/// <summary>
/// One stretch offline. <see cref="End"/> is null while it lasts; <see cref="Duration"/> is the part
/// inside the report period. <see cref="Cause"/> is what took the device offline.
/// </summary>
public sealed record Outage(string DeviceId, DateTimeOffset Start, DateTimeOffset? End, TimeSpan Duration, string Cause)
{
    public bool Ongoing => End is null;
}
