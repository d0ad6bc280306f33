using Microsoft.Extensions.Time.Testing;

namespace CareIoT.Telemetry.Tests;

/// <summary>A writer over a <see cref="RecordingHandler"/>, fake time and a spool folder of its own.</summary>
internal sealed class WriterHarness : IAsyncDisposable
{
    private readonly List<InfluxLineWriter> _writers = [];

    public WriterHarness(Action<InfluxOptions>? configure = null)
    {
        Options = new InfluxOptions
        {
            Url = "http://influx.test:8086",
            Database = "careiot",
            BatchSize = 3,
            FlushInterval = TimeSpan.FromSeconds(1),
            MaxRetries = 0,
            InitialBackoff = TimeSpan.FromMinutes(1),
            MaxBackoff = TimeSpan.FromMinutes(5),
            SpoolDirectory = Path.Combine(Path.GetTempPath(), "careiot-telemetry-tests", Guid.NewGuid().ToString("N")),
        };
        configure?.Invoke(Options);
        Http = new HttpClient(Handler);
    }

    public InfluxOptions Options { get; }

    public RecordingHandler Handler { get; } = new();

    public HttpClient Http { get; }

    public FakeTimeProvider Time { get; } = new();

    public ListLogger<InfluxLineWriter> Logger { get; } = new();

    public IEnumerable<string> SpoolFiles => Directory.EnumerateFiles(Options.SpoolDirectory, "*.lp.gz").Order(StringComparer.Ordinal);

    public string DeadLetterFile => Path.Combine(Options.SpoolDirectory, "dead-letter.lp");

    public InfluxLineWriter NewWriter()
    {
        var writer = new InfluxLineWriter(Http, Microsoft.Extensions.Options.Options.Create(Options), Time, Logger);
        _writers.Add(writer);
        return writer;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync();
        }

        Http.Dispose();
        if (Directory.Exists(Options.SpoolDirectory))
        {
            Directory.Delete(Options.SpoolDirectory, recursive: true);
        }
    }
}
