namespace CareIoT.Dc09;

/// <summary>
/// The mapping every centre starts from, for the standard codes that matter to people living alone.
/// A Contact ID code not here is <see cref="PanelEventKind.Ignored"/>; a SIA code not here is
/// <see cref="PanelEventKind.Generic"/>, so an unknown SIA event reaches a technician instead of vanishing.
/// Vendor tables add or override entries.
/// </summary>
internal static class PanelEventDefaults
{
    // Contact ID event codes, for qualifier 1 (new) and 6 (still present); qualifier 3 goes through Restored.
    private static readonly Dictionary<int, PanelEventKind> ContactIdCodes = new()
    {
        [100] = PanelEventKind.Emergency, // medical
        [101] = PanelEventKind.Emergency, // personal emergency (pendant)
        [102] = PanelEventKind.Inactivity, // fail to report in: the resident missed a well-being check-in
        [110] = PanelEventKind.Fire,
        [111] = PanelEventKind.Fire, // smoke
        [112] = PanelEventKind.Fire, // combustion
        [113] = PanelEventKind.Fire, // water flow (sprinkler)
        [114] = PanelEventKind.Fire, // heat
        [115] = PanelEventKind.Fire, // pull station
        [116] = PanelEventKind.Fire, // duct
        [117] = PanelEventKind.Fire, // flame
        [120] = PanelEventKind.Emergency, // panic
        [121] = PanelEventKind.Emergency, // duress
        [122] = PanelEventKind.Emergency, // silent panic
        [123] = PanelEventKind.Emergency, // audible panic
        [602] = PanelEventKind.Heartbeat, // periodic test report
    };

    private static readonly Dictionary<string, PanelEventKind> SiaCodes = new(StringComparer.Ordinal)
    {
        ["MA"] = PanelEventKind.Emergency, // medical alarm
        ["QA"] = PanelEventKind.Emergency, // emergency alarm
        ["PA"] = PanelEventKind.Emergency, // panic alarm
        ["FA"] = PanelEventKind.Fire,
        ["KA"] = PanelEventKind.Fire, // heat alarm
        ["MR"] = PanelEventKind.Restore,
        ["MH"] = PanelEventKind.Restore,
        ["QR"] = PanelEventKind.Restore,
        ["QH"] = PanelEventKind.Restore,
        ["PR"] = PanelEventKind.Restore,
        ["PH"] = PanelEventKind.Restore,
        ["FR"] = PanelEventKind.Restore,
        ["FH"] = PanelEventKind.Restore,
        ["KR"] = PanelEventKind.Restore,
        ["KH"] = PanelEventKind.Restore,
        ["YT"] = PanelEventKind.Trouble, // system battery trouble
        ["YP"] = PanelEventKind.Trouble, // power supply trouble
        ["AT"] = PanelEventKind.Trouble, // AC trouble
        ["FT"] = PanelEventKind.Trouble, // fire trouble
        ["MT"] = PanelEventKind.Trouble, // medical trouble
        ["YR"] = PanelEventKind.TroubleRestore,
        ["YQ"] = PanelEventKind.TroubleRestore,
        ["AR"] = PanelEventKind.TroubleRestore,
        ["FJ"] = PanelEventKind.TroubleRestore,
        ["MJ"] = PanelEventKind.TroubleRestore,
        ["RP"] = PanelEventKind.Heartbeat, // automatic test
        ["BA"] = PanelEventKind.Ignored, // burglary alarm
        ["BR"] = PanelEventKind.Ignored, // burglary restoral
        ["BH"] = PanelEventKind.Ignored, // burglary alarm restore
        ["OP"] = PanelEventKind.Ignored, // opening report (disarmed)
        ["CL"] = PanelEventKind.Ignored, // closing report (armed)
        ["OA"] = PanelEventKind.Ignored, // automatic opening
        ["CA"] = PanelEventKind.Ignored, // automatic closing
        ["OG"] = PanelEventKind.Ignored, // open area
        ["CG"] = PanelEventKind.Ignored, // close area
    };

    public static PanelEventKind ContactId(ContactIdEvent e)
    {
        var kind = ContactIdCodes.TryGetValue(e.Code, out var known) ? known
            : e.Code is >= 300 and <= 399 ? PanelEventKind.Trouble
            : PanelEventKind.Ignored;
        return e.Qualifier == ContactIdEvent.Restore ? Restored(kind) : kind;
    }

    public static PanelEventKind Sia(SiaEvent e) => SiaCodes.TryGetValue(e.Code, out var kind) ? kind : PanelEventKind.Generic;

    /// <summary>What a restore (qualifier 3) of an event of this kind means.</summary>
    public static PanelEventKind Restored(PanelEventKind kind) => kind switch
    {
        PanelEventKind.Emergency or PanelEventKind.Fire or PanelEventKind.Fall or PanelEventKind.Inactivity => PanelEventKind.Restore,
        PanelEventKind.Trouble => PanelEventKind.TroubleRestore,
        _ => kind,
    };
}
