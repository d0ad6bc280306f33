namespace CareIoT.Dc09;

/// <summary>
/// The ID token between the quotes of a frame. Whether the frame is encrypted (the token starts
/// with <c>*</c>) is carried separately, on <see cref="Dc09Frame.Encrypted"/>.
/// </summary>
public enum Dc09Token
{
    /// <summary><c>SIA-DCS</c>: SIA event codes (<c>#acct|Nri1/FA23</c>).</summary>
    SiaDcs,

    /// <summary><c>ADM-CID</c>: Ademco Contact ID (<c>#acct|1110 01 015</c>).</summary>
    AdmCid,

    /// <summary><c>NULL</c>: link test; the panel proves the path works, the data is empty.</summary>
    Null,

    /// <summary><c>ACK</c>: the receiver accepted the message.</summary>
    Ack,

    /// <summary><c>NAK</c>: the receiver rejected an encrypted message's timestamp; carries the receiver's time.</summary>
    Nak,

    /// <summary><c>DUH</c>: the receiver read the message but cannot process it.</summary>
    Duh,
}
