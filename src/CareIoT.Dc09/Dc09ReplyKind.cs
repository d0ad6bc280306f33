namespace CareIoT.Dc09;

/// <summary>Which answer a receiver sends to one frame.</summary>
public enum Dc09ReplyKind
{
    /// <summary>Nothing: the frame was damaged (the panel repeats it) or was itself an answer.</summary>
    None,

    /// <summary>Accepted: the host may process the message.</summary>
    Ack,

    /// <summary>An encrypted message's timestamp was missing or outside the window; carries the receiver's time.</summary>
    Nak,

    /// <summary>Received intact but cannot be processed: unknown account, token or data, no key, wrong key.</summary>
    Duh,
}
