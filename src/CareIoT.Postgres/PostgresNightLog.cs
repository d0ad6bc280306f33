using CareIoT.Stores;
using System.Text.Json;
using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>Bed nights in PostgreSQL (<c>bed_nights</c>): summaries as columns, the profile as JSON.</summary>
public sealed class PostgresNightLog(NpgsqlDataSource dataSource) : INightRecords
{
    private const string SummaryColumns = """
        bed_id, night, in_bed_minutes, bed_exits, longest_exit_minutes, movement_minutes, out_of_range_minutes,
        resting_heart_rate, resting_respiration, heart_rate_above_usual, respiration_above_usual, minutes_measured
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(NightSummary summary, NightProfile profile, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO bed_nights ({SummaryColumns}, profile)
            VALUES (@bed, @night, @inBed, @exits, @longest, @movement, @outOfRange, @hr, @rr, @hrAbove, @rrAbove, @measured, @profile::jsonb)
            ON CONFLICT (bed_id, night) DO UPDATE SET in_bed_minutes = excluded.in_bed_minutes, bed_exits = excluded.bed_exits,
                longest_exit_minutes = excluded.longest_exit_minutes, movement_minutes = excluded.movement_minutes,
                out_of_range_minutes = excluded.out_of_range_minutes, resting_heart_rate = excluded.resting_heart_rate,
                resting_respiration = excluded.resting_respiration, heart_rate_above_usual = excluded.heart_rate_above_usual,
                respiration_above_usual = excluded.respiration_above_usual, minutes_measured = excluded.minutes_measured,
                profile = excluded.profile, recorded_at = now()
            """);
        command.Parameters.AddWithValue("bed", summary.BedId);
        command.Parameters.AddWithValue("night", summary.Night);
        command.Parameters.AddWithValue("inBed", (int)summary.InBed.TotalMinutes);
        command.Parameters.AddWithValue("exits", summary.BedExits);
        command.Parameters.AddWithValue("longest", (int)summary.LongestExit.TotalMinutes);
        command.Parameters.AddWithValue("movement", summary.MovementMinutes);
        command.Parameters.AddWithValue("outOfRange", summary.OutOfRangeMinutes);
        command.Parameters.Add(new NpgsqlParameter<double?>("hr", summary.RestingHeartRate));
        command.Parameters.Add(new NpgsqlParameter<double?>("rr", summary.RestingRespiration));
        command.Parameters.Add(new NpgsqlParameter<double?>("hrAbove", summary.HeartRateAboveUsual));
        command.Parameters.Add(new NpgsqlParameter<double?>("rrAbove", summary.RespirationAboveUsual));
        command.Parameters.AddWithValue("measured", summary.MinutesMeasured);
        command.Parameters.AddWithValue("profile", JsonSerializer.Serialize(profile, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NightProfile>> ProfilesAsync(string bedId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT profile::text FROM bed_nights WHERE bed_id = @bed AND night BETWEEN @from AND @to ORDER BY night");
        AddRange(command, bedId, from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var profiles = new List<NightProfile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            profiles.Add(JsonSerializer.Deserialize<NightProfile>(reader.GetString(0), Json)!);
        }

        return profiles;
    }

    public async Task<IReadOnlyList<NightSummary>> SummariesAsync(string bedId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {SummaryColumns} FROM bed_nights WHERE bed_id = @bed AND night BETWEEN @from AND @to ORDER BY night DESC");
        AddRange(command, bedId, from, to);
        return await ReadSummariesAsync(command, cancellationToken);
    }

    /// <summary>One night of every bed (of one facility, or all), with where each bed is: the morning report.</summary>
    public async Task<IReadOnlyList<BedNight>> NightOfAsync(DateOnly night, string? facilityId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {string.Join(", ", SummaryColumns.Split(',').Select(c => "n." + c.Trim()))}, coalesce(f.name, ''), coalesce(b.room, ''), coalesce(b.label, '')
            FROM bed_nights n LEFT JOIN beds b ON b.bed_id = n.bed_id LEFT JOIN facilities f ON f.facility_id = b.facility_id
            WHERE n.night = @night AND (@facility::text IS NULL OR b.facility_id = @facility)
            ORDER BY f.name, b.room, b.label, n.bed_id
            """);
        command.Parameters.AddWithValue("night", night);
        command.Parameters.Add(new NpgsqlParameter<string?>("facility", facilityId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<BedNight>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new BedNight(reader.GetString(12), reader.GetString(13), reader.GetString(14), Summary(reader)));
        }

        return rows;
    }

    private static void AddRange(NpgsqlCommand command, string bedId, DateOnly from, DateOnly to)
    {
        command.Parameters.AddWithValue("bed", bedId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
    }

    private static async Task<IReadOnlyList<NightSummary>> ReadSummariesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var summaries = new List<NightSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(Summary(reader));
        }

        return summaries;
    }

    private static NightSummary Summary(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetFieldValue<DateOnly>(1), TimeSpan.FromMinutes(r.GetInt32(2)), r.GetInt32(3), TimeSpan.FromMinutes(r.GetInt32(4)),
        r.GetInt32(5), r.GetInt32(6), Nullable(r, 7), Nullable(r, 8), Nullable(r, 9), Nullable(r, 10), r.GetInt32(11));

    private static double? Nullable(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetDouble(column);
}

