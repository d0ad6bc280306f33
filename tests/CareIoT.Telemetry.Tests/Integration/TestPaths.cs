using System.Reflection;

namespace CareIoT.Telemetry.Tests.Integration;

/// <summary>Where the repository and the services' state are, as recorded at build time.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("Assembly metadata RepositoryRoot is missing.");

    /// <summary>$CAREIOT_STATE, as deploy/lib.sh reads it, else the repository's <c>.state</c>.</summary>
    public static string StateDirectory =>
        Environment.GetEnvironmentVariable("CAREIOT_STATE") is { Length: > 0 } state ? state : Path.Combine(RepositoryRoot, ".state");
}
