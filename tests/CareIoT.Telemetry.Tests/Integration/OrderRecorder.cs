namespace CareIoT.Telemetry.Tests.Integration;

/// <summary>Wraps the real handler and keeps the timestamps of every batch InfluxDB accepted, in order.</summary>
internal sealed class OrderRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<long> _accepted = [];

    public IReadOnlyList<long> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = await RecordedRequest.ReadAsync(request);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode && request.RequestUri!.AbsolutePath.EndsWith("/write", StringComparison.Ordinal))
        {
            lock (_accepted)
            {
                _accepted.AddRange(sent.Lines.Select(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return response;
    }
}
