using CareIoT.Benchmarks;

// deploy/bench.sh [decode] [--seconds N]
var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).DefaultIfEmpty(5).First();
Console.WriteLine($"CareIoT benchmarks on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
DecodeBenchmark.Run(TimeSpan.FromSeconds(seconds));
