namespace CareIoT.Reports;

/// <summary>
/// Where the reports read devices' stored transitions and heartbeats: the reports' own contract, served by the
/// telemetry store (CareIoT.Telemetry's <c>InfluxDeviceHistory</c>), so this project stays free of I/O.
/// </summary>
public interface IDeviceFactsSource
{
    /// <summary>The facts of <paramref name="deviceIds"/> (or of every device with <paramref name="everyDevice"/>) from <paramref name="from"/> to <paramref name="to"/>; a device the store has nothing of is absent.</summary>
    Task<IReadOnlyDictionary<string, DeviceFacts>> ReadAsync(
        IReadOnlyCollection<string> deviceIds, bool everyDevice, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
