namespace CareIoT.CarrierPush;

/// <summary>What a push is answered: an HTTP status and a short plain-text body.</summary>
public sealed record PushAnswer(int Status, string Text)
{
    public static readonly PushAnswer Ok = new(200, "ok");

    public static readonly PushAnswer Busy = new(503, "busy: push again later");
}
