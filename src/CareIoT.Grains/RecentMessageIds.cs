namespace CareIoT.Grains;

/// <summary>A bounded set of the last message ids a device sent, to drop QoS 1 redeliveries cheaply.</summary>
internal sealed class RecentMessageIds(int capacity)
{
    private readonly HashSet<string> _ids = [];
    private readonly Queue<string> _order = new();

    public bool Contains(string id) => _ids.Contains(id);

    public void Add(string id)
    {
        if (!_ids.Add(id))
        {
            return;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }
    }
}
