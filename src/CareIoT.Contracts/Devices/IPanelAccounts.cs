namespace CareIoT.Contracts;

/// <summary>Where the DC-09 receiver finds the accounts installers bound to panels.</summary>
public interface IPanelAccounts
{
    /// <summary>Every bound account (a centre has at most some hundred thousand: read whole, kept in memory).</summary>
    Task<IReadOnlyList<PanelAccount>> ListAsync(CancellationToken cancellationToken);
}
