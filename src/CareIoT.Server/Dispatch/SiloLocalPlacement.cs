using Orleans.Placement;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// Places a grain on the silo its key names (<see cref="SiloAddress.ToParsableString"/>): one
/// activation per silo that a caller can address without any directory of its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.SiloLocalPlacement")]
public sealed class SiloLocalPlacement : PlacementStrategy;

/// <summary>Marks a grain class for <see cref="SiloLocalPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloLocalPlacementAttribute() : PlacementAttribute(new SiloLocalPlacement());
