namespace CareIoT.Grains;

/// <summary>Names of the grain storage providers the host must register.</summary>
public static class StorageNames
{
    /// <summary>Live state of households and beds (Redis in production).</summary>
    public const string Sites = "sites";

    /// <summary>
    /// The state name of <see cref="SiteState"/>. State evolves additively; a breaking change takes
    /// a new name (this is the second), and sites rebuild from the journal on their next activation.
    /// </summary>
    public const string SiteStateName = "site-v2";

    /// <summary>The state name of the wall rotation's settings and pins.</summary>
    public const string RotationStateName = "rotation-v1";
}
