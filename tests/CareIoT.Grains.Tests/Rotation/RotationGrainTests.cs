using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;

namespace CareIoT.Grains.Tests.Rotation;

/// <summary>
/// The rotation grain on the shared test silo. There is one rotation per cluster, so these tests run
/// one after another in this class and each starts by setting its own sites.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RotationGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task CriticalAlarmPullsItsSiteToTheFrontAndEveryScreenIsToldAtOnce()
    {
        var rotation = await FreshRotationAsync(18);
        var site = WallSite.FacilityKey("f018");

        var alert = Guid.NewGuid();
        await rotation.Alarmed(site, alert);

        var view = await rotation.GetView();
        Assert.Equal(site, view.OnScreen[0]);
        Assert.Contains(cluster.WallNotifier.Views, v => v.Sequence == view.Sequence && v.OnScreen[0] == site);
        await rotation.Acknowledged(site, alert);
        Assert.DoesNotContain(site, (await rotation.GetView()).Alarming);
    }

    [Fact]
    public async Task APressPullsItsHomesTileToTheFrontGrainToGrainAndTheAcknowledgeLetsGo()
    {
        var rotation = await FreshRotationAsync(18);
        var tile = WallSite.FacilityKey("f007");
        var button = cluster.Install();
        cluster.WallSites.Tiles[button.Site] = tile;

        var raised = (await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId))).Alert!;

        // No host in between: the alert's own grain tells the rotation (one-way), which finds the tile itself.
        Assert.True(await Eventually(async () => (await rotation.GetView()).OnScreen[0] == tile), "the tile did not come to the front");
        Assert.Contains(tile, (await rotation.GetView()).Alarming);
        await cluster.Client.GetGrain<IAlertGrain>(raised.AlertId).Acknowledge("赵值班");
        Assert.True(await Eventually(async () => !(await rotation.GetView()).Alarming.Contains(tile)), "the tile still leads after the acknowledge");
    }

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    [Fact]
    public async Task TurnedPageIsWrittenToTheCoverageLogWithItsOperator()
    {
        var rotation = await FreshRotationAsync(12);
        var first = (await rotation.GetView()).OnScreen;
        var before = cluster.CoverageLog.Entries.Count;

        cluster.Time.Advance(TimeSpan.FromSeconds(15));
        await rotation.Tick();

        var written = cluster.CoverageLog.Entries.Skip(before).ToList();
        Assert.Equal(first, written.Select(e => e.SiteKey));
        Assert.All(written, e => Assert.Equal(["赵值班"], e.Operators));
        Assert.All(written, e => Assert.True(e.Duration >= TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task CoverageWaitsWhileTheLogIsDownAndIsWrittenOnceItReturns()
    {
        var rotation = await FreshRotationAsync(12);
        var before = cluster.CoverageLog.Entries.Count;
        cluster.CoverageLog.Down = true;
        try
        {
            cluster.Time.Advance(TimeSpan.FromSeconds(15));
            await rotation.Tick();
            cluster.Time.Advance(TimeSpan.FromSeconds(15));
            await rotation.Tick();
            Assert.Equal(before, cluster.CoverageLog.Entries.Count);
        }
        finally
        {
            cluster.CoverageLog.Down = false;
        }

        await rotation.Tick();
        Assert.Equal(12, cluster.CoverageLog.Entries.Count - before);
    }

    private async Task<IRotationGrain> FreshRotationAsync(int sites)
    {
        var rotation = cluster.Client.GetGrain<IRotationGrain>(IRotationGrain.Centre);
        await rotation.Configure(new RotationSettings(TimeSpan.FromSeconds(15), 6, TimeSpan.FromHours(1)));
        await rotation.SetSites([.. Enumerable.Range(1, sites).Select(i => WallSite.FacilityKey($"f{i:D3}"))]);
        await rotation.ViewerJoined("screen-1", "赵值班");
        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        await rotation.Tick();
        return rotation;
    }
}
