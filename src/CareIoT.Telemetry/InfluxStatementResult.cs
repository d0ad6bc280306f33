namespace CareIoT.Telemetry;

/// <summary>The result of one statement of a query: its series (none for statements that return nothing).</summary>
public sealed record InfluxStatementResult(int StatementId, IReadOnlyList<InfluxSeries> Series)
{
    /// <summary>The series of the given name; throws <see cref="InvalidOperationException"/> when there is none.</summary>
    public InfluxSeries Single(string name) =>
        Series.SingleOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException($"Statement {StatementId} returned no series \"{name}\"; it returned {Series.Count} series.");
}
