using Microsoft.Extensions.Time.Testing;

namespace CareIoT.Dc09.Tests;

public sealed class DuplicateSequenceFilterTests
{
    private readonly FakeTimeProvider clock = WireFrames.Clock();

    [Fact]
    public void RepeatedSequenceFromTheSameAccountIsAcknowledgedAgainButFlaggedAsARepeat()
    {
        var parser = new Dc09FrameParser();
        var responder = new Dc09Responder(clock, new Dc09FrameEncoder(), _ => true);
        var filter = new DuplicateSequenceFilter(clock);
        var first = parser.Parse(WireFrames.Bytes(WireFrames.ContactIdFire), _ => null);
        clock.Advance(TimeSpan.FromSeconds(30));
        var again = parser.Parse(WireFrames.Bytes(WireFrames.ContactIdFire), _ => null);

        Assert.True(responder.Decide(first).Accepted);
        Assert.False(filter.IsRepeat(first.Frame!));
        Assert.True(responder.Decide(again).Accepted);
        Assert.True(filter.IsRepeat(again.Frame!));
    }

    [Fact]
    public void ForgottenFrameIsProcessedAgainWhenThePanelRetransmitsIt()
    {
        var filter = new DuplicateSequenceFilter(clock);
        Assert.False(filter.IsRepeat(Message("1234", 7)));

        filter.Forget(Message("1234", 7));

        Assert.False(filter.IsRepeat(Message("1234", 7)));
        Assert.True(filter.IsRepeat(Message("1234", 7)));
    }

    [Fact]
    public void SameSequenceFromAnotherAccountOrWithOtherDataIsNew()
    {
        var filter = new DuplicateSequenceFilter(clock);
        Assert.False(filter.IsRepeat(Message("1234", 7)));

        Assert.False(filter.IsRepeat(Message("5678", 7)));
        Assert.False(filter.IsRepeat(Message("1234", 7, "#1234|1101 01 009")));
    }

    [Fact]
    public void SequenceWrappingFrom9999To0001IsNotARepeat()
    {
        var filter = new DuplicateSequenceFilter(clock);
        foreach (var sequence in new[] { 9997, 9998, 9999, 1, 2 })
        {
            Assert.False(filter.IsRepeat(Message("1234", sequence)));
        }

        Assert.True(filter.IsRepeat(Message("1234", 9999)));
        Assert.True(filter.IsRepeat(Message("1234", 1)));
    }

    [Fact]
    public void SequenceZeroIsNeverARepeatBecausePanelsSendingItAreNotNumbering()
    {
        var filter = new DuplicateSequenceFilter(clock);

        Assert.False(filter.IsRepeat(Message("1234", 0)));
        Assert.False(filter.IsRepeat(Message("1234", 0)));
    }

    [Fact]
    public void RepeatOlderThanTheHorizonCountsAsNew()
    {
        var filter = new DuplicateSequenceFilter(clock, horizon: TimeSpan.FromMinutes(10));
        Assert.False(filter.IsRepeat(Message("1234", 5)));
        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.False(filter.IsRepeat(Message("1234", 5)));
    }

    [Fact]
    public void EachAccountRemembersOnlyItsLastMessages()
    {
        var filter = new DuplicateSequenceFilter(clock, perAccount: 4);
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            Assert.False(filter.IsRepeat(Message("1234", sequence)));
        }

        Assert.False(filter.IsRepeat(Message("1234", 1)));
        Assert.True(filter.IsRepeat(Message("1234", 5)));
    }

    [Fact]
    public void AccountHeardFromLongestAgoIsForgottenWhenTheCapIsReached()
    {
        var filter = new DuplicateSequenceFilter(clock, maxAccounts: 2);
        filter.IsRepeat(Message("AAA", 1));
        filter.IsRepeat(Message("BBB", 1));
        filter.IsRepeat(Message("AAA", 2));
        filter.IsRepeat(Message("CCC", 1));

        Assert.Equal(2, filter.AccountCount);
        Assert.True(filter.IsRepeat(Message("AAA", 1)));
        Assert.False(filter.IsRepeat(Message("BBB", 1)));
    }

    private static Dc09Frame Message(string account, int sequence, string? data = null) =>
        new(Dc09Token.AdmCid, false, sequence, null, null, account, data ?? $"#{account}|1101 01 003", [], null);
}
