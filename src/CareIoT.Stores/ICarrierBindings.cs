namespace CareIoT.Stores;

/// <summary>NB-IoT devices bound through a carrier platform.</summary>
public interface ICarrierBindings
{
    /// <summary>
    /// Registers the device (kind SmokeAlarm) in its household and binds its platform identity, in one
    /// transaction: nothing is stored unless both rows are. Taken when the device id, IMEI or platform id is bound already.
    /// </summary>
    Task<PanelRegistration> RegisterAsync(CarrierDeviceRow row, string householdId, TimeSpan? offlineAfter, string installer, DateTimeOffset at,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<CarrierDeviceRow>> ListAsync(CancellationToken cancellationToken);

    Task<CarrierDeviceRow?> FindByImeiAsync(string imei, CancellationToken cancellationToken);
}
