using System.Net.Http.Json;
using System.Text.Json;

namespace CareIoT.IntegrationTests;

/// <summary>An elder's identity shown only to those who act for them, masked on shared screens, every view and export audited.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class PersonalDataTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AnInspectorSeesAMaskedNameAndNoAddressAndTheViewIsAudited()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (household, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        using var inspector = await admin.AsNewUserAsync($"insp-{Guid.NewGuid():N}"[..16], "inspector");

        var seen = await inspector.Http.GetFromJsonAsync<JsonElement>($"api/sites/households/{household}");

        Assert.Equal("李*兰", seen.GetProperty("elderName").GetString());
        Assert.Equal("", seen.GetProperty("address").GetString());
        Assert.Equal("", seen.GetProperty("medicalNotes").GetString());
        Assert.Equal(0, seen.GetProperty("contacts").GetArrayLength());
        var entry = Assert.Single(await AuditAsync(admin, $"household:{household}"));
        Assert.Equal("view.household", entry.GetProperty("action").GetString());
        Assert.StartsWith("insp-", entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task ADispatcherSeesTheWholeRecordAndThatViewIsAuditedToo()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (household, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        using var dispatcher = await admin.AsNewUserAsync($"disp-{Guid.NewGuid():N}"[..16], "dispatcher");

        var seen = await dispatcher.Http.GetFromJsonAsync<JsonElement>($"api/sites/households/{household}");

        Assert.Equal("李桂兰", seen.GetProperty("elderName").GetString());
        Assert.Contains("和平街道", seen.GetProperty("address").GetString());
        Assert.Contains(await AuditAsync(admin, $"household:{household}"), e => e.GetProperty("actor").GetString()!.StartsWith("disp-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheMapMasksAHomesNameUntilOneOfItsAlertsIsOpenAndAlwaysForInspectors()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (household, device) = ($"hh-map-{suffix}", $"cb-map-{suffix}");
        (await admin.Http.PutAsJsonAsync($"api/registry/households/{household}",
            new { elderName = "张三明", address = "东湖街道 9 号", community = "东湖社区", latitude = 39.93, longitude = 116.43 })).EnsureSuccessStatusCode();
        (await admin.Http.PutAsJsonAsync($"api/registry/devices/{device}", new { kind = "CallButton", householdId = household })).EnsureSuccessStatusCode();
        using var inspector = await admin.AsNewUserAsync($"insp-{Guid.NewGuid():N}"[..16], "inspector");
        Assert.Equal("张*明", await MapNameAsync(admin, household));

        await using (var button = await host.ConnectDeviceAsync(device))
        {
            await button.PressAsync(device);
        }

        Assert.True(await Eventually.TrueAsync(async () => await MapNameAsync(admin, household) == "张三明", Patience));
        Assert.Equal("张*明", await MapNameAsync(inspector, household));
    }

    [Fact]
    public async Task EveryReportExportIsAuditedWithItsScopeAndFormat()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var inspector = await admin.AsNewUserAsync($"insp-{Guid.NewGuid():N}"[..16], "inspector");
        var day = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        (await inspector.Http.GetAsync($"api/reports/uptime.csv?scope=district&period=day&date={day}")).EnsureSuccessStatusCode();

        var entries = await AuditAsync(admin, "district:all");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "export.uptime-report"
            && e.GetProperty("detail").GetString()!.Contains("\"csv\"", StringComparison.Ordinal));
    }

    private static async Task<string?> MapNameAsync(CareIoTApi api, string household)
    {
        var points = await api.Http.GetFromJsonAsync<JsonElement[]>("api/wall/map");
        var point = points!.Single(p => p.GetProperty("id").GetString() == household);
        return point.GetProperty("name").GetString();
    }

    private static async Task<JsonElement[]> AuditAsync(CareIoTApi admin, string target) =>
        await admin.Http.GetFromJsonAsync<JsonElement[]>($"api/admin/audit?target={Uri.EscapeDataString(target)}") ?? [];
}
