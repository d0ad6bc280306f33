using System.Globalization;
using System.Text;

namespace CareIoT.Reports;

/// <summary>The report as CSV (UTF-8 with BOM so spreadsheet programs read Chinese): sections one after another, each with its header row.</summary>
public static class UptimeCsv
{
    public static string Write(UptimeReport report)
    {
        var csv = new StringBuilder("\uFEFF");
        Row(csv, "scope", report.Scope.Kind, report.Scope.Id ?? "", "from", Time(report.From), "to", Time(report.To));
        var a = report.Availability;
        Row(csv);
        Row(csv, "devices", "observed_hours", "offline_hours", "availability_percent", "outages", "ongoing", "mttr_minutes", "heartbeats_expected", "heartbeats_received", "heartbeat_miss_percent");
        Row(csv, Int(a.Devices), Num(a.Observed.TotalHours), Num(a.Offline.TotalHours), Num(a.AvailabilityPercent), Int(a.Outages), Int(a.OngoingOutages),
            a.MeanTimeToRepair is { } mttr ? Num(mttr.TotalMinutes) : "", Int(a.HeartbeatsExpected), Int(a.HeartbeatsReceived), Num(a.HeartbeatMissPercent));
        Row(csv);
        Row(csv, "device", "kind", "site", "observed_hours", "offline_hours", "availability_percent", "outages", "heartbeat_miss_percent");
        foreach (var d in report.Devices)
        {
            Row(csv, d.DeviceId, d.Kind.ToString(), d.SiteId, Num(d.Observed.TotalHours), Num(d.Offline.TotalHours), Num(d.AvailabilityPercent), Int(d.Outages), Num(d.HeartbeatMissPercent));
        }

        Row(csv);
        Row(csv, "outage_device", "start", "end", "minutes", "cause");
        foreach (var o in report.Outages)
        {
            Row(csv, o.DeviceId, Time(o.Start), o.End is { } end ? Time(end) : "ongoing", Num(o.Duration.TotalMinutes), o.Cause);
        }

        var t = report.AnswerTimes;
        Row(csv);
        Row(csv, "alerts_raised", "acknowledged", "within_60s_percent", "within_180s_percent", "median_ack_s", "p90_ack_s", "closed", "median_resolve_s", "mean_resolve_s");
        Row(csv, Int(t.Raised), Int(t.Acknowledged), Num(t.Within60sPercent), Num(t.Within180sPercent), Opt(t.MedianAcknowledgeSeconds), Opt(t.P90AcknowledgeSeconds),
            Int(t.Closed), Opt(t.MedianResolveSeconds), Opt(t.MeanResolveSeconds));
        Row(csv);
        Row(csv, "alert_cause", "count");
        foreach (var (cause, count) in report.AlertsByCause)
        {
            Row(csv, cause.ToString(), Int(count));
        }

        Row(csv);
        Row(csv, "wall_site", "showings", "on_screen_minutes", "longest_gap_minutes");
        foreach (var c in report.Coverage)
        {
            Row(csv, c.SiteKey, Int(c.Showings), Num(c.OnScreen.TotalMinutes), Num(c.LongestGap.TotalMinutes));
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static void Row(StringBuilder csv, params string[] fields) => csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Num(double value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);

    private static string Opt(double? value) => value is { } v ? Num(v) : "";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
