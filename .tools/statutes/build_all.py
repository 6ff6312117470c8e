#!/usr/bin/env python3
"""Regenerate seeds/statutes/*.md from /work/shared/legal/*.md (issue 11 round).

Front matter is written here (the pack gives dates in prose); article text and the provenance section come from the
pack file unchanged via convert_statutes.render. Appendix-only laws (consumer-protection-regulations-2024,
criminal-law-amendment-9) are not regenerated: their text is checked by verify.py.
"""
import os
import sys
sys.path.insert(0, os.path.dirname(__file__))
from convert_statutes import render, render_appendix

PACK = os.environ.get('LEGAL_PACK', os.path.join(os.path.dirname(__file__), '../../../shared/legal'))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../seeds/statutes')

LRB = '2025-04-19'   # LawRefBook snapshot date: the only full-text source
FLK = '2026-02-25'   # the flk-derived cross-check copy's commit date

NPC, NPCSC, SC, SPC = '全国人民代表大会', '全国人民代表大会常务委员会', '国务院', '最高人民法院'

# (file id, pack file, front matter without id, preface paragraph for the source note or None)
FILES = [
    # Laws (NPC and its Standing Committee)
    ('civil-code', 'civil-code', dict(title='中华人民共和国民法典', short='民法典', issuer=NPC, adopted='2020-05-28', effective='2021-01-01', asof=FLK, order=10), None),
    ('pipl', 'pipl', dict(title='中华人民共和国个人信息保护法', short='个人信息保护法', issuer=NPCSC, adopted='2021-08-20', effective='2021-11-01', asof=FLK, order=20), None),
    ('consumer-protection-law', 'consumer-protection-law', dict(title='中华人民共和国消费者权益保护法', short='消费者权益保护法', issuer=NPCSC, adopted='1993-10-31', amended='2013-10-25', effective='2014-03-15', asof=FLK, order=30), None),
    ('criminal-law', 'criminal-law', dict(title='中华人民共和国刑法', short='刑法', issuer=NPC, adopted='1979-07-01', amended='2023-12-29', effective='2024-03-01', asof=FLK, order=40),
     'Dates: `amended` is the latest amendment found, 刑法修正案（十二） (adopted 2023-12-29), and `effective` is its in-force date, 2024-03-01, from which the consolidated text is current. It does not touch the articles below: 第二百五十三条之一 has read as below since 刑法修正案（九） took effect on 2015-11-01.'),
    ('npc-decision-2012', 'npc-decision-2012', dict(title='全国人民代表大会常务委员会关于加强网络信息保护的决定', short='关于加强网络信息保护的决定', issuer=NPCSC, adopted='2012-12-28', effective='2012-12-28', asof='2012-12-28', order=50), None),
    ('cybersecurity-law', 'cybersecurity-law', dict(title='中华人民共和国网络安全法', short='网络安全法', issuer=NPCSC, adopted='2016-11-07', amended='2025-10-28', effective='2026-01-01', asof=FLK, order=60), None),
    ('public-security-admin-punishments-law', 'public-security-admin-punishments-law-2025', dict(title='中华人民共和国治安管理处罚法', short='治安管理处罚法', issuer=NPCSC, amended='2025-06-27', effective='2026-01-01', asof=FLK, order=70),
     'Dates: `amended` is the date of the 2025 revision (修订), 2025-06-27, and `effective` its in-force date, 2026-01-01 (both from the flk-derived metadata). The source gives no date for the original adoption, so `adopted` is left out.'),
    ('anti-telecom-fraud-law', 'anti-telecom-fraud-law', dict(title='中华人民共和国反电信网络诈骗法', short='反电信网络诈骗法', issuer=NPCSC, adopted='2022-09-02', effective='2022-12-01', asof=FLK, order=80), None),
    ('minors-protection-law', 'minors-protection-law', dict(title='中华人民共和国未成年人保护法', short='未成年人保护法', issuer=NPCSC, adopted='1991-09-04', amended='2024-04-26', effective='2024-04-26', asof=FLK, order=90),
     'Dates: `adopted` is the original adoption (1991-09-04); `amended` and `effective` are those of the 2024 amendment, the current text (the flk-derived in-force date). The 2020 revision took effect on 2021-06-01; 第七十二条 reads the same in the 2020 and 2024 texts.'),
    ('criminal-procedure-law', 'criminal-procedure-law', dict(title='中华人民共和国刑事诉讼法', short='刑事诉讼法', issuer=NPC, adopted='1979-07-01', amended='2018-10-26', effective='2018-10-26', asof=FLK, order=100), None),
    ('civil-procedure-law', 'civil-procedure-law', dict(title='中华人民共和国民事诉讼法', short='民事诉讼法', issuer=NPC, adopted='1991-04-09', amended='2023-09-01', effective='2024-01-01', asof=FLK, order=110), None),
    # Administrative regulations (State Council)
    ('network-data-security-regulation', 'network-data-security-regulation', dict(title='网络数据安全管理条例', short='网络数据安全管理条例', issuer=SC, effective='2025-01-01', asof=FLK, order=210),
     'Dates: the regulation was published on 2024-09-24; neither source gives an adoption date, so `adopted` is left out. The order number (国务院令第790号) is not confirmed, so `document-number` is left out.'),
    ('credit-reporting-regulation', 'credit-reporting-regulation', dict(title='征信业管理条例', short='征信业管理条例', docno='国务院令第631号', issuer=SC, adopted='2012-12-26', effective='2013-03-15', asof=FLK, order=220), None),
    ('minors-online-protection-regulation', 'minors-online-protection-regulation', dict(title='未成年人网络保护条例', short='未成年人网络保护条例', issuer=SC, effective='2024-01-01', asof=FLK, order=230),
     'Dates: the regulation was published on 2023-10-16; neither source gives an adoption date, so `adopted` is left out. The order number (国务院令第766号) is not confirmed, so `document-number` is left out.'),
    # Judicial interpretations
    ('spc-spp-interpretation-2017', 'spc-spp-interpretation-2017', dict(title='最高人民法院 最高人民检察院关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释', short='两高关于侵犯公民个人信息刑事案件的解释', docno='法释〔2017〕10号', issuer='最高人民法院、最高人民检察院', adopted='2017-04-26', effective='2017-06-01', asof=LRB, order=300), None),
    ('spc-facial-recognition-2021', 'spc-facial-recognition-2021', dict(title='最高人民法院关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定', short='最高法人脸识别民事案件规定', issuer=SPC, adopted='2021-06-08', effective='2021-08-01', asof=LRB, order=310), None),
    ('spc-online-infringement-2020', 'spc-online-infringement-2020', dict(title='最高人民法院关于审理利用信息网络侵害人身权益民事纠纷案件适用法律若干问题的规定', short='最高法信息网络侵害人身权益规定', issuer=SPC, adopted='2014-06-23', amended='2020-12-23', effective='2020-12-23', asof=LRB, order=320),
     'Dates: **the effective date of the 2020 amendment is not confirmed** (neither copy states it). `effective` is therefore the date the amending decision was adopted (2020-12-23), not a confirmed in-force date.'),
    ('spc-civil-procedure-interpretation', 'spc-civil-procedure-interpretation', dict(title='最高人民法院关于适用《中华人民共和国民事诉讼法》的解释', short='最高法民诉法解释', issuer=SPC, adopted='2014-12-18', amended='2022-03-22', effective='2022-04-10', asof=LRB, order=330), None),
    ('spc-limitation-2020', 'spc-limitation-2020', dict(title='最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定', short='最高法诉讼时效规定', issuer=SPC, adopted='2008-08-11', amended='2020-12-23', effective='2020-12-23', asof=LRB, order=340),
     'Dates: **the effective date of the 2020 amendment is not confirmed** (the source states none; the 2008-09-01 date found on a third-party page is that of the original text, which numbered these articles differently). `effective` is therefore the date the amendment was adopted (2020-12-23), not a confirmed in-force date.'),
    # Departmental rules
    ('mps-criminal-procedure-rules-2020', 'mps-criminal-procedure-rules-2020', dict(title='公安机关办理刑事案件程序规定', short='公安机关办理刑事案件程序规定', issuer='公安部', amended='2020-07-20', effective='2020-09-01', asof=LRB, order=400),
     'Dates: **the effective date of the 2020 amendment is not confirmed**. `effective` (2020-09-01) is the date one third-party data file gives; `amended` (2020-07-20) is the date of 公安部令第159号, on which the primary source header and a third-party page agree.'),
    ('market-supervision-complaints', 'market-supervision-complaints', dict(title='市场监督管理投诉举报处理暂行办法', short='市场监督管理投诉举报处理暂行办法', docno='国家市场监督管理总局令第20号', issuer='国家市场监督管理总局', amended='2022-03-24', effective='2020-01-01', asof=LRB, order=410),
     'Dates: `effective` (2020-01-01) is the in-force date of the 办法 (第四十条); the text below is the one as modified on 2022-03-24 (`amended`), and **the effective date of that modification is not stated** in the source. The 办法 was published on 2019-11-30; `document-number` is that of the 2019 order.'),
    ('telecom-user-complaints', 'telecom-user-complaints', dict(title='电信用户申诉处理办法（第三方来源文本，待核实）', short='电信用户申诉处理办法（待核实）', issuer='工业和信息化部', effective='2016-07-30', asof='2018-06-17', order=420),
     '**Provisional text.** The articles below come from a single third-party web page, not from an official copy; check them against the MIIT text before relying on them. The title carries （第三方来源文本，待核实） for that reason. Dates: **the effective date is not confirmed**: `effective` (2016-07-30) is the date one third-party page gives (it also calls the rule 工信部令第35号, not confirmed, so `document-number` is left out); `text-as-of` is the date of the page the text comes from (2018-06-17).'),
    # Superseded texts, kept for history
    ('cybersecurity-law-2016', 'cybersecurity-law-2016', dict(title='中华人民共和国网络安全法（2016年文本）', short='网络安全法（2016年文本）', issuer=NPCSC, adopted='2016-11-07', effective='2017-06-01', status='superseded', supby='cybersecurity-law', until='2025-12-31', asof=FLK, order=900), None),
]

def front(law_id, m):
    f = [('id', law_id), ('title', m['title']), ('short-title', m['short'])]
    if 'docno' in m: f.append(('document-number', m['docno']))
    f.append(('issuer', m['issuer']))
    for k in ('adopted', 'amended'):
        if k in m: f.append((k, m[k]))
    f += [('effective', m['effective']), ('status', m.get('status', 'in-force'))]
    if 'supby' in m: f += [('superseded-by', m['supby']), ('in-force-until', m['until'])]
    f += [('text-as-of', m['asof']), ('order', str(m['order']))]
    return f

for law_id, pack, meta, preface in FILES:
    text = open(f'{PACK}/{pack}.md', encoding='utf-8').read()
    with open(f'{OUT}/{law_id}.md', 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(render(front(law_id, meta), text, preface))
# Appendix instruments: (file id, pack file, label in the pack, label in the seed file, front matter)
APPENDICES = [
    ('criminal-law-amendment-9', 'criminal-law', '修正案（九）第十七条', '第十七条', dict(title='中华人民共和国刑法修正案（九）', short='刑法修正案（九）', issuer=NPCSC, adopted='2015-08-29', effective='2015-11-01', asof=LRB, order=45)),
    ('consumer-protection-regulations-2024', 'consumer-protection-law', '实施条例第二十三条', '第二十三条', dict(title='中华人民共和国消费者权益保护法实施条例', short='消费者权益保护法实施条例', issuer=SC, effective='2024-07-01', asof=LRB, order=200)),
]
for law_id, pack, pack_label, label, meta in APPENDICES:
    text = open(f'{PACK}/{pack}.md', encoding='utf-8').read()
    with open(f'{OUT}/{law_id}.md', 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(render_appendix(front(law_id, meta), text, f'{pack}.md', pack_label, label))
print(f'wrote {len(FILES) + len(APPENDICES)} files to {OUT}')
