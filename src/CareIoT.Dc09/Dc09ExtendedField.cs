namespace CareIoT.Dc09;

/// <summary>
/// One extended-data block after the main data: <c>[X0E11.5]</c> is letter <c>X</c> (longitude) with
/// value <c>0E11.5</c>; likewise <c>Y</c> latitude, <c>M</c> MAC address, <c>V</c> verification, <c>H</c>
/// time of the event, <c>I</c>, <c>P</c> and others. Kept as read: interpreting them is the host's
/// business. Obligations: <see cref="Letter"/> is an uppercase ASCII letter; <see cref="Value"/> is
/// printable ASCII without <c>[</c> or <c>]</c>.
/// </summary>
public readonly record struct Dc09ExtendedField(char Letter, string Value);
