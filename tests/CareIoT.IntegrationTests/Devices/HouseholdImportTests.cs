using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace CareIoT.IntegrationTests;

/// <summary>Bulk import of households and devices from CSV through the real host into the real database.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class HouseholdImportTests(CareIoTHostFixture host)
{
    private const string Header = "household_id,elder_name,address,community,latitude,longitude,birth_year,contact_name,contact_relation,contact_phone,devices";

    [Fact]
    public async Task DryRunListsExactlyTheBrokenLinesAndNothingIsImportedUntilTheFileIsClean()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var installer = await admin.AsNewUserAsync($"inst-{Guid.NewGuid():N}"[..16], "installer");
        var batch = Guid.NewGuid().ToString("N")[..8];
        var lines = Enumerable.Range(1, 30).Select(i => Line(batch, i)).ToList();
        lines[4] = Line(batch, 5, address: "");                                        // file line 6
        lines[9] = Line(batch, 10, latitude: "200");                                   // file line 11
        lines[14] = Line(batch, 15, devices: $"Toaster:T{batch}15");                   // file line 16
        lines[19] = Line(batch, 20, devices: $"CallButton:CB{batch}03");               // file line 21: serial of line 4
        var broken = Csv(lines);

        var dry = await Post(installer, broken, dryRun: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dry.StatusCode);
        var problems = (await dry.Content.ReadFromJsonAsync<ImportResultDto>(Json.Web))!.Problems;
        Assert.Equal([6, 11, 16, 21], problems.Select(p => p.Line));
        Assert.Contains("missing address", problems[0].Problem, StringComparison.Ordinal);
        Assert.Contains("bad coordinates", problems[1].Problem, StringComparison.Ordinal);
        Assert.Contains("unknown kind 'Toaster'", problems[2].Problem, StringComparison.Ordinal);
        Assert.Contains($"duplicate serial 'CB{batch}03'", problems[3].Problem, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(installer, broken, dryRun: false)).StatusCode);
        Assert.Empty(await Find(installer, $"hh{batch}"));

        lines[4] = Line(batch, 5); lines[9] = Line(batch, 10); lines[14] = Line(batch, 15); lines[19] = Line(batch, 20);
        var imported = await Post(installer, Csv(lines), dryRun: false);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = (await imported.Content.ReadFromJsonAsync<ImportResultDto>(Json.Web))!;
        Assert.Equal((true, 30, 60), (result.Imported, result.Households, result.Devices));
        var found = await Find(installer, $"hh{batch}");
        Assert.Equal(30, found.Length);
        Assert.All(found, h => Assert.Equal(2, h.Devices));
        Assert.Contains(found, h => h.ElderName == "王秀兰5" && h.Address.Contains("和平街道", StringComparison.Ordinal));

        // An imported device gets its broker credentials when it is fitted on site.
        var credentials = await installer.Http.PostAsync($"api/install/devices/CB{batch}07/credentials", null);
        Assert.Equal(HttpStatusCode.OK, credentials.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Post(installer, Csv(lines), dryRun: true)).StatusCode);
    }

    [Fact]
    public async Task FileWithoutTheRequiredColumnsIsRefusedWithOneProblem()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var response = await Post(admin, "id,name\nx,y\n", dryRun: true);
        var problem = Assert.Single((await response.Content.ReadFromJsonAsync<ImportResultDto>(Json.Web))!.Problems);
        Assert.Contains("header must name the columns", problem.Problem, StringComparison.Ordinal);
    }

    private static string Line(string batch, int i, string? address = null, string? latitude = null, string? devices = null) =>
        $"hh{batch}{i:D2},王秀兰{i},\"{address ?? $"朝阳区和平街道 {i} 号, 3 单元"}\",和平社区,{latitude ?? "39.93"},116.45,1940,王强,儿子,1380000{i:D4},"
        + (devices ?? $"CallButton:CB{batch}{i:D2};SmokeAlarm:SA{batch}{i:D2}");

    private static string Csv(IEnumerable<string> lines) => "\uFEFF" + Header + "\n" + string.Join("\n", lines) + "\n";

    private static Task<HttpResponseMessage> Post(CareIoTApi api, string csv, bool dryRun) =>
        api.Http.PostAsync($"api/install/import?dryRun={(dryRun ? "true" : "false")}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<HouseholdListingDto[]> Find(CareIoTApi api, string text) =>
        (await api.Http.GetFromJsonAsync<HouseholdListingDto[]>($"api/install/households?search={Uri.EscapeDataString(text)}", Json.Web))!;
}

public sealed record ImportProblemDto(int Line, string HouseholdId, string Problem);

public sealed record ImportResultDto(bool Imported, int Households, int Devices, ImportProblemDto[] Problems);

public sealed record HouseholdListingDto(string HouseholdId, string ElderName, string Address, string Community, int Devices);
