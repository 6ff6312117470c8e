using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeakRights.Web.Data;

/// <summary>
/// What a database error means for the app, the same way on SQLite and PostgreSQL: the one place that knows provider error
/// codes. "Unwritable" (busy, locked, read-only, full, I/O, the server down or refusing) is the database's own trouble and
/// becomes a 503 with nothing half-saved; a unique or other constraint violation is about the data sent.
/// </summary>
public static class DatabaseErrors
{
    // SQLite result codes: BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN.
    private static readonly int[] SqliteUnwritable = [5, 6, 8, 10, 13, 14];
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>Anything the database layer throws when the database fails (never a bug in a query of ours: those are 500s).</summary>
    public static bool IsDatabaseFailure(Exception ex) => ex is DbException or DbUpdateException;

    /// <summary>
    /// The provider error when the database could not be written or reached for a reason of its own: SQLite busy, locked,
    /// read-only, full, I/O, cannot open; PostgreSQL unreachable (no server error at all: network, timeout, pool), read-only
    /// transaction, no privilege, out of disk or connections, shutting down, serialization failure or deadlock (try again).
    /// </summary>
    public static DbException? Unwritable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when SqliteUnwritable.Contains(sqlite.SqliteErrorCode):
                    return sqlite;
                case PostgresException pg when pg.IsTransient || IsPostgreSqlUnwritable(pg.SqlState):
                    return pg;
                case PostgresException:
                    return null;
                case NpgsqlException npgsql:
                    // Npgsql's own failures (connection refused or lost, timeouts, an exhausted pool) carry no server error.
                    return npgsql;
            }
        }

        return null;
    }

    /// <summary>A short name of the error for a log line ("SQLite 5/5", "PostgreSQL 25006"), never its message (which can quote data).</summary>
    public static string Describe(DbException ex) => ex switch
    {
        SqliteException sqlite => $"SQLite {sqlite.SqliteErrorCode}/{sqlite.SqliteExtendedErrorCode}",
        PostgresException pg => $"PostgreSQL {pg.SqlState}",
        NpgsqlException => "PostgreSQL connection",
        _ => ex.GetType().Name,
    };

    /// <summary>Another row already holds this unique key (SQLite UNIQUE constraint, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>Any integrity constraint refused the data (SQLite CONSTRAINT, PostgreSQL class 23).</summary>
    public static bool IsConstraintViolation(Exception? ex) => ex switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } => true,
        PostgresException pg => pg.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };

    private static bool IsPostgreSqlUnwritable(string state) =>
        state is PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.InsufficientPrivilege
        || state.StartsWith("08", StringComparison.Ordinal) // connection exception
        || state.StartsWith("53", StringComparison.Ordinal) // insufficient resources: disk full, out of memory, too many connections
        || state.StartsWith("57P", StringComparison.Ordinal) // shutting down, cannot connect now
        || state.StartsWith("58", StringComparison.Ordinal); // system error: I/O
}
