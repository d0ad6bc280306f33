using System.Net;
using System.Text;

namespace CareIoT.IntegrationTests;

/// <summary>No request can make the host buffer without bound: 1 MiB for API calls, more only where a file is the point.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class RequestLimitTests(CareIoTHostFixture host)
{
    [Fact]
    public async Task AnOversizedApiBodyIsRefusedWith413AndTheHostCarriesOn()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var huge = $"{{\"elderName\":\"{new string('长', 1_000_000)}\",\"address\":\"x\"}}";

        // Asked to wait for "100 Continue", the client sends no body once the host answers 413 from the declared length.
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/registry/households/hh-huge") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(await api.IsHealthyAsync());
    }

    [Fact]
    public async Task AHouseholdFileLargerThanAnApiCallIsStillAcceptedForChecking()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var csv = new StringBuilder("household_id,elder_name,address,community,latitude,longitude,birth_year,contact_name,contact_relation,contact_phone,devices\n");
        for (var i = 0; csv.Length < 2 * 1024 * 1024; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"hh-big-{i},张三{i},和平街道 {i} 号,和平社区,39.9,116.4,1940,张明,儿子,13800000000,CallButton:SN-BIG-{i}\n");
        }

        using var response = await api.Http.PostAsync("api/install/import?dryRun=true", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
