using System.Text.Json;

namespace LeakRights.Core.Content;

/// <summary>
/// Loads and validates the content under <c>seeds/</c>. Every problem is collected with the file and the entry it concerns;
/// if there is any, <see cref="Load"/> throws one <see cref="SeedValidationException"/> that lists them all.
/// </summary>
public static class SeedLoader
{
    public const string QuestionnaireFile = "questionnaire.json";
    public const string RulesFile = "rules.json";
    public const string TextsFile = "texts.json";
    public const string AuthoritiesFile = "authorities.json";
    public const string LettersFile = "letters.json";
    public const string HolidaysFile = "holidays.json";
    public const string GlossaryFile = "glossary.json";
    public const string ProgressFile = "progress.json";
    public const string PublicInterestFile = "public-interest.json";
    public const string StatutesFolder = "statutes";

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = 64 };

    public static ContentBundle Load(string seedsDirectory)
    {
        var (bundle, errors) = TryLoad(seedsDirectory);
        return errors.Count > 0 ? throw new SeedValidationException(errors) : bundle!;
    }

    public static (ContentBundle? Bundle, IReadOnlyList<SeedError> Errors) TryLoad(string seedsDirectory)
    {
        var errors = new List<SeedError>();
        var characters = new HashSet<int>();
        if (!Directory.Exists(seedsDirectory))
        {
            errors.Add(new SeedError(seedsDirectory, "folder", "the seeds folder does not exist"));
            return (null, errors);
        }

        var laws = LoadStatutes(seedsDirectory, errors, characters);
        var authorities = Parse(seedsDirectory, AuthoritiesFile, errors, characters, ReadAuthorities) ?? [];
        var texts = Parse(seedsDirectory, TextsFile, errors, characters, ReadTexts) ?? new TextCatalog(new Dictionary<string, string>());
        var questionnaire = Parse(seedsDirectory, QuestionnaireFile, errors, characters, ReadQuestionnaire);
        var rules = Parse(seedsDirectory, RulesFile, errors, characters, ReadRules);
        var letters = Parse(seedsDirectory, LettersFile, errors, characters, ReadLetters);
        var holidays = Parse(seedsDirectory, HolidaysFile, errors, characters, ReadHolidays);
        var glossary = Parse(seedsDirectory, GlossaryFile, errors, characters, ReadGlossary);
        var progress = Parse(seedsDirectory, ProgressFile, errors, characters, ReadProgress);
        var publicInterest = Parse(seedsDirectory, PublicInterestFile, errors, characters, PublicInterestContent.Read);
        if (questionnaire is null || rules is null || letters is null || holidays is null || glossary is null || progress is null || publicInterest is null || errors.Count > 0)
        {
            // Cross-file checks would only repeat the parse errors as missing ids.
            return (null, errors);
        }

        // Compile: every rule gets its resolved wording (a missing text is an error here, not a 500 later).
        rules = RuleCompiler.AttachTexts(rules, texts, holidays, errors) with { Glossary = glossary };
        var bundle = new ContentBundle(questionnaire, rules, authorities, laws, letters)
        {
            Progress = progress,
            PublicInterest = publicInterest,
            PublicCharacters = string.Concat(characters.Order().Select(char.ConvertFromUtf32)),
        };
        SeedValidator.Validate(bundle, errors);
        return (errors.Count == 0 ? bundle : null, errors);
    }

    private static T? Parse<T>(string dir, string file, List<SeedError> errors, HashSet<int> characters, Func<JsonElement, JsonSeedReader, T> read)
        where T : class
    {
        var path = Path.Combine(dir, file);
        var name = $"seeds/{file}";
        if (!File.Exists(path))
        {
            errors.Add(new SeedError(name, "file", "is missing"));
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), DocumentOptions);
            CollectCharacters(doc.RootElement, characters);
            return read(doc.RootElement, new JsonSeedReader(name, errors));
        }
        catch (JsonException ex)
        {
            errors.Add(new SeedError(name, $"line {ex.LineNumber + 1}", $"is not valid JSON: {ex.Message}"));
            return null;
        }
    }

    /// <summary>Every character (code point) of the file's string values: what a plan or a PDF can print from it.</summary>
    private static void CollectCharacters(JsonElement element, HashSet<int> characters)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                AddCharacters(element.GetString()!, characters);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectCharacters(item, characters);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectCharacters(property.Value, characters);
                }

                break;
        }
    }

    private static void AddCharacters(string text, HashSet<int> characters)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            characters.Add(rune.Value);
        }
    }

    private static List<Law> LoadStatutes(string dir, List<SeedError> errors, HashSet<int> characters)
    {
        var folder = Path.Combine(dir, StatutesFolder);
        if (!Directory.Exists(folder))
        {
            errors.Add(new SeedError($"seeds/{StatutesFolder}/", "folder", "is missing"));
            return [];
        }

        var laws = Directory.GetFiles(folder, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var text = File.ReadAllText(f);
                AddCharacters(text, characters);
                return StatuteFileParser.Parse($"seeds/{StatutesFolder}/{Path.GetFileName(f)}", text, errors);
            })
            .OrderBy(l => l.Order)
            .ThenBy(l => l.Id, StringComparer.Ordinal)
            .ToList();
        if (laws.Count == 0)
        {
            errors.Add(new SeedError($"seeds/{StatutesFolder}/", "folder", "holds no statute files"));
        }

        return laws;
    }

    private static List<Authority> ReadAuthorities(JsonElement root, JsonSeedReader r)
    {
        var list = new List<Authority>();
        foreach (var (item, entry) in r.Array(root, "authorities", string.Empty))
        {
            var id = r.String(item, "id", entry);
            var at = $"{entry} (id '{id}')";
            var statusText = r.String(item, "status", at);
            ConfirmationStatus? status = ConfirmationStatusNames.TryParse(statusText, out var parsed) ? parsed : null;
            if (status is null && statusText.Length > 0)
            {
                r.Error(at, $"status '{statusText}' must be confirmed-law-text, confirmed-official-page, confirmed-third-party or not-confirmed");
            }

            var lastVerifiedText = r.OptionalString(item, "lastVerified", at);
            DateOnly? lastVerified = null;
            if (lastVerifiedText is not null)
            {
                if (ContentRules.TryParseDate(lastVerifiedText, out var d))
                {
                    lastVerified = d;
                }
                else
                {
                    r.Error(at, $"lastVerified '{lastVerifiedText}' is not a date (YYYY-MM-DD)");
                }
            }

            list.Add(new Authority(
                new AuthorityId(id),
                r.String(item, "name", at),
                r.OptionalString(item, "hotline", at),
                r.OptionalString(item, "website", at),
                r.String(item, "handles", at),
                r.String(item, "howTo", at),
                status ?? ConfirmationStatus.NotConfirmed,
                r.String(item, "statusNote", at),
                lastVerified));
        }

        return list;
    }

    private static LetterSet ReadLetters(JsonElement root, JsonSeedReader r)
    {
        var letters = r.Array(root, "letters", string.Empty)
            .Select(l =>
            {
                var id = r.String(l.Item, "id", l.Entry);
                var at = $"{l.Entry} (id '{id}')";
                var forStep = r.String(l.Item, "forStep", at);
                var paragraphs = r.Array(l.Item, "paragraphs", at)
                    .Select(p => p.Item.ValueKind == JsonValueKind.String
                        ? new LetterParagraph(TextTemplate.Parse(p.Item.GetString()!))
                        : new LetterParagraph(TextTemplate.Parse(r.String(p.Item, "text", p.Entry)), r.Condition(p.Item, "when", p.Entry, required: true)))
                    .ToList();
                return new LetterTemplate(
                    id,
                    forStep,
                    TextTemplate.Parse(r.String(l.Item, "title", at)),
                    paragraphs,
                    [.. r.StringList(l.Item, "closing", at).Select(TextTemplate.Parse)],
                    [.. r.StringList(l.Item, "signature", at).Select(TextTemplate.Parse)])
                {
                    When = r.Condition(l.Item, "when", at, required: false),
                };
            })
            .ToList();

        var bindings = new Dictionary<string, LetterBinding>(StringComparer.Ordinal);
        if (r.TryObject(root, "bindings", "bindings", out var b))
        {
            foreach (var p in b.EnumerateObject())
            {
                var at = $"bindings.{p.Name}";
                var question = r.OptionalString(p.Value, "answer", at);
                var planText = r.OptionalString(p.Value, "plan", at);
                var cites = r.StringList(p.Value, "cites", at);
                LetterPlanValue? plan = planText switch
                {
                    null => null,
                    "date" => LetterPlanValue.Date,
                    "first-authority" => LetterPlanValue.FirstAuthority,
                    _ => null,
                };
                if (planText is not null && plan is null)
                {
                    r.Error(at, $"plan value '{planText}' must be date or first-authority (a letter names its articles with 'cites')");
                }

                LetterProgressValue? progress = null;
                if (p.Value.TryGetProperty("progress", out var pe))
                {
                    var field = r.String(pe, "value", $"{at}.progress") switch
                    {
                        "done-on" => LetterProgressField.DoneOn,
                        "channel" => LetterProgressField.Channel,
                        "reference" => LetterProgressField.Reference,
                        "reply-on" => LetterProgressField.ReplyOn,
                        "reply" => LetterProgressField.Reply,
                        "due" => LetterProgressField.Due,
                        var other => (LetterProgressField?)null,
                    };
                    if (field is null)
                    {
                        r.Error($"{at}.progress", "'value' must be done-on, channel, reference, reply-on, reply or due");
                    }

                    progress = new LetterProgressValue(r.StringList(pe, "steps", $"{at}.progress", required: true), field ?? LetterProgressField.DoneOn)
                    {
                        Replies = r.StringList(pe, "replies", $"{at}.progress"),
                    };
                }

                var incidentText = r.OptionalString(p.Value, "incident", at);
                LetterIncidentField? incident = incidentText switch
                {
                    null => null,
                    "organisation" => LetterIncidentField.Organisation,
                    "became-public-on" => LetterIncidentField.BecamePublicOn,
                    "occurred-on" => LetterIncidentField.OccurredOn,
                    "sources" => LetterIncidentField.Sources,
                    "status" => LetterIncidentField.Status,
                    _ => null,
                };
                if (incidentText is not null && incident is null)
                {
                    r.Error(at, $"incident value '{incidentText}' must be organisation, became-public-on, occurred-on, sources or status");
                }

                if (new[] { question is not null, planText is not null, cites.Count > 0, progress is not null, incidentText is not null }.Count(x => x) != 1)
                {
                    r.Error(at, "needs exactly one of 'answer' (a question id), 'plan' (a value of the plan), 'cites' (a non-empty list of citations), 'progress' (a value of the contact log) or 'incident' (a value of the published incident)");
                }

                var wrap = r.OptionalString(p.Value, "wrap", at) is { } w ? TextTemplate.Parse(w) : null;
                if (wrap is not null && !wrap.Placeholders.SequenceEqual(["value"]))
                {
                    r.Error(at, "'wrap' must use the placeholder {value} once, and no other");
                }

                Dictionary<string, string>? labels = null;
                if (p.Value.TryGetProperty("labels", out var l) && l.ValueKind != JsonValueKind.Null)
                {
                    if (question is null && plan != LetterPlanValue.FirstAuthority && progress?.Field is not (LetterProgressField.Reply or LetterProgressField.Channel) && incident != LetterIncidentField.Status)
                    {
                        r.Error(at, "'labels' is only for an 'answer' binding (option ids), the plan's first-authority (authority ids), a progress reply (reply ids) or channel (channel ids) or the incident's status (status ids)");
                    }

                    if (l.ValueKind != JsonValueKind.Object || l.EnumerateObject().Any(o => o.Value.ValueKind != JsonValueKind.String))
                    {
                        r.Error(at, "'labels' must map ids to strings");
                    }
                    else
                    {
                        labels = l.EnumerateObject().ToDictionary(o => o.Name, o => o.Value.GetString()!, StringComparer.Ordinal);
                    }
                }

                var missing = r.OptionalString(p.Value, "missing", at);
                if (missing is not null and not "blank" and not "omit")
                {
                    r.Error(at, $"'missing' must be 'blank' (the default) or 'omit', not '{missing}'");
                }

                bindings[p.Name] = new LetterBinding(p.Name, question, plan, wrap)
                {
                    Cites = cites,
                    Labels = labels,
                    OmitWhenMissing = missing == "omit",
                    Progress = progress,
                    Incident = incident,
                };
            }
        }

        return new LetterSet(r.String(root, "blank", string.Empty), letters, bindings);
    }

    /// <summary>Reads <c>{"terms": [{"term", "explanation"}]}</c>: plain explanations of the legal words the steps use.</summary>
    private static ProgressCatalog ReadProgress(JsonElement root, JsonSeedReader r)
    {
        List<ProgressOption> Options(string name) => [.. r.Array(root, name, string.Empty).Select(o => new ProgressOption(r.String(o.Item, "id", o.Entry), r.String(o.Item, "label", o.Entry)))];
        int Limit(JsonElement limits, string name)
        {
            var value = r.Number(limits, name, "limits", required: true) ?? 0;
            if (value < 1 || value > 1000 || value != decimal.Truncate(value))
            {
                r.Error("limits", $"'{name}' must be a whole number from 1 to 1000");
                return 1;
            }

            return (int)value;
        }

        var limits = r.TryObject(root, "limits", "limits", out var l)
            ? new ProgressLimits(Limit(l, "reference"), Limit(l, "note"), Limit(l, "entries"))
            : ProgressCatalog.Empty.Limits;
        var steps = r.Array(root, "steps", string.Empty)
            .Select(s => new ProgressStepRule(r.String(s.Item, "step", s.Entry), r.StringList(s.Item, "replies", s.Entry, required: true))
            {
                DoneLabel = r.OptionalString(s.Item, "done", s.Entry),
                ReferenceLabel = r.OptionalString(s.Item, "reference", s.Entry),
                ReplyLabels = s.Item.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                    ? labels.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal),
            })
            .ToList();
        var answers = r.Array(root, "answers", string.Empty, required: false)
            .Select(a =>
            {
                var when = r.Condition(a.Item, "when", a.Entry, required: true);
                if (when is not null and not ProgressCondition)
                {
                    r.Error(a.Entry, "'when' must be a progress condition {progress, is}");
                }

                var set = new Dictionary<string, string>(StringComparer.Ordinal);
                if (r.TryObject(a.Item, "set", a.Entry, out var setElement))
                {
                    foreach (var q in setElement.EnumerateObject())
                    {
                        if (q.Value.ValueKind == JsonValueKind.String)
                        {
                            set[q.Name] = q.Value.GetString()!;
                        }
                        else
                        {
                            r.Error(a.Entry, $"set.{q.Name} must be an option id (a string)");
                        }
                    }
                }

                return when is ProgressCondition p ? new ProgressAnswerRule(p, set) : null;
            })
            .OfType<ProgressAnswerRule>()
            .ToList();
        ProgressClaimRule? claims = r.TryObject(root, "claims", "claims", out var c)
            ? new ProgressClaimRule(
                r.String(c, "question", "claims"),
                [.. r.Array(c, "when", "claims").Select(w => ClaimCondition(w.Item, w.Entry, r)).OfType<ProgressCondition>()])
            {
                NotByChannels = r.StringList(c, "notByChannels", "claims"),
            }
            : null;
        return new ProgressCatalog(limits, Options("channels"), Options("replies"), steps) { Answers = answers, Claims = claims, UnknownStep = r.String(root, "unknownStep", string.Empty) };
    }

    private static ProgressCondition? ClaimCondition(JsonElement item, string entry, JsonSeedReader r)
    {
        var condition = r.Condition(item, entry);
        if (condition is not null and not ProgressCondition { WithinDays: null, AfterDays: null })
        {
            r.Error(entry, "a claim is a progress condition {progress, is} without day windows");
            return null;
        }

        return condition as ProgressCondition;
    }

    private static List<GlossaryTerm> ReadGlossary(JsonElement root, JsonSeedReader r) =>
        r.Array(root, "terms", string.Empty)
            .Select(t => new GlossaryTerm(r.String(t.Item, "term", t.Entry), r.String(t.Item, "explanation", t.Entry)))
            .ToList();

    private static HolidayCalendar ReadHolidays(JsonElement root, JsonSeedReader r)
    {
        var years = new List<HolidayYear>();
        foreach (var (item, entry) in r.Array(root, "years", string.Empty))
        {
            var year = (int)(r.Number(item, "year", entry, required: true) ?? 0);
            var at = $"{entry} (year {year})";
            var source = r.String(item, "source", at);
            var daysOff = new HashSet<DateOnly>();
            foreach (var (range, rangeAt) in r.Array(item, "daysOff", at))
            {
                var from = Date(range, "from", rangeAt);
                var to = Date(range, "to", rangeAt);
                if (from is null || to is null)
                {
                    continue;
                }

                if (to < from || (to.Value.DayNumber - from.Value.DayNumber) > 14)
                {
                    r.Error(rangeAt, "'to' must be on or after 'from', at most two weeks later");
                    continue;
                }

                for (var d = from.Value; d <= to.Value; d = d.AddDays(1))
                {
                    if (d.Year != year)
                    {
                        r.Error(rangeAt, $"{ContentRules.FormatDate(d)} is not in {year}");
                    }

                    daysOff.Add(d);
                }
            }

            var working = new HashSet<DateOnly>();
            foreach (var text in r.StringList(item, "workingWeekendDays", at))
            {
                if (!ContentRules.TryParseDate(text, out var d))
                {
                    r.Error(at, $"working day '{text}' is not a date (YYYY-MM-DD)");
                }
                else if (d.Year != year || d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    r.Error(at, $"working day {text} must be a Saturday or Sunday of {year}");
                }
                else if (daysOff.Contains(d))
                {
                    r.Error(at, $"{text} is both a day off and a working day");
                }
                else
                {
                    working.Add(d);
                }
            }

            years.Add(new HolidayYear(year, source, daysOff, working));
        }

        var ordered = years.Select(y => y.Year).ToList();
        if (ordered.Count == 0)
        {
            r.Error("years", "must list at least one year");
        }
        else if (ordered.Distinct().Count() != ordered.Count || ordered.Zip(ordered.Skip(1)).Any(p => p.Second != p.First + 1))
        {
            r.Error("years", "must be consecutive years, each listed once, in order");
        }

        // The holidays every year has on the same dates, for counting in a year not listed yet.
        var fixedDaysOff = new List<(int Month, int Day)>();
        foreach (var text in r.StringList(root, "fixedDaysOff", string.Empty))
        {
            if (!DateOnly.TryParseExact("2024-" + text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                r.Error("fixedDaysOff", $"'{text}' is not a day of the year (MM-DD)");
                continue;
            }

            fixedDaysOff.Add((day.Month, day.Day));
            // Every listed year's notice must give it off (a weekend day is off anyway).
            foreach (var y in years)
            {
                if (DateOnly.TryParseExact($"{y.Year:D4}-{text}", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                    && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !y.DaysOff.Contains(d))
                {
                    r.Error("fixedDaysOff", $"{ContentRules.FormatDate(d)} is a fixed holiday but not a day off of {y.Year}");
                }
            }
        }

        return new HolidayCalendar(years, fixedDaysOff);

        DateOnly? Date(JsonElement e, string name, string at)
        {
            var text = r.String(e, name, at);
            if (ContentRules.TryParseDate(text, out var d))
            {
                return d;
            }

            if (text.Length > 0)
            {
                r.Error(at, $"'{name}' '{text}' is not a date (YYYY-MM-DD)");
            }

            return null;
        }
    }

    private static TextCatalog ReadTexts(JsonElement root, JsonSeedReader r)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(root, string.Empty);
        return new TextCatalog(texts);

        void Flatten(JsonElement e, string prefix)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name.StartsWith('$'))
                {
                    continue;
                }

                var key = prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}";
                switch (p.Value.ValueKind)
                {
                    case JsonValueKind.Object:
                        Flatten(p.Value, key);
                        break;
                    case JsonValueKind.String when p.Value.GetString()!.Trim().Length > 0:
                        texts[key] = p.Value.GetString()!;
                        break;
                    default:
                        r.Error(key, "must be a non-empty string or an object of texts");
                        break;
                }
            }
        }
    }

    private static Questionnaire ReadQuestionnaire(JsonElement root, JsonSeedReader r)
    {
        var questions = new List<Question>();
        foreach (var (item, entry) in r.Array(root, "questions", string.Empty))
        {
            var id = r.String(item, "id", entry);
            var at = $"{entry} (id '{id}')";
            var typeText = r.String(item, "type", at);
            QuestionType? type = typeText switch
            {
                "single" => QuestionType.SingleChoice,
                "multi" => QuestionType.MultiChoice,
                "number" => QuestionType.Number,
                "month" => QuestionType.Month,
                "text" => QuestionType.Text,
                _ => null,
            };
            if (type is null)
            {
                r.Error(at, $"type '{typeText}' must be single, multi, number, month or text");
            }

            var options = r.Array(item, "options", at, required: type is QuestionType.SingleChoice or QuestionType.MultiChoice)
                .Select(o => new QuestionOption(r.String(o.Item, "id", o.Entry), r.String(o.Item, "label", o.Entry), r.Bool(o.Item, "exclusive", o.Entry)))
                .ToList();
            var maxLength = r.Number(item, "maxLength", at, required: type == QuestionType.Text);
            questions.Add(new Question(
                id,
                type ?? QuestionType.Text,
                r.String(item, "label", at),
                r.OptionalString(item, "hint", at),
                r.Bool(item, "required", at),
                options,
                r.Condition(item, "showIf", at, required: false),
                r.Number(item, "min", at, required: type == QuestionType.Number),
                r.Number(item, "max", at, required: type == QuestionType.Number),
                r.OptionalString(item, "unit", at),
                maxLength is null ? null : (int)maxLength.Value,
                r.Bool(item, "letterOnly", at))
            {
                Hidden = r.Bool(item, "hidden", at),
            });
        }

        var steps = r.Array(root, "steps", string.Empty)
            .Select(s =>
            {
                var id = r.String(s.Item, "id", s.Entry);
                var at = $"{s.Entry} (id '{id}')";
                return new QuestionnaireStep(id, r.String(s.Item, "title", at), r.OptionalString(s.Item, "intro", at), r.StringList(s.Item, "questions", at, required: true));
            })
            .ToList();
        return new Questionnaire(questions, steps);
    }

    private static RuleSet ReadRules(JsonElement root, JsonSeedReader r)
    {
        var facts = r.Array(root, "facts", string.Empty)
            .Select(f =>
            {
                var id = r.String(f.Item, "id", f.Entry);
                var at = $"{f.Entry} (id '{id}')";
                return new FactRule(id, r.Condition(f.Item, "when", at, required: true) ?? new AnyOfCondition([]), r.Bool(f.Item, "flag", at), r.StringList(f.Item, "cites", at));
            })
            .ToList();

        CriminalThresholdRule criminal;
        if (r.TryObject(root, "criminalThreshold", "criminalThreshold", out var ct))
        {
            const string at = "criminalThreshold";
            var tiers = r.Array(ct, "tiers", at)
                .Select(t => new ThresholdTier(r.StringList(t.Item, "dataTypes", t.Entry, required: true), (int)(r.Number(t.Item, "threshold", t.Entry, required: true) ?? 0)))
                .ToList();
            var ranges = new Dictionary<string, ScaleRange>(StringComparer.Ordinal);
            if (r.TryObject(ct, "scaleRanges", at, out var sr))
            {
                foreach (var p in sr.EnumerateObject())
                {
                    var min = r.Number(p.Value, "min", $"{at}.scaleRanges.{p.Name}", required: true) ?? 0;
                    var max = r.Number(p.Value, "max", $"{at}.scaleRanges.{p.Name}");
                    ranges[p.Name] = new ScaleRange((int)min, max is null ? null : (int)max.Value);
                }
            }

            criminal = new CriminalThresholdRule(
                r.String(ct, "dataQuestion", at),
                tiers,
                (int)(r.Number(ct, "defaultThreshold", at, required: true) ?? 0),
                r.Condition(ct, "reducedWhen", at, required: false),
                r.Number(ct, "reducedFactor", at) ?? 1m,
                r.String(ct, "scaleQuestion", at),
                ranges,
                r.String(ct, "likelyFlag", at),
                r.String(ct, "possiblyFlag", at),
                r.StringList(ct, "cites", at));
        }
        else
        {
            criminal = new CriminalThresholdRule(string.Empty, [], 0, null, 1m, string.Empty, new Dictionary<string, ScaleRange>(), string.Empty, string.Empty, []);
        }

        LimitationRule limitation;
        if (r.TryObject(root, "limitation", "limitation", out var lim))
        {
            const string at = "limitation";
            limitation = new LimitationRule(
                r.String(lim, "deadline", at),
                (int)(r.Number(lim, "nearMonths", at, required: true) ?? 0),
                r.String(lim, "nearFlag", at),
                r.String(lim, "passedFlag", at),
                r.StringList(lim, "cites", at),
                r.OptionalString(lim, "earliestDeadline", at));
        }
        else
        {
            limitation = new LimitationRule(string.Empty, 0, string.Empty, string.Empty, []);
        }

        var urgent = r.Array(root, "urgent", string.Empty)
            .Select(u =>
            {
                var key = r.String(u.Item, "key", u.Entry);
                var at = $"{u.Entry} (key '{key}')";
                return new UrgentRule(key, r.Condition(u.Item, "when", at, required: true) ?? new AnyOfCondition([]), r.StringList(u.Item, "authorities", at), r.StringList(u.Item, "cites", at));
            })
            .ToList();

        var paths = r.Array(root, "paths", string.Empty)
            .Select(p =>
            {
                var id = r.String(p.Item, "id", p.Entry);
                var at = $"{p.Entry} (id '{id}')";
                var steps = r.Array(p.Item, "steps", at)
                    .Select(s =>
                    {
                        var key = r.String(s.Item, "key", s.Entry);
                        var sat = $"{s.Entry} (key '{key}')";
                        var additions = r.Array(s.Item, "additions", sat, required: false)
                            .Select(a => new StepAddition(r.String(a.Item, "text", a.Entry), r.Condition(a.Item, "when", a.Entry, required: true) ?? new AnyOfCondition([]), r.StringList(a.Item, "cites", a.Entry)))
                            .ToList();
                        return new StepRule(key, r.Condition(s.Item, "when", sat, required: false), r.StringList(s.Item, "cites", sat), r.StringList(s.Item, "authorities", sat), additions);
                    })
                    .ToList();
                var authorities = r.Array(p.Item, "authorities", at, required: false)
                    .Select(a => new AuthorityRule(r.Condition(a.Item, "when", a.Entry, required: false), r.StringList(a.Item, "authorities", a.Entry, required: true)))
                    .ToList();
                return new PathRule(id, (int)(r.Number(p.Item, "priority", at, required: true) ?? 0), r.Condition(p.Item, "recommendedWhen", at, required: false), steps, authorities)
                {
                    LeadWhen = r.Condition(p.Item, "leadWhen", at, required: false),
                };
            })
            .ToList();

        var evidence = r.Array(root, "evidence", string.Empty)
            .Select(e =>
            {
                var key = r.String(e.Item, "key", e.Entry);
                var at = $"{e.Entry} (key '{key}')";
                return new EvidenceRule(key, r.Condition(e.Item, "when", at, required: false), r.Condition(e.Item, "haveWhen", at, required: false));
            })
            .ToList();

        var events = r.Array(root, "events", string.Empty)
            .Select(e =>
            {
                var id = r.String(e.Item, "id", e.Entry);
                var at = $"{e.Entry} (id '{id}')";
                var latestOf = r.StringList(e.Item, "latestOf", at);
                var question = r.OptionalString(e.Item, "answer", at) ?? (latestOf.Count > 0 ? latestOf[0] : null);
                var assume = r.OptionalString(e.Item, "assume", at);
                var after = r.OptionalString(e.Item, "afterDeadline", at);
                EventSource? source = (question, assume) switch
                {
                    ({ }, null) => EventSource.Answer,
                    (null, "today") => EventSource.Today,
                    (null, "after-deadline") => EventSource.AfterDeadline,
                    (null, "recorded") => EventSource.Recorded,
                    _ => null,
                };
                if (source is null)
                {
                    r.Error(at, "needs either 'answer' (a month question) or 'assume' (today, after-deadline or recorded), not both");
                }

                var recorded = r.Condition(e.Item, "recorded", at, required: false);
                if (recorded is not null and not ProgressCondition { WithinDays: null, AfterDays: null })
                {
                    r.Error(at, "'recorded' must be a progress condition {progress, is} without day windows");
                }

                if ((source == EventSource.Recorded && recorded is null) || (source == EventSource.Answer && recorded is not null))
                {
                    r.Error(at, "'recorded' is required with assume recorded, and not allowed for an answer event");
                }
                else if ((source == EventSource.AfterDeadline) != (after is not null))
                {
                    r.Error(at, "'afterDeadline' is required with assume after-deadline, and only there");
                }

                var when = r.Condition(e.Item, "when", at, required: false);
                if (when is not null && source != EventSource.Answer)
                {
                    r.Error(at, "'when' is only for an event read from answers");
                }

                return new EventRule(id, source ?? EventSource.Today, question, after)
                {
                    Questions = latestOf.Count > 0 ? latestOf : question is null ? [] : [question],
                    When = when,
                    Recorded = recorded as ProgressCondition,
                };
            })
            .ToList();

        var deadlines = r.Array(root, "deadlines", string.Empty)
            .Select(d =>
            {
                var key = r.String(d.Item, "key", d.Entry);
                var at = $"{d.Entry} (key '{key}')";
                DueRule? due = null;
                if (d.Item.TryGetProperty("due", out var dueElement) && dueElement.ValueKind != JsonValueKind.Null)
                {
                    due = ReadDue(dueElement, $"{at}.due", r);
                }

                var remind = r.Number(d.Item, "remindDaysBefore", at) ?? 1;
                if (remind is < 0 or > 365 || remind != decimal.Truncate(remind))
                {
                    r.Error(at, "'remindDaysBefore' must be a whole number of days from 0 to 365");
                }

                return new DeadlineRule(key, r.Condition(d.Item, "when", at, required: false), due, r.OptionalString(d.Item, "step", at), r.Bool(d.Item, "omitWithoutDate", at), (int)remind, r.StringList(d.Item, "cites", at));
            })
            .ToList();

        return new RuleSet(facts, criminal, limitation, urgent, paths, evidence, events, deadlines);
    }

    /// <summary>Reads <c>{"days"|"workingDays"|"months"|"years": n, "from": event}</c>: exactly one clock, a positive whole amount.</summary>
    private static DueRule? ReadDue(JsonElement e, string at, JsonSeedReader r)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            r.Error(at, "must be an object");
            return null;
        }

        var clocks = new (string Name, ClockUnit Unit)[] { ("days", ClockUnit.Days), ("workingDays", ClockUnit.WorkingDays), ("months", ClockUnit.Months), ("years", ClockUnit.Years) };
        var unknown = e.EnumerateObject().Select(p => p.Name).Where(n => n != "from" && clocks.All(c => c.Name != n)).ToList();
        foreach (var key in unknown)
        {
            r.Error(at, $"unknown key '{key}' (a clock is one of days, workingDays, months, years, with 'from')");
        }

        var present = clocks.Where(c => e.TryGetProperty(c.Name, out _)).ToList();
        if (present.Count != 1)
        {
            r.Error(at, "needs exactly one clock: days, workingDays, months or years");
            return null;
        }

        var (name, unit) = present[0];
        var amount = r.Number(e, name, at, required: true);
        if (amount is null || amount <= 0 || amount > 3650 || amount != decimal.Truncate(amount.Value))
        {
            r.Error(at, $"'{name}' must be a positive whole number");
            return null;
        }

        var from = r.String(e, "from", at);
        return from.Length == 0 ? null : new DueRule((int)amount.Value, unit, from);
    }
}
