using System.Diagnostics;

namespace CareIoT.IntegrationTests;

/// <summary>Generated secrets stay in the state folder, readable by the owner only, and never reach a log line or the repository.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(CareIoTHostCollection.Name)]
public sealed class SecretsTests(CareIoTHostFixture host)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static string Secrets => Path.Combine(TestPaths.StateDirectory, "secrets");

    [Fact]
    public async Task GeneratedSecretsAreOwnerOnlyAndTheCookieKeysLiveWithThem()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress); // signing in makes sure the key ring exists
        Assert.True(await api.IsHealthyAsync());

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Secrets));
        foreach (var file in Directory.GetFiles(Secrets))
        {
            Assert.True(File.GetUnixFileMode(file) == OwnerOnlyFile, $"{file} is {File.GetUnixFileMode(file)}");
        }

        var keys = Path.Combine(Secrets, "data-protection");
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(keys));
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(TestPaths.StateDirectory, "runtime.json")));
    }

    [Fact]
    public async Task NoSecretAppearsInTheServerLog()
    {
        using (var api = new CareIoTApi(host.Server.BaseAddress))
        {
            await api.RegisterHouseholdWithCallButtonAsync(); // some traffic worth logging
        }

        var log = await File.ReadAllTextAsync(host.LogFile);
        Assert.NotEmpty(log);
        foreach (var secret in GeneratedSecrets().Append(TestUsers.AdminPassword))
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoSecretIsTrackedInTheRepository()
    {
        var tracked = Git("ls-files").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(tracked);
        Assert.DoesNotContain(tracked, f => f.StartsWith(".state/", StringComparison.Ordinal)
            || f.EndsWith(".pw", StringComparison.Ordinal) || f.EndsWith(".key", StringComparison.Ordinal) || f.EndsWith(".pfx", StringComparison.Ordinal));
        foreach (var secret in GeneratedSecrets())
        {
            Assert.Equal("", Git($"grep -l -F -e {secret} -- .").Trim());
        }
    }

    private static IEnumerable<string> GeneratedSecrets() =>
        Directory.GetFiles(Secrets, "*.pw").Select(f => File.ReadAllText(f).Trim()).Where(s => s.Length >= 16);

    private static string Git(string arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = TestPaths.RepositoryRoot, RedirectStandardOutput = true, UseShellExecute = false };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return output;
    }
}
