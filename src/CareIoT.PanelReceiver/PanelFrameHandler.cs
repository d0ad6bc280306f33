using CareIoT.Contracts;
using CareIoT.Dc09;
using Microsoft.Extensions.Logging;

namespace CareIoT.PanelReceiver;

/// <summary>
/// One DC-09 frame in, at most one reply out. A frame is acknowledged only after the device grain
/// accepted what it said; when that fails (a store down) nothing is answered, so the panel sends it
/// again. Corrupted frames get no answer (as the standard asks), unknown accounts, unreadable data and
/// plain frames for an account that has a key, or from outside the networks trusted with keyless accounts
/// (<see cref="PlainPanelNetworks"/>), a DUH, stale encrypted ones a NAK; every refusal is
/// counted, logged and dead-lettered.
/// </summary>
public sealed class PanelFrameHandler(
    Dc09FrameParser parser,
    Dc09Responder responder,
    Dc09FrameEncoder encoder,
    DuplicateSequenceFilter duplicates,
    PanelEventMap eventMap,
    PanelAccountDirectory directory,
    PlainPanelNetworks plainNetworks,
    IGrainFactory grains,
    PanelDeadLetters deadLetters,
    PanelReceiverStats stats,
    TimeProvider time,
    ILogger<PanelFrameHandler> logger)
{
    public async Task<byte[]?> HandleAsync(byte[] bytes, string transport, string remote, CancellationToken cancellationToken)
    {
        stats.Count("frames");
        var result = parser.Parse(bytes, directory.KeyOf);
        if (NamesUnknownAccount(result) && await directory.RefreshForUnknownAsync(cancellationToken))
        {
            result = parser.Parse(bytes, directory.KeyOf); // bound moments ago, perhaps on another node
        }

        var reply = responder.Decide(result);
        if (!result.IsOk)
        {
            return await RefuseAsync(bytes, transport, remote, result.Status.ToString(), result.Header?.Account, reply, cancellationToken);
        }

        var frame = result.Frame!;
        switch (reply.Kind)
        {
            case Dc09ReplyKind.None:
                stats.Count("ignored"); // an ACK, NAK or DUH sent to us: never answered
                return null;
            case Dc09ReplyKind.Nak:
                stats.Count("replies.Nak");
                logger.LogWarning("DC-09 {Transport} {Remote}: account {Account} sent sequence {Sequence} stamped {Timestamp}, outside the time window; NAK",
                    transport, remote, frame.Account, frame.Sequence, frame.Timestamp);
                return reply.Bytes;
            case Dc09ReplyKind.Duh:
                var reason = directory.IsKnown(frame.Account) ? "Unreadable" : "UnknownAccount";
                return await RefuseAsync(bytes, transport, remote, reason, frame.Account, reply, cancellationToken);
        }

        if (!frame.Encrypted && directory.KeyOf(frame.Account) is not null)
        {
            // An account with a key speaks encrypted only: a plain frame in its name is a forgery or a
            // misconfigured panel, and a forged restore or heartbeat could hide a real alarm or outage.
            return await RefuseAsync(bytes, transport, remote, "PlainFromEncryptedAccount", frame.Account, Duh(frame), cancellationToken);
        }

        if (!frame.Encrypted && !plainNetworks.Allows(remote))
        {
            // A keyless account has no secret: only the panels' own network may speak for it.
            return await RefuseAsync(bytes, transport, remote, "PlainOutsideTrustedNetworks", frame.Account, Duh(frame), cancellationToken);
        }

        if (duplicates.IsRepeat(frame))
        {
            stats.Count("duplicates");
            stats.Count("replies.Ack");
            return reply.Bytes;
        }

        try
        {
            var outcome = await DeliverAsync(frame, cancellationToken);
            if (outcome == DeliveryOutcome.UnknownDevice)
            {
                duplicates.Forget(frame);
                return await RefuseAsync(bytes, transport, remote, "UnknownDevice", frame.Account, Duh(frame), cancellationToken);
            }
        }
        catch (Exception ex)
        {
            duplicates.Forget(frame);
            stats.Count("failed");
            logger.LogError(ex, "DC-09 {Transport} {Remote}: account {Account} sequence {Sequence} could not be handed over; not acknowledged, the panel will send it again",
                transport, remote, frame.Account, frame.Sequence);
            return null;
        }

        stats.Count("accepted");
        stats.Count("replies.Ack");
        return reply.Bytes;
    }

    private async Task<DeliveryOutcome> DeliverAsync(Dc09Frame frame, CancellationToken cancellationToken)
    {
        var bound = directory.Find(frame.Account)!;
        var events = eventMap.Interpret(frame, bound.Account.Vendor) ?? [];
        var messages = PanelMessageMapper.ToMessages(bound.Account.DeviceId, frame, events, time.GetUtcNow());
        var device = grains.GetGrainByKey<IDeviceGrain>(bound.Account.DeviceId);
        var outcome = DeliveryOutcome.Accepted;
        foreach (var message in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await device.Receive(message);
            if (result.Outcome == DeliveryOutcome.UnknownDevice)
            {
                return result.Outcome;
            }

            outcome = result.Outcome;
        }

        foreach (var e in events)
        {
            stats.Count($"events.{e.Kind}");
            if (e.Kind == PanelEventKind.Generic)
            {
                logger.LogInformation("DC-09 account {Account} sequence {Sequence}: unmapped event {Code} zone {Zone} text {Text} raised as a technical alert",
                    frame.Account, frame.Sequence, e.Code, e.Zone, e.Text);
            }
        }

        return outcome;
    }

    private async Task<byte[]?> RefuseAsync(
        byte[] bytes, string transport, string remote, string reason, string? account, Dc09Reply reply, CancellationToken cancellationToken)
    {
        stats.Count("rejected");
        stats.Count($"rejected.{reason}");
        if (reply.Kind != Dc09ReplyKind.None)
        {
            stats.Count($"replies.{reply.Kind}");
        }

        logger.LogWarning("DC-09 {Transport} {Remote}: refused a {Length}-byte frame from account {Account}: {Reason}; reply {Reply}",
            transport, remote, bytes.Length, account ?? "(none)", reason, reply.Kind);
        await deadLetters.AddAsync(bytes, transport, remote, account, reason, cancellationToken);
        return reply.Bytes;
    }

    private Dc09Reply Duh(Dc09Frame frame)
    {
        var duh = new Dc09Frame(Dc09Token.Duh, false, frame.Sequence, frame.Receiver, frame.LinePrefix, frame.Account, "", [], null);
        return new Dc09Reply(Dc09ReplyKind.Duh, duh, encoder.Encode(duh));
    }

    private bool NamesUnknownAccount(Dc09ParseResult result) =>
        (result.Frame?.Account ?? result.Header?.Account) is { } account
        && result.Status is Dc09ParseStatus.Ok or Dc09ParseStatus.NoKey
        && !directory.IsKnown(account);
}
