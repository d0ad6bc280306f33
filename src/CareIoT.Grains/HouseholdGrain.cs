using CareIoT.Contracts;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>One solitary elder's home: call buttons and smoke alarms.</summary>
public sealed class HouseholdGrain(
    [PersistentState(StorageNames.SiteStateName, StorageNames.Sites)] IPersistentState<SiteState> state,
    IAlertJournal journal,
    IAlertNotifier notifier,
    ILogger<HouseholdGrain> logger)
    : SiteGrain(state, journal, notifier, logger), IHouseholdGrain
{
    protected override SiteKind Kind => SiteKind.Household;
}
