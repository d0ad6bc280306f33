using Microsoft.AspNetCore.HostFiltering;

namespace CareIoT.Server.Extensions;

public static class AllowedHostsExtensions
{
    /// <summary>
    /// Requests must name this server in their Host header (ASP.NET Core's host filtering; anything else
    /// gets 400): the names in <c>AllowedHosts</c> (loopback by default; a centre adds the name its
    /// console is reached by, as on its certificate) and this machine's own name, which the deployment's
    /// web certificate carries (deploy/tls.sh). "*" is refused: it would let a DNS-rebinding page reach
    /// the console through a browser on the centre's network.
    /// </summary>
    public static void AddCareIotAllowedHosts(this WebApplicationBuilder builder)
    {
        var configured = (builder.Configuration["AllowedHosts"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (configured.Contains("*"))
        {
            throw new InvalidOperationException("AllowedHosts must list the console's host names, not \"*\" (see appsettings.json)");
        }

        string[] hosts = [.. configured, System.Net.Dns.GetHostName(), "localhost", "127.0.0.1", "[::1]"];
        builder.Services.PostConfigure<HostFilteringOptions>(options =>
        {
            options.AllowedHosts = [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
            options.AllowEmptyHosts = false;
        });
    }
}
