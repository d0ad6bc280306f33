namespace CareIoT.Dc09;

/// <summary>
/// How reading a frame ended. The first five mean the bytes are damaged or not DC-09 at all, and a
/// receiver does not answer them (the panel repeats); the last three mean the frame arrived intact but
/// cannot be used, and the receiver answers DUH. A host counts these per value.
/// </summary>
public enum Dc09ParseStatus
{
    /// <summary>A frame, checked and, if encrypted, decrypted.</summary>
    Ok,

    /// <summary>The bytes end before the frame does: no closing CR, or shorter than the fixed header.</summary>
    Truncated,

    /// <summary>The CRC in the header does not match the bytes it covers.</summary>
    BadCrc,

    /// <summary>The CRC matches but the length in the header does not.</summary>
    BadLength,

    /// <summary>Framing or syntax is wrong: no LF first, a non-hex header, a field out of its grammar.</summary>
    Garbage,

    /// <summary>The frame is longer than the parser's maximum.</summary>
    Oversize,

    /// <summary>Intact and well formed, but the ID token is not one DC-09 defines.</summary>
    UnknownToken,

    /// <summary>Encrypted, but the account has no key here.</summary>
    NoKey,

    /// <summary>Encrypted, and the account's key does not yield DC-09 plaintext (<c>pad|…]</c>): a wrong key.</summary>
    DecryptFailed,
}
