using System.Globalization;
using CareIoT.Contracts;
using CareIoT.DeviceProtocol;
using CareIoT.Stores;
using nietras.SeparatedValues;

namespace CareIoT.Server.Install;

/// <summary>
/// Reads a households import file (UTF-8, header row): <c>household_id, elder_name, address,
/// community, latitude, longitude, birth_year, contact_name, contact_relation, contact_phone,
/// devices</c>, where <c>devices</c> is <c>Kind:serial</c> separated by <c>;</c>. Every line's
/// problems are listed (missing address, bad coordinates, unknown kind, duplicate serial …); the
/// caller imports only a file without any.
/// </summary>
public static class HouseholdCsv
{
    public static readonly string[] Columns =
        ["household_id", "elder_name", "address", "community", "latitude", "longitude", "birth_year", "contact_name", "contact_relation", "contact_phone", "devices"];

    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(TextReader text, IReadOnlySet<string> registeredSerials)
    {
        var rows = new List<ImportRow>();
        var problems = new List<ImportProblem>();
        using var csv = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(text);
        if (Columns.Except(csv.Header.ColNames, StringComparer.Ordinal).Any())
        {
            problems.Add(new ImportProblem(1, "", $"header must name the columns {string.Join(", ", Columns)}"));
            return (rows, problems);
        }

        var households = new HashSet<string>(StringComparer.Ordinal);
        var serials = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in csv)
        {
            var line = row.LineNumberFrom;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in Columns)
            {
                values[column] = row[column].ToString();
            }

            string Field(string name) => values[name];
            var id = Field("household_id");
            var wrong = new List<string>();
            if (!DeviceTopics.IsValidDeviceId(id))
            {
                wrong.Add("bad household id");
            }
            else if (!households.Add(id))
            {
                wrong.Add("duplicate household id");
            }

            if (Field("elder_name") is { Length: 0 or > 100 })
            {
                wrong.Add("missing elder name");
            }

            if (Field("address").Length == 0)
            {
                wrong.Add("missing address");
            }

            var (latitude, longitude, coordinatesOk) = Coordinates(Field("latitude"), Field("longitude"));
            if (!coordinatesOk)
            {
                wrong.Add("bad coordinates");
            }

            int? birthYear = int.TryParse(Field("birth_year"), CultureInfo.InvariantCulture, out var year) ? year : null;
            if ((Field("birth_year").Length > 0 && birthYear is null) || birthYear is < 1900 or > 2100)
            {
                wrong.Add("bad birth year");
            }

            var devices = new List<(DeviceKind, string)>();
            foreach (var entry in Field("devices").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = entry.Split(':', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || !Enum.TryParse<DeviceKind>(parts[0], ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
                {
                    wrong.Add($"unknown kind '{parts[0]}'");
                }
                else if (!DeviceTopics.IsValidDeviceId(parts[1]))
                {
                    wrong.Add($"bad serial '{parts[1]}'");
                }
                else if (!serials.Add(parts[1]) || registeredSerials.Contains(parts[1]))
                {
                    wrong.Add($"duplicate serial '{parts[1]}'");
                }
                else
                {
                    devices.Add((kind, parts[1]));
                }
            }

            if (wrong.Count > 0)
            {
                problems.Add(new ImportProblem(line, id, string.Join("; ", wrong)));
                continue;
            }

            var contacts = Field("contact_name").Length > 0
                ? new List<EmergencyContact> { new(Field("contact_name"), Field("contact_relation"), Field("contact_phone")) }
                : [];
            rows.Add(new ImportRow(line, new HouseholdDetails(id, Field("elder_name"), Field("address"), birthYear, "", contacts, Field("community"), latitude, longitude), devices));
        }

        return (rows, problems);
    }

    private static (double? Latitude, double? Longitude, bool Ok) Coordinates(string latitude, string longitude)
    {
        if (latitude.Length == 0 && longitude.Length == 0)
        {
            return (null, null, true);
        }

        var ok = double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            & double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon);
        return ok && Api.Coordinates.AreValid(lat, lon) ? (lat, lon, true) : (null, null, false);
    }
}
