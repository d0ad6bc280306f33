namespace CareIoT.Architecture.Tests;

/// <summary>
/// Which project may reference which (docs/ARCHITECTURE.md, "Project graph"). The rule for <c>src</c> ↔ <c>devices</c>:
/// the platform depends on the device-side contract (<c>CareIoT.DeviceProtocol</c>, which depends on nothing); a device
/// simulator may use only src libraries without I/O that both ends share — the DC-09 wire format (<c>CareIoT.Dc09</c>)
/// and the resident model (<c>CareIoT.Baselines</c>) — never a part of the running platform.
/// </summary>
public sealed class ProjectGraphTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["CareIoT.DeviceProtocol"] = [],
        ["CareIoT.DeviceSimulator"] = ["CareIoT.DeviceProtocol", "CareIoT.Dc09", "CareIoT.Baselines"],
        ["CareIoT.Contracts"] = [],
        ["CareIoT.Dc09"] = [],
        ["CareIoT.Baselines"] = ["CareIoT.Contracts"],
        ["CareIoT.Reports"] = ["CareIoT.Contracts"],
        ["CareIoT.Stores"] = ["CareIoT.Contracts"],
        ["CareIoT.Postgres"] = ["CareIoT.Contracts", "CareIoT.Stores"],
        ["CareIoT.Telemetry"] = ["CareIoT.Contracts", "CareIoT.Baselines", "CareIoT.Reports"],
        ["CareIoT.Grains"] = ["CareIoT.Contracts", "CareIoT.Baselines"],
        ["CareIoT.Ingestion"] = ["CareIoT.Contracts", "CareIoT.DeviceProtocol"],
        ["CareIoT.PanelReceiver"] = ["CareIoT.Contracts", "CareIoT.Dc09"],
        ["CareIoT.CarrierPush"] = ["CareIoT.Contracts"],
        ["CareIoT.Server"] =
        [
            "CareIoT.Contracts", "CareIoT.Grains", "CareIoT.Ingestion", "CareIoT.PanelReceiver", "CareIoT.CarrierPush",
            "CareIoT.Dc09", "CareIoT.Stores", "CareIoT.Postgres", "CareIoT.Telemetry", "CareIoT.Reports",
        ],
    };

    [Fact]
    public void EveryProjectIsInTheGraph()
    {
        Assert.Equal(Allowed.Keys.Order(), SourceTree.Projects.Keys.Order());
    }

    [Fact]
    public void EachProjectReferencesOnlyWhatTheGraphAllows()
    {
        var wrong = SourceTree.Projects
            .SelectMany(p => p.Value.Where(r => !Allowed.GetValueOrDefault(p.Key, []).Contains(r)).Select(r => $"{p.Key} → {r}"))
            .ToList();
        Assert.True(wrong.Count == 0, "references the graph does not allow:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void OnlyTheHostWiresTheStoresAndNoGrainKnowsAStore()
    {
        var users = SourceTree.Projects.Where(p => p.Value.Contains("CareIoT.Postgres") || p.Value.Contains("CareIoT.Telemetry")).Select(p => p.Key);
        Assert.Equal(["CareIoT.Server"], users);
    }

    [Fact]
    public void TheArchitectureMapNamesEveryProject()
    {
        var map = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "ARCHITECTURE.md"));
        Assert.All(SourceTree.Projects.Keys, p => Assert.Contains(p, map, StringComparison.Ordinal));
    }
}
