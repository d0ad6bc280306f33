using System.Globalization;
using CareIoT.Dc09;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// Builds one panel's DC-09 frames and reads the receiver's answers: sequence numbers 0001–9999 and
/// round again to 0001, a timestamp on encrypted frames from the panel's clock (which a NAK sets
/// right), AES under the account's key when it has one. Not thread-safe: one exchange at a time.
/// </summary>
public sealed class PanelFrames(string account, Dc09AccountKey? key, TimeProvider time)
{
    private static readonly Dc09FrameParser Parser = new();
    private readonly Dc09FrameEncoder _encoder = new();

    // Not 0001: the receiver takes the same sequence and data within ten minutes for a retransmission,
    // so a simulator restarted at 0001 would have its first alarms acknowledged and dropped.
    private int _sequence = Random.Shared.Next(0, 9999);
    private TimeSpan _clockError;

    public bool Encrypted => key is not null;

    /// <summary>A NULL link test: no data, only proof that the path to the receiver works.</summary>
    public Dc09Frame LinkTest() => new(Dc09Token.Null, Encrypted, NextSequence(), null, null, account, "", [], Stamp());

    /// <summary>A Contact ID event in partition 01, e.g. qualifier 1, code 110, zone 15: <c>1110 01 015</c>.</summary>
    public Dc09Frame ContactId(int qualifier, int code, int zone) =>
        new(Dc09Token.AdmCid, Encrypted, NextSequence(), "1", "1", account,
            string.Create(CultureInfo.InvariantCulture, $"#{account}|{qualifier}{code:D3} 01 {zone:D3}"), [], Stamp());

    public byte[] Encode(Dc09Frame frame) => _encoder.Encode(frame, key);

    /// <summary>After a NAK: sets the panel's clock by the receiver's and stamps the frame again, same sequence.</summary>
    public Dc09Frame Restamp(Dc09Frame frame, DateTimeOffset receiverTime)
    {
        _clockError = receiverTime - time.GetUtcNow();
        return frame with { Timestamp = Stamp() };
    }

    /// <summary>The receiver's answer, or null when it does not parse; an encrypted ACK is read with the account's key.</summary>
    public Dc09Frame? ReadAnswer(byte[] bytes) => Parser.Parse(bytes, _ => key).Frame;

    private int NextSequence() => _sequence = (_sequence % 9999) + 1;

    private DateTimeOffset? Stamp() => Encrypted ? time.GetUtcNow() + _clockError : null;
}
