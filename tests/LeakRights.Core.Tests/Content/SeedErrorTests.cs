using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class SeedErrorTests
{
    [Fact]
    public void ToString_IsFileEntryProblem()
    {
        Assert.Equal("seeds/rules.json: paths: wrong", new SeedError("seeds/rules.json", "paths", "wrong").ToString());
    }

    [Fact]
    public void SeedValidationException_ListsEachErrorOnItsOwnLine()
    {
        SeedError[] errors = [new("a.json", "x", "bad"), new("b.json", "y", "worse")];

        var ex = new SeedValidationException(errors);

        Assert.Equal(string.Join(Environment.NewLine, "The seed data is invalid:", "  - a.json: x: bad", "  - b.json: y: worse"), ex.Message);
        Assert.Same(errors, ex.Errors);
    }

    [Fact]
    public void SeedValidationException_OtherConstructors_HaveNoErrors()
    {
        var inner = new InvalidOperationException("inner");

        Assert.Empty(new SeedValidationException().Errors);
        Assert.Equal("The seed data is invalid:" + Environment.NewLine, new SeedValidationException().Message);
        Assert.Empty(new SeedValidationException("m").Errors);
        Assert.Equal("m", new SeedValidationException("m").Message);
        var wrapped = new SeedValidationException("m", inner);
        Assert.Empty(wrapped.Errors);
        Assert.Same(inner, wrapped.InnerException);
    }
}
