namespace CareIoT.Dc09;

/// <summary>What a panel event means to the monitoring centre, whatever code the panel used for it.</summary>
public enum PanelEventKind
{
    /// <summary>A personal or medical emergency call: pendant, pull cord, panic button.</summary>
    Emergency,

    /// <summary>Fire, smoke or heat.</summary>
    Fire,

    /// <summary>Something needs a technician: low battery, mains lost, a sensor failing, supervision lost.</summary>
    Trouble,

    /// <summary>The trouble cleared.</summary>
    TroubleRestore,

    /// <summary>The panel's periodic test report or a DC-09 NULL link test: it is alive and reachable.</summary>
    Heartbeat,

    /// <summary>An alarm condition cleared (a restore, not a cancellation by staff).</summary>
    Restore,

    /// <summary>A fall detector triggered. No standard code: vendor tables map it.</summary>
    Fall,

    /// <summary>No activity seen for too long, or a missed well-being check. Vendor tables map it.</summary>
    Inactivity,

    /// <summary>
    /// Nothing the centre acts on: burglary and arming (SIA), and every Contact ID code no table lists. A vendor
    /// table maps a code here to keep it off the consoles.
    /// </summary>
    Ignored,

    /// <summary>
    /// A well-formed SIA event whose code no table maps: the centre does not know what it means, so it
    /// becomes a technical alert carrying the code and the panel's text rather than being dropped.
    /// </summary>
    Generic,
}
