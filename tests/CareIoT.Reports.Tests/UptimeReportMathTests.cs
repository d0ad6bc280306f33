namespace CareIoT.Reports.Tests;

/// <summary>The report's figures on the constructed month, each against a value worked out by hand.</summary>
public sealed class UptimeReportMathTests
{
    private static readonly UptimeReport Report = UptimeReportCalculator.Build(
        new ReportScope("district", null), ConstructedMonth.From, ConstructedMonth.To, ConstructedMonth.Devices, ConstructedMonth.Alerts,
        [new CoverageRow("facility:f1", 576, TimeSpan.FromHours(2.4), TimeSpan.FromSeconds(150))]);

    [Fact]
    public void EachDevicesAvailabilityIsItsTimeNotOfflineOverItsObservedTime()
    {
        var (a, b, c) = (Report.Devices[0], Report.Devices[1], Report.Devices[2]);
        Assert.Equal((TimeSpan.FromHours(720), TimeSpan.Zero, 100.0), (a.Observed, a.Offline, a.AvailabilityPercent));
        Assert.Equal((TimeSpan.FromHours(720), TimeSpan.FromHours(6)), (b.Observed, b.Offline));
        Assert.Equal(714.0 / 720 * 100, b.AvailabilityPercent, 9);
        Assert.Equal((TimeSpan.FromHours(360), TimeSpan.FromHours(2)), (c.Observed, c.Offline));
        Assert.Equal(358.0 / 360 * 100, c.AvailabilityPercent, 9);
    }

    [Fact]
    public void RollUpWeighsDevicesByObservedTimeAndMttrCountsEndedOutagesOnly()
    {
        var rollup = Report.Availability;
        Assert.Equal(3, rollup.Devices);
        Assert.Equal(TimeSpan.FromHours(1800), rollup.Observed);
        Assert.Equal(TimeSpan.FromHours(8), rollup.Offline);
        Assert.Equal(1792.0 / 1800 * 100, rollup.AvailabilityPercent, 9);
        Assert.Equal((3, 1), (rollup.Outages, rollup.OngoingOutages));
        Assert.Equal(TimeSpan.FromHours(3), rollup.MeanTimeToRepair);
    }

    [Fact]
    public void OutagesAreListedWithStartEndDurationAndTheCauseThatBeganThem()
    {
        Assert.Equal(
        [
            new Outage("cb-B", ConstructedMonth.At(3, 10), ConstructedMonth.At(3, 14), TimeSpan.FromHours(4), "Silent"),
            new Outage("cb-B", ConstructedMonth.At(20, 23), ConstructedMonth.At(21, 1), TimeSpan.FromHours(2), "Offline"),
            new Outage("mt-C", ConstructedMonth.At(30, 22), null, TimeSpan.FromHours(2), "Offline"),
        ], Report.Outages);
    }

    [Fact]
    public void HeartbeatMissRateCountsExpectedBeatsWhileOnline()
    {
        var b = Report.Devices[1];
        Assert.Equal((714 * 4, 2800), (b.HeartbeatsExpected, b.HeartbeatsReceived));
        Assert.Equal(56.0 / 2856 * 100, b.HeartbeatMissPercent, 9);
        Assert.Equal(358 * 60, Report.Devices[2].HeartbeatsExpected);
        Assert.Equal((27216, 27160), (Report.Availability.HeartbeatsExpected, Report.Availability.HeartbeatsReceived));
        Assert.Equal(56.0 / 27216 * 100, Report.Availability.HeartbeatMissPercent, 9);
    }

    [Fact]
    public void AnswerTimesCountAnUnansweredAlertAsNotWithinTarget()
    {
        var t = Report.AnswerTimes;
        Assert.Equal((40, 39, 38), (t.Raised, t.Acknowledged, t.Closed - 1));
        Assert.Equal(95.0, t.Within60sPercent, 9);
        Assert.Equal(95.0, t.Within180sPercent, 9);
        Assert.Equal((30.0, 30.0), (t.MedianAcknowledgeSeconds, t.P90AcknowledgeSeconds));
        Assert.Equal(600.0, t.MedianResolveSeconds);
        Assert.Equal(24000.0 / 39, t.MeanResolveSeconds!.Value, 9);
        Assert.Equal(36, Report.AlertsByCause[CareIoT.Contracts.AlertCause.PersonalEmergency]);
        Assert.Equal(4, Report.AlertsByCause[CareIoT.Contracts.AlertCause.Fire]);
    }

    [Fact]
    public void PercentileInterpolatesBetweenRanksAsPostgresDoes()
    {
        Assert.Equal(37.0, AnswerTimes.Percentile([10, 20, 30, 40], 0.9)!.Value, 9);
        Assert.Null(AnswerTimes.Percentile([], 0.5));
    }

    [Fact]
    public void DeviceInstalledAfterThePeriodIsObservedForNoTime()
    {
        var late = new DeviceHistory("x", CareIoT.Contracts.DeviceKind.SmokeAlarm, "hh", ConstructedMonth.To.AddDays(1), true, [], 0, TimeSpan.FromMinutes(15));
        var (device, outages) = AvailabilityCalculator.Compute(late, ConstructedMonth.From, ConstructedMonth.To);
        Assert.Equal(TimeSpan.Zero, device.Observed);
        Assert.Empty(outages);
    }

    [Fact]
    public void DeviceOfflineWhenThePeriodBeginsStartsWithAnOutage()
    {
        var down = new DeviceHistory("y", CareIoT.Contracts.DeviceKind.SmokeAlarm, "hh", ConstructedMonth.From.AddDays(-3), false,
            [new(ConstructedMonth.At(1, 5), true, "Heartbeat")], 0, TimeSpan.FromMinutes(15));
        var (device, outages) = AvailabilityCalculator.Compute(down, ConstructedMonth.From, ConstructedMonth.To);
        Assert.Equal(TimeSpan.FromHours(5), device.Offline);
        Assert.Equal(ConstructedMonth.From, Assert.Single(outages).Start);
    }
}

public sealed class ObservedUntilTests
{
    [Fact]
    public void PeriodReachingIntoTheFutureIsObservedOnlyUntilNow()
    {
        var now = ConstructedMonth.At(31, 0).AddDays(-15); // the 16th at midnight: mt-C is just installed
        var report = UptimeReportCalculator.Build(
            new ReportScope("district", null), ConstructedMonth.From, ConstructedMonth.To, ConstructedMonth.Devices, [], [], now);

        Assert.Equal(now, report.ObservedUntil);
        Assert.Equal(TimeSpan.FromDays(15), report.Devices[0].Observed);
        Assert.Equal(TimeSpan.FromHours(4), report.Devices[1].Offline);
        Assert.Equal(TimeSpan.Zero, report.Devices[2].Observed);
    }
}
