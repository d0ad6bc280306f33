using CareIoT.Contracts;
using CareIoT.Postgres;
using CareIoT.Stores;

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
        builder.Services.AddSingleton(_ => PostgresAvailability.CreateDataSource(connectionString));
        builder.Services.AddSingleton<IDatabaseHealth, PostgresAvailability>();
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

        // What the API, hubs and reports see: the stores' interfaces (CareIoT.Stores), never these classes.
        Expose<PostgresRegistry, IRegistry>(builder.Services);
        Expose<PostgresUsers, IUserAccounts>(builder.Services);
        Expose<PostgresAccessAudit, IAuditLog>(builder.Services);
        Expose<PostgresPlaces, IPlaces>(builder.Services);
        Expose<PostgresAlertQueries, IAlertQueries>(builder.Services);
        Expose<PostgresInstallations, IInstallations>(builder.Services);
        Expose<PostgresShifts, IShifts>(builder.Services);
        Expose<PostgresIncidents, IIncidents>(builder.Services);
        Expose<PostgresSiteSummaries, ISiteSummaries>(builder.Services);
        Expose<PostgresHouseholdImport, IHouseholdImport>(builder.Services);
        Expose<PostgresAlertJournal, IAlertRecords>(builder.Services);
        Expose<PostgresCoverageLog, ICoverageRecords>(builder.Services);
        Expose<PostgresNightLog, INightRecords>(builder.Services);
        Expose<PostgresReportQueries, IReportQueries>(builder.Services); // registered with the telemetry
        Expose<PostgresPanelAccounts, IPanelBindings>(builder.Services); // with the panel receiver
        Expose<PostgresCarrierDevices, ICarrierBindings>(builder.Services); // with the carrier push
    }

    private static void Expose<TStore, TInterface>(IServiceCollection services)
        where TStore : class, TInterface
        where TInterface : class =>
        services.AddSingleton<TInterface>(sp => sp.GetRequiredService<TStore>());
}
