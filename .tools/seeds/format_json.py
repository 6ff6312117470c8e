#!/usr/bin/env python3
"""Rewrites a seeds JSON file in the repository's style: two-space indent, anything that fits in 120 columns on one line."""
import json
import sys


def dump(value, indent=0, width=120):
    inline = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if isinstance(value, dict) and value:
        inline = "{ " + inline[1:-1] + " }"
    if len(inline) + indent <= width or not isinstance(value, (dict, list)) or not value:
        return inline
    pad = " " * (indent + 2)
    if isinstance(value, list):
        items = [pad + dump(v, indent + 2, width) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    items = [pad + json.dumps(k, ensure_ascii=False) + ": " + dump(v, indent + 2 + len(k) + 4, width).lstrip() if False else
             pad + json.dumps(k, ensure_ascii=False) + ": " + dump(v, indent + 2, width) for k, v in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    with open(path, "w", encoding="utf-8") as f:
        f.write(dump(data) + "\n")
