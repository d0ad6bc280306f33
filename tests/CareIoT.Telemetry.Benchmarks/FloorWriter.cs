using System.Net.Http.Headers;
using System.Text;

namespace CareIoT.Telemetry.Benchmarks;

/// <summary>The floor: the same batches, formatted beforehand, POSTed raw one after another.</summary>
internal static class FloorWriter
{
    public static byte[][] Format(LinePoint[] points, int batch) =>
        [.. points.Chunk(batch).Select(chunk =>
        {
            var text = new StringBuilder();
            foreach (var point in chunk)
            {
                LineProtocol.Append(text, point);
                text.Append('\n');
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        })];

    public static async Task PostAsync(HttpClient http, Uri write, byte[][] bodies)
    {
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            using var response = await http.PostAsync(write, content);
            response.EnsureSuccessStatusCode();
        }
    }
}
