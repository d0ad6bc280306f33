using System.Diagnostics;

namespace CareIoT.IntegrationTests;

/// <summary>The production units (deploy/systemd) pass systemd's own check; the long-running ones never give up restarting.</summary>
public sealed class SystemdUnitTests
{
    public static TheoryData<string> Units() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "deploy", "systemd"))
            .Where(f => f.EndsWith(".service", StringComparison.Ordinal) || f.EndsWith(".timer", StringComparison.Ordinal))
            .Select(Path.GetFileName).OfType<string>().Order()];

    [Theory]
    [MemberData(nameof(Units))]
    public async Task EachUnitPassesSystemdAnalyzeVerifyAndADaemonRestartsWithoutLimit(string unit)
    {
        var source = Path.Combine(TestPaths.RepositoryRoot, "deploy", "systemd", unit);
        var folder = Directory.CreateTempSubdirectory("careiot-units-");
        try
        {
            // A template is checked as its first instance.
            var path = Path.Combine(folder.FullName, unit.Replace("@.service", "@0.service", StringComparison.Ordinal));
            File.Copy(source, path);
            var verify = Process.Start(new ProcessStartInfo("systemd-analyze", ["verify", path]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var complaints = await verify.StandardError.ReadToEndAsync() + await verify.StandardOutput.ReadToEndAsync();
            await verify.WaitForExitAsync();

            Assert.True(verify.ExitCode == 0 && complaints.Trim().Length == 0, complaints);
            var text = await File.ReadAllTextAsync(source);
            if (unit.EndsWith(".timer", StringComparison.Ordinal) || text.Contains("Type=oneshot", StringComparison.Ordinal))
            {
                return; // a timer, or the one-shot job it starts
            }

            Assert.Contains("Restart=always", text, StringComparison.Ordinal);
            Assert.Contains("StartLimitIntervalSec=0", text.Split("[Service]")[0], StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
