using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CareIoT.Grains;

/// <summary>
/// The last message ids a device sent, to drop QoS 1 redeliveries cheaply. Kept as 64-bit XxHash3
/// values in a ring (512 bytes for 64 ids, no strings held), because every device twin carries one:
/// at 250,000 devices the strings alone would take gigabytes. Two different ids share a hash with
/// probability about 64 / 2^64 per message, the only way a new message could be taken for a repeat.
/// </summary>
internal sealed class RecentMessageIds(int capacity)
{
    private readonly ulong[] _ring = new ulong[capacity];
    private int _count;
    private int _next;

    public bool Contains(string id) => _ring.AsSpan(0, _count).Contains(Hash(id));

    public void Add(string id)
    {
        var hash = Hash(id);
        if (_ring.AsSpan(0, _count).Contains(hash))
        {
            return;
        }

        _ring[_next] = hash;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    private static ulong Hash(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));
}
