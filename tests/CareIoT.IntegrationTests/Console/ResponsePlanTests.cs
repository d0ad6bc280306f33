using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The response plan of an alert on the real server: its steps, calls recorded with number, outcome and note
/// in the journal with the operator's name, and closing refused (409, the missing steps) until the mandatory
/// steps are done or a reason is given. A broken plan file stops the server at start, naming the JSON path.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class ResponsePlanTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private async Task<(AlertDto Alert, CareIoTApi Dispatcher, string Name)> AcknowledgedPressAsync(CareIoTApi api)
    {
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var button = await host.ConnectDeviceAsync(device);
        await button.PressAsync(device);
        var alert = (await console.WaitForAsync(a => a.DeviceId == device, Patience)).Alert;
        var name = $"调度-{Guid.NewGuid():N}"[..10];
        var dispatcher = await api.AsNewUserAsync(name, "dispatcher");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.AcknowledgeAsync(alert.AlertId)).StatusCode);
        return (alert, dispatcher, name);
    }

    [Fact]
    public async Task ClosingWaitsForTheMandatoryCallsWhichAreJournaledWithNumberOutcomeAndOperator()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (alert, dispatcher, name) = await AcknowledgedPressAsync(api);
        using var _ = dispatcher;

        var plan = await dispatcher.Http.GetFromJsonAsync<PlanStepDto[]>($"api/alerts/{alert.AlertId}/plan", Json.Web);
        var early = await dispatcher.CloseAsync(alert.AlertId, "Resolved", null);
        var problem = await early.Content.ReadFromJsonAsync<JsonElement>();
        var badNumber = await dispatcher.Http.PostAsJsonAsync($"api/alerts/{alert.AlertId}/calls", new { step = "call-elder", number = "call me", outcome = "Reached" });
        var noStep = await dispatcher.Http.PostAsJsonAsync($"api/alerts/{alert.AlertId}/calls", new { step = "call-mars", number = "13800000000", outcome = "Reached" });
        (await dispatcher.Http.PostAsJsonAsync($"api/alerts/{alert.AlertId}/calls",
            new { step = "call-elder", number = "010-6000 0001", outcome = "NoAnswer", note = "响铃无人接" })).EnsureSuccessStatusCode();
        using var second = await dispatcher.Http.PostAsJsonAsync($"api/alerts/{alert.AlertId}/calls",
            new { step = "call-contact", contact = "李明", number = "13800000000", outcome = "Reached", note = "儿子十分钟到" });
        var after = await second.Content.ReadFromJsonAsync<PlanStepDto[]>(Json.Web);
        var closed = await dispatcher.CloseAsync(alert.AlertId, "Resolved", "儿子已到场");

        Assert.Equal(["call-elder", "call-contact", "call-120"], plan!.Select(s => s.Step.Id));
        Assert.Equal([true, true, false], plan!.Select(s => s.Step.Mandatory));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("PlanIncomplete", problem.GetProperty("title").GetString());
        Assert.Equal(["call-elder", "call-contact"], problem.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noStep.StatusCode);
        Assert.All(after!.Take(2), s => Assert.Equal(name, s.DoneBy));
        Assert.Contains("NoAnswer", after![0].Note);
        Assert.Null(after[2].DoneAt);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var history = (await api.AlertHistoryAsync(alert.AlertId))!;
        Assert.Equal(["Acknowledged", "Call", "Call", "Resolved"], history.Events.Where(e => e.Actor == name).Select(e => e.Kind));
        Assert.Contains("13800000000", history.Events.Where(e => e.Kind == "Call").Last().Detail);
    }

    [Fact]
    public async Task AReasonClosesWithoutTheStepsAndTheSkippedStepsAreJournaledWithIt()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (alert, dispatcher, name) = await AcknowledgedPressAsync(api);
        using var _ = dispatcher;

        var closed = await dispatcher.CloseAsync(alert.AlertId, "FalseAlarm", null, skipReason: "老人在线确认误按，无需联系家属");

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var skipped = (await api.AlertHistoryAsync(alert.AlertId))!.Events.Single(e => e.Kind == "StepsSkipped");
        Assert.Equal(name, skipped.Actor);
        Assert.Contains("call-elder", skipped.Detail);
        Assert.Contains("误按", skipped.Detail);
    }

    [Fact]
    public async Task TheHandoverReportListsTheShiftsCallsAndSkippedStepsFromTheJournal()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (alert, dispatcher, name) = await AcknowledgedPressAsync(api);
        using var _ = dispatcher;
        var number = $"1380000{Random.Shared.Next(1000, 9999)}";
        (await dispatcher.Http.PostAsJsonAsync($"api/alerts/{alert.AlertId}/calls",
            new { step = "call-contact", contact = "李明", number, outcome = "Busy", note = "占线，稍后再拨" })).EnsureSuccessStatusCode();
        var reason = $"老人在线确认安全-{Guid.NewGuid():N}"[..16];
        (await dispatcher.CloseAsync(alert.AlertId, "Resolved", null, skipReason: reason)).EnsureSuccessStatusCode();

        var shift = await dispatcher.Http.GetFromJsonAsync<JsonElement>("api/shift/", Json.Web);
        var summary = shift.GetProperty("summary");
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 } });
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);
        await page.GotoAsync(new Uri(host.Server.BaseAddress, "shift.html").ToString());

        Assert.Contains(summary.GetProperty("calls").EnumerateArray(), c => c.GetProperty("actor").GetString() == name && c.GetProperty("detail").GetString()!.Contains(number));
        Assert.Contains(summary.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("detail").GetString()!.Contains(reason));
        Assert.True(summary.GetProperty("raisedByCause").GetProperty("PersonalEmergency").GetInt32() >= 1);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#calls tbody tr", new() { HasText = number })).ToContainTextAsync("占线", new() { Timeout = 15_000 });
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#skipped tbody tr", new() { HasText = reason })).ToContainTextAsync("call-elder");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "handover.png"), FullPage = true });
    }

    [Theory]
    [InlineData("""{ "plans": { "Fire": { "steps": [ { "id": "Call Elder", "kind": "call", "target": "elder", "text": { "zh-CN": "x", "en": "x" } } ] } } }""", "$.plans.Fire.steps[0].id")]
    [InlineData("""{ "plans": { "Flood": { "steps": [ { "id": "a", "kind": "check", "text": { "zh-CN": "x", "en": "x" } } ] } } }""", "$.plans.Flood")]
    [InlineData("""{ "plans": { "Fall": { "steps": [ { "id": "a", "kind": "call", "target": "110", "text": { "zh-CN": "x", "en": "x" } } ] } } }""", "$.plans.Fall.steps[0].target")]
    [InlineData("""{ "plans": { "Fall": { "steps": [ { "id": "a", "kind": "check", "text": { "zh-CN": "x" } } ] } } }""", "$.plans.Fall.steps[0].text.en")]
    public async Task ABrokenPlanFileStopsTheServerAtStartNamingThePath(string plans, string path)
    {
        var file = Path.Combine(Path.GetTempPath(), $"careiot-plans-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, plans);
        var log = Path.Combine(Path.GetTempPath(), $"careiot-plans-{Guid.NewGuid():N}.log");
        var environment = CareIoTHostFixture.HostEnvironment(host.Services, host.JournalConnectionString, $"plans-{Guid.NewGuid():N}"[..14]);
        environment["ResponsePlans__File"] = file;
        await using var server = new ServerProcess(environment, log);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(server.StartAsync);

        Assert.Contains("exited", failure.Message);
        Assert.Contains(path, await File.ReadAllTextAsync(log));
    }

    private sealed record PlanStepDto(StepDto Step, string? DoneBy, DateTimeOffset? DoneAt, string? Note, DateTimeOffset? DueAt);

    private sealed record StepDto(string Id, string Kind, string? Target, bool Mandatory, int? DueSeconds);
}
