namespace CareIoT.Server.Auth;

/// <summary>
/// Refuses (403) a state-changing request to the API or a hub that a browser says came from another
/// site: <c>Sec-Fetch-Site</c> present and neither <c>same-origin</c> nor <c>none</c>, or <c>Origin</c>
/// present and not this host's own origin (OWASP: verify origin with standard headers). Clients that
/// send neither are not browsers — installer tools, the simulator, tests — and cannot be made to carry
/// a victim's cookie, which is what cross-site request forgery needs. With the SameSite=Strict cookie
/// this is the project's CSRF defence; it needs no token, so no client had to change.
/// Every request to a hub is checked, whatever its method: a WebSocket handshake is a GET (cross-site
/// WebSocket hijacking), and so are SignalR's long-polling and server-sent-events fallbacks. (The
/// WebSocket middleware runs inside the hub's endpoint, after this guard, so
/// <c>IsWebSocketRequest</c> cannot tell a handshake here.)
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, ILogger<CrossSiteRequestGuard> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!Guarded(context) || !IsCrossSite(request))
        {
            return next(context);
        }

        logger.LogWarning("Refused cross-site {Method} {Path}: Sec-Fetch-Site {FetchSite}, Origin {Origin}, from {Client}",
            request.Method, request.Path.Value, request.Headers["Sec-Fetch-Site"].ToString(), request.Headers.Origin.ToString(), RateLimits.ClientOf(context));
        return Results.Problem("cross-site request refused", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
    }

    private static bool Guarded(HttpContext context)
    {
        var request = context.Request;
        return request.Path.StartsWithSegments("/hubs")
            || (request.Path.StartsWithSegments("/api")
                && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
                    || HttpMethods.IsDelete(request.Method)));
    }

    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !SameOrigin(origin, request);
    }

    // Scheme, host and port, the ports made explicit ("http://host" is "http://host:80"). "null" never matches.
    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var theirs)
        && request.Host.HasValue
        && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var ours)
        && Uri.Compare(theirs, ours, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
