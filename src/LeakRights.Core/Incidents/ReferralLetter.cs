using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Incidents;

/// <summary>What the person chose for a referral letter: the addressee and province, and their own optional details.</summary>
public sealed record ReferralRequest(string Addressee, string Province, string? Name, string? Contact, string? Affected);

/// <summary>A referral form read: the request, or a message per field (keyed by the form's field names).</summary>
public sealed record ReferralParse(ReferralRequest? Request, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Request is not null && Errors.Count == 0;
}

/// <summary>A filled referral letter (线索材料) and the verbatim text of the articles it cites, for the PDF and the Word file.</summary>
public sealed record ReferralLetter(Incident Incident, PlanLetter Letter, IReadOnlyList<PlanCitation> Citations, DateOnly Today);

/// <summary>
/// Builds the referral letter (线索材料) for a published incident from seeds/public-interest.json: the incident as the
/// registry states it (organisation, dates, data types and scale in the questionnaire's words, status incl. 未经证实, the
/// sources with their links), the person's own details only when they gave them (else 未填写), and the addressee's
/// citations with their verbatim text.
/// </summary>
public sealed class ReferralLetterBuilder(ContentBundle content, AnswerParser parser, TimeProvider time)
{
    public const string AddresseeField = "addressee";
    public const string ProvinceField = "province";
    public const string NameField = "name";
    public const string ContactField = "contact";
    public const string AffectedField = "affected";

    /// <summary>The form's text fields with their limits (characters), checked like any text answer (AnswerParser).</summary>
    private static readonly (string Field, int MaxLength, bool Required)[] TextFields =
    [
        (ProvinceField, 20, true),
        (NameField, 100, false),
        (ContactField, 100, false),
        (AffectedField, 500, false),
    ];

    private ReferralTemplate Template => content.PublicInterest.Referral;

    /// <summary>Reads the form: an addressee of the seed, a province (free text, at most 20 characters), and optional details.</summary>
    public ReferralParse Parse(IReadOnlyDictionary<string, string?> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var addressee = form.GetValueOrDefault(AddresseeField) ?? string.Empty;
        if (Template.Find(addressee) is null)
        {
            errors[AddresseeField] = "请选择把材料交给谁。";
        }

        foreach (var (field, maxLength, required) in TextFields)
        {
            var question = new Question(field, QuestionType.Text, field, null, required, [], null, null, null, null, maxLength, false);
            var raw = (form.GetValueOrDefault(field) ?? string.Empty).Trim();
            if (raw.Length == 0)
            {
                if (required)
                {
                    errors[field] = "请填写省、自治区或者直辖市，例如“广东省”。";
                }

                continue;
            }

            var (value, error) = parser.Parse(question, RawAnswer.FromForm([raw]));
            if (error is not null)
            {
                errors[field] = error;
            }
            else
            {
                values[field] = (value as TextAnswer)?.Value;
            }
        }

        return errors.Count > 0
            ? new ReferralParse(null, errors)
            : new ReferralParse(new ReferralRequest(addressee, values[ProvinceField]!, values.GetValueOrDefault(NameField), values.GetValueOrDefault(ContactField), values.GetValueOrDefault(AffectedField)), errors);
    }

    /// <summary>The letter for <paramref name="incident"/>; <paramref name="catalog"/> gives the cited articles' current text.</summary>
    public ReferralLetter Build(Incident incident, ReferralRequest request, IContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        var template = Template;
        var addressee = template.Find(request.Addressee) ?? throw new ArgumentException($"Unknown addressee '{request.Addressee}'.", nameof(request));
        var today = ChinaTime.Today(time);
        var citations = addressee.Cites.Select(c => Citation(CitationRef.Parse(c), catalog)).ToList();
        var questionnaire = content.Questionnaire;
        string Label(string question, string option) => questionnaire.Find(question)?.FindOption(option)?.Label ?? template.Unknown;
        string Given(string? value) => string.IsNullOrWhiteSpace(value) ? template.NotGiven : value;

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["addressee"] = addressee.Addressee.Render(new Dictionary<string, string> { ["province"] = request.Province }),
            ["you"] = addressee.You,
            ["basis-text"] = addressee.Basis.Render(new Dictionary<string, string> { ["basis"] = CitationList(citations) }),
            ["organisation"] = incident.Organisation,
            ["sector"] = Label("source", incident.Source),
            ["occurred-on"] = incident.OccurredOn is { } occurred ? ChineseDates.Format(occurred) : template.Unknown,
            ["became-public-on"] = ChineseDates.Format(incident.BecamePublicOn),
            ["data-types"] = incident.DataTypes.Count == 0 ? template.Unknown : string.Join("；", incident.DataTypes.Select(d => Label("data-types", d))),
            ["scale"] = Label("scale", incident.Scale),
            ["status"] = template.StatusLabels.GetValueOrDefault(IncidentLetterValues.StatusIds[incident.Status]) ?? template.Unknown,
            ["summary"] = string.IsNullOrWhiteSpace(incident.Summary) ? template.Unknown : incident.Summary.Trim(),
            ["name"] = Given(request.Name),
            ["contact"] = Given(request.Contact),
            ["affected"] = Given(request.Affected),
            ["date"] = ChineseDates.Format(today),
        };

        LetterLine Line(TextTemplate t, IReadOnlyDictionary<string, string> v) => new([new LetterSegment(t.Render(v), false)]);
        var paragraphs = new List<LetterLine>();
        foreach (var p in template.Paragraphs)
        {
            if (!p.Placeholders.Contains("source"))
            {
                paragraphs.Add(Line(p, values));
                continue;
            }

            // One paragraph per published source, in the registry's order, with its kind, date and link.
            paragraphs.AddRange(incident.Sources.Select((s, i) => Line(p, new Dictionary<string, string>(values, StringComparer.Ordinal)
            {
                ["source"] = $"{i + 1}. {s.Title}（{IncidentLetterValues.KindName(s.Kind)}，{ChineseDates.Format(s.PublishedOn)}）：{s.Url.AbsoluteUri}",
            })));
        }

        var letter = new PlanLetter(
            "referral",
            "public-interest",
            Line(template.Title, values),
            paragraphs,
            [.. template.Closing.Select(t => Line(t, values))],
            [.. template.Signature.Select(t => Line(t, values))])
        {
            Citations = [.. citations.Select(c => c.Ref)],
        };
        return new ReferralLetter(incident, letter, citations, today);
    }

    /// <summary>The file name of the download: 线索材料-{slug}.pdf (or .docx).</summary>
    public static string FileName(Incident incident, string extension) => $"线索材料-{incident.Slug}.{extension}";

    private static PlanCitation Citation(CitationRef reference, IContentCatalog catalog) =>
        catalog.TryFindArticle(reference, out var law, out var article)
            ? new PlanCitation(reference, law.Title, article.Label, article.Text, article.Revision, article.Effective, article.TextAsOf)
            : throw new MissingContentException($"The referral letter cites {reference}, which is not in the content.");

    /// <summary>《个人信息保护法》第七十条、《消费者权益保护法》第四十七条: consecutive articles of one law share its title.</summary>
    private static string CitationList(IEnumerable<PlanCitation> citations)
    {
        var parts = new List<string>();
        string? previousLaw = null;
        foreach (var c in citations)
        {
            parts.Add(c.Law == previousLaw ? c.Article : $"《{c.Law}》{c.Article}");
            previousLaw = c.Law;
        }

        return string.Join("、", parts);
    }
}
