using System.Net;
using System.Text;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// One NB-IoT smoke alarm as the centre sees it: not a connection of its own, but its platform (OneNET or
/// CTWing) pushing its reports to the centre over HTTP. Streams and fields are those of the example products
/// in <c>carrier-products.json</c>. Each call is one push; the answer's status is returned.
/// </summary>
public sealed class SimulatedNbIotAlarm(HttpClient http, string platform, string imei, string platformDeviceId, string token, string productId = "15000001",
    TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string DeviceId => $"nb-{imei}";

    public string Imei => imei;

    public bool OnOneNet => platform == "onenet";

    /// <summary>Smoke (<c>1</c>), clear (<c>0</c>) or the test button (<c>2</c> on OneNET).</summary>
    public Task<HttpStatusCode> SmokeAsync(int state = 1, CancellationToken cancellationToken = default) => OnOneNet
        ? PushOneNetAsync(NbIotPushes.OneNetDataPoint(platformDeviceId, "smoke_state", state.ToString(System.Globalization.CultureInfo.InvariantCulture), _time.GetUtcNow(), token), cancellationToken)
        : PushCtwingAsync(NbIotPushes.CtwingDataReport(imei, productId, $$"""{"smoke_state":{{state}},"battery_value":87}""", _time.GetUtcNow()), cancellationToken);

    /// <summary>A daily report with nothing to say: a heartbeat.</summary>
    public Task<HttpStatusCode> HeartbeatAsync(CancellationToken cancellationToken = default) => OnOneNet
        ? PushOneNetAsync(NbIotPushes.OneNetDataPoint(platformDeviceId, "heartbeat", "1", _time.GetUtcNow(), token), cancellationToken)
        : PushCtwingAsync(NbIotPushes.CtwingDataReport(imei, productId, """{"battery_value":87}""", _time.GetUtcNow()), cancellationToken);

    public async Task<HttpStatusCode> PushOneNetAsync(string body, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync("carrier/onenet", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> PushCtwingAsync(string body, CancellationToken cancellationToken = default, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "carrier/ctwing") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CareIoT-Signature", signature ?? NbIotPushes.CtwingSignature(token, body));
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }
}
