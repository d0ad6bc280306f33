namespace CareIoT.Telemetry.Tests.Integration;

[Collection(InfluxCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InfluxSchemaTests(InfluxFixture influx)
{
    [Fact]
    public async Task RetentionPolicyAndContinuousQueryAreVisibleToShowStatements()
    {
        await using var database = await InfluxDatabase.CreateAsync(influx.Http, influx.Url);

        await database.Query.CreateRetentionPolicyAsync("one week", TimeSpan.FromDays(7), makeDefault: true);
        await database.Query.CreateContinuousQueryAsync(
            "hr_1h",
            $"SELECT mean(\"hr\") INTO {InfluxQl.Identifier(database.Name)}.\"one week\".\"hr_1h\" FROM \"vitals\" GROUP BY time(1h), *");

        var policies = Assert.Single(await database.Query.QuerySeriesAsync($"SHOW RETENTION POLICIES ON {InfluxQl.Identifier(database.Name)}"));
        var week = Enumerable.Range(0, policies.Values.Count).Single(row => (string?)policies.Value(row, "name") == "one week");
        Assert.Equal("168h0m0s", policies.Value(week, "duration"));
        Assert.Equal(true, policies.Value(week, "default"));

        var queries = (await database.Query.QuerySeriesAsync("SHOW CONTINUOUS QUERIES")).Single(s => s.Name == database.Name);
        var row = Assert.Single(queries.Values);
        Assert.Equal("hr_1h", row[queries.Column("name")]);
        Assert.Contains("GROUP BY time(1h)", (string?)row[queries.Column("query")], StringComparison.Ordinal);
    }
}
