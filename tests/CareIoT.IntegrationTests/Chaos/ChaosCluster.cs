using Npgsql;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// Two silos of one Orleans cluster on the real services, with a journal database of their own:
/// silo A takes the faults, silo B serves the console.
/// </summary>
public sealed class ChaosCluster : IAsyncLifetime
{
    private readonly string _cluster = $"chaos{Guid.NewGuid():N}"[..14];

    public ServicesFixture Services { get; } = new();

    public ServerProcess SiloA { get; private set; } = null!;

    public ServerProcess SiloB { get; private set; } = null!;

    public string Journal => new NpgsqlConnectionStringBuilder(Services.PostgresConnectionString) { Database = $"careiot_{_cluster}" }.ConnectionString;

    public string InfluxDatabase => $"it_{_cluster}";

    public async Task InitializeAsync()
    {
        SiloA = new ServerProcess(CareIoTHostFixture.HostEnvironment(Services, Journal, _cluster, "a"), Path.Combine(Path.GetTempPath(), $"careiot-{_cluster}-a.log"));
        SiloB = new ServerProcess(CareIoTHostFixture.HostEnvironment(Services, Journal, _cluster, "b"), Path.Combine(Path.GetTempPath(), $"careiot-{_cluster}-b.log"));
        await SiloA.StartAsync();
        await SiloB.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await SiloA.DisposeAsync();
        await SiloB.DisposeAsync();
        await TestDatabase.DropAsync(Services.PostgresConnectionString, $"careiot_{_cluster}");
        Services.Dispose();
    }
}

/// <summary>
/// Everything that crashes the shared services runs in this one collection, one test after another on
/// one two-silo cluster: two such tests side by side would each see the other's faults.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChaosCollection : ICollectionFixture<ChaosCluster>
{
    public const string Name = "Chaos";
}
