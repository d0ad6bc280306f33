namespace CareIoT.Contracts.Rotation;

/// <summary>
/// The centre's one rotation (key <see cref="Centre"/>): every wall screen shows its view, so several
/// screens agree and coverage is counted once. It owns the dwell timer and the gap supervision.
/// </summary>
public interface IRotationGrain : IGrainWithStringKey
{
    public const string Centre = "centre";

    /// <summary>The sites to rotate through (from the registry); pages are rebuilt, the rotation goes on.</summary>
    Task SetSites(IReadOnlyList<string> siteKeys);

    Task<RotationSettings> GetSettings();

    /// <summary>Replaces the settings; the caller has checked <see cref="RotationSettings.Problems"/>.</summary>
    Task Configure(RotationSettings settings);

    Task<WallView> GetView();

    /// <summary>A wall screen of this operator connected; coverage counts only while someone watches.</summary>
    Task ViewerJoined(string connectionId, string operatorName);

    Task ViewerLeft(string connectionId);

    Task Pause(string operatorName);

    Task Resume(string operatorName);

    Task Skip(string operatorName);

    Task Pin(string siteKey, string operatorName);

    Task Unpin(string siteKey, string operatorName);

    /// <summary>A critical alert at this site: it jumps to the front and stays until <see cref="Acknowledged"/>.</summary>
    Task Alarmed(string siteKey, Guid alertId);

    /// <summary>Someone took this alert; the site stops leading the wall once all its alarms are taken.</summary>
    Task Acknowledged(string siteKey, Guid alertId);

    /// <summary>
    /// An alert changed (sent by <c>AlertFanOut</c> for Highest and Critical ones): raised, its wall tile comes to the front
    /// (<see cref="Alarmed"/>); taken or closed, it lets go (<see cref="Acknowledged"/>). One-way: the alarm path never waits.
    /// </summary>
    [Orleans.Concurrency.OneWay]
    Task AlertChanged(AlertSnapshot alert);

    /// <summary>Looks at the clock now (the grain's timer calls this every second).</summary>
    Task Tick();
}
