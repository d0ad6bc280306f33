using System.Globalization;
using System.Text;

namespace CareIoT.Server.Privacy;

/// <summary>
/// A name as a screen anyone in the room can read may show it: first and last character kept,
/// the rest starred (张三明 → 张*明, 李明 → 李*, Li Guilan → L*******n). Counted in text elements, so an
/// emoji or a combined character is one character, never a broken half.
/// </summary>
public static class NameMask
{
    public static string Mask(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(name.Trim());
        while (e.MoveNext())
        {
            elements.Add(e.GetTextElement());
        }

        return elements.Count switch
        {
            1 => "*",
            2 => elements[0] + "*",
            _ => new StringBuilder(elements[0]).Append('*', elements.Count - 2).Append(elements[^1]).ToString(),
        };
    }
}
