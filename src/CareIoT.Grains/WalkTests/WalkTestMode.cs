using CareIoT.Contracts;

namespace CareIoT.Grains.WalkTests;

/// <summary>
/// The rules of test mode, apart from the grain that holds it: a test lasts what the installer asked, at most
/// <see cref="WalkTest.MaxLength"/>; every event but a plain "seen" is recorded as a signal with its readings; when it
/// ends (finished, or its time up) it becomes the site's installation record.
/// </summary>
public static class WalkTestMode
{
    public static WalkTest Begin(string installer, TimeSpan length, DateTimeOffset now) =>
        new(installer, now, now + (length > WalkTest.MaxLength ? WalkTest.MaxLength : length), []);

    public static WalkTest Recorded(WalkTest test, IReadOnlyList<DeviceEvent> events) => test with
    {
        Signals = [.. test.Signals, .. events.Where(e => e.Kind != DeviceEventKind.Seen)
            .Select(e => new WalkTestSignal(e.DeviceId, e.Kind, e.At, e.Readings?.SignalDbm, e.Readings?.BatteryPercent))],
    };

    public static InstallationRecord Record(SiteRef site, WalkTest test, DateTimeOffset endedAt, string outcome) =>
        new(site, test.Installer, test.StartedAt, endedAt, outcome, test.Signals);
}
