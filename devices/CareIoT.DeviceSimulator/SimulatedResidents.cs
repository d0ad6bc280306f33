using CareIoT.Baselines.Synthetic;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// Who lies in each simulated bed (by index, in turn): an athlete (48/min at rest), a typical elder (64), a heart
/// patient (95), and one who is slowly getting worse — her resting heart rate climbs 8/min a night over the last
/// three of the seeded nights, so the morning job sends the nurse a deterioration notice.
/// </summary>
public static class SimulatedResidents
{
    public const int SeededNights = 18;

    public static SyntheticResident For(int bed) => (bed % 4) switch
    {
        0 => SyntheticResident.Athlete with { Seed = 100 + bed },
        1 => SyntheticResident.Typical with { Seed = 100 + bed },
        2 => SyntheticResident.HeartPatient with { Seed = 100 + bed },
        _ => new SyntheticResident("getting worse", 66, 15, 100 + bed, HeartRateRisePerNight: 8, RiseFromNight: SeededNights - 3),
    };

    /// <summary>The resident's heart rate now, awake or asleep (the simulator does not keep the clock of nights).</summary>
    public static int HeartRateNow(int bed) =>
        (int)Math.Round(For(bed) is var r && r.RiseFromNight < int.MaxValue ? r.HeartRate + 3 * r.HeartRateRisePerNight : r.HeartRate) + Random.Shared.Next(-2, 3);

    public static int RespirationNow(int bed) => (int)Math.Round(For(bed).Respiration) + Random.Shared.Next(-1, 2);
}
