using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace CareIoT.Dc09.Tests;

/// <summary>
/// Frames as they travel, written out literally. CRC, length and ciphertext were computed outside this
/// code base (a bitwise CRC-16/ARC and an independent AES-CBC implementation), so these tests do not
/// check the code against itself. All carry or are answered at <see cref="Now"/>.
/// </summary>
public static class WireFrames
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 34, 56, TimeSpan.Zero);

    public const string ContactIdFire = "\n62A8003D\"ADM-CID\"0001R1L1#1234[#1234|1110 01 015]_12:34:56,11-26-2026\r";
    public const string SiaFireWithLocation = "\nEC5C004B\"SIA-DCS\"0002L0#1234[#1234|Nri1/FA23][X0E11.5][Y0N48.2]_12:34:56,11-26-2026\r";
    public const string NullLinkTest = "\n25A70015\"NULL\"0003R1L1#1234[]\r";
    public const string AckForContactIdFire = "\nD2770014\"ACK\"0001R1L1#1234[]\r";
    public const string DuhForContactIdFire = "\nA2AF0014\"DUH\"0001R1L1#1234[]\r";
    public const string NakAtNow = "\n6E4B0025\"NAK\"0000R0L0A0[]_12:34:56,11-26-2026\r";

    /// <summary><c>#1234|1110 01 015</c> under <see cref="Hex128"/>, pad "padPADpad012345".</summary>
    public const string EncryptedContactId128 =
        "\n9B790078\"*ADM-CID\"0004R1L1#1234[5116D63036D065CA6BAE5B8CCBB7EB09471646C9AC0BA880085E6468C88845F68C8C8DE43DF31E6DC8233F82AD078F02\r";

    /// <summary><c>#1234|Nri1/MA5</c> under <see cref="Hex256"/>, pad "pa".</summary>
    public const string EncryptedSiaMedical256 = "\n25CC0058\"*SIA-DCS\"0005R1L1#1234[BD1D1760B3BDEF6F349521B31427FEB50655EDE59AFDDFB1E47C52C28AD87CA3\r";

    /// <summary>An encrypted NULL under the text key <see cref="Text128"/>, pad "padPADpad0".</summary>
    public const string EncryptedNullTextKey = "\n867F0055\"*NULL\"0006R1L1#1234[05607255DACBD540ADC8A75D5A0B7D0A3A942968D7AC3401D1E40293426E875B\r";

    /// <summary>The <c>*ACK</c> to sequence 0004 under <see cref="Hex128"/>, pad "padPADpad0".</summary>
    public const string EncryptedAck128 = "\nED2F0054\"*ACK\"0004R1L1#1234[C2E4E5A8AF81F10F2CE7EC60AF9D05B90436B1AE47D2E4B773D8B5FAE6ED99E1\r";

    public const string Hex128 = "000102030405060708090A0B0C0D0E0F";
    public const string Hex256 = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";
    public const string Text128 = "CareIoT-Key-0016";

    /// <summary>The pad the vectors were made with: the first n characters of one fixed string.</summary>
    public static readonly Func<int, string> FixedPad = count => "padPADpad0123456789abcdefghijkl"[..count];

    public static byte[] Bytes(string frame) => Encoding.ASCII.GetBytes(frame);

    public static string Text(byte[] frame) => Encoding.ASCII.GetString(frame);

    public static FakeTimeProvider Clock() => new(Now);
}
