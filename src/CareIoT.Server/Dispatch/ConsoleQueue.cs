using CareIoT.Contracts;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// The open alerts as the journal has them, read after push number <paramref name="Sequence"/> of
/// the console's silo: every push up to that number is already in <paramref name="Alerts"/>.
/// </summary>
public sealed record ConsoleQueue(long Sequence, IReadOnlyList<AlertSnapshot> Alerts);
