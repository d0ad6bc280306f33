using CareIoT.Contracts;
using CareIoT.Postgres;
using Npgsql;

namespace CareIoT.Server.Extensions;

public static class PostgresExtensions
{
    /// <summary>
    /// PostgreSQL holds what the project owns. The schema is migrated before the silo starts
    /// (hosted services start in registration order), so no grain ever sees an old schema.
    /// </summary>
    public static void AddCareIotPostgres(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        builder.Services.AddSingleton(new PostgresSettings(connectionString));
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(BoundedPool(connectionString)));
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService<SchemaMigrationService>();
        builder.Services.AddSingleton<PostgresAlertJournal>();
        builder.Services.AddSingleton<IAlertJournal>(sp => sp.GetRequiredService<PostgresAlertJournal>());
        builder.Services.AddSingleton<PostgresRegistry>();
        builder.Services.AddSingleton<PostgresSiteSummaries>();
        builder.Services.AddSingleton<PostgresIncidents>();
        builder.Services.AddSingleton<IDeviceRegistry>(sp => sp.GetRequiredService<PostgresRegistry>());
        builder.Services.AddSingleton<IDeadLetterStore, PostgresDeadLetterStore>();
        builder.Services.AddSingleton<PostgresAlertQueries>();
        builder.Services.AddSingleton<PostgresShifts>();
        builder.Services.AddSingleton<PostgresPlaces>();
        builder.Services.AddSingleton<PostgresInstallations>();
        builder.Services.AddSingleton<CareIoT.Contracts.IInstallationLog>(sp => sp.GetRequiredService<PostgresInstallations>());
        builder.Services.AddSingleton<PostgresHouseholdImport>();
        builder.Services.AddSingleton<CareIoT.Server.Install.BrokerCredentials>();
        builder.Services.AddSingleton<CareIoT.Server.Install.DeviceAccounts>();
        builder.Services.AddSingleton<PostgresCoverageLog>();
        builder.Services.AddSingleton<PostgresNightLog>();
        builder.Services.AddSingleton<INightLog>(sp => sp.GetRequiredService<PostgresNightLog>());
        builder.Services.AddSingleton<IBedDirectory, PostgresBedDirectory>();
        builder.Services.AddSingleton<PostgresAccessAudit>();
        builder.Services.AddSingleton<Privacy.AccessAudit>();
        builder.Services.AddSingleton<CareIoT.Contracts.Rotation.ICoverageLog>(sp => sp.GetRequiredService<PostgresCoverageLog>());
    }

    /// <summary>
    /// Each silo uses at most 30 connections unless the connection string says otherwise: Npgsql's
    /// default of 100 per silo outgrows PostgreSQL's default of 100 in all, and the long chaos run saw
    /// thousands of escalating alerts exhaust the server's slots (53300) after a fault.
    /// </summary>
    private static string BoundedPool(string connectionString) =>
        connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30 }.ConnectionString;
}
