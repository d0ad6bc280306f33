using Microsoft.Extensions.Logging.Abstractions;

namespace CareIoT.Telemetry.Tests.Integration;

/// <summary>A fresh database per test, dropped (with the test's spool folder) at the end.</summary>
internal sealed class InfluxDatabase : IAsyncDisposable
{
    private InfluxDatabase(HttpClient http, InfluxOptions options)
    {
        Options = options;
        Query = new InfluxQueryClient(http, Microsoft.Extensions.Options.Options.Create(options));
    }

    public InfluxOptions Options { get; }

    public InfluxQueryClient Query { get; }

    public string Name => Options.Database;

    public static async Task<InfluxDatabase> CreateAsync(HttpClient http, string url)
    {
        var database = new InfluxDatabase(http, InfluxFixture.Options(url, InfluxFixture.NewDatabaseName()));
        await database.Query.CreateDatabaseAsync(database.Name);
        return database;
    }

    public InfluxLineWriter NewWriter(HttpClient http) =>
        new(http, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<InfluxLineWriter>.Instance);

    public async Task<long> CountAsync(string measurement, string field)
    {
        var series = await Query.QuerySeriesAsync($"SELECT count({InfluxQl.Identifier(field)}) FROM {InfluxQl.Identifier(measurement)}");
        return series.Count == 0 ? 0 : Convert.ToInt64(series[0].Values[0][1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Query.DropDatabaseAsync(Name);
        }
        finally
        {
            if (Directory.Exists(Options.SpoolDirectory))
            {
                Directory.Delete(Options.SpoolDirectory, recursive: true);
            }
        }
    }
}
