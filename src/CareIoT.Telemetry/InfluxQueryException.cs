using System.Net;

namespace CareIoT.Telemetry;

/// <summary>InfluxDB refused a query; <see cref="Exception.Message"/> carries the server's own message.</summary>
public sealed class InfluxQueryException : Exception
{
    public InfluxQueryException()
    {
    }

    public InfluxQueryException(string message)
        : base(message)
    {
    }

    public InfluxQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InfluxQueryException(string serverMessage, string query, HttpStatusCode? status, int? statementId)
        : base(Describe(serverMessage, query, status, statementId))
    {
        ServerMessage = serverMessage;
        Query = query;
        Status = status;
        StatementId = statementId;
    }

    /// <summary>The server's message, as it sent it.</summary>
    public string ServerMessage { get; } = "";

    public string Query { get; } = "";

    /// <summary>The HTTP status; 200 when one statement of a query failed.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The failed statement of the query, when the error was a statement's.</summary>
    public int? StatementId { get; }

    private static string Describe(string serverMessage, string query, HttpStatusCode? status, int? statementId)
    {
        var where = statementId is { } id ? $"statement {id} of " : "";
        var http = status is { } code ? $" (HTTP {(int)code})" : "";
        // Messages end up in logs: a statement setting a password is not repeated there.
        var shown = query.Contains("password", StringComparison.OrdinalIgnoreCase) ? "(withheld: it sets a password)"
            : query.Length > 300 ? $"\"{query[..300]}…\"" : $"\"{query}\"";
        return $"InfluxDB refused {where}query {shown}{http}: {serverMessage}";
    }
}
