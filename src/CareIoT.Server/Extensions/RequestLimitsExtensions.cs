namespace CareIoT.Server.Extensions;

public static class RequestLimitsExtensions
{
    /// <summary>The largest body any request may send (JSON API calls are a few KiB); an endpoint that takes files raises it for itself.</summary>
    public const long MaxRequestBytes = 1024 * 1024;

    /// <summary>A household CSV: 100,000 homes with their devices fit well below this.</summary>
    public const long MaxImportBytes = 32 * 1024 * 1024;

    /// <summary>Request size and header limits on Kestrel, so no request can make the host buffer without bound.</summary>
    public static void AddCareIotRequestLimits(this WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            // No "Server: Kestrel": a scanner learns nothing it could match against a CVE list.
            kestrel.AddServerHeader = false;
        });

    /// <summary>Hostile input refused with a 400 naming the field, before any endpoint sees it (<see cref="Api.InputGuard"/>).</summary>
    public static IApplicationBuilder UseCareIotInputGuard(this IApplicationBuilder app) => app.UseMiddleware<Api.InputGuard>();
}
