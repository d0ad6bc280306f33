using System.Diagnostics;
using CareIoT.Contracts;
using CareIoT.Postgres;
using Npgsql;

namespace CareIoT.Benchmarks;

/// <summary>
/// Journal write latency on the real PostgreSQL of this machine: raising an alert (claim the
/// source, insert the alert and its event, commit) and repeating it, one at a time as a site grain
/// does. Baseline in the same run: a single-row INSERT + commit into a scratch table (the floor of
/// any durable write on this disk and server).
/// </summary>
public static class JournalBenchmark
{
    public static async Task RunAsync(int writes)
    {
        await using var dataSource = await new BenchServices().MigratedDatabaseAsync("careiot_bench");
        var journal = new PostgresAlertJournal(dataSource);

        var floor = await TimeAsync(writes, async i =>
        {
            await using var command = dataSource.CreateCommand("INSERT INTO bench_floor (n) VALUES (@n)");
            command.Parameters.AddWithValue("n", i);
            await command.ExecuteNonQueryAsync();
        }, dataSource);
        var run = Guid.NewGuid().ToString("N")[..8];
        var alerts = new List<Guid>();
        var raise = await TimeAsync(writes, async i =>
        {
            var now = DateTimeOffset.UtcNow;
            var alert = new AlertSnapshot(Guid.NewGuid(), new SiteRef(SiteKind.Household, $"bench-{run}-{i}"), $"cb-{run}-{i}",
                AlertCause.PersonalEmergency, AlertPriority.Critical, AlertStatus.Raised, now, now, 1);
            alerts.Add((await journal.RaiseAsync(alert, $"cb-{run}-{i}/m1/CallPressed", CancellationToken.None)).AlertId);
        }, null);
        var repeat = await TimeAsync(writes, i => journal.RepeatAsync(alerts[i], $"cb-{run}-{i}/m2/CallPressed", DateTimeOffset.UtcNow, CancellationToken.None), null);

        Console.WriteLine($"{"journal write (sequential)",-34} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"n",6}");
        Print("baseline: 1-row INSERT + commit", floor);
        Print("RaiseAsync (claim+alert+event)", raise);
        Print("RepeatAsync (claim+update+event)", repeat);
        Console.WriteLine($"BENCH journal_raise_p50_ms={raise.P50:F2} journal_raise_p99_ms={raise.P99:F2} journal_repeat_p50_ms={repeat.P50:F2} " +
            $"journal_repeat_p99_ms={repeat.P99:F2} floor_insert_p50_ms={floor.P50:F2} raise_vs_floor={raise.P50 / floor.P50:F2}");
    }

    private static async Task<Percentiles> TimeAsync(int count, Func<int, Task> write, NpgsqlDataSource? scratch)
    {
        if (scratch is not null)
        {
            await using var create = scratch.CreateCommand("CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, n integer NOT NULL)");
            await create.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < Math.Min(50, count); i++)
        {
            await write(i);
        }

        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await write(i);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Percentiles.Of(samples);
    }

    private static void Print(string name, Percentiles p) =>
        Console.WriteLine($"{name,-34} {p.P50,8:F2} {p.P99,8:F2} {p.Max,8:F2} {p.Count,6}");
}
