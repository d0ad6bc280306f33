using System.Net.Http.Headers;
using System.Text;

namespace CareIoT.Telemetry;

/// <summary>The v1 HTTP API addresses and credentials, shared by the writer and the query client.</summary>
internal static class InfluxEndpoints
{
    public static Uri Write(InfluxOptions options)
    {
        var query = new StringBuilder("write?db=").Append(Uri.EscapeDataString(options.Database));
        if (!string.IsNullOrEmpty(options.RetentionPolicy))
        {
            query.Append("&rp=").Append(Uri.EscapeDataString(options.RetentionPolicy));
        }

        return Combine(options, query.Append("&precision=ns").ToString());
    }

    /// <summary>The query address; <paramref name="command"/> goes in the URL (GET) or in a form body (POST).</summary>
    public static Uri Query(InfluxOptions options, string? database, string? command)
    {
        var query = new StringBuilder("query?epoch=ns");
        if (!string.IsNullOrEmpty(database))
        {
            query.Append("&db=").Append(Uri.EscapeDataString(database));
        }

        if (command is not null)
        {
            query.Append("&q=").Append(Uri.EscapeDataString(command));
        }

        return Combine(options, query.ToString());
    }

    /// <summary>Token for 2.x/3.x, else Basic for 1.x users; never in the URL, where it would be logged.</summary>
    public static void Authorize(HttpRequestMessage request, InfluxOptions options)
    {
        if (!string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", options.Token);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
    }

    private static Uri Combine(InfluxOptions options, string relative) => new(options.Url.TrimEnd('/') + "/" + relative, UriKind.Absolute);
}
