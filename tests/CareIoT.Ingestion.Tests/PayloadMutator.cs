namespace CareIoT.Ingestion.Tests;

/// <summary>Seeded mutations of a valid payload for the fuzz tests: flip a bit, insert or delete a byte, 1–4 times.</summary>
public static class PayloadMutator
{
    public static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var edits = random.Next(1, 5); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes.RemoveAt(Math.Min(at, bytes.Count - 1));
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
