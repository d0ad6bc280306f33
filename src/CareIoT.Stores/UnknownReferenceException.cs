namespace CareIoT.Stores;

/// <summary>
/// A write named a row that is not registered (a device's household or bed, a bed's facility): the store's
/// referential check, said in the registry's words, so that no caller sees a driver's exception.
/// </summary>
public sealed class UnknownReferenceException(string message, Exception inner) : Exception(message, inner);
