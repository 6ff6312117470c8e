using System.Text;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;

namespace LeakRights.Core.Tests.Cases;

/// <summary>The case payload: versioned, round-trips exactly, and a case written by an older app still opens.</summary>
public class CaseFileJsonTests
{
    private static readonly QuestionnaireWalker Walker = TestContent.Walker();

    private static CaseFile Sample() => new(
        TestContent.Answers("""{"source":"courier","organisation-name":"某某快递","insider":"no","data-types":["contact","address"],"scale":"only-me","discovery":["spam"],"discovered-on":"2026-11","evidence":["none"],"harms":["spam"],"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no"}"""),
        new Dictionary<string, string> { ["your-name"] = "王小明", ["your-contact"] = "13800000000" },
        [
            new ProgressEntry("a1", "send-deletion-request", ProgressKind.Done, new DateOnly(2026, 11, 26), "ems", "EA123456789CN", "寄给客服部", null),
            new ProgressEntry("a2", "send-deletion-request", ProgressKind.Reply, new DateOnly(2026, 12, 3), null, null, null, "refused"),
        ],
        new DateOnly(2026, 11, 26))
    {
        CalendarDetails = true,
    };

    [Fact]
    public void WriteThenRead_Case_IsTheSameCaseAtTheCurrentVersion()
    {
        var file = Sample();

        var read = CaseFileJson.Read(CaseFileJson.Write(file), Walker);

        Assert.NotNull(read);
        Assert.Equal(CaseFile.CurrentVersion, read.Version);
        Assert.Empty(read.DroppedAnswers);
        Assert.Equal(AnswerJson.Write(file.Answers), AnswerJson.Write(read.File.Answers));
        Assert.Equal(file.LetterFields, read.File.LetterFields);
        Assert.Equal(file.Progress, read.File.Progress);
        Assert.Equal(file.CreatedOn, read.File.CreatedOn);
        Assert.True(read.File.CalendarDetails);
    }

    [Fact]
    public void Read_StoredVersion1Payload_OpensWithEverythingInIt()
    {
        // Written by the first app that saved cases (payload v1); every later app must read it.
        const string stored = """{"v":1,"createdOn":"2026-11-26","answers":{"contacted-organisation":"not-yet","data-types":["contact","address"],"discovered-on":"2026-11","discovery":["spam"],"evidence":["none"],"harms":["spam"],"insider":"no","ongoing-danger":"no","organisation-name":"某某快递","police-report":"no","scale":"only-me","source":"courier"},"letter":{"your-contact":"13800000000","your-name":"王小明"},"calendarDetails":true,"progress":[{"id":"a1","step":"send-deletion-request","kind":"done","on":"2026-11-26","channel":"ems","reference":"EA123456789CN","note":"寄给客服部"},{"id":"a2","step":"send-deletion-request","kind":"reply","on":"2026-12-03","reply":"refused"}]}""";

        var read = CaseFileJson.Read(Encoding.UTF8.GetBytes(stored), Walker);

        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(stored, Encoding.UTF8.GetString(CaseFileJson.Write(read.File)));
    }

    [Fact]
    public void Read_AnswerTheQuestionnaireNoLongerHas_DroppedAndNamedCaseStillOpens()
    {
        const string old = """{"v":1,"createdOn":"2026-11-26","answers":{"source":"courier","retired-question":"x","scale":"no-such-option","data-types":["contact"],"discovery":["spam"],"discovered-on":"2026-11","evidence":["none"],"harms":["spam"],"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no"},"letter":{"your-name":"王小明","retired-field":"x"},"progress":[{"id":"a1","step":"renamed-step","kind":"done","on":"2026-11-26"},{"id":"bad","kind":"done"}]}""";

        var read = CaseFileJson.Read(Encoding.UTF8.GetBytes(old), Walker);

        Assert.NotNull(read);
        Assert.Equal(["retired-question", "scale"], read.DroppedAnswers.Order(StringComparer.Ordinal));
        Assert.Equal("courier", read.File.Answers.Choice("source"));
        Assert.Equal("王小明", read.File.LetterFields["your-name"]);
        Assert.Equal("renamed-step", Assert.Single(read.File.Progress).Step);
    }

    [Fact]
    public void Read_EntryWithANumberWhereTextBelongs_IsLeftOutTheRestKept()
    {
        const string json = """{"v":1,"createdOn":"2026-11-26","answers":{},"progress":[{"id":5,"step":"s","kind":"done","on":"2026-11-26"},{"id":"ok","step":"s","kind":"done","on":"2026-11-26","reference":7}]}""";

        var read = CaseFileJson.Read(Encoding.UTF8.GetBytes(json), Walker);

        var entry = Assert.Single(read!.File.Progress);
        Assert.Equal("ok", entry.Id);
        Assert.Null(entry.Reference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"v\":2,\"createdOn\":\"2026-11-26\",\"answers\":{}}")]
    [InlineData("{\"v\":0,\"createdOn\":\"2026-11-26\",\"answers\":{}}")]
    [InlineData("{\"v\":1,\"createdOn\":\"26.11.2026\",\"answers\":{}}")]
    [InlineData("{\"v\":1,\"createdOn\":\"2026-11-26\",\"answers\":[]}")]
    [InlineData("{\"v\":1,\"createdOn\":\"2026-11-26\",\"answers\":{},\"progress\":[{\"id\":\"\\ud800\",\"step\":\"s\",\"kind\":\"done\",\"on\":\"2026-11-26\"}]}")]
    public void Read_NotACaseThisAppCanRead_IsNull(string json)
    {
        Assert.Null(CaseFileJson.Read(Encoding.UTF8.GetBytes(json), Walker));
    }
}
