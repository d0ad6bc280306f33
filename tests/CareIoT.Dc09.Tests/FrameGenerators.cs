using System.Globalization;
using CsCheck;

namespace CareIoT.Dc09.Tests;

/// <summary>CsCheck generators of valid frames of every kind, each with the key it is encrypted under, if any.</summary>
public static class FrameGenerators
{
    public static readonly Dc09AccountKey[] Keys =
    [
        Dc09AccountKey.FromHex(WireFrames.Hex128),
        Dc09AccountKey.FromHex(WireFrames.Hex256[..48]),
        Dc09AccountKey.FromHex(WireFrames.Hex256),
        Dc09AccountKey.FromText(WireFrames.Text128),
        Dc09AccountKey.FromText("24 characters of key: ok"),
        Dc09AccountKey.FromText("thirty-two characters of key, ok"),
    ];

    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<string> Printable = Gen.String[Gen.Char[' ', '~'].Where(c => c is not ('[' or ']')), 0, 16];

    private static readonly Gen<(string? Receiver, string? Prefix, string Account)> Routing = Gen.Select(Maybe(Hex(1, 6)), Maybe(Hex(1, 6)), Hex(3, 16));

    private static readonly Gen<string> ContactIdBody = Gen.Select(Gen.OneOf('1', '3', '6'), Gen.Int[0, 999], Gen.Int[0, 99], Gen.Int[0, 999],
        (qualifier, code, partition, zone) => string.Create(CultureInfo.InvariantCulture, $"{qualifier}{code:D3} {partition:D2} {zone:D3}"));

    private static readonly Gen<string> SiaBlock = Gen.Select(Gen.Int[-1, 99], Gen.Char['A', 'Z'], Gen.Char['A', 'Z'], Gen.Int[-1, 99999],
        (area, first, second, number) => string.Create(CultureInfo.InvariantCulture, $"{(area >= 0 ? $"ri{area}/" : "")}{first}{second}{(number >= 0 ? number : "")}"));

    private static readonly Gen<string> SiaBody = SiaBlock.Array[1, 3].Select(blocks => "N" + string.Join('/', blocks));

    private static readonly Gen<(string ContactId, string Sia, string Free, string OtherAccount)> Bodies = Gen.Select(ContactIdBody, SiaBody, Printable, Hex(3, 16));

    private static readonly Gen<Dc09ExtendedField[]> Extended = Gen.Select(Gen.Char['A', 'Z'], Printable, (letter, value) => new Dc09ExtendedField(letter, value)).Array[0, 3];

    private static readonly Gen<(DateTimeOffset? Timestamp, int Key, int Variant)> Extras = Gen.Select(
        Gen.Select(Gen.Bool, Gen.Long[0, 3_155_759_999], (has, seconds) => has ? Epoch.AddSeconds(seconds) : (DateTimeOffset?)null),
        Gen.Int[0, Keys.Length - 1],
        Gen.Int[0, 3]);

    /// <summary>Any token, plain or encrypted, routing fields present or not, Contact ID, SIA or free data, extended fields, timestamps.</summary>
    public static readonly Gen<(Dc09Frame Frame, Dc09AccountKey? Key)> Frames =
        Gen.Select(Gen.Enum<Dc09Token>(), Gen.Bool, Gen.Int[0, 9999], Routing, Bodies, Extended, Extras, Build);

    private static (Dc09Frame, Dc09AccountKey?) Build(Dc09Token token, bool encrypt, int sequence,
        (string? Receiver, string? Prefix, string Account) routing, (string ContactId, string Sia, string Free, string OtherAccount) bodies,
        Dc09ExtendedField[] extended, (DateTimeOffset? Timestamp, int Key, int Variant) extras)
    {
        if (token == Dc09Token.Nak && extras.Variant == 0)
        {
            return (Dc09Frame.Nak(extras.Timestamp ?? Epoch), null);
        }

        var encrypted = encrypt && token != Dc09Token.Duh;
        var account = extras.Variant == 1 && encrypted ? bodies.OtherAccount : routing.Account;
        var data = token switch
        {
            Dc09Token.AdmCid => $"#{account}|{bodies.ContactId}",
            Dc09Token.SiaDcs => $"#{account}|{bodies.Sia}",
            _ when extras.Variant == 2 && !encrypted => bodies.Free,
            _ => "",
        };
        var frame = new Dc09Frame(token, encrypted, sequence, routing.Receiver, routing.Prefix, routing.Account, data, extended, extras.Timestamp);
        return (frame, encrypted ? Keys[extras.Key] : null);
    }

    public static string Print((Dc09Frame Frame, Dc09AccountKey? Key) sample) =>
        $"{sample.Frame} Extended=[{string.Join(", ", sample.Frame.Extended)}] Key={sample.Key}";

    private static Gen<string> Hex(int least, int most) => Gen.String[Gen.Char["0123456789ABCDEF"], least, most];

    private static Gen<string?> Maybe(Gen<string> gen) => Gen.Select(Gen.Bool, gen, (has, value) => has ? value : null);
}
