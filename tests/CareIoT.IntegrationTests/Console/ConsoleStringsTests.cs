using System.Text.Json;
using System.Text.RegularExpressions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The console's strings live in i18n/zh-CN.json and i18n/en.json: both hold the same keys, and every
/// key the pages use (data-text in the HTML, t("…") in the scripts) is in them.
/// </summary>
public sealed partial class ConsoleStringsTests
{
    private static readonly string Root = Path.Combine(TestPaths.RepositoryRoot, "src", "CareIoT.Server", "wwwroot");

    [Fact]
    public void BothLanguagesHaveTheSameKeysAndNoEmptyString()
    {
        var chinese = Strings("zh-CN");
        var english = Strings("en");
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.DoesNotContain(chinese.Concat(english), pair => string.IsNullOrWhiteSpace(pair.Value));
        Assert.True(chinese.Count > 50);
    }

    [Fact]
    public void EveryKeyThePagesUseIsInTheResourceFiles()
    {
        var keys = Strings("zh-CN").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(Root, "*.html").SelectMany(f => DataText().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Concat(Directory.EnumerateFiles(Root, "*.js").SelectMany(f => TCall().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value)))
            .ToHashSet();
        Assert.True(used.Count > 30, $"only {used.Count} keys found: the patterns no longer match the pages");
        Assert.Empty(used.Except(keys));
    }

    private static Dictionary<string, string> Strings(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Root, "i18n", $"{language}.json")))!;

    [GeneratedRegex("data-text=\"(?<key>[^\"]+)\"")]
    private static partial Regex DataText();

    // t("key"), and the wall's fact(dl, "key", …) which looks its key up itself.
    [GeneratedRegex("(\\bt\\(|\\bfact\\(dl, )\"(?<key>[^\"]+)\"")]
    private static partial Regex TCall();
}
