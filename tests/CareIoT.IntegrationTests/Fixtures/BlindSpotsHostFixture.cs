using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A host of its own that reaches PostgreSQL and InfluxDB through <see cref="TcpLink"/>s the test can cut, whose
/// DC-09 port is taken by another socket when it starts (<see cref="ReleasePanelPort"/> frees it), that checks itself
/// every second and calls 2 KB of spooled telemetry blind.
/// </summary>
public sealed class BlindSpotsHostFixture : CareIoTHostFixture
{
    private TcpListener? _squatter;

    public TcpLink Postgres { get; private set; } = null!;

    public TcpLink Influx { get; private set; } = null!;

    /// <summary>Frees the DC-09 port the host could not bind at start.</summary>
    public void ReleasePanelPort()
    {
        _squatter?.Stop();
        _squatter = null;
    }

    protected override void Configure(Dictionary<string, string> environment)
    {
        var journal = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__Postgres"]);
        Postgres = new TcpLink(journal.Port);
        journal.Host = "127.0.0.1";
        journal.Port = Postgres.Port;
        environment["ConnectionStrings__Postgres"] = journal.ConnectionString;

        var influx = new Uri(environment["Influx__Url"]);
        Influx = new TcpLink(influx.Port);
        environment["Influx__Url"] = new UriBuilder(influx) { Host = "127.0.0.1", Port = Influx.Port }.Uri.ToString().TrimEnd('/');
        environment["Influx__MaxBackoff"] = "00:00:01";
        environment["Influx__MaxRetries"] = "1";

        _squatter = new TcpListener(IPAddress.Loopback, int.Parse(environment["Dc09__Port"], CultureInfo.InvariantCulture));
        _squatter.Start();
        environment["Dc09__RebindEvery"] = "00:00:01";

        environment["SelfWatch__CheckEvery"] = "00:00:01";
        environment["SelfWatch__SpoolBytesLimit"] = "2000";
    }
}

[CollectionDefinition(Name)]
public sealed class BlindSpotsHostCollection : ICollectionFixture<BlindSpotsHostFixture>
{
    public const string Name = "Blind spots host";
}
