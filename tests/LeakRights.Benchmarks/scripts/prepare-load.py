#!/usr/bin/env python3
"""Prepares wrk Lua scripts for the load test: plan bodies from the golden scenarios, a plan link, form tokens and cookies.

Usage: prepare-load.py BASE_URL OUT_DIR ADMIN_USER ADMIN_PASSWORD"""
import glob, json, os, re, sys, urllib.request, urllib.parse, http.cookiejar, subprocess

base, out, admin_user, admin_password = sys.argv[1:5]
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))

def lua_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None

def session():
    cj = http.cookiejar.CookieJar()
    return cj, urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj), NoRedirect)

def fetch(op, path, data=None):
    try:
        r = op.open(urllib.request.Request(base + path, data=urllib.parse.urlencode(data).encode() if data is not None else None))
        return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers

token_re = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
cookie_header = lambda cj: "; ".join(f"{c.name}={c.value}" for c in cj)

# 1. JSON bodies of every golden scenario, rotated by the plan and PDF scripts.
bodies = []
for f in sorted(glob.glob(os.path.join(root, "seeds", "scenarios", "*.json"))):
    bodies.append(json.dumps({"answers": json.load(open(f, encoding="utf-8"))["answers"]}, ensure_ascii=False))
spec = ["bank-insider-sold-data-with-fraud-loss", "courier-waybill-leak-spam-calls-only", "unknown-source-id-and-phone-sold-online",
        "app-leaked-face-data-of-many-users-in-news", "police-officer-leaked-home-address-to-harasser"]
pdf_bodies = []
for name in spec:
    a = json.load(open(os.path.join(root, "seeds", "scenarios", name + ".json"), encoding="utf-8"))["answers"]
    a.update({"your-name": "王小明", "your-contact": "13800000000", "organisation-address": "北京市某区某路1号"})
    pdf_bodies.append(json.dumps({"answers": a}, ensure_ascii=False))

def post_json_script(path, items):
    return ("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nbodies = {" + ",".join(lua_str(b) for b in items) + "}\n"
            "local i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(nil, " + lua_str(path) + ", nil, bodies[(i % #bodies) + 1])\nend\n")

open(os.path.join(out, "plans.lua"), "w").write(post_json_script("/api/v1/plans", bodies))
open(os.path.join(out, "pdf-api.lua"), "w").write(post_json_script("/api/v1/plans/pdf", pdf_bodies))

# 2. A plan link (through the real forms) and the plan page's PDF form.
link = subprocess.check_output([sys.executable, os.path.join(here, "plan-link.py"), os.path.join(root, "seeds", "scenarios", spec[0] + ".json"), base]).decode().strip()
open(os.path.join(out, "plan-link.txt"), "w").write(link)
cj, op = session()
st, html, _ = fetch(op, link)
tok = token_re.search(html).group(1)
form = urllib.parse.urlencode([("__RequestVerificationToken", tok), ("your-name", "王小明"), ("your-contact", "13800000000"), ("organisation-address", "某路1号")])
open(os.path.join(out, "pdf-page.lua"), "w").write(
    "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\nwrk.headers[\"Cookie\"] = " + lua_str(cookie_header(cj)) +
    "\nwrk.body = " + lua_str(form) + "\nwrk.path = " + lua_str(link + "/pdf") + "\n")

# 3. A questionnaire step POST (valid answer, PRG redirect) with its antiforgery token and cookie.
cj, op = session()
st, html, _ = fetch(op, "/check/2")
st, html, _ = fetch(op, "/check/1")
tok = token_re.search(html).group(1)
form = urllib.parse.urlencode([("__RequestVerificationToken", tok), ("source", "unknown"), ("nav", "next")])
open(os.path.join(out, "step-post.lua"), "w").write(
    "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\nwrk.headers[\"Cookie\"] = " + lua_str(cookie_header(cj)) +
    "\nwrk.body = " + lua_str(form) + "\nwrk.path = \"/check/1\"\n")

# 3b. A returning browser on a step page: it already holds the antiforgery cookie (only the form token is minted).
open(os.path.join(out, "step-get-returning.lua"), "w").write("wrk.headers[\"Cookie\"] = " + lua_str(cookie_header(cj)) + "\nwrk.path = \"/check/1\"\n")

# 4. An admin session for the statute list.
cj, op = session()
st, html, _ = fetch(op, "/admin/login")
st, html, hd = fetch(op, "/admin/login", [("__RequestVerificationToken", token_re.search(html).group(1)), ("UserName", admin_user), ("Password", admin_password)])
assert st == 302, f"admin sign-in failed: {st}"
open(os.path.join(out, "admin.lua"), "w").write("wrk.headers[\"Cookie\"] = " + lua_str(cookie_header(cj)) + "\nwrk.path = \"/admin/statutes\"\n")

# 4b. A published incident (issue 16), created and published through the admin forms: its page is served from the output cache.
# The admin cookie is Secure outside Development, so over plain http it is sent by hand, as in admin.lua.
def admin_fetch(path, data=None):
    req = urllib.request.Request(base + path, data=urllib.parse.urlencode(data).encode() if data is not None else None, headers={"Cookie": cookie_header(cj)})
    try:
        r = op.open(req)
        return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers
fetch = lambda _op, path, data=None: admin_fetch(path, data)
st, html, _ = fetch(op, "/admin/incidents/new")
if st == 200:
    fields = [("__RequestVerificationToken", token_re.search(html).group(1)), ("Input.Slug", "load-test-courier"), ("Input.Organisation", "示例快递公司"),
              ("Input.Source", "courier"), ("Input.OccurredOn", "2026-10-01"), ("Input.BecamePublicOn", "2026-11-20"), ("Input.Scale", "5000-plus"),
              ("Input.Summary", "示例快递公司的寄件人和收件人信息被人在网上出售，涉及姓名、电话和地址。"), ("Input.Status", "confirmed-by-organisation"),
              ("Input.Note", "load test"), ("Input.Sources[0].Kind", "organisation-notice"), ("Input.Sources[0].Title", "关于用户信息安全事件的公告"),
              ("Input.Sources[0].Url", "https://example.com/notice/1"), ("Input.Sources[0].PublishedOn", "2026-11-20"),
              ("Input.DataTypes", "identity"), ("Input.DataTypes", "contact"), ("Input.DataTypes", "address")]
    st, html, _ = fetch(op, "/admin/incidents/new", fields)
    assert st == 302, f"incident not created: {st}"
    st, html, _ = fetch(op, "/admin/incidents/load-test-courier")
    publish = re.search(r'<form method="post" data-publish-form.*?</form>', html, re.S).group(0)
    revision = re.search(r'name="ExpectedRevision" value="(\d+)"', publish).group(1)
    st, _, _ = fetch(op, "/admin/incidents/load-test-courier?handler=Publish", [("__RequestVerificationToken", token_re.search(html).group(1)), ("ExpectedRevision", revision)])
    assert st == 302, f"incident not published: {st}"
    open(os.path.join(out, "incident-path.txt"), "w").write("/incidents/load-test-courier")

# 5. A mixed run: pages, steps, plans and PDFs in rough real-life proportions.
mixed = []
mixed += [("GET", "/", None, None)] * 20 + [("GET", "/check/1", None, None)] * 20 + [("GET", link, None, None)] * 10 + [("GET", "/statutes/pipl", None, None)] * 5
mixed += [("POST", "/api/v1/plans", "application/json", b) for b in bodies[:10]]
mixed += [("POST", "/api/v1/plans/pdf", "application/json", pdf_bodies[0])]
# Requests are formatted in init(), after wrk has set the Host header (formatting at load time would send none: 400s).
lines = ["requests = {}", "init = function(args)"]
for i, (m, p, ct, b) in enumerate(mixed):
    headers = "nil" if ct is None else "{[\"Content-Type\"] = " + lua_str(ct) + ", [\"Host\"] = wrk.headers[\"Host\"]}"
    lines.append(f"  requests[{i + 1}] = wrk.format({lua_str(m)}, {lua_str(p)}, {headers}, {lua_str(b) if b else 'nil'})")
lines.append("end")
lines.append("local i = 0\nrequest = function()\n  i = i + 1\n  return requests[(i % #requests) + 1]\nend")
open(os.path.join(out, "mixed.lua"), "w").write("\n".join(lines) + "\n")
print(link)
