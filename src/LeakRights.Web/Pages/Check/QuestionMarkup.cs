using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using LeakRights.Core.Content;
using Microsoft.AspNetCore.Html;

namespace LeakRights.Web.Pages.Check;

/// <summary>
/// Writes one question of a step page: a fieldset of radio buttons or check boxes, or a labelled text, number or month
/// input, with its hint, its error and the person's current values. This was a Razor partial; written here it skips the
/// partial view's lookup, activation and buffering, and everything about a question that does not depend on the person
/// (ids, labels, hints, option values, encoded once per questionnaire question and encoder) is kept and reused
/// (docs/performance.md, issue 15). Only the values, the error and the shown/new state are written per request.
/// Attributes follow Razor's rules for the same markup: a flag is <c>name="name"</c> or absent, data-* flags always carry
/// "true" or "false" (site.js compares the value), <c>value</c> is always present.
/// </summary>
public sealed class QuestionMarkup(QuestionField field) : IHtmlContent
{
    private static readonly ConditionalWeakTable<Question, Template> Templates = [];

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        var q = field.Question;
        var t = TemplateFor(q, encoder);
        var invalid = field.Error is null ? string.Empty : " aria-invalid=\"true\"";
        var disabled = field.Disabled ? " disabled=\"disabled\"" : string.Empty;
        var describedBy = field.Error is null ? t.DescribedByWithoutError : t.DescribedByWithError;

        writer.Write(t.IsChoice ? "<fieldset class=\"question" : "<div class=\"question");
        if (field.Error is not null)
        {
            writer.Write(" has-error");
        }

        if (field.IsNew)
        {
            writer.Write(" is-new");
        }

        writer.Write(t.Open);
        if (t.IsChoice)
        {
            writer.Write(describedBy);
            writer.Write(t.AfterDescribedBy);
        }

        writer.Write(t.Label);
        if (t.Hint is not null)
        {
            writer.Write(t.Hint);
        }

        if (field.Error is not null)
        {
            writer.Write(t.ErrorStart);
            encoder.Encode(writer, field.Error);
            writer.Write("</p>\n");
        }

        if (t.IsChoice)
        {
            writer.Write("<div class=\"options\">\n");
            for (var i = 0; i < t.Options.Length; i++)
            {
                var o = t.Options[i];
                writer.Write(o.Start);
                if (field.IsChecked(q.Options[i].Id))
                {
                    writer.Write(" checked=\"checked\"");
                }

                writer.Write(o.Exclusive);
                writer.Write(invalid);
                writer.Write(disabled);
                writer.Write(o.End);
            }

            writer.Write("</div>\n</fieldset>\n");
            return;
        }

        writer.Write(t.InputStart);
        if (q.Type == QuestionType.Month)
        {
            encoder.Encode(writer, field.MaxMonth);
            writer.Write("\" value=\"");
        }

        encoder.Encode(writer, field.Value);
        writer.Write('"');
        writer.Write(describedBy);
        writer.Write(invalid);
        if (q.Type == QuestionType.Month && q.Required)
        {
            writer.Write(" aria-required=\"true\"");
        }

        writer.Write(disabled);
        writer.Write(">\n</div>\n");
    }

    private static Template TemplateFor(Question q, HtmlEncoder encoder)
    {
        // One encoder per application in practice; a different one (another host in the same process) rebuilds.
        if (Templates.TryGetValue(q, out var t) && ReferenceEquals(t.Encoder, encoder))
        {
            return t;
        }

        t = new Template(q, encoder);
        Templates.AddOrUpdate(q, t);
        return t;
    }

    private sealed class Template
    {
        public Template(Question q, HtmlEncoder encoder)
        {
            string E(string s) => encoder.Encode(s);
            Encoder = encoder;
            IsChoice = q.Type is QuestionType.SingleChoice or QuestionType.MultiChoice;
            var id = E(q.Id);
            var field = new QuestionField(q, [], null, string.Empty);
            var optional = field.OptionalMarker is { } marker ? $"<span class=\"optional\">{E(marker)}</span>" : string.Empty;
            DescribedByWithoutError = Attribute("aria-describedby", field.DescribedBy);
            DescribedByWithError = Attribute("aria-describedby", (field with { Error = string.Empty }).DescribedBy);
            Hint = q.Hint is null ? null : $"<p class=\"hint\" id=\"{E(field.HintId)}\">{E(q.Hint)}</p>\n";
            ErrorStart = $"<p class=\"field-error\" id=\"{E(field.ErrorId)}\"><span class=\"visually-hidden\">错误：</span>";
            if (IsChoice)
            {
                Open = $"\" id=\"q-{id}\"";
                AfterDescribedBy = $" data-multi=\"{(q.Type == QuestionType.MultiChoice ? "true" : "false")}\">\n";
                Label = $"<legend>{E(q.Label)} {optional}</legend>\n";
                var type = q.Type == QuestionType.SingleChoice ? "radio" : "checkbox";
                Options = [.. q.Options.Select((o, i) => new OptionTemplate(
                    $"<label class=\"option\" for=\"f-{id}-{i}\">\n<input id=\"f-{id}-{i}\" type=\"{type}\" name=\"{id}\" value=\"{E(o.Id)}\"",
                    $" data-exclusive=\"{(o.Exclusive ? "true" : "false")}\"",
                    $">\n<span>{E(o.Label)}</span>\n</label>\n"))];
                InputStart = string.Empty;
            }
            else
            {
                Open = $"\" id=\"q-{id}\">\n";
                AfterDescribedBy = string.Empty;
                Label = $"<label class=\"q-label\" for=\"f-{id}\">{E(q.Label)} {optional}</label>\n";
                Options = [];
                InputStart = q.Type switch
                {
                    QuestionType.Month => $"<input id=\"f-{id}\" name=\"{id}\" type=\"month\" min=\"1990-01\" max=\"",
                    QuestionType.Number => $"<input id=\"f-{id}\" name=\"{id}\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" value=\"",
                    _ => string.Create(CultureInfo.InvariantCulture, $"<input id=\"f-{id}\" name=\"{id}\" type=\"text\" maxlength=\"{(q.MaxLength ?? 100) * 2}\" autocomplete=\"off\" value=\""),
                };
            }

            string Attribute(string name, string? value) => value is null ? string.Empty : $" {name}=\"{E(value)}\"";
        }

        public HtmlEncoder Encoder { get; }

        public bool IsChoice { get; }

        /// <summary>After the class attribute: the id (and, for a text input, the end of the opening tag).</summary>
        public string Open { get; }

        public string DescribedByWithoutError { get; }

        public string DescribedByWithError { get; }

        public string AfterDescribedBy { get; }

        public string Label { get; }

        public string? Hint { get; }

        public string ErrorStart { get; }

        public OptionTemplate[] Options { get; }

        /// <summary>A text input's opening up to its value (a month input's up to its max).</summary>
        public string InputStart { get; }
    }

    private sealed record OptionTemplate(string Start, string Exclusive, string End);
}
