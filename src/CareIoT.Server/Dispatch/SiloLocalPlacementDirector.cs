using Orleans.Runtime.Placement;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// Activates a <see cref="SiloLocalPlacement"/> grain only on the silo its key names. A silo that
/// has left the cluster gets no activation elsewhere: the call fails, which is the truth (its
/// consoles went with it and reconnect to a silo that is still there).
/// </summary>
public sealed class SiloLocalPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var wanted = SiloAddress.FromParsableString(target.GrainIdentity.Key.ToString()!);
        if (context.GetCompatibleSilos(target).Contains(wanted))
        {
            return Task.FromResult(wanted);
        }

        throw new OrleansException($"Silo {wanted} is not an active member of the cluster.");
    }
}
