namespace CareIoT.Telemetry.Tests;

public sealed class BackoffTests
{
    [Fact]
    public void DelaysDoubleFromTheInitialDelayUpToTheMaximum()
    {
        var options = new InfluxOptions { InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1) };

        var delays = Enumerable.Range(0, 6).Select(attempt => Backoff.Delay(options, attempt).TotalMilliseconds);

        Assert.Equal([0, 200, 400, 800, 1000, 1000], delays);
    }

    [Fact]
    public void VeryLateAttemptsStayAtTheMaximum()
    {
        var options = new InfluxOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromMinutes(2) };

        Assert.Equal(TimeSpan.FromMinutes(2), Backoff.Delay(options, int.MaxValue));
    }
}
