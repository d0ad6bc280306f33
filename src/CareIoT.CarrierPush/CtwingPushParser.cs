using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CareIoT.CarrierPush;

/// <summary>
/// The records of a CTWing/AEP subscription push (one JSON object, or an array of them), per the
/// subscription-push message formats (https://www.ctwing.cn/dyts/103): <c>messageType</c>
/// <c>dataReport</c> (<c>payload</c>: the profile's decoded fields, under <c>serviceData</c> or as
/// members, or a transparent product's Base64 <c>APPdata</c> holding JSON), <c>eventReport</c>
/// (<c>eventContent</c>, <c>serviceId</c>), <c>deviceOnlineOfflineReport</c> (<c>eventType</c> 1 online,
/// 0 offline); each with <c>deviceId</c>, <c>IMEI</c>, <c>productId</c>, <c>timestamp</c> (ms). Other message
/// types (command responses, device added…) are ignored. Without a <c>messageId</c> of its own, a record's
/// identity is the hash of its text: a platform retry resends the same text.
/// </summary>
public static class CtwingPushParser
{
    public static PushParseResult Parse(ReadOnlyMemory<byte> body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return PushParseResult.Malformed($"not valid JSON: {ex.Message}");
        }

        var records = root.ValueKind switch
        {
            JsonValueKind.Object => [root],
            JsonValueKind.Array => root.EnumerateArray().ToArray(),
            _ => [],
        };
        if (records.Length == 0)
        {
            return PushParseResult.Malformed("the body must be a message object or a non-empty array of them");
        }

        var reports = new List<CarrierReport>();
        var ignored = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var (report, problem) = Record(records[i]);
            if (problem is not null)
            {
                return PushParseResult.Malformed(records.Length == 1 ? problem : $"message {i}: {problem}");
            }

            if (report is null)
            {
                ignored++;
            }
            else
            {
                reports.Add(report);
            }
        }

        return new PushParseResult(reports, null, ignored);
    }

    private static (CarrierReport? Report, string? Problem) Record(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return (null, "a message must be an object");
        }

        var type = PushJson.Text(record, "messageType");
        if (string.IsNullOrEmpty(type))
        {
            return (null, "\"messageType\" is required");
        }

        if (type is not ("dataReport" or "eventReport" or "deviceOnlineOfflineReport"))
        {
            return (null, null);
        }

        var key = PushJson.Text(record, "IMEI") is { Length: > 0 } imei && imei != "undefined" ? imei : PushJson.Text(record, "deviceId");
        var at = PushJson.Millis(PushJson.Integer(record, "timestamp"));
        if (string.IsNullOrEmpty(key) || key.Length > 64 || at is null)
        {
            return (null, "\"IMEI\" (or \"deviceId\") and \"timestamp\" (ms) are required");
        }

        var raw = record.GetRawText();
        var id = PushJson.Text(record, "messageId") is { Length: > 0 and <= 128 } given
            ? $"ctwing-{given}"
            : $"ctwing-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)).AsSpan(0, 12))}";
        var product = PushJson.Text(record, "productId");
        var service = PushJson.Text(record, "serviceId") is { Length: > 0 } s ? s : null;
        switch (type)
        {
            case "deviceOnlineOfflineReport":
                return PushJson.Integer(record, "eventType") switch
                {
                    1 => (new CarrierReport(CarrierPlatform.Ctwing, key, product, service, id, at.Value, CarrierReportKind.Online, [], raw), null),
                    0 => (new CarrierReport(CarrierPlatform.Ctwing, key, product, service, id, at.Value, CarrierReportKind.Offline, [], raw), null),
                    _ => (null, "\"eventType\" of an online/offline report must be 1 or 0"),
                };
            case "eventReport":
                return record.TryGetProperty("eventContent", out var content) && content.ValueKind == JsonValueKind.Object && PushJson.Fields(content) is { } events
                    ? (new CarrierReport(CarrierPlatform.Ctwing, key, product, service, id, at.Value, CarrierReportKind.Event, events, raw), null)
                    : (null, "\"eventContent\" must be an object of scalar fields");
            default:
                return record.TryGetProperty("payload", out var payload) && Payload(payload, ref service) is { } data
                    ? (new CarrierReport(CarrierPlatform.Ctwing, key, product, service, id, at.Value, CarrierReportKind.Data, data, raw), null)
                    : (null, "\"payload\" must hold scalar fields (directly, under \"serviceData\", or as Base64 JSON in \"APPdata\")");
        }
    }

    private static List<KeyValuePair<string, string>>? Payload(JsonElement payload, ref string? service)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (payload.TryGetProperty("serviceData", out var serviceData) && serviceData.ValueKind == JsonValueKind.Object)
        {
            service ??= PushJson.Text(payload, "serviceId");
            return PushJson.Fields(serviceData);
        }

        if (payload.TryGetProperty("APPdata", out var appData) && appData.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var inner = JsonDocument.Parse(Convert.FromBase64String(appData.GetString()!));
                return inner.RootElement.ValueKind == JsonValueKind.Object ? PushJson.Fields(inner.RootElement) : null;
            }
            catch (Exception ex) when (ex is FormatException or JsonException)
            {
                return null;
            }
        }

        return PushJson.Fields(payload);
    }
}
