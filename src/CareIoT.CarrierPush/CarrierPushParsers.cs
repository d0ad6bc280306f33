namespace CareIoT.CarrierPush;

/// <summary>The records of a push whose signature was checked already: how a push kept in the inbox is read again after a restart.</summary>
public static class CarrierPushParsers
{
    public static PushParseResult Parse(CarrierPlatform platform, ReadOnlyMemory<byte> body)
    {
        if (platform == CarrierPlatform.Ctwing)
        {
            return CtwingPushParser.Parse(body);
        }

        var (envelope, problem) = OneNetEnvelope.Read(body);
        return envelope is null ? PushParseResult.Malformed(problem!) : OneNetPushParser.Parse(envelope);
    }
}
