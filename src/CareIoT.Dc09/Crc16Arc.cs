namespace CareIoT.Dc09;

/// <summary>
/// CRC-16/ARC, the checksum DC-09 puts in front of every frame: polynomial 0x8005 processed
/// reflected (0xA001), initial value 0, no final XOR. Check value over ASCII "123456789" is 0xBB3D.
/// The caller passes exactly the span DC-09 covers: from the opening quote of the ID token up to,
/// not including, the closing CR.
/// </summary>
public static class Crc16Arc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    // One table lookup per byte instead of eight shifts: the receiver checks every frame it reads.
    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < table.Length; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
