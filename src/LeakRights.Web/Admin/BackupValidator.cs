using LeakRights.Core.Content;

namespace LeakRights.Web.Admin;

/// <summary>
/// Checks an export file before anything is imported, with the rules the seeds and the editor follow (<see cref="ContentRules"/>,
/// <see cref="ContentEditor.ValidateRevision"/>, <see cref="ContentEditor.ValidateAuthority"/>), and that every article and
/// authority the rules in seeds/rules.json name is still there afterwards. Problems are listed in Chinese for the admin.
/// </summary>
public static class BackupValidator
{
    public static IReadOnlyList<string> Validate(BackupFile file, RuleSet rules)
    {
        var problems = new List<string>();
        if (file.Laws.Count == 0)
        {
            problems.Add("文件中没有任何法律条文；导入会删除全部条文，已拒绝。");
        }

        if (file.Authorities.Count == 0)
        {
            problems.Add("文件中没有任何部门；导入会删除全部部门，已拒绝。");
        }

        var lawIds = file.Laws.Where(l => l is not null).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var damaged = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Laws.Count; i++)
        {
            CheckLaw(file.Laws[i], i, lawIds, damaged, problems);
        }

        foreach (var dup in file.Laws.Where(l => l is not null).GroupBy(l => l.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"法律编号“{Show(dup.Key)}”出现了 {dup.Count()} 次。");
        }

        for (var i = 0; i < file.Authorities.Count; i++)
        {
            CheckAuthority(file.Authorities[i], i, problems);
        }

        foreach (var dup in file.Authorities.Where(a => a is not null).GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"部门编号“{Show(dup.Key)}”出现了 {dup.Count()} 次。");
        }

        // Never remove content the rules rely on.
        var laws = file.Laws.Where(l => l is not null).GroupBy(l => l.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (where, reference) in ContentRules.CitationsIn(rules))
        {
            if (!CitationRef.TryParse(reference, out CitationRef citation))
            {
                problems.Add($"{where} 引用的 {reference} 不是有效的条文编号，无法核对，已拒绝。");
                continue;
            }

            if (!laws.TryGetValue(citation.LawId, out var law) || law.Articles.All(a => a?.Number != citation.Number))
            {
                problems.Add($"{where} 引用的 {reference} 不在文件中；导入后这条依据会消失，已拒绝。");
            }
            else if (damaged.Contains(citation.ToString()))
            {
                problems.Add($"{where} 引用的 {reference} 在文件中有错误（见上）；导入后这条依据会被拒绝而消失，已拒绝。");
            }
            else if (!LawStatusNames.TryParse(law.Status, out var status) || status != LawStatus.InForce)
            {
                problems.Add($"{where} 引用的 {reference} 所属法律在文件中被标为已失效（superseded）。");
            }
        }

        var authorityIds = file.Authorities.Where(a => a is not null).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (where, id) in ContentRules.AuthoritiesIn(rules).Where(r => !authorityIds.Contains(r.Id)))
        {
            problems.Add($"{where} 用到的部门“{id}”不在文件中；导入后计划里会缺少这个部门，已拒绝。");
        }

        return problems.Count <= ContentBackup.MaxProblems
            ? problems
            : [.. problems.Take(ContentBackup.MaxProblems), $"……另有 {problems.Count - ContentBackup.MaxProblems} 个问题没有列出。"];
    }

    /// <summary>Checks one law and its articles; each article with a problem is added to <paramref name="damaged"/> by its citation.</summary>
    private static void CheckLaw(BackupLaw? law, int index, HashSet<string> lawIds, HashSet<string> damaged, List<string> problems)
    {
        if (law is null)
        {
            problems.Add($"第 {index + 1} 部法律是空值（null）。");
            return;
        }

        var at = $"法律“{Show(law.Id)}”";
        if (!ContentRules.IsValidId(law.Id))
        {
            problems.Add($"{at}：编号只能用小写字母、数字和连字符（例如 civil-code），最多 {ContentRules.MaxIdLength} 个字符。");
        }

        foreach (var (name, value, required) in new[] { ("标题", law.Title, true), ("简称", law.ShortTitle, true), ("发布机关", law.Issuer, true), ("文号", law.DocumentNumber, false) })
        {
            if (required ? !ContentRules.IsRequiredText(value, ContentRules.MaxTitleLength) : !ContentRules.IsOptionalText(value, ContentRules.MaxTitleLength))
            {
                problems.Add($"{at}：{name}{(required ? "不能为空，且" : string.Empty)}最多 {ContentRules.MaxTitleLength} 个字符。");
            }
        }

        foreach (var (name, value, required) in new[] { ("施行日期", law.Effective, true), ("文本核对日期", law.TextAsOf, true), ("通过日期", law.Adopted, false), ("修正日期", law.Amended, false), ("失效日期", law.InForceUntil, false) })
        {
            if ((required || value is not null) && !ContentRules.IsDate(value))
            {
                problems.Add($"{at}：{name}请按 YYYY-MM-DD 填写。");
            }
        }

        if (!LawStatusNames.TryParse(law.Status, out _))
        {
            problems.Add($"{at}：状态只能是 in-force 或 superseded。");
        }

        if (law.SupersededBy is not null && (law.SupersededBy == law.Id || !lawIds.Contains(law.SupersededBy)))
        {
            problems.Add($"{at}：取代它的法律“{Show(law.SupersededBy)}”不在文件中。");
        }

        if (!ContentRules.IsOptionalText(law.SourceNote, ContentRules.MaxSourceNoteLength))
        {
            problems.Add($"{at}：来源说明最多 {ContentRules.MaxSourceNoteLength} 个字符。");
        }

        if (law.Articles.Count == 0)
        {
            problems.Add($"{at}：没有任何条文。");
        }

        for (var i = 0; i < law.Articles.Count; i++)
        {
            var before = problems.Count;
            CheckArticle(law.Articles[i], $"{at}的第 {i + 1} 条记录", problems);
            if (problems.Count > before && law.Articles[i] is { } article)
            {
                damaged.Add(CitationRef.Format(law.Id, article.Number));
            }
        }

        foreach (var dup in law.Articles.Where(a => a is not null).GroupBy(a => a.Number, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{at}：条文编号“{Show(dup.Key)}”出现了 {dup.Count()} 次。");
        }
    }

    private static void CheckArticle(BackupArticle? article, string at, List<string> problems)
    {
        if (article is null)
        {
            problems.Add($"{at}是空值（null）。");
            return;
        }

        at = $"{at}（{Show(article.Label)}）";
        if (!ContentRules.IsArticleNumberOf(article.Number, article.Label))
        {
            problems.Add($"{at}：条号请写成“第一千零三十八条”“第二百五十三条之一”“第八项”或“序言”的形式，编号“{Show(article.Number)}”须与条号一致。");
        }

        if (!ContentRules.IsRequiredText(article.Text, ContentRules.MaxArticleTextLength))
        {
            problems.Add($"{at}：条文内容不能为空，且最多 {ContentRules.MaxArticleTextLength} 个字符（这里有 {article.Text.Length} 个）。");
        }

        if (!ContentRules.IsDate(article.TextAsOf))
        {
            problems.Add($"{at}：文本核对日期请按 YYYY-MM-DD 填写。");
        }

        var revisions = CheckHistory(article.Revisions, r => r.Revision, article.CurrentRevision, at, problems);
        foreach (var r in revisions)
        {
            foreach (var message in ContentEditor.ValidateRevision(r.Text, r.ChangeNote, r.EffectiveDate, out _).Values)
            {
                problems.Add($"{at}第 {r.Revision} 版：{message}");
            }

            if (!ContentRules.IsRequiredText(r.Editor, ContentRules.MaxEditorLength))
            {
                problems.Add($"{at}第 {r.Revision} 版：修改人不能为空，且最多 {ContentRules.MaxEditorLength} 个字符。");
            }
        }

        if (revisions.Count > 0 && revisions.MaxBy(r => r.Revision)!.Text != article.Text)
        {
            problems.Add($"{at}：当前条文与最新一版修订不一致。");
        }
    }

    private static void CheckAuthority(BackupAuthority? authority, int index, List<string> problems)
    {
        if (authority is null)
        {
            problems.Add($"第 {index + 1} 个部门是空值（null）。");
            return;
        }

        var at = $"部门“{Show(authority.Id)}”";
        if (!ContentRules.IsValidId(authority.Id))
        {
            problems.Add($"{at}：编号只能用小写字母、数字和连字符（例如 cac-12377），最多 {ContentRules.MaxIdLength} 个字符。");
        }

        // Every entry and revision is read through the Core record, with the editor's checks; the file format stays as it is.
        var id = new AuthorityId(authority.Id);
        var revisions = CheckHistory(authority.Revisions, r => r.Revision, authority.Revision, at, problems);
        var latest = revisions.MaxBy(r => r.Revision);
        var errors = ContentEditor.ValidateAuthority(
            id, authority.Name, authority.Hotline, authority.Website, authority.Handles, authority.HowTo, authority.Status, authority.StatusNote, authority.LastVerified,
            latest?.ChangeNote ?? "-", out var current);
        foreach (var message in errors.Values)
        {
            problems.Add($"{at}：{message}");
        }

        Authority? latestAuthority = null;
        foreach (var r in revisions)
        {
            var revisionErrors = ContentEditor.ValidateAuthority(id, r.Name, r.Hotline, r.Website, r.Handles, r.HowTo, r.Status, r.StatusNote, r.LastVerified, r.ChangeNote, out var read);
            foreach (var message in revisionErrors.Values)
            {
                problems.Add($"{at}第 {r.Revision} 版：{message}");
            }

            if (ReferenceEquals(r, latest))
            {
                latestAuthority = read;
            }

            if (!ContentRules.IsRequiredText(r.Editor, ContentRules.MaxEditorLength))
            {
                problems.Add($"{at}第 {r.Revision} 版：修改人不能为空，且最多 {ContentRules.MaxEditorLength} 个字符。");
            }
        }

        if (current is not null && latestAuthority is not null && current != latestAuthority)
        {
            problems.Add($"{at}：当前信息与最新一版修订不一致。");
        }
    }

    /// <summary>A history must be complete: no empty entries, distinct positive revision numbers, the latest one being the current.</summary>
    private static List<T> CheckHistory<T>(IReadOnlyList<T?> history, Func<T, int> revision, int current, string at, List<string> problems)
        where T : class
    {
        var present = history.Where(r => r is not null).Select(r => r!).ToList();
        if (present.Count < history.Count)
        {
            problems.Add($"{at}：修订历史中有空值（null）。");
        }

        if (present.Count == 0)
        {
            problems.Add($"{at}：缺少修订历史（每条条文和每个部门都需要完整的修订历史）。");
            return present;
        }

        var numbers = present.Select(revision).ToList();
        if (numbers.Any(n => n < 1) || numbers.Distinct().Count() != numbers.Count)
        {
            problems.Add($"{at}：修订版本号必须是互不相同的正整数。");
        }

        if (numbers.Max() != current)
        {
            problems.Add($"{at}：当前版本号 {current} 与修订历史中的最新版本 {numbers.Max()} 不一致。");
        }

        return present;
    }

    /// <summary>A value from the file, shortened and with control characters escaped, to quote in a problem.</summary>
    private static string Show(string? value) => value is null ? "（空）" : Data.ContentSnapshot.Printable(value.Length > 40 ? value[..40] + "…" : value);
}
