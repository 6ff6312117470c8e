namespace LeakRights.Core.Tests.Pdf;

/// <summary>
/// Writes the bank scenario's PDF to the path in LEAKRIGHTS_PDF_OUT, for docs/screenshots (see docs/testing.md).
/// Without the variable it only checks that rendering works.
/// </summary>
public class ScreenshotSource
{
    [Fact]
    public void Render_ForScreenshots_WritesPdfWhenAsked()
    {
        var pdf = PlanPdfTests.Render(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"));

        Assert.NotEmpty(pdf);
        if (Environment.GetEnvironmentVariable("LEAKRIGHTS_PDF_OUT") is { Length: > 0 } path)
        {
            File.WriteAllBytes(path, pdf);
        }
    }
}
