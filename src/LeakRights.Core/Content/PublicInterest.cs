using System.Text.Json;

namespace LeakRights.Core.Content;

/// <summary>One body that can bring a public-interest case (seeds/public-interest.json <c>bodies[]</c>).</summary>
public sealed record PublicInterestBody(string Id, string Name, AuthorityId? Authority, string Text, IReadOnlyList<string> Cites);

/// <summary>A titled list of plain paragraphs (怎么提供线索, 之后会怎样).</summary>
public sealed record PublicInterestSection(string Title, IReadOnlyList<string> Items);

/// <summary>Who a referral letter is addressed to: <see cref="Addressee"/> and <see cref="Basis"/> are templates (<c>{province}</c>, <c>{basis}</c>).</summary>
public sealed record ReferralAddressee(string Id, string Label, TextTemplate Addressee, string You, TextTemplate Basis, IReadOnlyList<string> Cites);

/// <summary>The referral letter's template (线索材料): paragraphs with the closed set of <see cref="Placeholders"/>.</summary>
public sealed record ReferralTemplate(
    string NotGiven,
    string Unknown,
    IReadOnlyDictionary<string, string> StatusLabels,
    IReadOnlyList<string> Provinces,
    IReadOnlyList<ReferralAddressee> Addressees,
    TextTemplate Title,
    IReadOnlyList<TextTemplate> Paragraphs,
    IReadOnlyList<TextTemplate> Closing,
    IReadOnlyList<TextTemplate> Signature)
{
    /// <summary>
    /// The values a referral letter may print. <c>{source}</c> makes its paragraph repeat once per published source; the
    /// person's own <c>{name}</c>, <c>{contact}</c>, <c>{affected}</c> print <see cref="NotGiven"/> when left empty.
    /// </summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "addressee", "you", "basis-text", "organisation", "sector", "occurred-on", "became-public-on", "data-types", "scale",
        "status", "summary", "source", "name", "contact", "affected", "date",
    };

    public ReferralAddressee? Find(string id) => Addressees.FirstOrDefault(a => a.Id == id);
}

/// <summary>The public-interest route's content (seeds/public-interest.json), shown on incident pages and used by the referral letter.</summary>
public sealed record PublicInterestContent(
    string Title,
    string Intro,
    IReadOnlyList<PublicInterestBody> Bodies,
    PublicInterestSection HowTo,
    PublicInterestSection Next,
    ReferralTemplate Referral)
{
    /// <summary>No content (a bundle built in code for a unit test).</summary>
    public static readonly PublicInterestContent Empty = new(string.Empty, string.Empty, [], new PublicInterestSection(string.Empty, []), new PublicInterestSection(string.Empty, []),
        new ReferralTemplate(string.Empty, string.Empty, new Dictionary<string, string>(), [], [], TextTemplate.Empty, [], [], []));

    internal static PublicInterestContent Read(JsonElement root, JsonSeedReader r)
    {
        var bodies = r.Array(root, "bodies", string.Empty)
            .Select(b =>
            {
                var id = r.String(b.Item, "id", b.Entry);
                var at = $"{b.Entry} (id '{id}')";
                return new PublicInterestBody(
                    id,
                    r.String(b.Item, "name", at),
                    r.OptionalString(b.Item, "authority", at) is { } a ? new AuthorityId(a) : null,
                    r.String(b.Item, "text", at),
                    r.StringList(b.Item, "cites", at, required: true));
            })
            .ToList();

        PublicInterestSection Section(string name)
        {
            if (!r.TryObject(root, name, name, out var s))
            {
                return new PublicInterestSection(string.Empty, []);
            }

            return new PublicInterestSection(r.String(s, "title", name), r.StringList(s, "items", name, required: true));
        }

        ReferralTemplate referral;
        if (r.TryObject(root, "referral", "referral", out var t))
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (r.TryObject(t, "statusLabels", "referral.statusLabels", out var l))
            {
                foreach (var p in l.EnumerateObject())
                {
                    labels[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : string.Empty;
                }
            }

            var addressees = r.Array(t, "addressees", "referral")
                .Select(a =>
                {
                    var id = r.String(a.Item, "id", a.Entry);
                    var at = $"referral.{a.Entry} (id '{id}')";
                    return new ReferralAddressee(
                        id,
                        r.String(a.Item, "label", at),
                        TextTemplate.Parse(r.String(a.Item, "addressee", at)),
                        r.String(a.Item, "you", at),
                        TextTemplate.Parse(r.String(a.Item, "basis", at)),
                        r.StringList(a.Item, "cites", at, required: true));
                })
                .ToList();
            referral = new ReferralTemplate(
                r.String(t, "notGiven", "referral"),
                r.String(t, "unknown", "referral"),
                labels,
                r.StringList(t, "provinces", "referral", required: true),
                addressees,
                TextTemplate.Parse(r.String(t, "title", "referral")),
                [.. r.StringList(t, "paragraphs", "referral", required: true).Select(TextTemplate.Parse)],
                [.. r.StringList(t, "closing", "referral").Select(TextTemplate.Parse)],
                [.. r.StringList(t, "signature", "referral").Select(TextTemplate.Parse)]);
        }
        else
        {
            referral = Empty.Referral;
        }

        return new PublicInterestContent(r.String(root, "title", string.Empty), r.String(root, "intro", string.Empty), bodies, Section("howTo"), Section("next"), referral);
    }

    /// <summary>Checks ids, citations and placeholders against the rest of the content; each problem names its entry.</summary>
    internal static void Validate(ContentBundle b, List<SeedError> errors)
    {
        const string F = "seeds/public-interest.json";
        var content = b.PublicInterest;
        if (ReferenceEquals(content, Empty))
        {
            return; // a bundle built in code without this file (SeedLoader always reads it: a missing file is an error there)
        }

        if (content.Bodies.Count == 0)
        {
            errors.Add(new SeedError(F, "bodies", "lists no body that can bring a public-interest case"));
        }

        foreach (var body in content.Bodies)
        {
            var at = $"body '{body.Id}'";
            SeedValidator.CheckCites(b, F, at, body.Cites, errors);
            if (body.Authority is { } a && b.Authorities.All(x => x.Id != a))
            {
                errors.Add(new SeedError(F, at, $"authority '{a}' is not in seeds/authorities.json"));
            }
        }

        var referral = content.Referral;
        foreach (var id in Incidents.IncidentLetterValues.StatusIds.Values.Where(id => !referral.StatusLabels.TryGetValue(id, out var w) || w.Trim().Length == 0))
        {
            errors.Add(new SeedError(F, "referral.statusLabels", $"the incident status '{id}' has no words"));
        }

        foreach (var key in referral.StatusLabels.Keys.Where(k => !Incidents.IncidentLetterValues.StatusIds.Values.Contains(k)))
        {
            errors.Add(new SeedError(F, "referral.statusLabels", $"'{key}' is not an incident status"));
        }

        if (referral.Addressees.Count == 0)
        {
            errors.Add(new SeedError(F, "referral.addressees", "lists no addressee"));
        }

        foreach (var a in referral.Addressees)
        {
            var at = $"referral addressee '{a.Id}'";
            SeedValidator.CheckCites(b, F, at, a.Cites, errors);
            foreach (var name in a.Addressee.Placeholders.Where(n => n != "province"))
            {
                errors.Add(new SeedError(F, at, $"addressee uses placeholder '{{{name}}}'; only {{province}} is allowed"));
            }

            foreach (var name in a.Basis.Placeholders.Where(n => n != "basis"))
            {
                errors.Add(new SeedError(F, at, $"basis uses placeholder '{{{name}}}'; only {{basis}} is allowed"));
            }
        }

        var templates = referral.Paragraphs.Concat(referral.Closing).Concat(referral.Signature).Append(referral.Title);
        foreach (var name in templates.SelectMany(t => t.Placeholders).Distinct(StringComparer.Ordinal).Where(n => !ReferralTemplate.Placeholders.Contains(n)))
        {
            errors.Add(new SeedError(F, "referral", $"uses placeholder '{{{name}}}', which is not one of {string.Join(", ", ReferralTemplate.Placeholders.Order(StringComparer.Ordinal))}"));
        }

        foreach (var p in referral.Paragraphs.Where(p => p.Placeholders.Contains("source") && p.Placeholders.Count > 1))
        {
            errors.Add(new SeedError(F, "referral", $"the paragraph '{p.Source}' repeats per source and may use no other placeholder"));
        }
    }
}
