using LeakRights.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeakRights.Web.Tests.Data;

/// <summary>The one mapping of provider errors: an unwritable database (503, nothing saved) is told apart from a problem with the data, on SQLite and PostgreSQL.</summary>
public sealed class DatabaseErrorsTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(13)]
    [InlineData(14)]
    public void Unwritable_SqliteBusyLockedReadOnlyFullOrIo_ReturnsTheErrorWrappedOrNot(int code)
    {
        var sqlite = new SqliteException("error", code, code);

        Assert.Same(sqlite, DatabaseErrors.Unwritable(sqlite));
        Assert.Same(sqlite, DatabaseErrors.Unwritable(new DbUpdateException("save", sqlite)));
        Assert.Equal($"SQLite {code}/{code}", DatabaseErrors.Describe(sqlite));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.ReadOnlySqlTransaction)]
    [InlineData(PostgresErrorCodes.InsufficientPrivilege)]
    [InlineData(PostgresErrorCodes.DiskFull)]
    [InlineData(PostgresErrorCodes.TooManyConnections)]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.IoError)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    public void Unwritable_PostgreSqlReadOnlyFullDownOrTryAgain_ReturnsTheErrorWrappedOrNot(string state)
    {
        var pg = new PostgresException("error", "ERROR", "ERROR", state);

        Assert.Same(pg, DatabaseErrors.Unwritable(pg));
        Assert.Same(pg, DatabaseErrors.Unwritable(new DbUpdateException("save", pg)));
        Assert.Equal($"PostgreSQL {state}", DatabaseErrors.Describe(pg));
    }

    [Fact]
    public void Unwritable_PostgreSqlUnreachable_ReturnsNpgsqlsOwnError()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));

        Assert.Same(refused, DatabaseErrors.Unwritable(new DbUpdateException("save", refused)));
        Assert.Equal("PostgreSQL connection", DatabaseErrors.Describe(refused));
    }

    [Fact]
    public void Unwritable_ConstraintOrOtherError_IsNull()
    {
        Assert.Null(DatabaseErrors.Unwritable(new DbUpdateException("save", new SqliteException("FOREIGN KEY constraint failed", 19, 787))));
        Assert.Null(DatabaseErrors.Unwritable(new DbUpdateException("save", new PostgresException("fk", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation))));
        Assert.Null(DatabaseErrors.Unwritable(new DbUpdateException("save", new PostgresException("syntax", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError))));
        Assert.Null(DatabaseErrors.Unwritable(new InvalidOperationException("other")));
    }

    [Fact]
    public void IsConstraintViolation_EitherProvider_OnlyIntegrityErrors()
    {
        Assert.True(DatabaseErrors.IsConstraintViolation(new SqliteException("UNIQUE", 19, 2067)));
        Assert.True(DatabaseErrors.IsConstraintViolation(new PostgresException("fk", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation)));
        Assert.True(DatabaseErrors.IsConstraintViolation(new PostgresException("dup", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(DatabaseErrors.IsConstraintViolation(new SqliteException("busy", 5, 5)));
        Assert.False(DatabaseErrors.IsConstraintViolation(new PostgresException("ro", "ERROR", "ERROR", PostgresErrorCodes.ReadOnlySqlTransaction)));
        Assert.False(DatabaseErrors.IsConstraintViolation(null));
    }
}
