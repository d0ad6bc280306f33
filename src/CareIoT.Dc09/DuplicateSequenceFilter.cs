namespace CareIoT.Dc09;

/// <summary>
/// Recognises a panel's retransmissions so each message is processed once. A panel that misses our ACK
/// sends the same message again with the same sequence number; that repeat is acknowledged again (the
/// panel needs the ACK) but must not raise a second alert. Call <see cref="IsRepeat"/> once for every
/// message you acknowledged, before processing it.
/// A repeat is the same account, sequence number, token and data within <c>horizon</c> (default ten
/// minutes). Not just the sequence number: a panel that restarts counts from 0001 again, and taking its
/// next fall alarm for a repeat would lose it, which is far worse than processing a repeat twice.
/// Membership, not order, decides, so the wrap from 9999 to 0001 needs no special case. Sequence 0000 is
/// never a repeat: DC-09's counter runs 0001–9999, and a panel that sends 0000 is not numbering at all.
/// Memory is bounded: the last <c>perAccount</c> messages per account, and at most <c>maxAccounts</c>
/// accounts, forgetting the one heard from longest ago. Thread-safe.
/// </summary>
public sealed class DuplicateSequenceFilter
{
    private readonly TimeProvider time;
    private readonly int perAccount;
    private readonly int maxAccounts;
    private readonly TimeSpan horizon;
    private readonly Dictionary<string, LinkedListNode<AccountHistory>> accounts = new(StringComparer.Ordinal);
    private readonly LinkedList<AccountHistory> byRecency = new();
    private readonly Lock gate = new();

    public DuplicateSequenceFilter(TimeProvider time, int perAccount = 64, int maxAccounts = 10_000, TimeSpan? horizon = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(perAccount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAccounts, 1);
        this.time = time;
        this.perAccount = perAccount;
        this.maxAccounts = maxAccounts;
        this.horizon = horizon ?? TimeSpan.FromMinutes(10);
    }

    /// <summary>Accounts currently remembered.</summary>
    public int AccountCount
    {
        get
        {
            lock (gate)
            {
                return accounts.Count;
            }
        }
    }

    /// <summary>True when this message was seen already; otherwise remembers it and returns false.</summary>
    public bool IsRepeat(Dc09Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Sequence == 0)
        {
            return false;
        }

        var seen = new Seen(frame.Sequence, HashCode.Combine(frame.Token, frame.Data), time.GetUtcNow());
        lock (gate)
        {
            var history = Touch(frame.Account);
            if (history.Contains(seen, seen.At - horizon))
            {
                return true;
            }

            history.Add(seen);
            return false;
        }
    }

    /// <summary>
    /// Takes back a frame <see cref="IsRepeat"/> just remembered, because it could not be processed
    /// (a store was down and it was not acknowledged): the panel's retransmission must be processed, not dropped.
    /// </summary>
    public void Forget(Dc09Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        lock (gate)
        {
            if (accounts.TryGetValue(frame.Account, out var node))
            {
                node.Value.Remove(frame.Sequence, HashCode.Combine(frame.Token, frame.Data));
            }
        }
    }

    private AccountHistory Touch(string account)
    {
        if (accounts.TryGetValue(account, out var node))
        {
            byRecency.Remove(node);
            byRecency.AddFirst(node);
            return node.Value;
        }

        if (accounts.Count >= maxAccounts && byRecency.Last is { } oldest)
        {
            byRecency.RemoveLast();
            accounts.Remove(oldest.Value.Account);
        }

        node = byRecency.AddFirst(new AccountHistory(account, perAccount));
        accounts[account] = node;
        return node.Value;
    }

    private readonly record struct Seen(int Sequence, int Fingerprint, DateTimeOffset At);

    /// <summary>A ring of the last messages of one account.</summary>
    private sealed class AccountHistory(string account, int size)
    {
        private readonly Seen[] ring = new Seen[size];
        private int next;
        private int count;

        public string Account { get; } = account;

        public bool Contains(Seen message, DateTimeOffset notBefore)
        {
            for (var i = 0; i < count; i++)
            {
                var old = ring[i];
                if (old.Sequence == message.Sequence && old.Fingerprint == message.Fingerprint && old.At >= notBefore)
                {
                    return true;
                }
            }

            return false;
        }

        public void Remove(int sequence, int fingerprint)
        {
            for (var i = 0; i < count; i++)
            {
                if (ring[i].Sequence == sequence && ring[i].Fingerprint == fingerprint)
                {
                    ring[i] = default;
                }
            }
        }

        public void Add(Seen message)
        {
            ring[next] = message;
            next = (next + 1) % ring.Length;
            count = Math.Min(count + 1, ring.Length);
        }
    }
}
