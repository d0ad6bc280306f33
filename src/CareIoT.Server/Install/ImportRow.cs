using CareIoT.Contracts;
using CareIoT.Stores;

namespace CareIoT.Server.Install;

/// <summary>One household of an import file with its devices (device id = serial).</summary>
public sealed record ImportRow(int Line, HouseholdDetails Household, IReadOnlyList<(DeviceKind Kind, string Serial)> Devices);

/// <summary>What is wrong with one line of an import file.</summary>
public sealed record ImportProblem(int Line, string HouseholdId, string Problem);
