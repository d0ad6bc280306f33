using CareIoT.Benchmarks;

// deploy/bench.sh [decode|journal|import|system|all|baselines] [--quick] [--ingest-only] [--memory-only] [--seconds N] [--writes N] [--households N]
string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).DefaultIfEmpty(fallback).First();
var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)) ?? "all";
Console.WriteLine($"CareIoT benchmarks on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
if (which is "decode" or "all")
{
    DecodeBenchmark.Run(TimeSpan.FromSeconds(int.Parse(Option("--seconds", "5"), System.Globalization.CultureInfo.InvariantCulture)));
}

if (which is "journal" or "all")
{
    await JournalBenchmark.RunAsync(int.Parse(Option("--writes", "2000"), System.Globalization.CultureInfo.InvariantCulture));
}

if (which is "import" or "all")
{
    await ImportBenchmark.RunAsync(int.Parse(Option("--households", "20000"), System.Globalization.CultureInfo.InvariantCulture));
}

if (which is "baselines")
{
    await BaselineBenchmark.RunAsync(int.Parse(Option("--beds", "5000"), System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Option("--nights", "14"), System.Globalization.CultureInfo.InvariantCulture));
}

if (which is "system" or "all")
{
    await SystemBenchmark.RunAsync(quick: args.Contains("--quick"), ingestOnly: args.Contains("--ingest-only"), memoryOnly: args.Contains("--memory-only"));
}
