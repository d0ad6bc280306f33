using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// Registers the simulated households, beds and their devices through the server's registry API, and
/// binds the alarm panels' accounts through the installer's, signed in as a user who may install (the
/// run command passes the initial admin).
/// </summary>
public sealed class FleetRegistrar : IDisposable
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] GivenNames = ["秀英", "桂兰", "建国", "玉兰", "德明", "淑珍", "国华", "凤英"];

    // The four subdistricts of the sample map (src/CareIoT.Server/wwwroot/maps/district.geo.json) with a point inside each.
    private static readonly (string Community, double Latitude, double Longitude)[] Communities =
        [("北林街道", 39.945, 116.420), ("东湖街道", 39.945, 116.460), ("西苑街道", 39.915, 116.415), ("南山街道", 39.915, 116.460)];

    private static readonly (string Id, string Name, double Latitude, double Longitude)[] Facilities =
        [("demo-fac-1", "阳光养老院", 39.950, 116.430), ("demo-fac-2", "康乐护理院", 39.910, 116.470)];

    private readonly HashSet<string> _facilities = [];

    private readonly HttpClient _http;
    private readonly ApiLogin _login;
    private bool _signedIn;

    public FleetRegistrar(Uri api, ApiLogin login)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies }) { BaseAddress = api };
        _login = login;
    }

    /// <summary>The session cookie, for a SignalR connection of the same user.</summary>
    public System.Net.CookieContainer Cookies { get; } = new();

    public async Task RegisterHouseholdAsync(string householdId, int index, CancellationToken cancellationToken)
    {
        await SignInAsync(cancellationToken);
        var elder = Surnames[index % Surnames.Length] + GivenNames[index / Surnames.Length % GivenNames.Length];
        var (community, latitude, longitude) = Communities[index % Communities.Length];
        var address = $"示例区{community} {index + 1} 号";
        var household = new
        {
            community,
            latitude = latitude + ((index / 4 % 10) - 5) * 0.0015,
            longitude = longitude + ((index / 40 % 10) - 5) * 0.0015,
            elderName = elder,
            address,
            birthYear = 1930 + (index * 7 % 25),
            medicalNotes = index % 3 == 0 ? "高血压" : index % 3 == 1 ? "糖尿病，行动不便" : "",
            contacts = new[] { new { name = elder[..1] + "明", relation = "子女", phone = $"1380000{index:D4}" } },
        };
        (await _http.PutAsJsonAsync($"api/registry/households/{householdId}", household, cancellationToken)).EnsureSuccessStatusCode();
    }

    public async Task RegisterBedAsync(string bedId, int index, CancellationToken cancellationToken)
    {
        await SignInAsync(cancellationToken);
        var facility = Facilities[index % Facilities.Length];
        if (_facilities.Add(facility.Id))
        {
            (await _http.PutAsJsonAsync($"api/registry/facilities/{facility.Id}", new { name = facility.Name, latitude = facility.Latitude, longitude = facility.Longitude }, cancellationToken))
                .EnsureSuccessStatusCode();
        }

        (await _http.PutAsJsonAsync($"api/registry/beds/{bedId}", new { room = $"{index / 8 + 101}", label = $"{index / 2 % 4 + 1} 床", facilityId = facility.Id }, cancellationToken))
            .EnsureSuccessStatusCode();
    }

    public async Task RegisterDeviceAsync(
        string deviceId, string kind, string? householdId, string? bedId, CancellationToken cancellationToken,
        string? gatewayId = null, string? model = null) =>
        (await _http.PutAsJsonAsync($"api/registry/devices/{deviceId}", new { kind, householdId, bedId, gatewayId, model }, cancellationToken))
            .EnsureSuccessStatusCode();

    /// <summary>
    /// Binds the panel's account to its household as an installer does, with its key when it encrypts.
    /// An account bound on an earlier run (409) is left as it was bound; returns whether that binding has
    /// a key, so the panel encrypts exactly when the receiver expects it to.
    /// </summary>
    public async Task<bool> BindPanelAsync(PanelHome home, CancellationToken cancellationToken)
    {
        await SignInAsync(cancellationToken);
        var body = new { householdId = home.HouseholdId, serial = home.Serial, key = home.Encrypted ? home.Key : null, keyFormat = "hex" };
        using var response = await _http.PutAsJsonAsync($"api/install/panels/{home.Account}", body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
            return home.Encrypted;
        }

        var bound = await _http.GetFromJsonAsync<JsonElement>($"api/install/panels/{home.Account}", cancellationToken);
        return bound.GetProperty("encrypted").GetBoolean();
    }

    /// <summary>Binds an NB-IoT alarm's IMEI to its household as an installer does; one bound on an earlier run (409) is left as it was.</summary>
    public async Task BindNbIotAsync(NbIotHome home, CancellationToken cancellationToken)
    {
        await SignInAsync(cancellationToken);
        var body = new { householdId = home.HouseholdId, platform = home.Platform, product = home.Product, platformDeviceId = home.PlatformDeviceId };
        using var response = await _http.PutAsJsonAsync($"api/install/nbiot/{home.Imei}", body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>A household with one call button (kept for the probe).</summary>
    public async Task RegisterAsync(string householdId, string deviceId, int index, CancellationToken cancellationToken)
    {
        await RegisterHouseholdAsync(householdId, index, cancellationToken);
        await RegisterDeviceAsync(deviceId, "CallButton", householdId, null, cancellationToken);
    }

    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        if (_signedIn)
        {
            return;
        }

        (await _http.PostAsJsonAsync("api/auth/login", new { username = _login.Username, password = _login.Password }, cancellationToken))
            .EnsureSuccessStatusCode();
        _signedIn = true;
    }

    public void Dispose() => _http.Dispose();
}
