using System.Net;
using System.Net.Http.Json;

namespace CareIoT.IntegrationTests;

/// <summary>The installer's side of DC-09 panels, as the tests use it: fresh accounts bound to fresh households, and the receiver's counters.</summary>
public static class PanelApi
{
    public static string NewAccount() => $"{Random.Shared.NextInt64(0x10000000, 0xFFFFFFFF):X8}";

    public static string NewSerial() => $"PNL-{Guid.NewGuid():N}"[..20];

    /// <summary>Registers a household and binds a fresh panel account to it (201 asserted).</summary>
    public static async Task<(string Household, string Account)> BindPanelAsync(this CareIoTApi api, string? key = null, string? keyFormat = null,
        string? vendor = "example-social-alarm")
    {
        var (household, _) = await api.RegisterHouseholdWithCallButtonAsync();
        var account = NewAccount();
        using var bound = await api.Http.PutAsJsonAsync($"api/install/panels/{account}",
            new { householdId = household, serial = NewSerial(), key, keyFormat, vendor });
        Assert.Equal(HttpStatusCode.Created, bound.StatusCode);
        return (household, account);
    }

    public static async Task<Dictionary<string, long>> PanelStatsAsync(this CareIoTApi api) =>
        await api.Http.GetFromJsonAsync<Dictionary<string, long>>("api/panels/stats") ?? [];
}
