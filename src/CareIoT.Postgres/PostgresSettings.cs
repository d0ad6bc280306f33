namespace CareIoT.Postgres;

/// <summary>
/// The connection string as configured. Kept apart from the data source because Npgsql strips the
/// password from <c>NpgsqlDataSource.ConnectionString</c>, and the migrator must open a second
/// connection to the <c>postgres</c> database to create ours.
/// </summary>
public sealed record PostgresSettings(string ConnectionString);
