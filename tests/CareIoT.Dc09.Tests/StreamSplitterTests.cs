namespace CareIoT.Dc09.Tests;

public sealed class StreamSplitterTests
{
    private static readonly byte[] Fire = WireFrames.Bytes(WireFrames.ContactIdFire);
    private static readonly byte[] Null = WireFrames.Bytes(WireFrames.NullLinkTest);

    [Fact]
    public void TwoFramesInOneReadComeOutAsTwoFrames()
    {
        var split = new Dc09StreamSplitter().Push([.. Fire, .. Null]);

        Assert.Equal([Fire, Null], split.Frames);
        Assert.Equal((0, 0), (split.Overflows, split.DiscardedBytes));
    }

    [Fact]
    public void FrameSplitAcrossReadsComesOutWhenItsLastByteArrives()
    {
        var splitter = new Dc09StreamSplitter();

        Assert.Empty(splitter.Push(Fire.AsSpan(0, 20)).Frames);
        Assert.Equal(20, splitter.Pending);
        Assert.Empty(splitter.Push(Fire.AsSpan(20, Fire.Length - 21)).Frames);
        Assert.Equal([Fire], splitter.Push(Fire.AsSpan(Fire.Length - 1)).Frames);
        Assert.Equal(0, splitter.Pending);
    }

    [Fact]
    public void GarbageBeforeTheLineFeedIsDiscarded()
    {
        var split = new Dc09StreamSplitter().Push([.. "AT+OK\r\0\0"u8, .. Fire]);

        Assert.Equal([Fire], split.Frames);
        Assert.Equal(8, split.DiscardedBytes);
    }

    [Fact]
    public void FrameCutShortByTheNextLineFeedIsDroppedAndTheNextOneKept()
    {
        var split = new Dc09StreamSplitter().Push([.. Fire.AsSpan(0, 30), .. Null]);

        Assert.Equal([Null], split.Frames);
        Assert.Equal(30, split.DiscardedBytes);
    }

    [Fact]
    public void PartialFrameGrowingPastTheMaximumIsAnOverflowAndTheStreamRecovers()
    {
        var splitter = new Dc09StreamSplitter(maxFrameBytes: 40);
        var endless = new byte[100];
        Array.Fill(endless, (byte)'A');
        endless[0] = (byte)'\n';

        var overflowing = splitter.Push(endless);
        var recovered = splitter.Push([.. "tail of the long one\r"u8, .. Null]);

        Assert.Equal((1, 0), (overflowing.Overflows, overflowing.Frames.Count));
        Assert.Equal(0, splitter.Pending);
        Assert.Equal([Null], recovered.Frames);
        Assert.Equal(100 + 21, overflowing.DiscardedBytes + recovered.DiscardedBytes);
    }

    [Fact]
    public void FrameOfExactlyTheMaximumSizePasses()
    {
        var split = new Dc09StreamSplitter(maxFrameBytes: Null.Length).Push(Null);

        Assert.Equal([Null], split.Frames);
    }
}
