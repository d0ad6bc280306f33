namespace CareIoT.CarrierPush;

/// <summary>
/// The installer-editable product file (<c>carrier-products.json</c> beside the host shows the schema):
/// read and checked once at start, so a typo stops the host with the JSON path of the problem instead of
/// silently mapping a fire to nothing. Product names ignore case. Immutable and thread-safe.
/// </summary>
public sealed class CarrierProductMap
{
    private readonly Dictionary<string, CarrierProduct> _products;

    private CarrierProductMap(Dictionary<string, CarrierProduct> products) => _products = products;

    public IEnumerable<CarrierProduct> Products => _products.Values;

    /// <summary>Reads a product document; throws <see cref="FormatException"/> naming the JSON path of the first problem.</summary>
    public static CarrierProductMap Parse(string json) => new(CarrierProductMapJson.Read(json));

    public static CarrierProductMap Load(string path) => Parse(File.ReadAllText(path));

    public CarrierProduct? Find(string? name) => name is not null && _products.TryGetValue(name, out var product) ? product : null;
}
