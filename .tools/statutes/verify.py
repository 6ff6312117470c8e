#!/usr/bin/env python3
"""Check that every '## ' article of every legal-pack file is in seeds/statutes with byte-identical text."""
import glob, os, re, sys
PACK = os.environ.get('LEGAL_PACK', os.path.join(os.path.dirname(__file__), '../../../shared/legal'))
SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../seeds/statutes')
RENAME = {'public-security-admin-punishments-law-2025': 'public-security-admin-punishments-law'}
APPENDIX = {'实施条例第二十三条': ('consumer-protection-regulations-2024', '第二十三条'), '修正案（九）第十七条': ('criminal-law-amendment-9', '第十七条')}

def articles(text, seed):
    if seed:
        text = text.split('\n# 条文\n', 1)[1]
    out, label, body = {}, None, []
    for line in text.split('\n') + ['# end']:
        if line.startswith('#'):
            if label is not None:
                out[label] = '\n'.join(body).strip('\n')
            label, body = (line[3:].strip(), []) if line.startswith('## ') else (None, [])
        elif label is not None:
            body.append(line)
    return out

seeds = {os.path.basename(p)[:-3]: articles(open(p, encoding='utf-8').read(), True) for p in glob.glob(f'{SEEDS}/*.md')}
bad = total = 0
for p in sorted(glob.glob(f'{PACK}/*.md')):
    name = os.path.basename(p)[:-3]
    if name in ('README', 'channels'):
        continue
    for label, text in articles(open(p, encoding='utf-8').read(), False).items():
        law, lab = APPENDIX.get(label, (RENAME.get(name, name), label))
        total += 1
        got = seeds.get(law, {}).get(lab)
        if got != text:
            bad += 1
            print(f'MISMATCH {name} {label} -> {law} {lab}: {"missing" if got is None else "text differs"}')
extra = sum(len(a) for a in seeds.values()) - total
print(f'{total} pack articles checked, {bad} problems; seeds hold {sum(len(a) for a in seeds.values())} articles ({extra} not in the pack)')
sys.exit(1 if bad or extra else 0)
