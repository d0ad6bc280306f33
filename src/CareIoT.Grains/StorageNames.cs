namespace CareIoT.Grains;

/// <summary>Names of the grain storage providers the host must register.</summary>
public static class StorageNames
{
    /// <summary>Live state of households and beds (Redis in production).</summary>
    public const string Sites = "sites";
}
