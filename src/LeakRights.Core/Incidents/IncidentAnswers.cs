using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Incidents;

/// <summary>
/// How a published incident enters the check and the plan: the answers a check started from an incident page begins with
/// (the person confirms or changes each on the ordinary steps), and the one place the plan learns which incident its
/// answers name. The incident itself is an answer to the hidden question <see cref="QuestionId"/> holding its slug.
/// </summary>
public static class IncidentAnswers
{
    /// <summary>The hidden questionnaire question that holds the slug of the incident a check was started from.</summary>
    public const string QuestionId = "incident";

    /// <summary>How the incident became known to the person: the <c>discovery</c> option prefilled (a public report).</summary>
    public const string DiscoveryQuestion = "discovery";

    public const string DiscoveryOption = "news";

    /// <summary>
    /// The answers a check starts with for <paramref name="incident"/>: <c>source</c>, <c>organisation-name</c>,
    /// <c>data-types</c>, <c>scale</c>, <c>discovery</c> (news) and the incident's slug, each parsed like a posted answer
    /// (a value the current questionnaire no longer takes is left out, for the person to answer) and normalised (an
    /// answer a prefilled one hides is dropped).
    /// </summary>
    public static AnswerSet Prefill(Incident incident, QuestionnaireWalker walker, AnswerParser parser)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(walker);
        ArgumentNullException.ThrowIfNull(parser);
        var raw = new (string Question, IReadOnlyList<string> Values)[]
        {
            ("source", [incident.Source]),
            ("organisation-name", [incident.Organisation]),
            ("data-types", incident.DataTypes),
            ("scale", [incident.Scale]),
            (DiscoveryQuestion, [DiscoveryOption]),
            (QuestionId, [incident.Slug]),
        };

        var answers = AnswerSet.Empty;
        foreach (var (id, values) in raw)
        {
            if (walker.Questionnaire.Find(id) is not { LetterOnly: false } question)
            {
                continue;
            }

            // An option the questionnaire does not have (any more) is left out; the others still count.
            var known = question.Type is QuestionType.SingleChoice or QuestionType.MultiChoice ? values.Where(v => question.FindOption(v) is not null).ToList() : values;
            var (value, error) = parser.Parse(question, RawAnswer.FromForm(known));
            if (error is null && value is not null)
            {
                answers = answers.With(id, value);
            }
        }

        return walker.Normalize(answers);
    }

    /// <summary>The slug the answers name, if any (not yet checked against the published incidents).</summary>
    public static string? Slug(AnswerSet answers) => answers.Text(QuestionId);

    /// <summary>
    /// The published incident the answers name, and the answers the plan decides on: a slug that is not (or no longer)
    /// published, or any answer without a catalog, is dropped, so an unknown incident changes nothing.
    /// </summary>
    public static (AnswerSet Answers, Incident? Incident) Resolve(AnswerSet answers, IIncidentCatalog? incidents)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (Slug(answers) is not { } slug)
        {
            return (answers, null);
        }

        var incident = incidents?.FindIncident(slug);
        return incident is null ? (answers.Without(QuestionId), null) : (answers, incident);
    }
}
