using System.Text;
using System.Text.Json.Nodes;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Web.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Cases;

[Collection(ReadOnlyApp.Name)]
public sealed class CaseExportTests(LeakRightsFactory factory)
{
    private CaseExport Export => factory.Services.GetRequiredService<CaseExport>();

    private CaseFile File => TestCases.BankFraud(factory.Services, TestCases.Sent("e1")) with { CalendarDetails = true };

    [Fact]
    public void WritePlain_ThenRead_SameCase()
    {
        var bytes = CaseExport.WritePlain(File);

        var json = JsonNode.Parse(bytes)!.AsObject();
        var read = Export.Read(bytes, passphrase: null);

        Assert.Equal(["format", "v", "encrypted", "case"], json.Select(p => p.Key));
        Assert.Equal("leakrights-case", json["format"]!.GetValue<string>());
        Assert.False(json["encrypted"]!.GetValue<bool>());
        Assert.Equal(CaseImportOutcome.Imported, read.Outcome);
        AssertSameCase(File, read.File!);
    }

    [Fact]
    public void WriteEncrypted_ThenReadWithThePassphrase_SameCaseAndNothingReadableInTheFile()
    {
        var bytes = CaseExport.WriteEncrypted(File, "长城 long passphrase");

        var json = JsonNode.Parse(bytes)!.AsObject();
        var read = Export.Read(bytes, "长城 long passphrase");

        Assert.Equal(["format", "v", "encrypted", "kdf", "iterations", "salt", "nonce", "data"], json.Select(p => p.Key));
        Assert.Equal("pbkdf2-sha256", json["kdf"]!.GetValue<string>());
        Assert.Equal(600_000, json["iterations"]!.GetValue<int>());
        Assert.Equal(16, Convert.FromBase64String(json["salt"]!.GetValue<string>()).Length);
        Assert.Equal(12, Convert.FromBase64String(json["nonce"]!.GetValue<string>()).Length);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("EA123456789CN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("某银行", text, StringComparison.Ordinal);
        Assert.Equal(CaseImportOutcome.Imported, read.Outcome);
        AssertSameCase(File, read.File!);
    }

    [Fact]
    public void Read_EncryptedWithAWrongOrNoPassphrase_SaysSo()
    {
        var bytes = CaseExport.WriteEncrypted(File, "correct horse battery");

        Assert.Equal(CaseImportOutcome.WrongPassphrase, Export.Read(bytes, "correct horse battery!").Outcome);
        Assert.Equal(CaseImportOutcome.PassphraseNeeded, Export.Read(bytes, null).Outcome);
    }

    [Fact]
    public void Read_EncryptedFileWithAChangedHeaderOrData_NeverImports()
    {
        var json = JsonNode.Parse(CaseExport.WriteEncrypted(File, "correct horse battery"))!.AsObject();
        var data = Convert.FromBase64String(json["data"]!.GetValue<string>());
        data[0] ^= 1;

        var changedData = (JsonObject)json.DeepClone();
        changedData["data"] = Convert.ToBase64String(data);
        var moreIterations = (JsonObject)json.DeepClone();
        moreIterations["iterations"] = 600_001;
        var hugeIterations = (JsonObject)json.DeepClone();
        hugeIterations["iterations"] = 50_000_000;
        var otherKdf = (JsonObject)json.DeepClone();
        otherKdf["kdf"] = "scrypt";

        Assert.Equal(CaseImportOutcome.WrongPassphrase, Read(changedData));
        Assert.Equal(CaseImportOutcome.WrongPassphrase, Read(moreIterations));
        Assert.Equal(CaseImportOutcome.Corrupt, Read(hugeIterations));
        Assert.Equal(CaseImportOutcome.Corrupt, Read(otherKdf));

        CaseImportOutcome Read(JsonObject o) => Export.Read(Encoding.UTF8.GetBytes(o.ToJsonString()), "correct horse battery").Outcome;
    }

    [Theory]
    [InlineData("", CaseImportOutcome.NotACaseFile)]
    [InlineData("not json", CaseImportOutcome.NotACaseFile)]
    [InlineData("[]", CaseImportOutcome.NotACaseFile)]
    [InlineData("""{"format":"leakrights-content","v":1}""", CaseImportOutcome.NotACaseFile)]
    [InlineData("""{"answers":{"source":"bank"}}""", CaseImportOutcome.NotACaseFile)]
    [InlineData("""{"format":"leakrights-case","v":2,"encrypted":false,"case":{}}""", CaseImportOutcome.TooNew)]
    [InlineData("""{"format":"leakrights-case","v":1,"encrypted":false}""", CaseImportOutcome.Corrupt)]
    [InlineData("""{"format":"leakrights-case","v":1,"encrypted":false,"case":{"v":1}}""", CaseImportOutcome.Corrupt)]
    [InlineData("""{"format":"leakrights-case","v":1,"encrypted":"no","case":{}}""", CaseImportOutcome.Corrupt)]
    [InlineData("""{"format":"leakrights-case","v":1,"encrypted":true,"kdf":"pbkdf2-sha256","iterations":600000,"salt":"AAAA","nonce":"AAAA","data":"AAAA"}""", CaseImportOutcome.Corrupt)]
    public void Read_NotACaseFileOrDamaged_SaysWhich(string text, CaseImportOutcome outcome) =>
        Assert.Equal(outcome, Export.Read(Encoding.UTF8.GetBytes(text), "any passphrase").Outcome);

    [Fact]
    public void Read_PlainFileWithAByteOrderMark_Imports()
    {
        var bytes = CaseExport.WritePlain(File);

        Assert.Equal(CaseImportOutcome.Imported, Export.Read([0xEF, 0xBB, 0xBF, .. bytes], null).Outcome);
    }

    [Fact]
    public void Read_FileOverTheLimit_IsNotACaseFile()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"format\":\"leakrights-case\",\"v\":1,\"pad\":\"" + new string('x', CaseExport.MaxFileBytes) + "\"}");

        Assert.Equal(CaseImportOutcome.NotACaseFile, Export.Read(bytes, null).Outcome);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("1234567", false)]
    [InlineData("12345678", true)]
    [InlineData("长城长城长城长城", true)]
    [InlineData("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", false)] // Nine UTF-16 units a family, but three characters.
    public void CheckPassphrase_AtLeastEightCharacters(string? passphrase, bool ok) =>
        Assert.Equal(ok, CaseExport.CheckPassphrase(passphrase) is null);

    [Fact]
    public void FileName_IsTheDayInChina() => Assert.Equal("leakrights-case-20261127.json", CaseExport.FileName(new DateOnly(2026, 11, 27)));

    private static void AssertSameCase(CaseFile expected, CaseFile actual)
    {
        Assert.Equal(Encoding.UTF8.GetString(CaseFileJson.Write(expected)), Encoding.UTF8.GetString(CaseFileJson.Write(actual)));
        Assert.Equal("EA123456789CN", actual.Progress[0].Reference);
        Assert.Equal("某银行某支行", ((TextAnswer)actual.Answers.Values["organisation-name"]).Value);
        Assert.True(actual.CalendarDetails);
    }
}
