using LeakRights.Core.Answers;
using LeakRights.Core.Rules;
using LeakRights.Web.Data;

namespace LeakRights.Web.Infrastructure;

/// <summary>The one place the page, the API and the PDF get a plan from: the rules service over the current statutes and authorities.</summary>
public sealed class PlanService(PlanBuilder builder, ContentSnapshotProvider content)
{
    public Plan Build(AnswerSet answers) => builder.Build(answers, content.Current);

    public ContentSnapshot Content => content.Current;
}
