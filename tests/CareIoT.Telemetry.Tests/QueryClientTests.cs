using System.Net;
using Microsoft.Extensions.Options;

namespace CareIoT.Telemetry.Tests;

public sealed class QueryClientTests : IDisposable
{
    private readonly RecordingHandler _handler = new();
    private readonly HttpClient _http;
    private readonly InfluxQueryClient _client;

    public QueryClientTests()
    {
        _http = new HttpClient(_handler);
        _client = new InfluxQueryClient(_http, Options.Create(new InfluxOptions { Url = "http://influx.test:8086/", Database = "care iot" }));
    }

    [Theory]
    [InlineData("SELECT count(*) FROM m", true)]
    [InlineData("show databases", true)]
    [InlineData("SELECT mean(v) INTO m_1h FROM m GROUP BY time(1h)", false)]
    [InlineData("CREATE DATABASE x", false)]
    [InlineData("SHOW DATABASES; DROP DATABASE x", false)]
    public void OnlySelectAndShowWithoutIntoGoByGet(string query, bool get)
    {
        Assert.Equal(get, InfluxQueryClient.IsReadOnly(query));
    }

    [Fact]
    public async Task SelectGoesByGetWithEpochNanoseconds()
    {
        _handler.Then(HttpStatusCode.OK, """{"results":[{"statement_id":0}]}""");

        await _client.QueryAsync("SELECT * FROM m");

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("http://influx.test:8086/query?epoch=ns&db=care%20iot&q=SELECT%20%2A%20FROM%20m", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task RetentionPolicyAndContinuousQueryArePostedQuoted()
    {
        _handler.Then(HttpStatusCode.OK, """{"results":[{"statement_id":0}]}""").Then(HttpStatusCode.OK, """{"results":[{"statement_id":0}]}""");

        await _client.CreateRetentionPolicyAsync("one week", TimeSpan.FromDays(7), makeDefault: true);
        await _client.CreateContinuousQueryAsync("hr_1h", "SELECT mean(hr) INTO hr_1h FROM vitals GROUP BY time(1h)", resampleEvery: TimeSpan.FromMinutes(30));

        var posted = _handler.Requests.Select(r => (r.Method, Query: Uri.UnescapeDataString(r.Body["q=".Length..].Replace('+', ' ')))).ToList();
        Assert.All(posted, p => Assert.Equal(HttpMethod.Post, p.Method));
        Assert.Equal("CREATE RETENTION POLICY \"one week\" ON \"care iot\" DURATION 1w REPLICATION 1 DEFAULT", posted[0].Query);
        Assert.Equal("CREATE CONTINUOUS QUERY \"hr_1h\" ON \"care iot\" RESAMPLE EVERY 30m BEGIN SELECT mean(hr) INTO hr_1h FROM vitals GROUP BY time(1h) END", posted[1].Query);
    }

    [Fact]
    public async Task SeriesAreParsedWithExactNanosecondTimes()
    {
        _handler.Then(HttpStatusCode.OK, """
            {"results":[{"statement_id":0,"series":[{"name":"床垫 体征","tags":{"床位":"A 1"},"columns":["time","hr","note","ok","t"],
              "values":[[1740787200123456789,72,"平稳",true,36.6],[1740787201000000000,null,null,false,1e21]]}]}]}
            """);

        var series = Assert.Single(await _client.QuerySeriesAsync("SELECT * FROM \"床垫 体征\" GROUP BY *"));

        Assert.Equal("床垫 体征", series.Name);
        Assert.Equal("A 1", series.Tags["床位"]);
        Assert.Equal(1740787200123456789L, series.UnixNanoseconds(0));
        Assert.Equal([1740787200123456789L, 72L, "平稳", true, 36.6], series.Values[0]);
        Assert.Equal([1740787201000000000L, null, null, false, 1e21], series.Values[1]);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 1, TimeSpan.Zero), series.Time(1));
    }

    [Fact]
    public async Task StatementErrorBecomesAnExceptionWithTheServersMessage()
    {
        _handler.Then(HttpStatusCode.OK, """{"results":[{"statement_id":0,"error":"database not found: care iot"}]}""");

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => _client.QueryAsync("SELECT * FROM m"));

        Assert.Equal("database not found: care iot", error.ServerMessage);
        Assert.Equal(0, error.StatementId);
        Assert.Contains("database not found: care iot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopLevelErrorBecomesAnExceptionWithTheStatus()
    {
        _handler.Then(HttpStatusCode.BadRequest, """{"error":"error parsing query: found FROM, expected identifier at line 1, char 8"}""");

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => _client.QueryAsync("SELECT FROM"));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.StartsWith("error parsing query", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPageThatIsNotJsonIsReportedAsText()
    {
        _handler.Then(HttpStatusCode.BadGateway, "<html>502 Bad Gateway</html>");

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => _client.QueryAsync("SHOW DATABASES"));

        Assert.Equal(HttpStatusCode.BadGateway, error.Status);
        Assert.Equal("<html>502 Bad Gateway</html>", error.ServerMessage);
    }

    [Fact]
    public async Task QueriesSettingAPasswordAreNotRepeatedInTheMessage()
    {
        _handler.Then(HttpStatusCode.BadRequest, """{"error":"bad"}""");

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => _client.QueryAsync("CREATE USER u WITH PASSWORD 'hunter2'"));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();
}
