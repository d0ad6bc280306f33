using System.Diagnostics;
using System.Text;
using CareIoT.Postgres;
using CareIoT.Server.Install;
using Npgsql;

namespace CareIoT.Benchmarks;

/// <summary>
/// Bulk import of N households (two devices each) on the real PostgreSQL: reading and checking the
/// CSV, then the all-or-nothing import. Baseline in the same run: a bare binary COPY of the same
/// rows into a scratch table (no checks, no upsert, no devices) — the floor of getting them in.
/// </summary>
public static class ImportBenchmark
{
    public static async Task RunAsync(int households)
    {
        await using var dataSource = await new BenchServices().MigratedDatabaseAsync("careiot_bench");
        var import = new PostgresHouseholdImport(dataSource);
        var run = Guid.NewGuid().ToString("N")[..6];
        var csv = MakeCsv(run, households);

        var clock = Stopwatch.StartNew();
        var registered = await import.RegisteredSerialsAsync(CancellationToken.None);
        var (rows, problems) = HouseholdCsv.Read(new StringReader(csv), registered);
        var check = clock.Elapsed;
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"generated file has {problems.Count} problems, first: {problems[0].Problem}");
        }

        await import.ImportAsync([.. rows.Select(r => r.Household)], [.. rows.SelectMany(r => r.Devices.Select(d => (r.Household.HouseholdId, d.Kind, d.Serial)))], CancellationToken.None);
        var total = clock.Elapsed;
        var floor = await FloorAsync(dataSource, rows);

        Console.WriteLine($"{"import of " + households.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " households",-40} {"seconds",8}");
        Console.WriteLine($"{"read + check CSV (incl. serial lookup)",-40} {check.TotalSeconds,8:F2}");
        Console.WriteLine($"{"import (COPY + upsert, one transaction)",-40} {(total - check).TotalSeconds,8:F2}");
        Console.WriteLine($"{"total",-40} {total.TotalSeconds,8:F2}");
        Console.WriteLine($"{"baseline: bare COPY of the same rows",-40} {floor.TotalSeconds,8:F2}");
        Console.WriteLine($"BENCH import_households={households} import_total_s={total.TotalSeconds:F2} import_check_s={check.TotalSeconds:F2} " +
            $"copy_floor_s={floor.TotalSeconds:F2} import_vs_floor={total / floor:F1}");
    }

    private static string MakeCsv(string run, int households)
    {
        var csv = new StringBuilder(string.Join(',', HouseholdCsv.Columns)).Append('\n');
        for (var i = 0; i < households; i++)
        {
            csv.Append($"b{run}-{i},张桂英{i},\"朝阳区和平街道 {i % 300} 号, {i % 7} 单元\",社区{i % 40},{39.90 + (i % 600) * 0.0001:F4},{116.40 + (i % 800) * 0.0001:F4},1940,张伟,儿子,138{i:D8},")
               .Append($"CallButton:cb{run}-{i};SmokeAlarm:sa{run}-{i}\n");
        }

        return csv.ToString();
    }

    private static async Task<TimeSpan> FloorAsync(NpgsqlDataSource dataSource, IReadOnlyList<ImportRow> rows)
    {
        await using (var create = dataSource.CreateCommand("DROP TABLE IF EXISTS bench_import_floor; CREATE TABLE bench_import_floor (id text, name text, address text)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_import_floor FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await copy.WriteRowAsync(default, row.Household.HouseholdId, row.Household.ElderName, row.Household.Address);
            }

            await copy.CompleteAsync();
        }

        return clock.Elapsed;
    }
}
