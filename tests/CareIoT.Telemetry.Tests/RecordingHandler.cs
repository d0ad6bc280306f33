using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace CareIoT.Telemetry.Tests;

/// <summary>
/// The unit seam under HttpClient: records every request and answers from a script (then from a
/// default answer). Tests await <see cref="NextAsync"/> instead of sleeping.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<Responder> _script = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();
    private readonly List<RecordedRequest> _requests = [];
    private volatile Responder _default = (_, _) => Task.FromResult(Answer(HttpStatusCode.NoContent));

    public delegate Task<HttpResponseMessage> Responder(RecordedRequest request, CancellationToken cancellationToken);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Answer(HttpStatusCode status, string body = "") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Answers the next request (after those already scripted) this way.</summary>
    public RecordingHandler Then(Responder responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    public RecordingHandler Then(HttpStatusCode status, string body = "") => Then((_, _) => Task.FromResult(Answer(status, body)));

    public RecordingHandler ThenRefuse() => Then((_, _) => throw new HttpRequestException("Connection refused (influx.test:8086)"));

    /// <summary>Answers every unscripted request this way from now on.</summary>
    public void Always(Responder responder) => _default = responder;

    public void AlwaysRefuse() => Always((_, _) => throw new HttpRequestException("Connection refused (influx.test:8086)"));

    public void AlwaysAccept() => Always((_, _) => Task.FromResult(Answer(HttpStatusCode.NoContent)));

    public async Task<RecordedRequest> NextAsync() => await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>The requests that got a 2xx, in order.</summary>
    public List<RecordedRequest> Accepted { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = await RecordedRequest.ReadAsync(request);
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        _arrivals.Writer.TryWrite(recorded);
        var respond = _script.TryDequeue(out var scripted) ? scripted : _default;
        var response = await respond(recorded, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            lock (Accepted)
            {
                Accepted.Add(recorded);
            }
        }

        return response;
    }
}
