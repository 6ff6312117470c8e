using LeakRights.Core.Content;
using LeakRights.Core.Incidents;
using LeakRights.Web.Admin;

namespace LeakRights.Web.Pages.Admin.Incidents;

/// <summary>What the shared incident form partial shows: the values as typed, the errors by field and the questionnaire's options.</summary>
public sealed record IncidentFormView(IncidentForm Form, IReadOnlyDictionary<string, string> Errors, bool IsNew, Questionnaire Questionnaire)
{
    public IReadOnlyList<QuestionOption> SourceOptions => Questionnaire.Find(IncidentRules.SourceQuestion)?.Options ?? [];

    public IReadOnlyList<QuestionOption> DataTypeOptions => Questionnaire.Find(IncidentRules.DataTypesQuestion)?.Options ?? [];

    public IReadOnlyList<QuestionOption> ScaleOptions => Questionnaire.Find(IncidentRules.ScaleQuestion)?.Options ?? [];
}
