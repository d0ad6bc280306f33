using CareIoT.Stores;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>
/// Whether PostgreSQL is there, in the project's words: a failure that means "the database is away or not ready"
/// (callers wait, retry or carry on without it) rather than a fault of the request; and a probe that answers within
/// a bounded time even when the server hangs.
/// </summary>
public sealed class PostgresAvailability(NpgsqlDataSource dataSource) : IDatabaseHealth
{
    /// <summary>A connection that failed, a server not ready (transient), or a command timeout.</summary>
    public static bool IsUnavailableError(Exception ex) =>
        ex is NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }
            or TimeoutException or System.Net.Sockets.SocketException;

    public bool IsUnavailable(Exception ex) => IsUnavailableError(ex);

    /// <summary>Whether <c>SELECT 1</c> is answered within <paramref name="patience"/>; a hung server (SIGSTOP) gives false, not a hang.</summary>
    public async Task<bool> AnswersWithinAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var query = SelectOne(patience, cancellationToken);
        try
        {
            await query.WaitAsync(patience, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            _ = query.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed when the server answers at last
            return false;
        }
    }

    private async Task SelectOne(TimeSpan patience, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        command.CommandTimeout = Math.Max(1, (int)patience.TotalSeconds);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>The data source for a connection string; at most 30 connections per silo unless the string says otherwise.</summary>
    /// <remarks>
    /// Npgsql's default of 100 per silo outgrows PostgreSQL's default of 100 in all, and the long chaos run saw thousands
    /// of escalating alerts exhaust the server's slots (53300) after a fault.
    /// </remarks>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        NpgsqlDataSource.Create(connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30 }.ConnectionString);
}
