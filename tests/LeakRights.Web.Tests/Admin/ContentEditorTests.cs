using LeakRights.Web.Admin;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Tests.Admin;

/// <summary>Which database failures are an edit conflict and which are an unwritable database (LockedDatabaseTests runs the real lock).</summary>
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

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(13)]
    [InlineData(14)]
    public void UnwritableDatabase_BusyLockedReadOnlyFullOrIo_ReturnsTheSqliteErrorWrappedOrNot(int code)
    {
        var sqlite = new SqliteException("error", code, code);

        Assert.Same(sqlite, ContentEditor.UnwritableDatabase(sqlite));
        Assert.Same(sqlite, ContentEditor.UnwritableDatabase(new DbUpdateException("save", sqlite)));
    }

    [Fact]
    public void UnwritableDatabase_ConstraintOrOtherError_IsNull()
    {
        Assert.Null(ContentEditor.UnwritableDatabase(new DbUpdateException("save", new SqliteException("FOREIGN KEY constraint failed", 19, 787))));
        Assert.Null(ContentEditor.UnwritableDatabase(new InvalidOperationException("other")));
    }
}
