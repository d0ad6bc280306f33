using System.Collections.Frozen;
using CareIoT.Contracts;
using CareIoT.Dc09;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.PanelReceiver;

/// <summary>
/// The bound accounts, held in memory so a frame is answered without a database round trip: read
/// whole from the registry, again every <see cref="PanelReceiverOptions.AccountRefresh"/>, and at
/// once (at most every few seconds) when a frame names an account not seen yet. Keys are turned into
/// AES keys once, when read.
/// </summary>
public sealed class PanelAccountDirectory(
    IPanelAccounts accounts, IOptions<PanelReceiverOptions> options, TimeProvider time, ILogger<PanelAccountDirectory> logger)
{
    private static readonly TimeSpan MinimumRecheck = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private FrozenDictionary<string, BoundAccount> _bound = FrozenDictionary<string, BoundAccount>.Empty;
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public sealed record BoundAccount(PanelAccount Account, Dc09AccountKey? Key);

    public BoundAccount? Find(string account) => _bound.GetValueOrDefault(account);

    public bool IsKnown(string account) => _bound.ContainsKey(account);

    public Dc09AccountKey? KeyOf(string account) => Find(account)?.Key;

    public int Count => _bound.Count;

    /// <summary>Reads the accounts again if the last read is older than <paramref name="maxAge"/>; true when it read.</summary>
    public async Task<bool> RefreshAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _loadedAt < maxAge)
        {
            return false;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _loadedAt < maxAge)
            {
                return false;
            }

            var read = await accounts.ListAsync(cancellationToken);
            _bound = read.ToFrozenDictionary(a => a.Account, a => new BoundAccount(a, KeyOrNull(a)), StringComparer.Ordinal);
            _loadedAt = time.GetUtcNow();
            return true;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>For a frame from an account not (yet) known here: re-read unless that was done moments ago.</summary>
    public Task<bool> RefreshForUnknownAsync(CancellationToken cancellationToken) => RefreshAsync(MinimumRecheck, cancellationToken);

    /// <summary>The periodic read.</summary>
    public Task<bool> RefreshIfDueAsync(CancellationToken cancellationToken) => RefreshAsync(options.Value.AccountRefresh, cancellationToken);

    private Dc09AccountKey? KeyOrNull(PanelAccount account)
    {
        if (account.Key is null)
        {
            return null;
        }

        try
        {
            return Dc09AccountKey.FromConfigured(account.Key, account.KeyIsHex);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            // The installer's API checks keys; one that is still unusable makes every encrypted frame a DUH, never a crash.
            logger.LogError("DC-09 account {Account} has an unusable key ({Error}); its encrypted messages will be refused", account.Account, ex.Message);
            return null;
        }
    }
}
