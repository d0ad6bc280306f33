using System.Net;

namespace CareIoT.Telemetry.Tests.Integration;

[Collection(InfluxCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InfluxErrorTests(InfluxFixture influx)
{
    [Fact]
    public async Task BadInfluxQlSurfacesTheServersMessage()
    {
        await using var database = await InfluxDatabase.CreateAsync(influx.Http, influx.Url);

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => database.Query.QueryAsync("SELECT FROM WHERE"));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.StartsWith("error parsing query:", error.ServerMessage, StringComparison.Ordinal);
        Assert.Contains(error.ServerMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryOfAMissingDatabaseSurfacesTheStatementsError()
    {
        var options = InfluxFixture.Options(influx.Url, InfluxFixture.NewDatabaseName());
        var query = new InfluxQueryClient(influx.Http, Microsoft.Extensions.Options.Options.Create(options));

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => query.QueryAsync("SELECT * FROM vitals"));

        Assert.Equal(0, error.StatementId);
        Assert.Equal($"database not found: {options.Database}", error.ServerMessage);
    }

    [Fact]
    public async Task FieldTypeConflictIsDeadLetteredNotRetried()
    {
        await using var database = await InfluxDatabase.CreateAsync(influx.Http, influx.Url);
        var at = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using var writer = database.NewWriter(influx.Http);
        writer.Write(new LinePoint("vitals", null, new Dictionary<string, FieldValue> { ["hr"] = 72 }, at));
        await writer.FlushAsync();

        writer.Write(new LinePoint("vitals", null, new Dictionary<string, FieldValue> { ["hr"] = 72.5 }, at.AddSeconds(1)));
        await writer.FlushAsync();

        Assert.Equal(1, writer.Counters.PointsWritten);
        Assert.Equal(1, writer.Counters.LinesDeadLettered);
        var deadLetters = File.ReadAllLines(Path.Combine(database.Options.SpoolDirectory, "dead-letter.lp"));
        Assert.Contains("field type conflict", deadLetters[0], StringComparison.Ordinal);
        Assert.Equal("vitals hr=72.5 1740816001000000000", deadLetters[1]);
    }
}
