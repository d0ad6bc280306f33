using System.Globalization;
using System.Text.Json;

namespace CareIoT.CarrierPush;

/// <summary>
/// The records of a OneNET push (field table of https://open.iot.10086.cn/doc/nb-iot/book/manual/httppush/develop-manual.html):
/// type 1 a data point (<c>dev_id</c>, <c>ds_id</c>, <c>at</c> in ms, <c>value</c>), type 2 online/offline
/// (<c>dev_id</c>, <c>status</c> 1/0, <c>at</c>, <c>login_type</c>), type 7 a command result (ignored).
/// A data point's identity is device, stream and platform time: a re-push carries all three again.
/// An object value gives one field per member, named <c>ds_id.member</c>.
/// </summary>
public static class OneNetPushParser
{
    public static PushParseResult Parse(OneNetEnvelope envelope)
    {
        var reports = new List<CarrierReport>();
        var ignored = 0;
        var records = envelope.Msg.ValueKind == JsonValueKind.Array ? [.. envelope.Msg.EnumerateArray()] : new[] { envelope.Msg };
        if (records.Length == 0)
        {
            return PushParseResult.Malformed("\"msg\" is an empty array");
        }

        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            if (record.ValueKind != JsonValueKind.Object)
            {
                return PushParseResult.Malformed($"msg[{i}] is not an object");
            }

            var type = PushJson.Integer(record, "type");
            var devId = PushJson.Text(record, "dev_id");
            var at = PushJson.Millis(PushJson.Integer(record, "at"));
            if (type is not (1 or 2))
            {
                if (type is null)
                {
                    return PushParseResult.Malformed($"msg[{i}] has no integer \"type\"");
                }

                ignored++;
                continue;
            }

            if (string.IsNullOrEmpty(devId) || devId.Length > 64 || at is null)
            {
                return PushParseResult.Malformed($"msg[{i}] needs \"dev_id\" and \"at\" (ms)");
            }

            var raw = record.GetRawText();
            var ms = at.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            if (type == 2)
            {
                var status = PushJson.Integer(record, "status");
                if (status is not (0 or 1))
                {
                    return PushParseResult.Malformed($"msg[{i}] \"status\" must be 0 or 1");
                }

                reports.Add(new CarrierReport(CarrierPlatform.OneNet, devId, null, null, $"onenet-{devId}-status{status}-{ms}", at.Value,
                    status == 1 ? CarrierReportKind.Online : CarrierReportKind.Offline, [], raw));
                continue;
            }

            var stream = PushJson.Text(record, "ds_id");
            if (string.IsNullOrEmpty(stream) || stream.Length > 128 || !record.TryGetProperty("value", out var value))
            {
                return PushParseResult.Malformed($"msg[{i}] needs \"ds_id\" and \"value\"");
            }

            var fields = value.ValueKind == JsonValueKind.Object
                ? PushJson.Fields(value, stream + ".")
                : PushJson.Scalar(value) is { } text ? [new(stream, text)] : null;
            if (fields is null)
            {
                return PushParseResult.Malformed($"msg[{i}] \"value\" must be a scalar or an object of scalars");
            }

            reports.Add(new CarrierReport(CarrierPlatform.OneNet, devId, null, null, $"onenet-{devId}-{stream}-{ms}", at.Value, CarrierReportKind.Data, fields, raw));
        }

        return new PushParseResult(reports, null, ignored);
    }
}
