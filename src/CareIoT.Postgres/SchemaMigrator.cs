using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>
/// Creates the database if it is missing and applies the embedded <c>Migrations/NNNN_name.sql</c>
/// scripts that have not run yet, each in its own transaction, under an advisory lock so several
/// hosts starting at once migrate exactly once.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, PostgresSettings settings, ILogger<SchemaMigrator> logger)
{
    private const long MigrationLockKey = 0x4361_7265_494F_54; // "CareIoT"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await EnsureDatabaseAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            foreach (var migration in EmbeddedMigrations().Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var database = target.Database ?? throw new InvalidOperationException("The PostgreSQL connection string names no database.");
        if (!DatabaseName().IsMatch(database))
        {
            throw new InvalidOperationException($"Database name '{database}' must match {DatabaseName()}.");
        }

        var admin = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            logger.LogInformation("Creating database {Database}", database);
            await ExecuteAsync(connection, $"CREATE DATABASE \"{database}\"", cancellationToken);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying schema migration {Version} {Name}", migration.Version, migration.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@v, @n)", connection, transaction))
        {
            record.Parameters.AddWithValue("v", migration.Version);
            record.Parameters.AddWithValue("n", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static IReadOnlyList<Migration> EmbeddedMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Select(name => (Name: name, Match: MigrationResource().Match(name)))
            .Where(resource => resource.Match.Success)
            .Select(resource => new Migration(
                int.Parse(resource.Match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                resource.Match.Groups["name"].Value,
                ReadResource(assembly, resource.Name)))
            .OrderBy(m => m.Version)];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"Migrations\.(?<version>\d{4})_(?<name>\w+)\.sql$")]
    private static partial Regex MigrationResource();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    internal sealed record Migration(int Version, string Name, string Sql);
}
