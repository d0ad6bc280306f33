using System.Net.Http.Json;

namespace CareIoT.IntegrationTests;

/// <summary>The server's HTTP API as the tests use it, signed in (as the initial admin unless told otherwise).</summary>
public sealed class CareIoTApi : IDisposable
{
    private readonly HttpClient _http;

    public CareIoTApi(Uri server, string username = TestUsers.Admin, string? password = null)
    {
        (_http, Cookies) = TestUsers.SignInAsync(server, username, password ?? TestUsers.AdminPassword).GetAwaiter().GetResult();
    }

    /// <summary>The session, for a SignalR connection of the same user.</summary>
    public System.Net.CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    /// <summary>Creates a user with this role and a fresh name and password (as the admin); returns both.</summary>
    public async Task<(string Name, string Password)> CreateUserAsync(string role, string prefix = "u-")
    {
        var name = $"{prefix}{Guid.NewGuid():N}"[..16];
        var password = $"pw-{Guid.NewGuid():N}";
        (await _http.PostAsJsonAsync("api/users", new { username = name, password, role })).EnsureSuccessStatusCode();
        return (name, password);
    }

    /// <summary>Creates a user with this role (as the admin) and returns an API signed in as them.</summary>
    public async Task<CareIoTApi> AsNewUserAsync(string username, string role, string? householdId = null)
    {
        var password = $"pw-{Guid.NewGuid():N}";
        (await _http.PostAsJsonAsync("api/users", new { username, password, role, householdId })).EnsureSuccessStatusCode();
        return new CareIoTApi(_http.BaseAddress!, username, password);
    }

    /// <summary>Registers a household with one call button, both with fresh ids.</summary>
    public async Task<(string HouseholdId, string DeviceId)> RegisterHouseholdWithCallButtonAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var household = $"hh-{suffix}";
        var device = $"cb-{suffix}";
        (await _http.PutAsJsonAsync($"api/registry/households/{household}", new
        {
            elderName = "李桂兰", address = "朝阳区和平街道 8 号", birthYear = 1938, medicalNotes = "高血压，服用氨氯地平",
            contacts = new[] { new { name = "李明", relation = "儿子", phone = "13800000000" } },
        })).EnsureSuccessStatusCode();
        (await _http.PutAsJsonAsync($"api/registry/devices/{device}", new { kind = "CallButton", householdId = household }))
            .EnsureSuccessStatusCode();
        return (household, device);
    }

    /// <summary>Registers a household with one device of the given kind, both with fresh ids.</summary>
    public async Task<(string HouseholdId, string DeviceId)> RegisterHouseholdWithAsync(string kind)
    {
        var (household, _) = await RegisterHouseholdWithCallButtonAsync();
        var device = $"{kind[..2].ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        (await _http.PutAsJsonAsync($"api/registry/devices/{device}", new { kind, householdId = household })).EnsureSuccessStatusCode();
        return (household, device);
    }

    /// <summary>Registers a household with a Zigbee device behind the given gateway (device id = friendly name).</summary>
    public async Task<(string HouseholdId, string DeviceId)> RegisterHouseholdWithZigbeeDeviceAsync(string kind, string gatewayId, string model)
    {
        var (household, _) = await RegisterHouseholdWithCallButtonAsync();
        var device = $"zb-{Guid.NewGuid():N}"[..20];
        (await _http.PutAsJsonAsync($"api/registry/devices/{device}", new { kind, householdId = household, gatewayId, model }))
            .EnsureSuccessStatusCode();
        return (household, device);
    }

    /// <summary>Registers a bed with a mattress, both with fresh ids.</summary>
    public async Task<(string BedId, string DeviceId)> RegisterBedWithMattressAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        (await _http.PutAsJsonAsync($"api/registry/beds/bed-{suffix}", new { room = "203", label = "2 床" })).EnsureSuccessStatusCode();
        (await _http.PutAsJsonAsync($"api/registry/devices/mt-{suffix}", new { kind = "Mattress", bedId = $"bed-{suffix}" })).EnsureSuccessStatusCode();
        return ($"bed-{suffix}", $"mt-{suffix}");
    }

    public async Task<BedVitalsDto?> BedVitalsAsync(string bedId)
    {
        var response = await _http.GetAsync($"api/sites/beds/{bedId}/vitals");
        return response.StatusCode == System.Net.HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<BedVitalsDto>(Json.Web) : null;
    }

    public async Task<DeviceHealthDto> DeviceHealthAsync(string deviceId) =>
        (await _http.GetFromJsonAsync<DeviceHealthDto>($"api/devices/{deviceId}/health", Json.Web))!;

    public async Task<DeadLetterDto[]> DeadLettersAsync() =>
        await _http.GetFromJsonAsync<DeadLetterDto[]>("api/ingest/dead-letters?limit=200", Json.Web) ?? [];

    public async Task<Dictionary<string, long>> IngestStatsAsync() =>
        await _http.GetFromJsonAsync<Dictionary<string, long>>("api/ingest/stats", Json.Web) ?? [];

    public async Task<AlertDto[]> ClosedAlertsAsync() =>
        await _http.GetFromJsonAsync<AlertDto[]>("api/alerts?status=closed&limit=1000", Json.Web) ?? [];

    public async Task<AlertDto[]> OpenAlertsAsync() =>
        await _http.GetFromJsonAsync<AlertDto[]>("api/alerts/open", Json.Web) ?? [];

    public async Task<AlertDto[]> HouseholdAlertsAsync(string householdId) =>
        await _http.GetFromJsonAsync<AlertDto[]>($"api/sites/households/{householdId}/alerts", Json.Web) ?? [];

    public async Task<AlertHistoryDto?> AlertHistoryAsync(Guid alertId) =>
        await _http.GetFromJsonAsync<AlertHistoryDto>($"api/alerts/{alertId}", Json.Web);

    public Task<HttpResponseMessage> AcknowledgeAsync(Guid alertId) =>
        _http.PostAsync($"api/alerts/{alertId}/acknowledge", null);

    public Task<HttpResponseMessage> DispatchAsync(Guid alertId, string responder, string? note) =>
        _http.PostAsJsonAsync($"api/alerts/{alertId}/dispatch", new { responder, note });

    public Task<HttpResponseMessage> CloseAsync(Guid alertId, string outcome, string? note, string? skipReason = null) =>
        _http.PostAsJsonAsync($"api/alerts/{alertId}/close", new { outcome, note, skipReason });

    public async Task<ResponseTimesDto> ResponseTimesAsync(DateTimeOffset from, DateTimeOffset to) =>
        (await _http.GetFromJsonAsync<ResponseTimesDto>(
            $"api/alerts/response-times?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}", Json.Web))!;

    public async Task<bool> IsHealthyAsync() => (await _http.GetAsync("health")).IsSuccessStatusCode;

    public void Dispose() => _http.Dispose();
}

public sealed record DeadLetterDto(
    long Id, DateTimeOffset ReceivedAt, string Source, string Topic, string? DeviceId, string Reason, string Detail,
    string PayloadPreview, int PayloadSize);

public sealed record BedVitalsDto(DateTimeOffset At, bool Presence, int? HeartRate, int? RespirationRate, int? Movement);

public sealed record DeviceHealthDto(string DeviceId, bool Online, DateTimeOffset? LastSeen, int? BatteryPercent, bool BatteryLow, int? SignalDbm, string? Firmware);

public sealed record AlertEventDto(string Kind, string Actor, DateTimeOffset At, string? SourceKey, string? Detail = null);

public sealed record ResponseTimesDto(
    DateTimeOffset From, DateTimeOffset To, int Raised, int Acknowledged, double? AcknowledgeP50Seconds, double? AcknowledgeP90Seconds,
    double? AcknowledgeMaxSeconds, double ShareAcknowledgedWithin60Seconds, double ShareAcknowledgedWithin180Seconds, int Closed,
    double? ResolveP50Seconds, double? ResolveP90Seconds);

public sealed record AlertHistoryDto(AlertDto Alert, AlertEventDto[] Events);

public sealed record SiteDeviceDto(string DeviceId, string Kind, string? GatewayId, DeviceHealthDto Health);
