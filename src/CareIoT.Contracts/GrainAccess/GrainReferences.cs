using System.Runtime.CompilerServices;

namespace CareIoT.Contracts;

/// <summary>
/// <c>GetGrain</c> by string key without the per-call type resolution Orleans 10.4 does: its generic
/// <c>GetGrain&lt;T&gt;(key)</c> reads the interface's attributes and formats its type name by
/// reflection on every call (11 % of the server's CPU per ingested message in the system benchmark's
/// profile). The grain type and interface type are resolved once per factory and interface; a factory
/// that does not hand out grain references (a test substitute) is simply asked as usual.
/// </summary>
public static class GrainReferences
{
    public static T GetGrainByKey<T>(this IGrainFactory factory, string key) where T : IGrainWithStringKey =>
        TypesOf<T>.For(factory) is { } types
            ? (T)factory.GetGrain(GrainId.Create(types.Grain, key), types.Interface)
            : factory.GetGrain<T>(key);

    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class TypesOf<T> where T : IGrainWithStringKey
    {
        private static readonly ConditionalWeakTable<IGrainFactory, ResolvedTypes?> Cache = new();

        public static ResolvedTypes? For(IGrainFactory factory) =>
            Cache.GetValue(factory, f => f.GetGrain<T>("type-probe") is GrainReference probe
                ? new ResolvedTypes(probe.GrainId.Type, probe.InterfaceType)
                : null);
    }
}
