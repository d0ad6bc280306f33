using CareIoT.Contracts.Rotation;

namespace CareIoT.Grains.Rotation;

/// <summary>What the rotation keeps across restarts: its settings and pins. Coverage lives in the log.</summary>
[GenerateSerializer, Alias("CareIoT.RotationState")]
public sealed class RotationState
{
    [Id(0)] public RotationSettings? Settings { get; set; }

    [Id(1)] public List<string> Pinned { get; set; } = [];
}
