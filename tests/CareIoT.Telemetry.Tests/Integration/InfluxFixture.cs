namespace CareIoT.Telemetry.Tests.Integration;

/// <summary>
/// A real influxd for the integration tests, started through <c>deploy/services.sh</c> with the
/// environment passed through; stopped at the end only if this fixture started it.
/// </summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    internal InfluxService Service { get; } = new();

    /// <summary>Whether this fixture started influxd (and so may stop it).</summary>
    public bool StartedByUs { get; private set; }

    public string Url { get; private set; } = "";

    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static string NewDatabaseName() => "test_" + Guid.NewGuid().ToString("N");

    public static string NewSpoolDirectory() => Path.Combine(Path.GetTempPath(), "careiot-telemetry-it", Guid.NewGuid().ToString("N"));

    /// <summary>Writer settings for tests: small batches, short intervals and back-offs, a spool folder of its own.</summary>
    public static InfluxOptions Options(string url, string database) => new()
    {
        Url = url,
        Database = database,
        BatchSize = 1000,
        FlushInterval = TimeSpan.FromMilliseconds(200),
        MaxRetries = 1,
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
        RequestTimeout = TimeSpan.FromSeconds(10),
        SpoolDirectory = NewSpoolDirectory(),
    };

    public async Task InitializeAsync()
    {
        StartedByUs = await Service.StartAsync();
        Url = Service.ReadUrl();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (StartedByUs)
        {
            await Service.StopAsync();
        }
    }
}
