using CareIoT.CarrierPush;
using Microsoft.AspNetCore.Http.Features;

namespace CareIoT.Server.Api;

/// <summary>
/// The carriers' IoT platforms push NB-IoT device reports here. These routes are outside <c>/api</c> and
/// carry no session policy: the platforms cannot sign in; each push proves itself with the platform's
/// signature instead (<see cref="OneNetSignature"/>, <see cref="CtwingSignature"/>), checked before anything
/// else is done with it. Answered at once; the records are processed after the answer.
/// </summary>
public static class CarrierPushEndpoints
{
    public const string OneNetPath = "/carrier/onenet";
    public const string CtwingPath = "/carrier/ctwing";

    public static void MapCarrierPushEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(OneNetPath, async (HttpContext http, CarrierPushIntake intake, string? msg, string? nonce, string? signature) =>
            Answer(await intake.VerifyOneNetUrlAsync(msg, nonce, signature, Origin(http), http.RequestAborted))).AllowAnonymous();
        app.MapPost(OneNetPath, (HttpContext http, CarrierPushIntake intake, Microsoft.Extensions.Options.IOptions<CarrierPushOptions> options) =>
            ReceiveAsync(http, CarrierPlatform.OneNet, options.Value.MaxPushBytes, intake, body => intake.OneNetAsync(body, Origin(http), http.RequestAborted))).AllowAnonymous();
        app.MapPost(CtwingPath, (HttpContext http, CarrierPushIntake intake, Microsoft.Extensions.Options.IOptions<CarrierPushOptions> options) =>
            ReceiveAsync(http, CarrierPlatform.Ctwing, options.Value.MaxPushBytes, intake, body => intake.CtwingAsync(body,
                http.Request.Headers[CtwingSignature.Header].ToString(), http.Request.Query[CtwingSignature.TokenQuery].ToString(), Origin(http), http.RequestAborted))).AllowAnonymous();
        app.MapGet("/api/carrier/stats", (CarrierPushStats stats) => stats.Snapshot()).RequireAuthorization(Auth.Policies.Install);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, CarrierPlatform platform, int maxBytes, CarrierPushIntake intake,
        Func<ReadOnlyMemory<byte>, Task<PushAnswer>> accept)
    {
        var declared = http.Request.ContentLength;
        if (declared > maxBytes)
        {
            return Answer(await intake.OversizeAsync(platform, Origin(http), ReadOnlyMemory<byte>.Empty, declared, http.RequestAborted));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return Answer(await intake.OversizeAsync(platform, Origin(http), buffer.GetBuffer().AsMemory(0, (int)Math.Min(buffer.Length, 4096)), null, http.RequestAborted));
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Answer(await intake.OversizeAsync(platform, Origin(http), buffer.GetBuffer().AsMemory(0, (int)Math.Min(buffer.Length, 4096)), null, http.RequestAborted));
        }

        return Answer(await accept(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)));
    }

    private static IResult Answer(PushAnswer answer) => Results.Text(answer.Text, "text/plain; charset=utf-8", statusCode: answer.Status);

    private static string Origin(HttpContext http) =>
        $"{http.Request.Method} {http.Request.Path.Value} from {http.Connection.RemoteIpAddress?.ToString() ?? "(unknown)"}";
}
