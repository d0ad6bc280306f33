using System.Security.Cryptography;
using System.Text;

namespace CareIoT.Server.Metrics;

/// <summary>
/// The scrape endpoint's secret: <c>Metrics:Token</c>, or the state folder's <c>secrets/metrics-token</c> (written by
/// deploy/services.sh, read by the Prometheus it starts). No platform account reaches /metrics and none is needed:
/// a scrape without the bearer token gets 401; with no token configured the endpoint answers 404.
/// </summary>
public sealed class MetricsToken
{
    private readonly byte[]? _token;

    public MetricsToken(IConfiguration configuration, ILogger<MetricsToken> logger)
    {
        var token = configuration["Metrics:Token"];
        var state = configuration["CAREIOT_STATE"] ?? Environment.GetEnvironmentVariable("CAREIOT_STATE");
        var file = state is null ? null : Path.Combine(state, "secrets", "metrics-token");
        if (string.IsNullOrWhiteSpace(token) && file is not null && File.Exists(file))
        {
            token = File.ReadAllText(file).Trim();
        }

        _token = string.IsNullOrWhiteSpace(token) ? null : Encoding.UTF8.GetBytes(token);
        if (_token is null)
        {
            logger.LogWarning("No metrics token (Metrics:Token or {File}): /metrics is off", file ?? "secrets/metrics-token");
        }
    }

    /// <summary>Middleware in front of the exporter: 404 when off, 401 without the right bearer token.</summary>
    public async Task CheckAsync(HttpContext context, Func<Task> next)
    {
        if (_token is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()) : [];
        if (!CryptographicOperations.FixedTimeEquals(given, _token))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        await next();
    }
}
