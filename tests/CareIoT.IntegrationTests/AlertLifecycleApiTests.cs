using System.Net;

namespace CareIoT.IntegrationTests;

/// <summary>The operator's actions through the HTTP API, on the real journal.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class AlertLifecycleApiTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private async Task<AlertDto> RaiseAsync(CareIoTApi api)
    {
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var button = await host.ConnectDeviceAsync(device);
        await button.PressAsync(device);
        return (await console.WaitForAsync(a => a.DeviceId == device, Patience)).Alert;
    }

    [Fact]
    public async Task AcknowledgeDispatchAndResolveAreEachInTheJournalWithTheirActor()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var alert = await RaiseAsync(api);

        Assert.Equal(HttpStatusCode.OK, (await api.AcknowledgeAsync(alert.AlertId, "王调度")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.DispatchAsync(alert.AlertId, "王调度", "Ambulance120", "疑似中风")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CloseAsync(alert.AlertId, "王调度", "Resolved", "已送医")).StatusCode);

        var history = (await api.AlertHistoryAsync(alert.AlertId))!;
        Assert.Equal("Resolved", history.Alert.Status);
        var steps = history.Events.Where(e => e.Actor == "王调度").Select(e => e.Kind);
        Assert.Equal(["Acknowledged", "Dispatched", "Resolved"], steps);
        Assert.DoesNotContain(await api.OpenAlertsAsync(), a => a.AlertId == alert.AlertId);
    }

    [Fact]
    public async Task ResolveBeforeAcknowledgeIsAConflictAndChangesNothing()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var alert = await RaiseAsync(api);

        var response = await api.CloseAsync(alert.AlertId, "李", "Resolved", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var history = (await api.AlertHistoryAsync(alert.AlertId))!;
        Assert.Equal("Raised", history.Alert.Status);
        Assert.DoesNotContain(history.Events, e => e.Actor == "李");
    }

    [Fact]
    public async Task TwoOperatorsAcknowledgingAtOnceGetOneSuccessAndOneConflict()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var alert = await RaiseAsync(api);

        var responses = await Task.WhenAll(api.AcknowledgeAsync(alert.AlertId, "张"), api.AcknowledgeAsync(alert.AlertId, "刘"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var conflict = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("acknowledged by", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await api.AlertHistoryAsync(alert.AlertId))!.Events, e => e.Kind == "Acknowledged");
    }

    [Fact]
    public async Task UnknownAlertIsNotFoundAndAnEmptyActorIsABadRequest()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);

        Assert.Equal(HttpStatusCode.NotFound, (await api.AcknowledgeAsync(Guid.NewGuid(), "李")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.AcknowledgeAsync(Guid.NewGuid(), " ")).StatusCode);
    }

    [Fact]
    public async Task ResponseTimesCountAcknowledgedAndUnacknowledgedAlertsOfThePeriod()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var from = DateTimeOffset.UtcNow;
        var answered = await RaiseAsync(api);
        await RaiseAsync(api);
        await api.AcknowledgeAsync(answered.AlertId, "李");

        var times = await api.ResponseTimesAsync(from.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        Assert.True(times.Raised >= 2);
        Assert.True(times.Acknowledged >= 1 && times.Acknowledged < times.Raised);
        Assert.InRange(times.ShareAcknowledgedWithin60Seconds, 0.01, 0.99);
        Assert.NotNull(times.AcknowledgeP50Seconds);
    }
}
