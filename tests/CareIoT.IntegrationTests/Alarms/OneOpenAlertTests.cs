using CareIoT.Contracts;
using CareIoT.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The database's own rule of one open alert per site and cause, on the real PostgreSQL: two
/// journals with pools of their own (as two silos have) raise for the same home at the same moment,
/// as two activations of one household could during a failover.
/// </summary>
public sealed class OneOpenAlertTests : IAsyncLifetime
{
    private readonly ServicesFixture _services = new();
    private readonly string _database = $"careiot_oneopen_{Guid.NewGuid():N}"[..30];
    private NpgsqlDataSource _siloA = null!;
    private NpgsqlDataSource _siloB = null!;

    public async Task InitializeAsync()
    {
        var connection = new NpgsqlConnectionStringBuilder(_services.PostgresConnectionString) { Database = _database }.ConnectionString;
        _siloA = NpgsqlDataSource.Create(connection);
        _siloB = NpgsqlDataSource.Create(connection);
        await new SchemaMigrator(_siloA, new PostgresSettings(connection), NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TwoButtonsOfOneHomePressedTogetherOnTwoSilosOpenExactlyOneAlert()
    {
        var a = new PostgresAlertJournal(_siloA);
        var b = new PostgresAlertJournal(_siloB);
        var homes = Enumerable.Range(0, 40).Select(i => new SiteRef(SiteKind.Household, $"hh-{Guid.NewGuid():N}")).ToList();

        var raised = await Task.WhenAll(homes.Select(async home =>
        {
            var at = DateTimeOffset.UtcNow;
            var pressA = Task.Run(() => a.RaiseAsync(Press(home, "button-a", at), $"button-a/{home.Id}/1/Press", CancellationToken.None));
            var pressB = Task.Run(() => b.RaiseAsync(Press(home, "button-b", at), $"button-b/{home.Id}/1/Press", CancellationToken.None));
            return (Home: home, Alerts: await Task.WhenAll(pressA, pressB));
        }));

        foreach (var (home, alerts) in raised)
        {
            Assert.Equal(alerts[0].AlertId, alerts[1].AlertId);
            var rows = await OpenAlertsAsync(home);
            var row = Assert.Single(rows);
            Assert.Equal(alerts[0].AlertId, row.AlertId);
            Assert.Equal(2, row.Occurrences);
        }
    }

    [Fact]
    public async Task TechnicalAlertsStayOnePerDeviceAndARaiseAfterCloseOpensANewAlert()
    {
        var a = new PostgresAlertJournal(_siloA);
        var b = new PostgresAlertJournal(_siloB);
        var home = new SiteRef(SiteKind.Household, $"hh-{Guid.NewGuid():N}");
        var at = DateTimeOffset.UtcNow;
        var offlineA = await a.RaiseAsync(Offline(home, "smoke-1", at), "smoke-1/offline/1", CancellationToken.None);
        var offlineB = await b.RaiseAsync(Offline(home, "smoke-2", at), "smoke-2/offline/1", CancellationToken.None);
        Assert.NotEqual(offlineA.AlertId, offlineB.AlertId);

        var first = await a.RaiseAsync(Press(home, "button-a", at), "button-a/p/1", CancellationToken.None);
        var acknowledged = await a.TransitionAsync(new AlertTransition(first.AlertId, AlertStatus.Raised, AlertStatus.Acknowledged, "Acknowledged", "op", at, null, null), CancellationToken.None);
        var closed = await a.TransitionAsync(new AlertTransition(first.AlertId, AlertStatus.Acknowledged, AlertStatus.Resolved, "Closed", "op", at, null, null), CancellationToken.None);
        Assert.NotNull(acknowledged);
        Assert.False(closed!.IsOpen);

        var second = await b.RaiseAsync(Press(home, "button-b", at), "button-b/p/1", CancellationToken.None);
        Assert.NotEqual(first.AlertId, second.AlertId);
        Assert.Equal(3, (await OpenAlertsAsync(home)).Count);
    }

    public async Task DisposeAsync()
    {
        await _siloA.DisposeAsync();
        await _siloB.DisposeAsync();
        await TestDatabase.DropAsync(_services.PostgresConnectionString, _database);
        _services.Dispose();
    }

    private static AlertSnapshot Press(SiteRef home, string device, DateTimeOffset at) =>
        new(Guid.NewGuid(), home, device, AlertCause.PersonalEmergency, AlertPriority.Critical, AlertStatus.Raised, at, at, 1);

    private static AlertSnapshot Offline(SiteRef home, string device, DateTimeOffset at) =>
        new(Guid.NewGuid(), home, device, AlertCause.DeviceOffline, AlertPriority.Normal, AlertStatus.Raised, at, at, 1);

    private async Task<IReadOnlyList<AlertSnapshot>> OpenAlertsAsync(SiteRef home) =>
        await new PostgresAlertJournal(_siloA).GetOpenForSiteAsync(home, CancellationToken.None);
}
