using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Core.Content;
using LeakRights.Core.Incidents;
using LeakRights.Core.Pdf;
using LeakRights.Core.Rules;
using LeakRights.Web.Data;

namespace LeakRights.Web.Infrastructure;

/// <summary>The one place the page, the API and the PDF get a plan from: the rules service over the current statutes and authorities.</summary>
public sealed class PlanService(PlanBuilder builder, ContentSnapshotProvider content, IIncidentCatalog incidents, ContentBundle seeds)
{
    /// <summary>The plan for <paramref name="answers"/>; <paramref name="letterFields"/> fill its letters (for one PDF, never kept).</summary>
    public Plan Build(AnswerSet answers, IReadOnlyDictionary<string, string>? letterFields = null, IReadOnlyList<ProgressEntry>? progress = null) =>
        builder.Build(answers, content.Current, letterFields, progress, incidents);

    public ContentSnapshot Content => content.Current;

    /// <summary>The font every PDF shares (the seeds' public characters, subset and deflated once per process).</summary>
    public PdfFontSet PdfFonts => seeds.PdfFonts;

    /// <summary>The published incidents the plans read (the check's <c>incident</c> answer counts only for these).</summary>
    public IIncidentCatalog Incidents => incidents;
}
