using System.Net;
using System.Net.Http.Json;
using System.Text;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Every endpoint of the running host, called by the roles it admits with the hostile values found from
/// outside (NUL and line breaks in ids, names and queries, enums as out-of-range numbers, empty bodies,
/// dates at the ends of the calendar): a clear 4xx each time, never a 5xx.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class HostileInputSweepTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    private static readonly string[] RouteValues = ["x%00y", "a%0Ab", "%E4%B8%AD%00"];

    private const string Query = "?search=%00&action=a%00b&target=%0A&month=9999-12&date=0001-01-01&from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z"
        + "&period=day&scope=facility&id=%00&limit=-1&hours=99999&keys=%00&status=%00&dryRun=%00";

    private static readonly string[] Bodies =
    [
        "",
        "{}",
        "[]",
        "{\"kind\":999,\"outcome\":999,\"responder\":999,\"role\":999}",
        "{\"username\":\"a\\u0000b\",\"password\":\"x\\u0000xxxxxxxxxxx\",\"role\":\"dispatcher\",\"name\":\"\\u0000\",\"elderName\":\"\\u0000\",\"address\":\"\\u0000\","
            + "\"serial\":\"\\u0000\",\"kind\":\"CallButton\",\"householdId\":\"\\u0000\",\"bedId\":\"b\\u0007\",\"room\":\"\\u001b[31m\",\"label\":\"\\u0000\",\"note\":\"\\u0000\"}",
        "{\"dwellSeconds\":1e308,\"sitesPerPage\":-1,\"maxGapMinutes\":-1,\"order\":[\"\\u0000\"]}",
        "not json",
    ];

    [Fact]
    public async Task NoEndpointAnswersHostileInputWithA5xx()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var inspector = await admin.AsNewUserAsync($"sweep-{Guid.NewGuid():N}"[..16], "inspector");
        var table = (await admin.Http.GetFromJsonAsync<EndpointPolicyDto[]>("api/admin/endpoints", Json.Web))!;
        var failures = new List<string>();
        var calls = 0;
        // Not swept: logout (ends the sweeping session) and the lock screen's unlock (wrong passwords lock the admin).
        foreach (var endpoint in table.Where(e => e.Route.StartsWith("/api", StringComparison.Ordinal) && e.Route is not ("/api/auth/logout" or "/api/auth/unlock")))
        {
            var caller = endpoint.Route.StartsWith("/api/reports", StringComparison.Ordinal) ? inspector : admin;
            foreach (var method in endpoint.Methods)
            {
                foreach (var path in Paths(endpoint.Route))
                {
                    foreach (var body in method is "GET" or "DELETE" ? [""] : Bodies)
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/') + Query);
                        if (body.Length > 0)
                        {
                            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                        }

                        using var response = await caller.Http.SendAsync(request);
                        calls++;
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{method} {path}{Query} {body} → {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"{calls} hostile calls to {table.Length} endpoints");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("api/auth/me")).StatusCode);
    }

    private static IEnumerable<string> Paths(string route)
    {
        if (!route.Contains('{', StringComparison.Ordinal))
        {
            yield return route;
            yield break;
        }

        foreach (var value in RouteValues)
        {
            yield return System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", value);
        }
    }
}
