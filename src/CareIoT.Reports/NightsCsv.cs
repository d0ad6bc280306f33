using System.Globalization;
using System.Text;
using CareIoT.Contracts;

namespace CareIoT.Reports;

/// <summary>
/// The facility's morning report as CSV (UTF-8 with BOM, for spreadsheet programs): one row per bed and night.
/// A text cell that a spreadsheet would run as a formula (= + - @) is prefixed with an apostrophe.
/// </summary>
public static class NightsCsv
{
    public static string Write(IEnumerable<(string Facility, string Room, string Label, NightSummary Night)> rows)
    {
        var csv = new StringBuilder("\uFEFF");
        Row(csv, "facility", "room", "bed_label", "bed_id", "night", "in_bed_minutes", "bed_exits", "longest_exit_minutes", "movement_minutes",
            "out_of_range_minutes", "resting_heart_rate", "resting_respiration", "heart_rate_above_usual_percent", "respiration_above_usual_percent");
        foreach (var (facility, room, label, n) in rows)
        {
            Row(csv, facility, room, label, n.BedId, n.Night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Int(n.InBed.TotalMinutes), Int(n.BedExits),
                Int(n.LongestExit.TotalMinutes), Int(n.MovementMinutes), Int(n.OutOfRangeMinutes), Num(n.RestingHeartRate), Num(n.RestingRespiration),
                Num(n.HeartRateAboveUsual * 100), Num(n.RespirationAboveUsual * 100));
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string[] fields) =>
        csv.Append(string.Join(',', fields.Select(f => UptimeCsv.Field(f.Length > 0 && "=+-@".Contains(f[0], StringComparison.Ordinal) && !double.TryParse(f, CultureInfo.InvariantCulture, out _) ? "'" + f : f)))).Append("\r\n");

    private static string Int(double value) => ((int)Math.Round(value)).ToString(CultureInfo.InvariantCulture);

    private static string Num(double? value) => value is { } v ? Math.Round(v, 1).ToString(CultureInfo.InvariantCulture) : "";
}
