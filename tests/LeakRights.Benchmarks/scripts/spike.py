#!/usr/bin/env python3
"""Open-loop spike against nginx (issue 15): a normal rate, a burst at 10x for 60 s, then the normal rate again.

Usage: spike.py BASE_URL PLAN_LINK BODIES_JSON [normal_rps] [burst_seconds] [join_seconds]

With join_seconds (spike.sh's join mode), there is no burst: one phase at the normal rate for that long, during which
spike.sh starts the second instance, and the figures are per second from the start.

Requests follow the mixed run's proportions (pages, steps, plan pages, statutes, the plans API, 1 in 66 a PDF). Each
simulated person has an address of their own in 127.0.0.0/8 (nginx limits per address, as it would for real people), so
what is measured is the whole system: nginx's limits and queueing, two app instances, PostgreSQL. The sender is open-loop:
requests leave at the planned times whether or not earlier ones were answered (a closed loop would slow down with the
server and hide the spike). Prints per-phase and per-second figures; exits 1 on any 5xx other than a Chinese 503 page, or
any request left unanswered.
"""
import asyncio, json, sys, time, random, statistics, urllib.parse

base, link, bodies_file = sys.argv[1:4]
normal = float(sys.argv[4]) if len(sys.argv) > 4 else 100.0
burst_seconds = int(sys.argv[5]) if len(sys.argv) > 5 else 60
u = urllib.parse.urlsplit(base)
host, port = u.hostname, u.port or 80
bodies = json.load(open(bodies_file, encoding="utf-8"))
PEOPLE = 400  # distinct client addresses 127.0.1.0 - 127.0.2.143

mix = ([("GET", "/", None)] * 20 + [("GET", "/check/1", None)] * 20 + [("GET", link, None)] * 10 + [("GET", "/statutes/pipl", None)] * 5
       + [("POST", "/api/v1/plans", b) for b in bodies["plans"][:10]] + [("POST", "/api/v1/plans/pdf", bodies["pdf"][0])])
join_seconds = int(sys.argv[6]) if len(sys.argv) > 6 else 0
phases = [("join", join_seconds, normal)] if join_seconds else [("normal", 20, normal), ("burst", burst_seconds, normal * 10), ("after", 30, normal)]

results = []  # (phase, second since start, status or error, latency ms, chinese)
pools = {}


def address(i):
    n = 256 + i
    return f"127.0.{n // 256}.{n % 256}"


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l)}
    body = b""
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            body += chunk[:-2]
    return status, headers, body


async def send(person, method, path, body):
    pool = pools.setdefault(person, [])
    conn = pool.pop() if pool else None
    if conn is None:
        conn = await asyncio.open_connection(host, port, local_addr=(address(person), 0))
    reader, writer = conn
    data = body.encode() if body else b""
    req = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Language: zh-CN\r\n"
    if body:
        req += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
    writer.write(req.encode() + b"\r\n" + data)
    await writer.drain()
    status, headers, payload = await read_response(reader)
    if headers.get("connection", "").lower() == "close":
        writer.close()
    else:
        pool.append(conn)
    return status, payload


async def one(phase, t0, person, method, path, body):
    start = time.monotonic()
    try:
        status, payload = await asyncio.wait_for(send(person, method, path, body), timeout=15)
        chinese = any("\u4e00" <= c <= "\u9fff" for c in payload[:4000].decode("utf-8", "replace")) if status >= 400 else True
    except Exception as e:  # noqa: BLE001 - any failure to get an answer is recorded as such
        status, chinese = type(e).__name__, False
    results.append((phase, int(start - t0), status, (time.monotonic() - start) * 1000, chinese))


async def main():
    t0 = time.monotonic()
    tasks = []
    i = 0
    planned = t0
    for name, seconds, rate in phases:
        end = planned + seconds
        while planned < end:
            delay = planned - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            method, path, body = mix[i % len(mix)]
            tasks.append(asyncio.create_task(one(name, t0, random.randrange(PEOPLE), method, path, body)))
            i += 1
            planned += 1.0 / rate
    await asyncio.gather(*tasks)

asyncio.run(main())

bad = 0
print(f"normal rate {normal:.0f} req/s, burst {normal * 10:.0f} req/s for {burst_seconds} s; {PEOPLE} client addresses")
print("| phase | sent | 2xx/3xx | 429 | 503 | other 5xx | no answer | p50 ms | p99 ms |")
print("|---|---|---|---|---|---|---|---|---|")
for name, _, _ in phases:
    rows = [r for r in results if r[0] == name]
    ok = sum(1 for r in rows if isinstance(r[2], int) and r[2] < 400)
    r429 = sum(1 for r in rows if r[2] == 429)
    r503 = sum(1 for r in rows if r[2] == 503)
    r5xx = sum(1 for r in rows if isinstance(r[2], int) and r[2] >= 500 and r[2] != 503)
    none = sum(1 for r in rows if not isinstance(r[2], int))
    not_chinese = sum(1 for r in rows if isinstance(r[2], int) and r[2] in (429, 503) and not r[4])
    other4 = sum(1 for r in rows if isinstance(r[2], int) and 400 <= r[2] < 500 and r[2] != 429)
    bad += r5xx + none + not_chinese + other4
    lat = sorted(r[3] for r in rows if isinstance(r[2], int) and r[2] < 400)
    p50 = lat[len(lat) // 2] if lat else 0
    p99 = lat[int(len(lat) * 0.99)] if lat else 0
    print(f"| {name} | {len(rows)} | {ok} | {r429} | {r503} | {r5xx} | {none} | {p50:.1f} | {p99:.1f} |" + (f" ({not_chinese} refusals without a Chinese page, {other4} other 4xx)" if not_chinese or other4 else ""))

if join_seconds:
    print()
    print("per second while the second instance starts (spike.sh prints when):")
    print("| second | sent | 2xx/3xx | not 2xx/3xx | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|---|")
    for s in range(join_seconds):
        rows = [r for r in results if r[1] == s]
        lat = sorted(r[3] for r in rows if isinstance(r[2], int) and r[2] < 400)
        if lat:
            print(f"| {s} | {len(rows)} | {len(lat)} | {len(rows) - len(lat)} | {lat[len(lat) // 2]:.1f} | {lat[int(len(lat) * 0.99)]:.1f} | {lat[-1]:.1f} |")
    sys.exit(1 if bad else 0)

normal_rows = [r[3] for r in results if r[0] == "normal" and isinstance(r[2], int) and r[2] < 400]
normal_p99 = sorted(normal_rows)[int(len(normal_rows) * 0.99)] if normal_rows else 0
burst_end = phases[0][1] + phases[1][1]
print()
print(f"after the burst, per second (normal p99 {normal_p99:.1f} ms):")
print("| second after the burst | answered | p50 ms | p99 ms |")
print("|---|---|---|---|")
recovered = None
for s in range(burst_end, burst_end + phases[2][1]):
    lat = sorted(r[3] for r in results if r[1] == s and isinstance(r[2], int) and r[2] < 400)
    if not lat:
        continue
    p99 = lat[int(len(lat) * 0.99)]
    if recovered is None and p99 <= max(2 * normal_p99, normal_p99 + 5):
        recovered = s - burst_end
    print(f"| {s - burst_end} | {len(lat)} | {lat[len(lat) // 2]:.1f} | {p99:.1f} |")
print()
print(f"latency back to normal (p99 within 2x the normal phase's) {recovered} s after the burst" if recovered is not None else "latency not back to normal")
sys.exit(1 if bad or recovered is None or recovered > 10 else 0)
