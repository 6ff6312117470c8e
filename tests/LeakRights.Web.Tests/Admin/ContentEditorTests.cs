using LeakRights.Web.Admin;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeakRights.Web.Tests.Admin;

/// <summary>Which database failures are an edit conflict (Data/DatabaseErrorsTests: which are an unwritable database; LockedDatabaseTests runs the real lock).</summary>
public sealed class ContentEditorTests
{
    [Fact]
    public void IsConflict_ConcurrencyTokenMissed_IsAConflict() =>
        Assert.True(ContentEditor.IsConflict(new DbUpdateConcurrencyException("0 rows affected")));

    [Fact]
    public void IsConflict_SameRevisionNumberSavedFirst_IsAConflict() =>
        Assert.True(ContentEditor.IsConflict(new DbUpdateException("save", new SqliteException("UNIQUE constraint failed: ArticleRevisions.ArticleId, ArticleRevisions.Revision", 19, 2067))));

    [Theory]
    [InlineData(5, 5)] // busy
    [InlineData(6, 6)] // locked
    [InlineData(8, 8)] // read-only
    [InlineData(13, 13)] // full
    [InlineData(19, 787)] // a foreign key: a bug, not a conflict
    public void IsConflict_AnyOtherDatabaseError_IsNotAConflict(int code, int extended) =>
        Assert.False(ContentEditor.IsConflict(new DbUpdateException("save", new SqliteException("error", code, extended))));

    [Fact]
    public void IsConflict_PostgreSqlUniqueViolation_IsAConflict() =>
        Assert.True(ContentEditor.IsConflict(new DbUpdateException("save", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation))));

    [Theory]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation)]
    [InlineData(PostgresErrorCodes.ReadOnlySqlTransaction)]
    [InlineData(PostgresErrorCodes.DiskFull)]
    public void IsConflict_AnyOtherPostgreSqlError_IsNotAConflict(string state) =>
        Assert.False(ContentEditor.IsConflict(new DbUpdateException("save", new PostgresException("error", "ERROR", "ERROR", state))));
}
