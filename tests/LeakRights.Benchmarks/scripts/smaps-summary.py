#!/usr/bin/env python3
"""memory.sh's helper. `smaps-summary.py PID`: the process's resident memory per mapping (/proc/PID/smaps), largest first,
then per kind. `smaps-summary.py --counters FILE`: from a dotnet-counters CSV, "GC committed | gen2 / LOH live" in MB."""
import collections
import csv
import re
import sys


def counters(path):
    last = {}
    for row in csv.reader(open(path, encoding="utf-8")):
        if len(row) >= 5 and row[0] != "Timestamp":
            last[row[2]] = float(row[4]) / 1048576
    def get(name):
        return next((v for k, v in last.items() if k.startswith(name)), float("nan"))
    committed = get("dotnet.gc.last_collection.memory.committed_size")
    gen2 = get("dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=gen2]")
    loh = get("dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=loh]")
    print(f"{committed:.0f} | {gen2:.0f} / {loh:.0f}")


def smaps(pid):
    per_mapping = collections.Counter()
    current = "[anon]"
    for line in open(f"/proc/{pid}/smaps", encoding="utf-8", errors="replace"):
        parts = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            current = parts[5].rsplit("/", 1)[-1] if len(parts) > 5 else "[anon]"
        elif parts and parts[0] == "Rss:":
            per_mapping[current] += int(parts[1])
    print(f"total {sum(per_mapping.values()) / 1024:.1f} MB")
    for name, kb in per_mapping.most_common(40):
        print(f"{kb / 1024:8.1f} {name}")
    kinds = collections.Counter()
    for name, kb in per_mapping.items():
        kind = "assemblies (.dll)" if name.endswith(".dll") else "native libraries (.so)" if ".so" in name else name
        kinds[kind] += kb
    print("per kind:", ", ".join(f"{k} {v / 1024:.1f}" for k, v in kinds.most_common(8)))


if __name__ == "__main__":
    if sys.argv[1] == "--counters":
        counters(sys.argv[2])
    else:
        smaps(sys.argv[1])
