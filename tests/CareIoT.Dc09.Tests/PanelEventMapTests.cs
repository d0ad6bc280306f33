namespace CareIoT.Dc09.Tests;

public sealed class PanelEventMapTests
{
    private const string VestaJson = """
        {
          "vendors": {
            "vesta": {
              "description": "test vendor",
              "contactId": { "1101": "Fall", "102": "Emergency" },
              "sia": { "FL": "Fall", "MA": "Trouble" }
            }
          }
        }
        """;

    [Theory]
    [InlineData(1, 100, PanelEventKind.Emergency)]
    [InlineData(1, 101, PanelEventKind.Emergency)]
    [InlineData(6, 101, PanelEventKind.Emergency)]
    [InlineData(3, 101, PanelEventKind.Restore)]
    [InlineData(1, 110, PanelEventKind.Fire)]
    [InlineData(1, 111, PanelEventKind.Fire)]
    [InlineData(3, 111, PanelEventKind.Restore)]
    [InlineData(1, 301, PanelEventKind.Trouble)]
    [InlineData(1, 384, PanelEventKind.Trouble)]
    [InlineData(3, 301, PanelEventKind.TroubleRestore)]
    [InlineData(1, 602, PanelEventKind.Heartbeat)]
    [InlineData(1, 130, PanelEventKind.Ignored)]
    [InlineData(3, 130, PanelEventKind.Ignored)]
    [InlineData(1, 401, PanelEventKind.Ignored)]
    public void ContactIdQualifierAndCodeMapByDefault(int qualifier, int code, PanelEventKind kind) =>
        Assert.Equal(kind, PanelEventMap.Default.Classify(new ContactIdEvent(qualifier, code, 1, 1)));

    [Theory]
    [InlineData("MA", PanelEventKind.Emergency)]
    [InlineData("QA", PanelEventKind.Emergency)]
    [InlineData("FA", PanelEventKind.Fire)]
    [InlineData("FR", PanelEventKind.Restore)]
    [InlineData("MR", PanelEventKind.Restore)]
    [InlineData("QR", PanelEventKind.Restore)]
    [InlineData("YT", PanelEventKind.Trouble)]
    [InlineData("YP", PanelEventKind.Trouble)]
    [InlineData("AT", PanelEventKind.Trouble)]
    [InlineData("YR", PanelEventKind.TroubleRestore)]
    [InlineData("AR", PanelEventKind.TroubleRestore)]
    [InlineData("RP", PanelEventKind.Heartbeat)]
    [InlineData("BA", PanelEventKind.Ignored)]
    [InlineData("CL", PanelEventKind.Ignored)]
    [InlineData("WA", PanelEventKind.Generic)]
    [InlineData("UT", PanelEventKind.Generic)]
    public void SiaCodesMapByDefault(string code, PanelEventKind kind) =>
        Assert.Equal(kind, PanelEventMap.Default.Classify(new SiaEvent(code, 1, null)));

    [Fact]
    public void VendorEntriesOverrideTheDefaultsForThatVendorOnly()
    {
        var map = PanelEventMap.Parse(VestaJson);

        Assert.Equal(PanelEventKind.Fall, map.Classify(new ContactIdEvent(1, 101, 1, 7), "vesta"));
        Assert.Equal(PanelEventKind.Restore, map.Classify(new ContactIdEvent(3, 101, 1, 7), "vesta"));
        Assert.Equal(PanelEventKind.Emergency, map.Classify(new ContactIdEvent(1, 102, 1, 7), "Vesta"));
        Assert.Equal(PanelEventKind.Restore, map.Classify(new ContactIdEvent(3, 102, 1, 7), "vesta"));
        Assert.Equal(PanelEventKind.Fall, map.Classify(new SiaEvent("FL", 3, 1), "vesta"));
        Assert.Equal(PanelEventKind.Trouble, map.Classify(new SiaEvent("MA", 3, 1), "vesta"));
        Assert.Equal(PanelEventKind.Emergency, map.Classify(new ContactIdEvent(1, 101, 1, 7), "other"));
        Assert.Equal(PanelEventKind.Emergency, map.Classify(new SiaEvent("MA", 3, 1)));
        Assert.True(map.HasVendor("VESTA"));
        Assert.False(map.HasVendor("other"));
    }

    [Fact]
    public void FrameInterpretsToItsMappedEventsWithZoneAndArea()
    {
        var map = PanelEventMap.Parse(VestaJson);
        var sia = new Dc09Frame(Dc09Token.SiaDcs, false, 1, null, null, "1234", "#1234|Nri2/FL4/YR", [], null);
        var cid = sia with { Token = Dc09Token.AdmCid, Data = "#1234|1101 03 012" };

        Assert.Equal([new PanelEvent(PanelEventKind.Fall, "FL", 4, 2), new PanelEvent(PanelEventKind.TroubleRestore, "YR", null, 2)], map.Interpret(sia, "vesta"));
        Assert.Equal([new PanelEvent(PanelEventKind.Emergency, "1101", 12, 3)], map.Interpret(cid));
        Assert.Equal([new PanelEvent(PanelEventKind.Heartbeat, "NULL", null, null)], map.Interpret(sia with { Token = Dc09Token.Null, Data = "" }));
        Assert.Null(map.Interpret(cid with { Data = "#1234|nonsense" }));
        Assert.Empty(map.Interpret(sia with { Token = Dc09Token.Ack, Data = "" })!);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "$: must be an object")]
    [InlineData("{}", "needs a \"vendors\" object")]
    [InlineData("""{"vendors":{"v":{"contactID":{}}}}""", "$.vendors.v.contactID: is not a known property")]
    [InlineData("""{"vendors":{"v":{"contactId":{"11":"Fall"}}}}""", "$.vendors.v.contactId.11: a key is 3 digits")]
    [InlineData("""{"vendors":{"v":{"contactId":{"2101":"Fall"}}}}""", "$.vendors.v.contactId.2101")]
    [InlineData("""{"vendors":{"v":{"contactId":{"101":"Falls"}}}}""", "the value must be one of Emergency, Fire")]
    [InlineData("""{"vendors":{"v":{"contactId":{"101":3}}}}""", "it is 3")]
    [InlineData("""{"vendors":{"v":{"sia":{"fl":"Fall"}}}}""", "$.vendors.v.sia.fl: a key is 2 uppercase letters")]
    [InlineData("""{"vendors":{"v":{"sia":{"FL":"Fall","FL":"Fire"}}}}""", "each once")]
    [InlineData("""{"vendors":{"v":{},"V":{}}}""", "distinct")]
    [InlineData("""{"vendors":{"v":{"description":1}}}""", "$.vendors.v.description: must be a string")]
    public void InvalidVendorJsonIsRefusedWithThePathAndTheRule(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PanelEventMap.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultFileShippedWithTheLibraryLoadsAndItsExampleVendorMapsFallAndInactivity()
    {
        var map = PanelEventMap.Load(Path.Combine(AppContext.BaseDirectory, "panel-event-map.json"));

        Assert.Equal(["example-social-alarm"], map.Vendors);
        Assert.Equal(PanelEventKind.Fall, map.Classify(new ContactIdEvent(1, 105, 1, 1), "example-social-alarm"));
        Assert.Equal(PanelEventKind.Restore, map.Classify(new ContactIdEvent(3, 105, 1, 1), "example-social-alarm"));
        Assert.Equal(PanelEventKind.Inactivity, map.Classify(new ContactIdEvent(1, 106, 1, 1), "example-social-alarm"));
        Assert.Equal(PanelEventKind.Fall, map.Classify(new SiaEvent("FL", 1, null), "example-social-alarm"));
    }
}
