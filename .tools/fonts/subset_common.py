#!/usr/bin/python3
"""Builds the "common" Noto Sans SC faces the PDF uses when a document's text allows (docs/performance.md, issue 15).

PDFsharp embeds a subset of the font per document, but it keeps the original glyph numbering: every PDF carries `loca` and
`hmtx` tables for all 65,535 glyphs of Noto Sans SC (~0.5 MB per face before compression), and looks characters up by
scanning the cmap segments one by one. These faces keep the glyphs of Basic Latin, Latin-1, general punctuation, symbols,
CJK punctuation, enclosed numbers, fullwidth forms, the whole CJK Unified Ideographs block (U+4E00-9FFF, 20,992 characters)
and every character of seeds/ - about a third of the glyphs - numbered in code point order, so that the CJK block is three
cmap segments instead of ~190 (PDFsharp scans them one by one for every character it draws). A document with a character
outside them (a rare name character from CJK Extension A/B, say) is drawn with the full faces, so nothing is ever missing.
Outlines, advance widths and hinting are unchanged (fontTools subsetting); the OFL permits modified versions.

Run from the repository root with Debian's fontTools (apt-get install python3-fonttools):
    /usr/bin/python3 .tools/fonts/subset_common.py
"""
import glob, os
from fontTools import subset
from fontTools.ttLib import TTFont

root = os.getcwd()
fonts = os.path.join(root, "src", "LeakRights.Core", "Pdf", "Fonts")
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x20A0, 0x20BF), (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF),
          (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF),
          (0x3000, 0x303F), (0x3200, 0x32FF), (0x3300, 0x33FF), (0x4E00, 0x9FFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]
codepoints = {c for a, b in ranges for c in range(a, b + 1)}
for f in glob.glob(os.path.join(root, "seeds", "**", "*"), recursive=True):
    if os.path.isfile(f) and f.endswith((".json", ".md", ".txt")):
        codepoints.update(ord(ch) for ch in open(f, encoding="utf-8").read() if ord(ch) >= 0x20)

for face in ["NotoSansSC_400Regular", "NotoSansSC_700Bold"]:
    font = TTFont(os.path.join(fonts, face + ".ttf"))
    options = subset.Options()
    options.layout_features = []          # PDFsharp uses no OpenType layout
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "STAT", "vhea", "vmtx"]
    options.hinting = True
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = False
    options.recalc_bounds = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    # A name of its own: PDFsharp keys its font cache by the full name, and a reader must not mistake it for the full face.
    style = "Bold" if "Bold" in face else "Regular"
    names = {1: "Noto Sans SC Common", 3: f"NotoSansSC-Common-{style};LeakRights subset", 4: f"Noto Sans SC Common {style}",
             6: f"NotoSansSC-Common-{style}", 16: "Noto Sans SC Common", 17: style}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    out = os.path.join(fonts, face + ".common.ttf")
    font.save(out)
    # Glyphs renumbered in code point order: each run of consecutive characters (the whole CJK block among them) becomes one
    # cmap segment with a constant delta, so PDFsharp's linear segment scan (12 % of a PDF's CPU with the original order's
    # 315 segments) stops after a few dozen. Outlines, widths and hinting are untouched; only the numbering changes.
    font = TTFont(out)
    order = font.getGlyphOrder()
    first = {}
    for cp, name in sorted(font.getBestCmap().items()):
        first.setdefault(name, cp)
    renumbered = [order[0]] + sorted((g for g in order[1:] if g in first), key=first.get) + [g for g in order[1:] if g not in first]
    for tag in font.keys():
        if tag != "GlyphOrder":
            font[tag]  # decompile every table while the old numbering still applies
    font.setGlyphOrder(renumbered)
    font["glyf"].glyphOrder = renumbered
    font.save(out)
    font = TTFont(out)
    print(out, len(font.getGlyphOrder()), "glyphs", os.path.getsize(out), "bytes")
