using System.Net;
using System.Net.Http.Json;

namespace CareIoT.IntegrationTests;

/// <summary>The shift view and handover records on the real journal.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class ShiftTests(CareIoTHostFixture host)
{
    [Fact]
    public async Task HandoverIsRecordedWithItsAuthorAndStartsTheNextShift()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var name = $"夜班-{Guid.NewGuid():N}"[..10];
        using var dispatcher = await admin.AsNewUserAsync(name, "dispatcher");
        using var inspector = await admin.AsNewUserAsync($"insp-{Guid.NewGuid():N}"[..12], "inspector");

        var forbidden = await inspector.Http.PostAsJsonAsync("api/shift/handover", new { note = "x" });
        var empty = await dispatcher.Http.PostAsJsonAsync("api/shift/handover", new { note = " " });
        var recorded = await dispatcher.Http.PostAsJsonAsync("api/shift/handover", new { note = "3 号床夜间离床两次，已通知护士站" });
        var shift = await dispatcher.Http.GetFromJsonAsync<ShiftDto>("api/shift/", Json.Web);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var latest = shift!.Handovers[0];
        Assert.Equal((name, "3 号床夜间离床两次，已通知护士站"), (latest.Author, latest.Note));
        Assert.Equal(latest.At, shift.Since);
        Assert.Equal(shift.Open.Length, latest.OpenAlerts);
    }
}

public sealed record HandoverDto(long Id, DateTimeOffset At, string Author, string Note, int OpenAlerts);

public sealed record ShiftDto(DateTimeOffset Since, AlertDto[] Open, AlertDto[] Handled, HandoverDto[] Handovers);
