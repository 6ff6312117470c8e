using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>A personal action plan: what the rules concluded from one answer set. The web page, the API and the PDF all show this.</summary>
public sealed record Plan(
    DateTimeOffset GeneratedAt,
    AnswerSet Answers,
    IReadOnlyList<PlanUrgent> Urgent,
    IReadOnlyList<PlanPath> Paths,
    IReadOnlyList<Authority> Authorities,
    IReadOnlyList<PlanCitation> Citations,
    IReadOnlyList<PlanEvidenceItem> EvidenceChecklist,
    IReadOnlyList<PlanDeadline> Deadlines,
    IReadOnlyList<PlanFlag> Flags,
    DerivedFacts Facts,
    DateOnly? TextsAsOf)
{
    public Authority Authority(AuthorityId id) => Authorities.First(a => a.Id == id);

    public PlanCitation Citation(CitationRef reference) => Citations.First(c => c.Ref == reference);
}

public sealed record PlanUrgent(string Key, string Title, string Text, IReadOnlyList<AuthorityId> Authorities, IReadOnlyList<CitationRef> Citations);

public sealed record PlanPath(string Id, string Title, bool Recommended, int Priority, string Why, IReadOnlyList<PlanStep> Steps, IReadOnlyList<AuthorityId> Authorities);

public sealed record PlanStep(string Key, string Title, string Text, IReadOnlyList<CitationRef> Citations);

/// <summary>A cited article with its current verbatim text. <see cref="AsOf"/> is the date the text was last checked or edited.</summary>
public sealed record PlanCitation(CitationRef Ref, string Law, string Article, string Text, int Revision, DateOnly Effective, DateOnly AsOf);

public sealed record PlanEvidenceItem(string Key, string Text, bool Have);

/// <summary>A deadline; <see cref="Date"/> is a month (YYYY-MM) when it can be computed, else null (it runs from an event the person controls).</summary>
public sealed record PlanDeadline(string Key, string? Date, string Title, string Text, IReadOnlyList<CitationRef> Citations);

public sealed record PlanFlag(string Id, string Label, string Explain, IReadOnlyList<CitationRef> Citations);

/// <summary>The current text of a law's article, as the plan cites it.</summary>
public sealed record CatalogArticle(CitationRef Ref, string LawTitle, string Label, string Text, int Revision, DateOnly Effective, DateOnly AsOf, bool Repealed);

/// <summary>Where the rules service reads the current statute texts and authority details (the database in the app, the seed files in tests).</summary>
public interface IContentCatalog
{
    CatalogArticle? FindArticle(CitationRef reference);

    Authority? FindAuthority(AuthorityId id);
}
