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
        var name = $"王调度-{Guid.NewGuid():N}"[..10];
        using var dispatcher = await api.AsNewUserAsync(name, "dispatcher");

        Assert.Equal(HttpStatusCode.OK, (await dispatcher.AcknowledgeAsync(alert.AlertId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.DispatchAsync(alert.AlertId, "Ambulance120", "疑似中风")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.CloseAsync(alert.AlertId, "Resolved", "已送医", skipReason: "120 已接手")).StatusCode);

        var history = (await api.AlertHistoryAsync(alert.AlertId))!;
        Assert.Equal("Resolved", history.Alert.Status);
        var steps = history.Events.Where(e => e.Actor == name).Select(e => e.Kind);
        Assert.Equal(["Acknowledged", "Dispatched", "StepsSkipped", "Resolved"], steps);
        Assert.DoesNotContain(await api.OpenAlertsAsync(), a => a.AlertId == alert.AlertId);
    }

    [Fact]
    public async Task ResolveBeforeAcknowledgeIsAConflictAndChangesNothing()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var alert = await RaiseAsync(api);

        var response = await api.CloseAsync(alert.AlertId, "Resolved", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var history = (await api.AlertHistoryAsync(alert.AlertId))!;
        Assert.Equal("Raised", history.Alert.Status);
        Assert.DoesNotContain(history.Events, e => e.Actor == TestUsers.Admin);
    }

    [Fact]
    public async Task TwoOperatorsAcknowledgingAtOnceGetOneSuccessAndOneConflict()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var alert = await RaiseAsync(api);

        using var zhang = await api.AsNewUserAsync($"张-{Guid.NewGuid():N}"[..8], "dispatcher");
        using var liu = await api.AsNewUserAsync($"刘-{Guid.NewGuid():N}"[..8], "supervisor");

        var responses = await Task.WhenAll(zhang.AcknowledgeAsync(alert.AlertId), liu.AcknowledgeAsync(alert.AlertId));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var conflict = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("acknowledged by", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await api.AlertHistoryAsync(alert.AlertId))!.Events, e => e.Kind == "Acknowledged");
    }

    [Fact]
    public async Task UnknownAlertIsNotFound()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);

        Assert.Equal(HttpStatusCode.NotFound, (await api.AcknowledgeAsync(Guid.NewGuid())).StatusCode);
    }

    [Theory]
    [InlineData("inspector")]
    [InlineData("installer")]
    public async Task RoleThatMayNotDispatchIsForbiddenToAcknowledgeAndNothingChanges(string role)
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var alert = await RaiseAsync(api);
        using var other = await api.AsNewUserAsync($"{role}-{Guid.NewGuid():N}"[..16], role);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.AcknowledgeAsync(alert.AlertId)).StatusCode);
        Assert.Equal("Raised", (await api.AlertHistoryAsync(alert.AlertId))!.Alert.Status);
    }

    [Fact]
    public async Task WithoutSigningInTheApiAnswersUnauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = host.Server.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/alerts/open")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"api/alerts/{Guid.NewGuid()}/acknowledge", null)).StatusCode);
    }

    [Fact]
    public async Task ResponseTimesCountAcknowledgedAndUnacknowledgedAlertsOfThePeriod()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var from = DateTimeOffset.UtcNow;
        var answered = await RaiseAsync(api);
        await RaiseAsync(api);
        await api.AcknowledgeAsync(answered.AlertId);

        var times = await api.ResponseTimesAsync(from.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        Assert.True(times.Raised >= 2);
        Assert.True(times.Acknowledged >= 1 && times.Acknowledged < times.Raised);
        Assert.InRange(times.ShareAcknowledgedWithin60Seconds, 0.01, 0.99);
        Assert.NotNull(times.AcknowledgeP50Seconds);
    }
}
