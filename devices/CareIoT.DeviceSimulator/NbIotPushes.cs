using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// Pushes as the carriers' platforms send them for an NB-IoT smoke alarm, signed as each platform signs:
/// OneNET's data push <c>{"msg":{…},"msg_signature":Base64(MD5(token+nonce+msg)),"nonce":…}</c>
/// (https://open.iot.10086.cn/doc/nb-iot/book/manual/httppush/develop-manual.html) and a CTWing/AEP
/// subscription push (https://www.ctwing.cn/dyts/103), signed with HMAC-SHA256 of the body in
/// <c>X-CareIoT-Signature</c> (CTWing itself signs nothing; the centre documents this choice). Written
/// here independently of the receiver, so a mistake in one is not mirrored in the other.
/// </summary>
public static class NbIotPushes
{
    public static string OneNetDataPoint(string devId, string stream, string value, DateTimeOffset at, string token, string? nonce = null) =>
        OneNetSigned($$"""{"type":1,"dev_id":{{devId}},"ds_id":"{{stream}}","at":{{Ms(at)}},"value":{{value}}}""", token, nonce);

    public static string OneNetOnline(string devId, bool online, DateTimeOffset at, string token) =>
        OneNetSigned($$"""{"type":2,"dev_id":{{devId}},"status":{{(online ? 1 : 0)}},"login_type":10,"at":{{Ms(at)}}}""", token, null);

    public static string OneNetSigned(string msg, string token, string? nonce)
    {
        nonce ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var signature = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(token + nonce + msg)));
        return $$"""{"msg":{{msg}},"msg_signature":"{{signature}}","nonce":"{{nonce}}"}""";
    }

    /// <summary>The URL check OneNET makes when a push instance is saved: the query string.</summary>
    public static string OneNetUrlCheck(string msg, string nonce, string token) =>
        $"msg={Uri.EscapeDataString(msg)}&nonce={Uri.EscapeDataString(nonce)}&signature={Uri.EscapeDataString(Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(token + nonce + msg))))}";

    public static string CtwingDataReport(string imei, string productId, string fieldsJson, DateTimeOffset at) =>
        $$"""{"upPacketSN":-1,"upDataSN":-1,"topic":"v1/up/ad","timestamp":{{Ms(at)}},"tenantId":"2000001","serviceId":"","protocol":"lwm2m","productId":"{{productId}}","payload":{"serviceId":"1","serviceData":{{fieldsJson}}},"messageType":"dataReport","deviceType":"","deviceId":"{{productId}}{{imei}}","assocAssetId":"","IMSI":"undefined","IMEI":"{{imei}}"}""";

    public static string CtwingEventReport(string imei, string productId, string serviceId, string contentJson, DateTimeOffset at) =>
        $$"""{"timestamp":{{Ms(at)}},"tenantId":"2000001","serviceId":{{serviceId}},"protocol":"lwm2m","productId":"{{productId}}","messageType":"eventReport","eventType":1,"eventContent":{{contentJson}},"deviceId":"{{productId}}{{imei}}","IMSI":"undefined","IMEI":"{{imei}}"}""";

    public static string CtwingOnline(string imei, string productId, bool online, DateTimeOffset at) =>
        $$"""{"timestamp":{{Ms(at)}},"tenantId":"2000001","protocol":"lwm2m","productId":"{{productId}}","messageType":"deviceOnlineOfflineReport","eventType":{{(online ? 1 : 0)}},"deviceId":"{{productId}}{{imei}}","IMEI":"{{imei}}"}""";

    public static string CtwingSignature(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
