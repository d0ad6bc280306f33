using Npgsql;

namespace CareIoT.IntegrationTests;

/// <summary>Drops a test's own database on the real PostgreSQL.</summary>
public static class TestDatabase
{
    public static async Task DropAsync(string serverConnectionString, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                // An autovacuum worker (a superuser's process) was in the database; FORCE may not end it. It soon finishes.
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
