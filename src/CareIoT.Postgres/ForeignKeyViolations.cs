using CareIoT.Stores;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>PostgreSQL's foreign-key violation (23503) as the stores' <see cref="UnknownReferenceException"/>.</summary>
internal static class ForeignKeyViolations
{
    /// <summary>Runs <paramref name="write"/>, turning a foreign-key violation into an <see cref="UnknownReferenceException"/> naming <paramref name="what"/>.</summary>
    public static async Task<T> Translate<T>(Func<Task<T>> write, string what)
    {
        try
        {
            return await write();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new UnknownReferenceException($"{what} is not registered", ex);
        }
    }
}
