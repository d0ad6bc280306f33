using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WalkTestTests(ClusterFixture cluster)
{
    [Fact]
    public async Task PressDuringAWalkTestIsRecordedAndRaisesNoAlert()
    {
        var button = cluster.Install();
        await cluster.WalkTestSite(button.Site).StartWalkTest("安装员小李", TimeSpan.FromMinutes(30));

        await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId) with { Readings = new DeviceReadings { SignalDbm = -67, BatteryPercent = 95 } });

        Assert.Empty(await cluster.Site(button.Site).GetOpenAlerts());
        Assert.Empty(await cluster.Journal.GetOpenForSiteAsync(button.Site, CancellationToken.None));
        var signal = Assert.Single((await cluster.WalkTestSite(button.Site).GetWalkTest())!.Signals);
        Assert.Equal((button.DeviceId, DeviceEventKind.CallPressed, -67, 95), (signal.DeviceId, signal.Event, signal.SignalDbm, signal.BatteryPercent));
    }

    [Fact]
    public async Task FinishedWalkTestIsRecordedAndTheNextPressIsAnAlertAgain()
    {
        var button = cluster.Install();
        await cluster.WalkTestSite(button.Site).StartWalkTest("安装员小李", TimeSpan.FromMinutes(30));
        await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId));

        var record = await cluster.WalkTestSite(button.Site).FinishWalkTest("安装员小李");

        Assert.Equal(("Completed", "安装员小李", 1), (record!.Outcome, record.Installer, record.Signals.Count));
        Assert.Contains(cluster.Installations.Records, r => r.Site == button.Site && r.Outcome == "Completed");
        await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId));
        Assert.Single(await cluster.Site(button.Site).GetOpenAlerts());
    }

    [Fact]
    public async Task WalkTestEndsByItselfSoAPressAfterItsTimeIsAnAlert()
    {
        var button = cluster.Install();
        var test = await cluster.WalkTestSite(button.Site).StartWalkTest("安装员小李", TimeSpan.FromMinutes(10));

        cluster.Time.Advance(TimeSpan.FromMinutes(10));
        await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId));

        Assert.Single(await cluster.Site(button.Site).GetOpenAlerts());
        Assert.Null(await cluster.WalkTestSite(button.Site).GetWalkTest());
        var record = Assert.Single(cluster.Installations.Records, r => r.Site == button.Site);
        Assert.Equal(("Expired", test.Until), (record.Outcome, record.EndedAt));
    }

    [Fact]
    public async Task WalkTestLongerThanTwoHoursIsCutToTwoHours()
    {
        var button = cluster.Install();
        var test = await cluster.WalkTestSite(button.Site).StartWalkTest("安装员小李", TimeSpan.FromDays(3));
        Assert.Equal(WalkTest.MaxLength, test.Until - test.StartedAt);
    }
}
