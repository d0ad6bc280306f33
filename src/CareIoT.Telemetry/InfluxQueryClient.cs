using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CareIoT.Telemetry;

/// <summary>
/// Runs InfluxQL through the v1 <c>/query</c> endpoint against <see cref="InfluxOptions.Database"/>:
/// SELECT and SHOW by GET, everything else (CREATE, DROP, ALTER, SELECT … INTO) by POST, as
/// InfluxDB 1.x requires. Times come back as <c>epoch=ns</c> integers (exact, no RFC 3339
/// parsing). Any error the server reports, for the query or one of its statements, is thrown as
/// an <see cref="InfluxQueryException"/> with the server's message. Time-outs are the
/// <see cref="HttpClient"/>'s and the caller's token's. Thread-safe; does not own the client.
/// </summary>
public sealed partial class InfluxQueryClient(HttpClient http, IOptions<InfluxOptions> options)
{
    /// <summary>Every statement's result, in order.</summary>
    public async Task<IReadOnlyList<InfluxStatementResult>> QueryAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var o = options.Value;
        using var request = IsReadOnly(query)
            ? new HttpRequestMessage(HttpMethod.Get, InfluxEndpoints.Query(o, o.Database, query))
            : new HttpRequestMessage(HttpMethod.Post, InfluxEndpoints.Query(o, o.Database, null))
            {
                Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", query)]),
            };
        InfluxEndpoints.Authorize(request, o);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return InfluxQueryResponse.Parse(body, query, response.StatusCode);
    }

    /// <summary>The series of a one-statement query (empty when it matched nothing).</summary>
    public async Task<IReadOnlyList<InfluxSeries>> QuerySeriesAsync(string query, CancellationToken cancellationToken = default) =>
        (await QueryAsync(query, cancellationToken)).SingleOrDefault()?.Series ?? [];

    public Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        QueryAsync($"CREATE DATABASE {InfluxQl.Identifier(name)}", cancellationToken);

    public Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        QueryAsync($"DROP DATABASE {InfluxQl.Identifier(name)}", cancellationToken);

    /// <summary>A retention policy on the configured database (replication 1; <see cref="TimeSpan.Zero"/> keeps data forever).</summary>
    public Task CreateRetentionPolicyAsync(string name, TimeSpan duration, bool makeDefault, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"CREATE RETENTION POLICY {InfluxQl.Identifier(name)} ON {InfluxQl.Identifier(options.Value.Database)} " +
            $"DURATION {InfluxQl.Duration(duration)} REPLICATION 1{(makeDefault ? " DEFAULT" : "")}",
            cancellationToken);

    /// <summary>
    /// A continuous query on the configured database. <paramref name="selectInto"/> is the
    /// InfluxQL <c>SELECT … INTO … FROM … GROUP BY time(…)</c> the server runs on schedule.
    /// </summary>
    public Task CreateContinuousQueryAsync(
        string name, string selectInto, TimeSpan? resampleEvery = null, TimeSpan? resampleFor = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(selectInto);
        var resample = resampleEvery is null && resampleFor is null ? ""
            : " RESAMPLE" + (resampleEvery is { } every ? $" EVERY {InfluxQl.Duration(every)}" : "")
                          + (resampleFor is { } span ? $" FOR {InfluxQl.Duration(span)}" : "");
        return QueryAsync(
            $"CREATE CONTINUOUS QUERY {InfluxQl.Identifier(name)} ON {InfluxQl.Identifier(options.Value.Database)}{resample} BEGIN {selectInto} END",
            cancellationToken);
    }

    /// <summary>Only SELECT (without INTO) and SHOW may go by GET; when unsure, POST, which 1.x accepts for any statement.</summary>
    internal static bool IsReadOnly(string query) =>
        query.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(statement => ReadStatement().IsMatch(statement)) && !IntoClause().IsMatch(query);

    [GeneratedRegex(@"^(SELECT|SHOW)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadStatement();

    [GeneratedRegex(@"\bINTO\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntoClause();
}
