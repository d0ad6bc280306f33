using System.Net;
using System.Net.Http.Headers;

namespace CareIoT.Telemetry;

/// <summary>One attempt to POST a gzip body of lines to <c>/write</c>; never throws for a failed write.</summary>
internal sealed class InfluxWriteTransport(HttpClient http, InfluxOptions options, TimeProvider time)
{
    private readonly Uri _uri = InfluxEndpoints.Write(options);

    public Uri Uri => _uri;

    public async Task<WriteOutcome> SendAsync(byte[] gzipBody)
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(gzipBody) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        request.Content.Headers.ContentEncoding.Add("gzip");
        InfluxEndpoints.Authorize(request, options);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return WriteOutcome.Written;
            }

            var detail = InfluxError.Message(await response.Content.ReadAsStringAsync(timeout.Token));
            var result = IsFinal(response.StatusCode) ? WriteOutcome.Result.Rejected : WriteOutcome.Result.Unavailable;
            return new WriteOutcome(result, (int)response.StatusCode, detail);
        }
        catch (HttpRequestException ex)
        {
            return new WriteOutcome(WriteOutcome.Result.Unavailable, null, ex.Message);
        }
        catch (OperationCanceledException)
        {
            // Ours (RequestTimeout) or HttpClient.Timeout: the writer passes no other token.
            return new WriteOutcome(WriteOutcome.Result.Unavailable, null, $"no answer within {options.RequestTimeout}");
        }
        catch (Exception ex)
        {
            // Anything else (a disposed client, a handler's bug): keeping the points beats losing them.
            return new WriteOutcome(WriteOutcome.Result.Unavailable, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>A 4xx that the same request can never get past; the others (auth, missing database, throttling) may heal.</summary>
    private static bool IsFinal(HttpStatusCode status) =>
        (int)status is >= 400 and < 500
        && status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
}
