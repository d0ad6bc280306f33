using System.Reflection;

namespace CareIoT.IntegrationTests;

/// <summary>Where the repository and the built server are, as recorded at build time.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string ServerAssembly => Metadata("ServerAssembly");

    public static string StateDirectory =>
        Environment.GetEnvironmentVariable("CAREIOT_STATE") is { Length: > 0 } state ? state : Path.Combine(RepositoryRoot, ".state");

    public static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
