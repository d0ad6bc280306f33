namespace CareIoT.IntegrationTests;

/// <summary>A host of its own on the test run's services, whose settings a test can hand to a restored copy of it.</summary>
public sealed class BackupSourceFixture : CareIoTHostFixture
{
    /// <summary>The settings the host was started with (cluster, service id, databases, MQTT client id…).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    /// <summary>This host's PostgreSQL database (its journal, registry and users).</summary>
    public string Database => new Npgsql.NpgsqlConnectionStringBuilder(JournalConnectionString).Database!;

    protected override void Configure(Dictionary<string, string> environment) => Environment = environment;
}
