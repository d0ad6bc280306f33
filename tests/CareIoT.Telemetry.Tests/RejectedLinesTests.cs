namespace CareIoT.Telemetry.Tests;

public sealed class RejectedLinesTests
{
    private static readonly string[] Sent = ["m a=1i 1", "m,t=it's\\ ok a=\"x': y\" 2", "m a=3i 3"];

    [Fact]
    public void LinesTheServerCouldNotParseAreFoundEvenWithQuotesInside()
    {
        var message = $"partial write: unable to parse '{Sent[1]}': invalid field format\nunable to parse '{Sent[2]}': bad timestamp dropped=0";

        Assert.Equal(Sent[1..], RejectedLines.Find(message, Sent));
    }

    [Fact]
    public void EveryLineIsRejectedWhenTheServerNamesNone()
    {
        Assert.Equal(Sent, RejectedLines.Find("field type conflict", Sent));
    }
}
