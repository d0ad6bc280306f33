using System.Text;
using CareIoT.Contracts;
using NSubstitute;

namespace CareIoT.CarrierPush.Tests;

public sealed class CarrierPushIntakeTests
{
    private static byte[] OneNetBody(string msg, string token = "onenet-token", string nonce = "n0nce") =>
        Encoding.UTF8.GetBytes($$"""{"msg":{{msg}},"msg_signature":"{{OneNetSignature.Compute(token, nonce, msg)}}","nonce":"{{nonce}}"}""");

    private static string SmokePoint(long at, string devId = "2016617") => $$"""{"type":1,"dev_id":{{devId}},"ds_id":"smoke_state","at":{{at}},"value":1}""";

    [Fact]
    public async Task TheUrlCheckAnswersMsgOnlyForTheTokensSignature()
    {
        var rig = new PushRig();

        var good = await rig.Intake.VerifyOneNetUrlAsync("hello", "abc", OneNetSignature.Compute("onenet-token", "abc", "hello"), "test", default);
        var bad = await rig.Intake.VerifyOneNetUrlAsync("hello", "abc", OneNetSignature.Compute("guess", "abc", "hello"), "test", default);

        Assert.Equal(new PushAnswer(200, "hello"), good);
        Assert.Equal(401, bad.Status);
    }

    [Fact]
    public async Task ASignedSmokePointIsAnsweredThenRaisesSmokeAlarmAtTheBoundDevice()
    {
        var rig = new PushRig();

        var answer = await rig.Intake.OneNetAsync(OneNetBody(SmokePoint(PushRig.Now.ToUnixTimeMilliseconds())), "test", default);
        await rig.Grain.DidNotReceive().Receive(Arg.Any<DeviceMessage>()); // answered before any grain call
        await rig.DrainAsync();

        Assert.Equal(200, answer.Status);
        await rig.Grain.Received(1).Receive(Arg.Is<DeviceMessage>(m => m.DeviceId == "nb-869000000000001" && m.Type == DeviceMessageType.SmokeAlarm));
        Assert.Equal(1, rig.Stats.Get("onenet.accepted"));
    }

    [Fact]
    public async Task ARePushIsADuplicateAndReachesTheGrainOnce()
    {
        var rig = new PushRig();
        var body = OneNetBody(SmokePoint(PushRig.Now.ToUnixTimeMilliseconds()));

        await rig.Intake.OneNetAsync(body, "test", default);
        await rig.Intake.OneNetAsync(body, "test", default);
        await rig.DrainAsync();

        await rig.Grain.Received(1).Receive(Arg.Any<DeviceMessage>());
        Assert.Equal(1, rig.Stats.Get("onenet.duplicates"));
    }

    [Fact]
    public async Task AWrongSignatureIs401CountedAndDeadLettered()
    {
        var rig = new PushRig();

        var answer = await rig.Intake.OneNetAsync(OneNetBody(SmokePoint(1), token: "guess"), "test", default);

        Assert.Equal(401, answer.Status);
        Assert.Equal(1, rig.Stats.Get("onenet.rejected.BadSignature"));
        await rig.Store.Received(1).AddAsync(Arg.Is<DeadLetter>(d => d.Source == "onenet" && d.Reason == "BadSignature"), Arg.Any<CancellationToken>());
        Assert.False(rig.Queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task AMalformedPushIs400AndAnUnsignedOneIsRefusedUnlessVerificationIsOff()
    {
        var strict = new PushRig();
        var lax = new PushRig(verify: false);
        var unsigned = Encoding.UTF8.GetBytes($$$"""{"messageType":"dataReport","IMEI":"869000000000002","timestamp":{{{PushRig.Now.ToUnixTimeMilliseconds()}}},"payload":{"smoke_state":1}}""");

        var malformed = await strict.Intake.CtwingAsync("{\"messageType\":"u8.ToArray(), null, "ctwing-secret", "test", default);
        var refused = await strict.Intake.CtwingAsync(unsigned, null, null, "test", default);
        var accepted = await lax.Intake.CtwingAsync(unsigned, null, null, "test", default);

        Assert.Equal((400, 401, 200), (malformed.Status, refused.Status, accepted.Status));
        Assert.Equal(1, strict.Stats.Get("ctwing.rejected.Malformed"));
        Assert.Equal(1, lax.Stats.Get("ctwing.unverified"));
    }

    [Fact]
    public async Task AFullQueueAnswers503SoThePlatformPushesAgain()
    {
        var rig = new PushRig(queueCapacity: 2);
        var now = PushRig.Now.ToUnixTimeMilliseconds();

        var answers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await rig.Intake.OneNetAsync(OneNetBody(SmokePoint(now + i)), "test", default)).Status);
        }

        Assert.Equal([200, 200, 503], answers);
        Assert.Equal(1, rig.Stats.Get("onenet.busy"));
    }

    [Fact]
    public async Task UnknownDevicesOldRecordsAndAnotherProductAreDeadLetteredAfterTheAnswer()
    {
        var rig = new PushRig();
        var now = PushRig.Now.ToUnixTimeMilliseconds();
        var ctwing = Encoding.UTF8.GetBytes($$$"""{"messageType":"dataReport","IMEI":"869000000000002","productId":"99","timestamp":{{{now}}},"payload":{"smoke_state":1}}""");

        var stranger = await rig.Intake.OneNetAsync(OneNetBody(SmokePoint(now, devId: "777")), "test", default);
        var replay = await rig.Intake.OneNetAsync(OneNetBody(SmokePoint(now - (long)TimeSpan.FromHours(2).TotalMilliseconds)), "test", default);
        var product = await rig.Intake.CtwingAsync(ctwing, CtwingSignature.Compute("ctwing-secret", ctwing), null, "test", default);
        await rig.DrainAsync();

        Assert.Equal((200, 200, 200), (stranger.Status, replay.Status, product.Status));
        await rig.Grain.DidNotReceive().Receive(Arg.Any<DeviceMessage>());
        foreach (var reason in new[] { "UnknownDevice", "Replayed", "UnknownProduct" })
        {
            await rig.Store.Received(1).AddAsync(Arg.Is<DeadLetter>(d => d.Reason == reason), Arg.Any<CancellationToken>());
        }
    }

    [Fact]
    public async Task AStoreFailureOnDeliveryThrowsSoTheWorkerTriesAgain()
    {
        var rig = new PushRig();
        rig.Grain.Receive(Arg.Any<DeviceMessage>()).Returns<DeliveryResult>(_ => throw new InvalidOperationException("journal down"), _ => new DeliveryResult(DeliveryOutcome.Accepted));
        await rig.Intake.OneNetAsync(OneNetBody(SmokePoint(PushRig.Now.ToUnixTimeMilliseconds())), "test", default);
        Assert.True(rig.Queue.Reader.TryRead(out var queued));

        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Processor.ProcessAsync(queued!.Reports[0], default));
        await rig.Processor.ProcessAsync(queued!.Reports[0], default);

        await rig.Grain.Received(2).Receive(Arg.Any<DeviceMessage>());
        Assert.Equal(1, rig.Stats.Get("onenet.accepted"));
    }

    [Fact]
    public async Task ThePushIsKeptInTheInboxBeforeItIsAnsweredAndRemovedOnceProcessed()
    {
        var rig = new PushRig();

        var answer = await rig.Intake.OneNetAsync(OneNetBody(SmokePoint(PushRig.Now.ToUnixTimeMilliseconds())), "test", default);
        var kept = rig.Inbox.Rows.Count;
        await rig.DrainAsync();

        Assert.Equal((200, 1, 0), (answer.Status, kept, rig.Inbox.Rows.Count));
    }

    [Fact]
    public async Task AnInboxThatIsDownAnswers503AndQueuesNothing()
    {
        var rig = new PushRig();
        rig.Inbox.Down = true;

        var answer = await rig.Intake.OneNetAsync(OneNetBody(SmokePoint(PushRig.Now.ToUnixTimeMilliseconds())), "test", default);

        Assert.Equal(503, answer.Status);
        Assert.Equal(1, rig.Stats.Get("onenet.inbox.failed"));
        Assert.False(rig.Queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task APushAnsweredBeforeACrashIsProcessedByTheNextStartEvenHoursLater()
    {
        var crashed = new PushRig();
        var answer = await crashed.Intake.OneNetAsync(OneNetBody(SmokePoint(PushRig.Now.ToUnixTimeMilliseconds())), "test", default);
        // The process dies here: its queue is gone, the inbox row is not. It comes back two hours later.
        var restarted = new PushRig(inbox: crashed.Inbox);
        restarted.Time.Advance(TimeSpan.FromHours(2));

        await restarted.Worker.SweepOnceAsync(restarted.Time.GetUtcNow(), default);
        await restarted.DrainAsync();

        Assert.Equal(200, answer.Status);
        await restarted.Grain.Received(1).Receive(Arg.Is<DeviceMessage>(m => m.DeviceId == "nb-869000000000001" && m.Type == DeviceMessageType.SmokeAlarm));
        Assert.Equal((1, 0), (restarted.Stats.Get("onenet.recovered"), restarted.Inbox.Rows.Count));
    }

    [Fact]
    public async Task TheSweepLeavesRowsInHandAndRowsYoungerThanTheCutOff()
    {
        var rig = new PushRig();
        await rig.Intake.OneNetAsync(OneNetBody(SmokePoint(PushRig.Now.ToUnixTimeMilliseconds())), "test", default);

        await rig.Worker.SweepOnceAsync(rig.Time.GetUtcNow().AddSeconds(1), default);   // in hand: queued by the intake
        await rig.Worker.SweepOnceAsync(rig.Time.GetUtcNow().AddSeconds(-1), default);  // too young for a peer's sweep
        await rig.DrainAsync();

        await rig.Grain.Received(1).Receive(Arg.Any<DeviceMessage>());
        Assert.Equal(0, rig.Stats.Get("onenet.recovered"));
    }
}
