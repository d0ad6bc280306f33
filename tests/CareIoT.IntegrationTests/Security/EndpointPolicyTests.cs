using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Table-driven over every endpoint the running host has: each carries a policy (or is on the short
/// list of public ones), and each role outside a policy is refused with 403.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class EndpointPolicyTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    // The carrier push receivers prove each push by the platform's signature instead of a session.
    // /metrics has no platform policy: its own bearer token (MetricsTests: 401 without it, also for a signed-in admin).
    private static readonly HashSet<string> Public = ["/health", "/api/auth/login", "/api/auth/logout", "/carrier/onenet", "/carrier/ctwing", "/metrics"];

    private static readonly Dictionary<string, string[]> RolesOf = new()
    {
        ["watch"] = ["dispatcher", "supervisor", "inspector", "admin"],
        ["dispatch"] = ["dispatcher", "supervisor", "admin"],
        ["install"] = ["installer", "supervisor", "admin"],
        ["administer"] = ["admin"],
        ["inspect"] = ["inspector"],

        // A relative passes only for their own household, never for the made-up id this test uses.
        ["see-household"] = ["dispatcher", "supervisor", "inspector", "admin"],
        ["(signed in)"] = ["dispatcher", "supervisor", "installer", "inspector", "admin", "relative"],
    };

    private static readonly string[] AllRoles = ["dispatcher", "supervisor", "installer", "inspector", "admin", "relative"];

    [Fact]
    public async Task EveryEndpointHasAPolicyAndEveryOtherRoleIsForbidden()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var table = (await admin.Http.GetFromJsonAsync<EndpointPolicyDto[]>("api/admin/endpoints", Json.Web))!;
        var (household, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        var users = new Dictionary<string, CareIoTApi>();
        foreach (var role in AllRoles)
        {
            users[role] = await admin.AsNewUserAsync($"{role}-{Guid.NewGuid():N}"[..20], role, role == "relative" ? household : null);
        }

        var checkedCalls = 0;
        foreach (var endpoint in table)
        {
            output.WriteLine($"{string.Join(',', endpoint.Methods),-10} {endpoint.Route,-50} {string.Join(',', endpoint.Policies)}{(endpoint.Anonymous ? " (public)" : "")}");
            if (endpoint.Anonymous || Public.Contains(endpoint.Route))
            {
                Assert.Contains(endpoint.Route, Public);
                continue;
            }

            // Policies on a group and on its endpoint must both be met: the allowed roles are their intersection.
            Assert.NotEmpty(endpoint.Policies);
            var allowed = endpoint.Policies.Select(p => RolesOf[p]).Aggregate((a, b) => [.. a.Intersect(b)]);
            foreach (var role in AllRoles.Except(allowed))
            {
                foreach (var method in endpoint.Methods.Length == 0 ? ["POST"] : endpoint.Methods)
                {
                    var response = await users[role].Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), Concrete(endpoint.Route))
                    {
                        Content = method is "POST" or "PUT" ? JsonContent.Create(new { }) : null,
                    });
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} got {(int)response.StatusCode} for {method} {endpoint.Route}");
                    checkedCalls++;
                }
            }
        }

        output.WriteLine($"{table.Length} endpoints, {checkedCalls} forbidden calls checked");
        Assert.True(checkedCalls > 20);
        foreach (var user in users.Values)
        {
            user.Dispose();
        }
    }

    /// <summary>A concrete URL for a route template: a fresh id for every parameter.</summary>
    private static string Concrete(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, "{(?<name>[^}:]+)(:guid)?}", m =>
            m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x1").TrimStart('/');
}

public sealed record EndpointPolicyDto(string Route, string[] Methods, string[] Policies, bool Anonymous);
