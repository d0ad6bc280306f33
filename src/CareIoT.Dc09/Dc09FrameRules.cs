namespace CareIoT.Dc09;

/// <summary>What a <see cref="Dc09Frame"/> must satisfy to be encoded, with the field named in the error.</summary>
internal static class Dc09FrameRules
{
    public static void Check(Dc09Frame frame)
    {
        Require(Enum.IsDefined(frame.Token), $"Token {frame.Token} is not a DC-09 token.");
        Require(!frame.Encrypted || Dc09TokenText.MayBeEncrypted(frame.Token), $"DC-09 has no encrypted {frame.Token}.");
        Require(frame.Sequence is >= 0 and <= 9999, $"Sequence {frame.Sequence} is outside 0000–9999.");
        Require(frame.Receiver is null || IsHex(frame.Receiver, 1, 6), $"Receiver '{frame.Receiver}' is not 1–6 uppercase hex digits.");
        Require(frame.LinePrefix is null || IsHex(frame.LinePrefix, 1, 6), $"Line prefix '{frame.LinePrefix}' is not 1–6 uppercase hex digits.");
        Require(frame.IsSpecNak || IsHex(frame.Account, 3, 16), $"Account '{frame.Account}' is not 3–16 uppercase hex digits.");
        Require(IsBracketFree(frame.Data), "Data must be printable ASCII without '[' or ']'.");
        foreach (var field in frame.Extended)
        {
            Require(field.Letter is >= 'A' and <= 'Z' && IsBracketFree(field.Value), $"Extended field '{field.Letter}' needs an uppercase letter and printable ASCII without brackets.");
        }
    }

    private static bool IsHex(string? text, int least, int most) =>
        text is not null && text.Length >= least && text.Length <= most && Dc09Ascii.IsUpperHex(text);

    private static bool IsBracketFree(string? text) => text is not null && Dc09Ascii.IsPrintable(text) && !text.Contains('[') && !text.Contains(']');

    private static void Require(bool holds, string problem)
    {
        if (!holds)
        {
            throw new ArgumentException(problem, "frame");
        }
    }
}
