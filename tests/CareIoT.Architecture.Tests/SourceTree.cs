using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CareIoT.Architecture.Tests;

/// <summary>The repository's projects and C# sources as they are on disk (build output left out).</summary>
public static partial class SourceTree
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every project under src/ and devices/, by name (e.g. <c>CareIoT.Postgres</c>), with the projects it references.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Projects { get; } = ReadProjects();

    /// <summary>Every C# file under <c>src/</c>: its path from the root and its text.</summary>
    public static IReadOnlyList<(string Path, string Text)> SourceFiles { get; } =
        [.. Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Root, f).Replace('\\', '/'), File.ReadAllText(f)))];

    /// <summary>The project a source path belongs to: <c>src/CareIoT.Server/Api/X.cs</c> → <c>CareIoT.Server</c>.</summary>
    public static string ProjectOf(string path) => path.Split('/')[1];

    /// <summary>The code lines of <paramref name="text"/> that match (comments are prose, not dependencies), with their numbers.</summary>
    public static IEnumerable<string> Lines(string path, string text, Regex pattern) =>
        text.Split('\n').Select((line, i) => (line, i))
            .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && pattern.IsMatch(l.line))
            .Select(l => $"{path}:{l.i + 1}: {l.line.Trim()}");

    private static Dictionary<string, IReadOnlyList<string>> ReadProjects() =>
        new[] { "src", "devices" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(Root, top), "*.csproj", SearchOption.AllDirectories))
            .ToDictionary(
                file => Path.GetFileNameWithoutExtension(file),
                file => (IReadOnlyList<string>)[.. XDocument.Load(file).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareIoT.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CareIoT.sln not found above " + AppContext.BaseDirectory);
    }
}
