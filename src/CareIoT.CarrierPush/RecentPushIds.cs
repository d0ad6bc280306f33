namespace CareIoT.CarrierPush;

/// <summary>
/// The record ids processed lately (bounded, oldest forgotten first), so a platform's re-push is counted
/// as a duplicate without a grain call. Forgetting is safe: the grain and the journal are idempotent on the
/// same id. Thread-safe.
/// </summary>
public sealed class RecentPushIds(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public bool Contains(string id)
    {
        lock (_gate)
        {
            return _ids.Contains(id);
        }
    }

    public void Add(string id)
    {
        lock (_gate)
        {
            if (!_ids.Add(id))
            {
                return;
            }

            _order.Enqueue(id);
            while (_order.Count > Math.Max(1, capacity))
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }
}
