namespace CareIoT.Grains.Tests;

public sealed class RecentMessageIdsTests
{
    [Fact]
    public void AddedIdIsRemembered()
    {
        var recent = new RecentMessageIds(capacity: 4);

        recent.Add("m-1");

        Assert.True(recent.Contains("m-1"));
        Assert.False(recent.Contains("m-2"));
    }

    [Fact]
    public void OldestIdIsForgottenWhenCapacityIsExceeded()
    {
        var recent = new RecentMessageIds(capacity: 3);

        foreach (var id in new[] { "m-1", "m-2", "m-3", "m-4" })
        {
            recent.Add(id);
        }

        Assert.False(recent.Contains("m-1"));
        Assert.True(recent.Contains("m-2"));
        Assert.True(recent.Contains("m-3"));
        Assert.True(recent.Contains("m-4"));
    }

    [Fact]
    public void AddingAnIdTwiceTakesOnlyOneSlot()
    {
        var recent = new RecentMessageIds(capacity: 2);

        recent.Add("m-1");
        recent.Add("m-1");
        recent.Add("m-2");

        Assert.True(recent.Contains("m-1"));
        Assert.True(recent.Contains("m-2"));

        recent.Add("m-3");

        Assert.False(recent.Contains("m-1"));
        Assert.True(recent.Contains("m-2"));
        Assert.True(recent.Contains("m-3"));
    }

    [Fact]
    public void IdsAreComparedExactly()
    {
        var recent = new RecentMessageIds(capacity: 2);

        recent.Add("abc");

        Assert.False(recent.Contains("ABC"));
    }
}
