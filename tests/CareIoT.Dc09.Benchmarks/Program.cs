using System.Globalization;
using CareIoT.Dc09;
using CareIoT.Dc09.Benchmarks;

// dotnet run -c Release --project tests/CareIoT.Dc09.Benchmarks -- [--frames N]
// Parses N pre-built frames of each kind on one thread, beside the floor of a bare CRC pass over the same bytes.
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var count = Option("--frames") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 200_000;
Console.WriteLine($"DC-09 parse benchmark: {count:N0} frames per kind, one thread; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var parser = new Dc09FrameParser();
var kinds = new (string Name, byte[][] Frames)[]
{
    ("plain ADM-CID", BenchFrames.PlainContactId(count)),
    ("plain SIA-DCS", BenchFrames.PlainSia(count)),
    ("encrypted ADM-CID (AES-256)", BenchFrames.EncryptedContactId(count)),
};

Console.WriteLine($"{"kind",-30} {"bytes/frame",12} {"parsed/s",14} {"CRC only/s",14} {"ratio",7}");
var rates = new Dictionary<string, (double Parsed, double Crc)>();
foreach (var (name, frames) in kinds)
{
    var parsed = ParseBenchmark.Parse(parser, frames);
    var crc = ParseBenchmark.CrcOnly(frames);
    rates[name] = (parsed, crc);
    Console.WriteLine($"{name,-30} {frames.Average(f => f.Length),12:F0} {parsed,14:N0} {crc,14:N0} {parsed / crc,7:F3}");
}

var plain = ParseBenchmark.Parse(parser, [.. kinds[0].Frames, .. kinds[1].Frames]);
var encrypted = rates[kinds[2].Name].Parsed;
var crcOnly = ParseBenchmark.CrcOnly([.. kinds.SelectMany(k => k.Frames)]);
Console.WriteLine($"{"plain mix (CID + SIA)",-30} {"",12} {plain,14:N0}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"BENCH dc09_plain_frames_s={plain:F0} dc09_encrypted_frames_s={encrypted:F0} crc_only_frames_s={crcOnly:F0}"));
return 0;
