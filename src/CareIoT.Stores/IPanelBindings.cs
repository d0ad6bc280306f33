using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>Alarm panels' DC-09 accounts: binding and listing.</summary>
public interface IPanelBindings : IPanelAccounts
{
    /// <summary>
    /// Registers the panel as a device of its household and binds its account, in one transaction (not
    /// named BindAsync: minimal APIs would take this type for a custom-bound parameter);
    /// nothing is stored unless both rows are.
    /// </summary>
    Task<PanelRegistration> RegisterAsync(PanelAccount account, string householdId, string serial, TimeSpan? offlineAfter,
        string installer, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The binding of one account, for the installer's page (the key is not returned).</summary>
    Task<PanelAccount?> FindAsync(string account, CancellationToken cancellationToken);
}
