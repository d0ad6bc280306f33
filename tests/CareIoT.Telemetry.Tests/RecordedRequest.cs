using System.IO.Compression;
using System.Text;

namespace CareIoT.Telemetry.Tests;

/// <summary>What the writer or query client sent, with a gzip body already decompressed.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string? ContentEncoding,
    string Body)
{
    public IReadOnlyList<string> Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<RecordedRequest> ReadAsync(HttpRequestMessage request)
    {
        var body = "";
        string? encoding = null;
        if (request.Content is { } content)
        {
            encoding = string.Join(",", content.Headers.ContentEncoding);
            var bytes = await content.ReadAsByteArrayAsync();
            if (encoding == "gzip")
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                await gzip.CopyToAsync(plain);
                bytes = plain.ToArray();
            }

            body = Encoding.UTF8.GetString(bytes);
        }

        return new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), encoding, body);
    }
}
