namespace CareIoT.Stores;

/// <summary>What binding a panel came to.</summary>
public enum PanelRegistration
{
    Registered,

    /// <summary>The account, the panel's device id or its serial is bound already.</summary>
    Taken,

    NoHousehold,
}
