using CareIoT.Contracts;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>One care-facility bed: its mattress and the bedside call button.</summary>
public sealed class BedGrain(
    [PersistentState("bed", StorageNames.Sites)] IPersistentState<SiteState> state,
    IAlertJournal journal,
    IAlertNotifier notifier,
    ILogger<BedGrain> logger)
    : SiteGrain(state, journal, notifier, logger), IBedGrain
{
    protected override SiteKind Kind => SiteKind.Bed;

    protected override AlertDecision? Evaluate(DeviceMessage message, DeviceBinding binding) =>
        CallButtonRule.Evaluate(message, binding);
}
