using System.Text.RegularExpressions;

namespace CareIoT.Architecture.Tests;

/// <summary>Each outside system has one home: PostgreSQL's driver only in CareIoT.Postgres, InfluxDB's language only in CareIoT.Telemetry, MQTTnet only in CareIoT.Ingestion (of the platform).</summary>
public sealed partial class OutsideSystemTests
{
    [Fact]
    public void NoProjectButPostgresNamesTheNpgsqlDriverOrItsExceptions()
    {
        var leaks = SourceTree.SourceFiles
            .Where(f => SourceTree.ProjectOf(f.Path) != "CareIoT.Postgres")
            .SelectMany(f => SourceTree.Lines(f.Path, f.Text, NpgsqlName()))
            .ToList();
        Assert.True(leaks.Count == 0, "PostgreSQL's driver outside CareIoT.Postgres:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public void NoProjectButTelemetryHoldsAnInfluxMeasurementOrInfluxQl()
    {
        var leaks = SourceTree.SourceFiles
            .Where(f => SourceTree.ProjectOf(f.Path) != "CareIoT.Telemetry")
            .SelectMany(f => SourceTree.Lines(f.Path, f.Text, InfluxLiteral()))
            .ToList();
        Assert.True(leaks.Count == 0, "InfluxDB measurements or InfluxQL outside CareIoT.Telemetry:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public void NoPlatformProjectButIngestionSpeaksMqttThroughMqttNet()
    {
        var leaks = SourceTree.SourceFiles
            .Where(f => SourceTree.ProjectOf(f.Path) != "CareIoT.Ingestion")
            .SelectMany(f => SourceTree.Lines(f.Path, f.Text, MqttNetName()))
            .ToList();
        Assert.True(leaks.Count == 0, "MQTTnet outside CareIoT.Ingestion:\n" + string.Join('\n', leaks));
        Assert.Contains(SourceTree.SourceFiles, f => SourceTree.ProjectOf(f.Path) == "CareIoT.Ingestion" && MqttNetName().IsMatch(f.Text));
    }

    [Fact]
    public void TheHostNamesThePostgresProjectOnlyWhereItWiresIt()
    {
        // Endpoints, hubs, reports and the self-watch take the stores' interfaces (CareIoT.Stores); only the
        // composition root (Program.cs, Extensions/) knows which classes implement them.
        var leaks = SourceTree.SourceFiles
            .Where(f => f.Path.StartsWith("src/CareIoT.Server/", StringComparison.Ordinal)
                && !f.Path.StartsWith("src/CareIoT.Server/Extensions/", StringComparison.Ordinal)
                && f.Path != "src/CareIoT.Server/Program.cs")
            .SelectMany(f => SourceTree.Lines(f.Path, f.Text, PostgresProject()))
            .ToList();
        Assert.True(leaks.Count == 0, "the Postgres project named outside the host's wiring:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public void TheChecksWouldSeeALeak()
    {
        // The patterns themselves, on lines as a leak would write them.
        Assert.Matches(NpgsqlName(), "catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)");
        Assert.Matches(NpgsqlName(), "using Npgsql;");
        Assert.Matches(InfluxLiteral(), "var q = $\"SELECT last(\\\"online\\\") FROM \\\"device_state\\\" WHERE time < {f}\";");
        Assert.Matches(InfluxLiteral(), "Write(\"vitals\", tags, fields, at);");
        Assert.Matches(InfluxLiteral(), "\"SELECT mean(x) FROM m GROUP BY time(1m)\"");
        Assert.Matches(PostgresProject(), "app.MapGet(\"/x\", (PostgresRegistry registry) => registry.GetBedAsync(id, ct));");
        Assert.Matches(PostgresProject(), "using CareIoT.Postgres;");
        Assert.DoesNotMatch(PostgresProject(), "// PostgreSQL is away");
        Assert.DoesNotMatch(InfluxLiteral(), "public DeviceMessageType Type => DeviceMessageType.Heartbeat;");
        Assert.Contains(SourceTree.SourceFiles, f => SourceTree.ProjectOf(f.Path) == "CareIoT.Telemetry" && InfluxLiteral().IsMatch(f.Text));
        Assert.Contains(SourceTree.SourceFiles, f => SourceTree.ProjectOf(f.Path) == "CareIoT.Postgres" && NpgsqlName().IsMatch(f.Text));
    }

    [GeneratedRegex(@"\bCareIoT\.Postgres\b|\bPostgres[A-Z]\w*")]
    private static partial Regex PostgresProject();

    [GeneratedRegex(@"\bMQTTnet\b")]
    private static partial Regex MqttNetName();

    [GeneratedRegex(@"\bNpgsql\b|\bPostgresException\b|\bPostgresErrorCodes\b")]
    private static partial Regex NpgsqlName();

    // Measurement names as string literals (plain or as InfluxQL identifiers), and InfluxQL's time grouping.
    [GeneratedRegex(@"(\\?""(vitals|vitals_1m|device_state|device_health|heartbeat)\\?"")|GROUP BY time\(")]
    private static partial Regex InfluxLiteral();
}
