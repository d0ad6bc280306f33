using System.Globalization;

namespace CareIoT.Dc09.Benchmarks;

/// <summary>
/// Frames as a centre's panels send them: 1,000 accounts, each frame a different sequence and zone,
/// stamped with the same minute. Encrypted frames use one AES-256 key for every account.
/// </summary>
internal static class BenchFrames
{
    public static readonly Dc09AccountKey Key = Dc09AccountKey.FromHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");

    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 34, 56, TimeSpan.Zero);

    public static byte[][] PlainContactId(int count) => Make(count, i => Frame(Dc09Token.AdmCid, false, i, ContactId(i)), null);

    public static byte[][] PlainSia(int count) => Make(count, i => Frame(Dc09Token.SiaDcs, false, i, Sia(i)), null);

    public static byte[][] EncryptedContactId(int count) => Make(count, i => Frame(Dc09Token.AdmCid, true, i, ContactId(i)), Key);

    private static byte[][] Make(int count, Func<int, Dc09Frame> frame, Dc09AccountKey? key)
    {
        var encoder = new Dc09FrameEncoder();
        return [.. Enumerable.Range(0, count).Select(i => encoder.Encode(frame(i), key))];
    }

    private static Dc09Frame Frame(Dc09Token token, bool encrypted, int i, Func<string, string> data)
    {
        var account = Account(i);
        return new Dc09Frame(token, encrypted, 1 + (i % 9999), "1", "1", account, data(account), [], At);
    }

    private static string Account(int i) => (0x1000 + (i % 1000)).ToString("X4", CultureInfo.InvariantCulture);

    private static Func<string, string> ContactId(int i) => account => string.Create(CultureInfo.InvariantCulture, $"#{account}|1101 01 {i % 1000:D3}");

    private static Func<string, string> Sia(int i) => account => string.Create(CultureInfo.InvariantCulture, $"#{account}|Nri1/MA{i % 1000}");
}
