#!/usr/bin/env python3
"""Convert a legal-pack file (/work/shared/legal/<x>.md) into seeds/statutes/<id>.md.

The article text is copied byte for byte from the pack; nothing is retyped. Layout, as for the files already in seeds/:
front matter, '# 来源说明' holding every non-article line of the pack file (the title stays '#', every other level-1
heading becomes '###' so it cannot clash with '# 条文'), then '# 条文' with one '## 第…条' block per article in pack order.
Articles under an appendix heading ('# 附：…') are left out (they become their own law, as before).
"""
import re
import sys

def split(pack_text):
    lines = pack_text.split('\n')
    source, articles = [], []
    label, body, in_appendix = None, [], False
    def flush():
        if label is not None and not in_appendix:
            articles.append((label, '\n'.join(body).strip('\n')))
    for i, line in enumerate(lines):
        if line.startswith('## '):
            flush()
            label, body = line[3:].strip(), []
            continue
        if line.startswith('#'):
            flush()
            label, body = None, []
            if line.startswith('# '):
                in_appendix = line.startswith('# 附：') and not line.startswith('# 附：官方页面摘录')
                if i > 0:
                    line = '##' + line
            source.append(line)
            continue
        if label is not None:
            body.append(line)
        else:
            source.append(line)
    flush()
    return '\n'.join(source).strip('\n'), articles

DIGITS = {'零': 0, '〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
UNITS = {'十': 10, '百': 100, '千': 1000}

def numeral(text):
    total, digit = 0, None
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
        else:
            total += (1 if digit is None else digit) * UNITS[c]
            digit = None
    return total + (digit or 0)

def sort_key(label):
    """序言 first, then by article (and 之N) number: the order a reader of the statute expects."""
    if label == '序言':
        return (-1, 0)
    m = re.fullmatch(r'第(.+?)[条项](?:之(.+))?', label)
    return (numeral(m.group(1)), numeral(m.group(2)) if m.group(2) else 0)

def render(front, pack_text, preface=None, sort=True):
    source, articles = split(pack_text)
    if sort:
        articles = sorted(articles, key=lambda a: sort_key(a[0]))
    out = ['---'] + [f'{k}: {v}' for k, v in front] + ['---', '', '# 来源说明', '']
    if preface:
        out += [preface, '']
    out += [source, '', '# 条文', '']
    for label, body in articles:
        if not re.fullmatch(r'第[零〇一二三四五六七八九十百千]+(条(之[一二三四五六七八九十]+)?|项)|序言', label):
            raise SystemExit(f'unexpected article label {label!r}')
        out += [f'## {label}', '', body, '']
    return '\n'.join(out)

def render_appendix(front, pack_text, pack_name, pack_label, label):
    """An instrument appended to another law's pack file ('# 附：…') becomes its own law: the one article, relabelled, and
    the whole provenance of the pack file (every heading demoted), introduced by a line saying where it was taken from."""
    lines = pack_text.split('\n')
    start = lines.index(f'## {pack_label}') + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith('#'))
    body = '\n'.join(lines[start:end]).strip('\n')
    source, _ = split(pack_text)
    source = '\n'.join(('##' + l if l.startswith('# ') else l) for l in source.split('\n'))
    out = ['---'] + [f'{k}: {v}' for k, v in front] + ['---', '', '# 来源说明', '',
           f'Source note: taken from `{pack_name}` of the legal source pack (appendix section). Provenance of the whole file follows.', '',
           source, '', '# 条文', '', f'## {label}', '', body, '']
    return '\n'.join(out)

def front_of(existing_text):
    lines = existing_text.split('\n')
    assert lines[0] == '---'
    end = lines.index('---', 1)
    return [tuple(l.split(': ', 1)) for l in lines[1:end]]

if __name__ == '__main__':
    # usage: convert_statutes.py PACK.md EXISTING_SEED.md  -> prints the regenerated seed file using EXISTING's front matter
    pack, existing = sys.argv[1], sys.argv[2]
    sys.stdout.write(render(front_of(open(existing, encoding='utf-8').read()), open(pack, encoding='utf-8').read()))
