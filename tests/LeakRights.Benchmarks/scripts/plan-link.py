#!/usr/bin/env python3
"""Completes the guided check through the real forms for one scenario file and prints the plan link path.

Usage: plan-link.py seeds/scenarios/NAME.json [base-url]"""
import sys, json, re, urllib.request, urllib.parse, http.cookiejar
base = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:5000"
answers = json.load(open(sys.argv[1]))["answers"]
cj = http.cookiejar.CookieJar()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj), NoRedirect)
def get(path):
    try: r = op.open(base + path); return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e: return e.code, e.read().decode(), e.headers
def post(path, fields):
    data = urllib.parse.urlencode(fields).encode()
    try: r = op.open(urllib.request.Request(base + path, data=data)); return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e: return e.code, e.read().decode(), e.headers
path = "/check/1"
for _ in range(20):
    st, html, h = get(path)
    if path.startswith("/check/review"): break
    tok = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
    names = sorted(set(re.findall(r'<input id="f-[^"]*"[^>]*name="([^"]+)"', html)))
    fields = [("__RequestVerificationToken", tok), ("nav", "next")]
    for n in names:
        v = answers.get(n)
        if v is None: continue
        for x in (v if isinstance(v, list) else [v]): fields.append((n, str(x)))
    st, html, h = post(path, fields)
    if st != 302: print("error at", path, st); sys.exit(1)
    path = h["Location"]
tok = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
st, html, h = post("/check/review", [("__RequestVerificationToken", tok)])
print(h["Location"])
