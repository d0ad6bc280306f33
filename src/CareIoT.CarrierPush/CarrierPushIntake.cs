using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.CarrierPush;

/// <summary>
/// The synchronous half of a push, before it is answered: size, signature, format, then the verified push
/// is kept in the durable inbox and queued (or neither, and 503). The platforms want an answer fast and retry
/// anything but 200 (OneNET: https://open.iot.10086.cn/doc/nb-iot/book/manual/httppush/develop-manual.html;
/// CTWing: https://www.ctwing.cn/dyts/103), so nothing here waits for a grain; but 200 is said only once
/// the push is stored, so a crash after the answer cannot lose it. Every refusal is counted and
/// dead-lettered: 413 oversize, 401 bad signature, 400 malformed; 503 when full or the inbox is down.
/// </summary>
public sealed class CarrierPushIntake(
    CarrierPushQueue queue, ICarrierInbox inbox, CarrierDeadLetters deadLetters, CarrierPushStats stats, IOptions<CarrierPushOptions> options, TimeProvider time,
    ILogger<CarrierPushIntake> logger)
{
    /// <summary>OneNET's URL check when the push instance is saved: answer <c>msg</c> as plain text if the signature is the token's.</summary>
    public async Task<PushAnswer> VerifyOneNetUrlAsync(string? msg, string? nonce, string? signature, string origin, CancellationToken cancellationToken)
    {
        var settings = options.Value.OneNet;
        if (string.IsNullOrEmpty(msg) || msg.Length > 512 || nonce is null)
        {
            await deadLetters.AddAsync(CarrierPlatform.OneNet, origin, null, CarrierRejectReason.Malformed, "URL check without msg and nonce", msg ?? "", cancellationToken);
            return new PushAnswer(400, "msg and nonce are required");
        }

        if (settings.VerifySignatures && !OneNetSignature.Verify(settings.Token ?? "", nonce, msg, signature))
        {
            await deadLetters.AddAsync(CarrierPlatform.OneNet, origin, null, CarrierRejectReason.BadSignature, "URL check signature is not the configured token's", msg, cancellationToken);
            return new PushAnswer(401, "bad signature");
        }

        stats.Count(CarrierPlatform.OneNet, "urlChecks");
        return new PushAnswer(200, msg);
    }

    public async Task<PushAnswer> OneNetAsync(ReadOnlyMemory<byte> body, string origin, CancellationToken cancellationToken)
    {
        stats.Count(CarrierPlatform.OneNet, "pushes");
        var (envelope, problem) = OneNetEnvelope.Read(body);
        if (envelope is null)
        {
            return await MalformedAsync(CarrierPlatform.OneNet, origin, problem!, body, cancellationToken);
        }

        var settings = options.Value.OneNet;
        if (settings.VerifySignatures && !OneNetSignature.Verify(settings.Token ?? "", envelope.Nonce, envelope.MsgText, envelope.Signature))
        {
            return await BadSignatureAsync(CarrierPlatform.OneNet, origin, "msg_signature is not Base64(MD5(token + nonce + msg)) of the configured token", body, cancellationToken);
        }

        return await QueueAsync(CarrierPlatform.OneNet, OneNetPushParser.Parse(envelope), origin, body, settings.VerifySignatures, cancellationToken);
    }

    public async Task<PushAnswer> CtwingAsync(ReadOnlyMemory<byte> body, string? signature, string? token, string origin, CancellationToken cancellationToken)
    {
        stats.Count(CarrierPlatform.Ctwing, "pushes");
        var settings = options.Value.Ctwing;
        if (settings.VerifySignatures && !CtwingSignature.Verify(settings.Token ?? "", body.Span, signature, token))
        {
            return await BadSignatureAsync(CarrierPlatform.Ctwing, origin, $"neither {CtwingSignature.Header} nor the token query is the configured secret's", body, cancellationToken);
        }

        return await QueueAsync(CarrierPlatform.Ctwing, CtwingPushParser.Parse(body), origin, body, settings.VerifySignatures, cancellationToken);
    }

    /// <summary>A body over <see cref="CarrierPushOptions.MaxPushBytes"/>: its first bytes are kept.</summary>
    public async Task<PushAnswer> OversizeAsync(CarrierPlatform platform, string origin, ReadOnlyMemory<byte> head, long? size, CancellationToken cancellationToken)
    {
        stats.Count(platform, "pushes");
        await deadLetters.AddAsync(platform, origin, null, CarrierRejectReason.Oversize,
            $"push of {(size is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "more than " + options.Value.MaxPushBytes)} bytes; the limit is {options.Value.MaxPushBytes}",
            head, cancellationToken);
        return new PushAnswer(413, "push too large");
    }

    private async Task<PushAnswer> QueueAsync(CarrierPlatform platform, PushParseResult parsed, string origin, ReadOnlyMemory<byte> body, bool verified,
        CancellationToken cancellationToken)
    {
        if (parsed.Problem is { } problem)
        {
            return await MalformedAsync(platform, origin, problem, body, cancellationToken);
        }

        if (parsed.Ignored > 0)
        {
            stats.Count(platform, "ignored", parsed.Ignored);
        }

        if (parsed.Reports.Count == 0)
        {
            return PushAnswer.Ok;
        }

        if (!queue.HasRoomFor(parsed.Reports.Count))
        {
            stats.Count(platform, "busy");
            return PushAnswer.Busy;
        }

        var now = time.GetUtcNow();
        long inboxId;
        try
        {
            inboxId = await inbox.AddAsync(platform, origin, now, body, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stats.Count(platform, "inbox.failed");
            logger.LogError(ex, "Could not keep a {Platform} push in the inbox; answered 503 so the platform pushes it again", platform);
            return PushAnswer.Busy;
        }

        queue.TryEnqueue(new QueuedPush(inboxId, [.. parsed.Reports.Select(r => new QueuedReport(r, now, origin))]));

        stats.Count(platform, "received", parsed.Reports.Count);
        if (!verified)
        {
            stats.Count(platform, "unverified", parsed.Reports.Count);
        }

        return PushAnswer.Ok;
    }

    private async Task<PushAnswer> MalformedAsync(CarrierPlatform platform, string origin, string problem, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        await deadLetters.AddAsync(platform, origin, null, CarrierRejectReason.Malformed, problem, body, cancellationToken);
        return new PushAnswer(400, $"malformed: {problem}");
    }

    private async Task<PushAnswer> BadSignatureAsync(CarrierPlatform platform, string origin, string detail, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        await deadLetters.AddAsync(platform, origin, null, CarrierRejectReason.BadSignature, detail, body, cancellationToken);
        return new PushAnswer(401, "bad signature");
    }
}
