#!/usr/bin/env python3
"""Measurement, statistics and reporting for benchmarks/run.sh (standard library only).

Subcommands
  free-ports N                 N free TCP ports on 127.0.0.1
  measure ... -- CMD...        runs a load generator (wrk or h2load) and charges the CPU time the given server
                               processes spent meanwhile (utime+stime from /proc/<pid>/stat) to the requests served
  startup ... -- CMD...        starts a server and times it to its first successful request on every given target
  compare ...                  records one line of the results table (a ratio of two contenders' medians)
  machine                      prints what the run ran on (JSON)
  report ...                   computes medians and ratios, renders the results table and the history
  self-test                    checks the parsers and the statistics on fixed inputs
"""

import argparse
import datetime
import json
import os
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")

# Metric name -> (label, unit, format)
METRICS = {
    "cpu_us_per_req": ("CPU per request", "µs", "{:.1f}"),
    "cpu_us_per_req.server": ("server CPU per request", "µs", "{:.1f}"),
    "cpu_us_per_req.proxy": ("proxy (nginx, HAProxy) CPU per request", "µs", "{:.1f}"),
    "req_per_s": ("req/s", "", "{:,.0f}"),
    "startup_ms": ("start-up to first response", "ms", "{:,.0f}"),
    "startup_cpu_ms": ("CPU time to first response", "ms", "{:,.0f}"),
    "rss_mb": ("RSS at first response", "MB", "{:,.0f}"),
    "p99_ms": ("p99 latency", "ms", "{:.2f}"),
    "handshakes_per_s": ("handshakes/s", "", "{:,.0f}"),
    "cpu_us_per_handshake": ("event-loop CPU per handshake", "µs", "{:.0f}"),
    "start_ms": ("start-up time", "ms", "{:,.0f}"),
    "heap_mb": ("heap after start-up (after GC)", "MB", "{:,.0f}"),
    "loaded_heap_mb": ("heap with every certificate loaded (after GC)", "MB", "{:,.0f}"),
    "main_cpu_ms": ("main-thread CPU to start-up", "ms", "{:,.0f}"),
}


# ---------------------------------------------------------------------------------------------------------------- proc

def process_cpu_ticks(pid):
    """utime + stime of a whole process (all its threads), in clock ticks."""
    with open(f"/proc/{pid}/stat") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def machine_ticks():
    """(busy, total) clock ticks of the whole machine, from /proc/stat."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]
    total = sum(values[:8])
    return total - idle, total


def wait_quiet(max_wait, threshold, pids=()):
    """Waits (at most max_wait seconds) until the machine is quiet: less than `threshold` cores busy outside `pids`
    over a 1-second window. Returns (seconds waited, foreign cores busy in the last window)."""
    if max_wait <= 0:
        return 0.0, None
    start = time.monotonic()
    while True:
        ours0 = sum(process_cpu_ticks(pid) for pid in pids)
        busy0, total0 = machine_ticks()
        time.sleep(1.0)
        ours1 = sum(process_cpu_ticks(pid) for pid in pids)
        busy1, total1 = machine_ticks()
        ncpu = os.cpu_count() or 1
        foreign = ((busy1 - busy0) - (ours1 - ours0)) / max(total1 - total0, 1) * ncpu
        waited = time.monotonic() - start
        if foreign < threshold or waited >= max_wait:
            return round(waited, 1), round(max(foreign, 0.0), 3)


def budget_remaining(path):
    """Seconds a row may still spend waiting for a quiet machine and repeating rounds (no file: no limit)."""
    if not path:
        return float("inf")
    try:
        with open(path) as f:
            return max(float(f.read().strip() or 0), 0.0)
    except FileNotFoundError:
        return float("inf")


def budget_spend(path, seconds):
    if path and os.path.exists(path):
        remaining = budget_remaining(path) - seconds
        with open(path, "w") as f:
            f.write(f"{max(remaining, 0.0):.1f}\n")


def parse_pids(spec):
    pids = {}
    for part in spec.split(","):
        label, _, pid = part.partition("=")
        pids[label.strip()] = int(pid)
    return pids


# -------------------------------------------------------------------------------------------------------------- parsers

def _duration_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not m:
        return None
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(text):
    out = {}
    m = re.search(r"(\d+) requests in ([\d.]+)(\w+)", text)
    if not m:
        raise ValueError("no request count in wrk output")
    out["requests"] = int(m.group(1))
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    out["req_per_s"] = float(m.group(1)) if m else 0.0
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        errors += sum(int(g) for g in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        errors += int(m.group(1))
    out["errors"] = errors
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        m = re.search(r"^\s+" + pct + r"(?:\.000)?%\s+(\S+)", text, re.M)
        if m:
            value = _duration_ms(m.group(1))
            if value is not None:
                out[key] = value
    return out


def parse_h2load(text):
    out = {}
    m = re.search(r"finished in ([\d.]+)(\w+), ([\d.]+) req/s", text)
    if not m:
        raise ValueError("no 'finished in' line in h2load output")
    out["req_per_s"] = float(m.group(3))
    m = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored, "
                  r"(\d+) timeout", text)
    if not m:
        raise ValueError("no 'requests:' line in h2load output")
    out["requests"] = int(m.group(4))
    out["errors"] = int(m.group(5)) + int(m.group(6)) + int(m.group(7))
    m = re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", text)
    if m:
        out["errors"] += int(m.group(3)) + int(m.group(4))
    return out


def parse_s_time(text):
    """The summary line of harness/s_time.sh: connections, how many the server resumed, how many were full."""
    m = re.search(r"s_time \((new|reuse), (\d+) clients\): (\d+) connections in (\d+)s, (\d+) resumed, (\d+) full",
                  text)
    if not m:
        raise ValueError("no summary line in s_time.sh output")
    mode, clients, connections, seconds = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))
    resumed, full = int(m.group(5)), int(m.group(6))
    # The proof, per contender and round: P2 (new) measures full handshakes only, P8 (reuse) resumed ones only.
    if mode == "new" and resumed:
        sys.exit(f"{resumed} of {connections} connections were resumed: s_time -new must make full handshakes")
    if mode == "reuse" and full > 0.01 * connections:
        sys.exit(f"{full} of {connections} connections were not resumed: s_time -reuse must measure resumptions")
    return {"requests": connections, "req_per_s": connections / max(seconds, 1), "errors": 0,
            "resumed": resumed, "full": full}


PARSERS = {"wrk": parse_wrk, "wrk-close": parse_wrk, "h2load": parse_h2load, "s_time-new": parse_s_time,
           "s_time-reuse": parse_s_time}


# -------------------------------------------------------------------------------------------------------------- measure

def _one_round(args, pids):
    """Runs the load generator once (after waiting for a quiet machine, within the budget); returns the sample."""
    waited, quiet_foreign = wait_quiet(min(args.quiet_wait, budget_remaining(args.budget_file)), args.quiet_threshold,
                                       pids.values())
    budget_spend(args.budget_file, waited)
    before = {label: process_cpu_ticks(pid) for label, pid in pids.items()}
    busy0, total0 = machine_ticks()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    for attempt in range(args.retries_on_timeout + 1):
        try:
            proc = subprocess.run(args.cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  timeout=args.timeout)
            break
        except subprocess.TimeoutExpired:
            if attempt == args.retries_on_timeout:
                sys.exit(f"load generator exceeded {args.timeout}s: {' '.join(args.cmd)}")
            # A connection the server left unread (see prime_h2 in lib.sh) hangs h2load; the round starts over.
            print(f"  load generator exceeded {args.timeout}s: round started over", file=sys.stderr)
            before = {label: process_cpu_ticks(pid) for label, pid in pids.items()}
            busy0, total0 = machine_ticks()
            ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.monotonic()
    wall = time.monotonic() - t0
    after = {label: process_cpu_ticks(pid) for label, pid in pids.items()}
    busy1, total1 = machine_ticks()
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"load generator failed ({proc.returncode}):\n{proc.stdout}")
    parsed = PARSERS[args.tool](proc.stdout)
    requests = parsed["requests"]
    if requests <= 0:
        sys.exit(f"no request succeeded:\n{proc.stdout}")
    if parsed["errors"] > max(args.max_error_rate * requests, 0):
        sys.exit(f"{parsed['errors']} errors for {requests} requests:\n{proc.stdout}")
    cpu_s = {label: (after[label] - before[label]) / CLK_TCK for label in pids}
    ours = sum(cpu_s.values())
    loadgen = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    ncpu = os.cpu_count() or 1
    machine_busy = (busy1 - busy0) / max(total1 - total0, 1) * ncpu
    metrics = {"req_per_s": parsed["req_per_s"], "cpu_us_per_req": ours * 1e6 / requests}
    if len(pids) > 1:
        for label, value in cpu_s.items():
            metrics[f"cpu_us_per_req.{label}"] = value * 1e6 / requests
    for key in ("p50_ms", "p99_ms", "resumed", "full"):
        if key in parsed:
            metrics[key] = parsed[key]
    return {
        "scenario": args.scenario, "contender": args.contender, "round": args.round, "tool": args.tool,
        "wall_s": round(wall, 3), "requests": requests, "errors": parsed["errors"], "cpu_s": cpu_s,
        "loadgen_cpu_s": round(loadgen, 3), "machine_busy_cores": round(machine_busy, 3),
        "foreign_cores": round(max(machine_busy - (ours + loadgen) / wall, 0.0), 3), "metrics": metrics,
        "quiet_wait_s": waited, "foreign_before": quiet_foreign,
    }


def cmd_measure(args):
    """One round; repeated (at most --redo times) when other processes kept more than --redo-threshold cores busy
    during it. Prints the CPU per request on stdout."""
    pids = parse_pids(args.pids)
    attempts = 0
    while True:
        sample = _one_round(args, pids)
        attempts += 1
        metrics = sample["metrics"]
        print(f"  {args.contender:>18} r{args.round}: {metrics['req_per_s']:>10,.0f} req/s  "
              f"{metrics['cpu_us_per_req']:7.1f} µs CPU/req  (machine busy {sample['machine_busy_cores']:.2f} cores, "
              f"foreign {sample['foreign_cores']:.2f}; waited {sample['quiet_wait_s']:.0f}s for quiet)",
              file=sys.stderr)
        if sample["foreign_cores"] <= args.redo_threshold or attempts > args.redo:
            break
        if budget_remaining(args.budget_file) < sample["wall_s"]:
            print(f"  {'':>18}     foreign load {sample['foreign_cores']:.2f}, but the row's budget for quiet "
                  f"waits and repeats is spent: round kept", file=sys.stderr)
            break
        budget_spend(args.budget_file, sample["wall_s"])
        print(f"  {'':>18}     foreign load {sample['foreign_cores']:.2f} > {args.redo_threshold}: round repeated",
              file=sys.stderr)
    sample["attempts"] = attempts
    with open(args.out, "a") as f:
        f.write(json.dumps(sample) + "\n")
    print(f"{sample['metrics']['cpu_us_per_req']:.3f}")


# -------------------------------------------------------------------------------------------------------------- startup

def _http_ok(target, timeout=1.0):
    """One GET /plaintext on http://127.0.0.1:PORT or unix:/path; True on a 200."""
    try:
        if target.startswith("unix:"):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            address = target[len("unix:"):]
        else:
            m = re.match(r"http://(127\.0\.0\.1|\[::1\]):(\d+)$", target)
            if not m:
                raise SystemExit(f"refusing target {target}")
            host = m.group(1).strip("[]")
            s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
            address = (host, int(m.group(2)))
        s.settimeout(timeout)
        try:
            s.connect(address)
            s.sendall(b"GET /plaintext HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            data = b""
            while len(data) < 12:
                chunk = s.recv(64)
                if not chunk:
                    break
                data += chunk
            return data.startswith(b"HTTP/1.1 200")
        finally:
            s.close()
    except OSError:
        return False


def _rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _stop(proc, grace):
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace)


def cmd_startup(args):
    targets = [t for t in args.targets.split(",") if t]
    waited, quiet_foreign = wait_quiet(min(args.quiet_wait, budget_remaining(args.budget_file)), args.quiet_threshold)
    budget_spend(args.budget_file, waited)
    with open(args.log, "w") as log:
        t0 = time.monotonic()
        proc = subprocess.Popen(args.cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            pending = list(targets)
            deadline = t0 + args.timeout
            while pending:
                if proc.poll() is not None:
                    sys.exit(f"server exited during start-up (log: {args.log})")
                if time.monotonic() > deadline:
                    sys.exit(f"no answer on {pending} within {args.timeout}s (log: {args.log})")
                pending = [t for t in pending if not _http_ok(t)]
                if pending:
                    time.sleep(0.005)
            elapsed = time.monotonic() - t0
            cpu = process_cpu_ticks(proc.pid) / CLK_TCK
            rss = _rss_mb(proc.pid)
        finally:
            _stop(proc, 15)
    if args.expect:
        with open(args.log) as f:
            text = f.read()
        m = re.search(r"BENCH-READY (server=\S+ factory=\S+)", text)
        if not m or m.group(1) != args.expect:
            sys.exit(f"expected {args.expect}, got {m.group(1) if m else 'none'} (log: {args.log})")
    sample = {"scenario": args.scenario, "contender": args.contender, "round": args.round, "tool": "startup",
              "metrics": {"startup_ms": elapsed * 1000, "startup_cpu_ms": cpu * 1000, "rss_mb": rss},
              "quiet_wait_s": waited, "foreign_before": quiet_foreign}
    if args.out != "/dev/null":
        with open(args.out, "a") as f:
            f.write(json.dumps(sample) + "\n")
    print(f"  {args.contender:>18} r{args.round}: {elapsed * 1000:7.0f} ms to first response on {len(targets)} "
          f"endpoint(s), {cpu * 1000:6.0f} ms CPU, {rss:4.0f} MB RSS (waited {waited:.0f}s for quiet)",
          file=sys.stderr)


# -------------------------------------------------------------------------------------------------------------- compare

def cmd_compare(args):
    spec = {k: getattr(args, k) for k in ("scenario", "row", "label", "metric", "num", "den", "op", "goal", "decides",
                                          "note", "kind")}
    spec["goal"] = float(spec["goal"]) if spec["goal"] not in ("", "-") else None
    with open(args.out, "a") as f:
        f.write(json.dumps(spec) + "\n")


def cmd_jit_seconds(args):
    """CPU seconds used so far by the JIT compiler threads (C1/C2 CompilerThre...) of the given processes."""
    ticks = 0
    for pid in (p for p in args.pids.split(",") if p):
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/comm") as f:
                    if not re.match(r"C[12] CompilerThre", f.read()):
                        continue
                with open(f"/proc/{pid}/task/{task}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])
            except (OSError, IndexError, ValueError):
                continue
    print(f"{ticks / CLK_TCK:.2f}")


def cmd_record(args):
    """A sample measured by another program (P3's SniScaleMain): metrics as name=value,..."""
    metrics = {}
    for part in args.metrics.split(","):
        name, _, value = part.partition("=")
        metrics[name.strip()] = float(value)
    sample = {"scenario": args.scenario, "contender": args.contender, "round": args.round, "tool": args.tool,
              "metrics": metrics}
    with open(args.out, "a") as f:
        f.write(json.dumps(sample) + "\n")


def cmd_free_ports(args):
    sockets = []
    try:
        for _ in range(args.n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        print(" ".join(str(s.getsockname()[1]) for s in sockets))
    finally:
        for s in sockets:
            s.close()


# -------------------------------------------------------------------------------------------------------------- machine

def _run(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=20)
        return p.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def cmd_machine(args):
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_gib = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024)
    java = _run(["java", "-version"]).splitlines()
    tools = {}
    for name, cmd, pattern in (("wrk", ["wrk", "-v"], r"wrk (?:debian/)?(\S+)"),
                               ("h2load", ["h2load", "--version"], r"h2load nghttp2/([\d.]+)"),
                               ("nginx", ["nginx", "-v"], r"nginx/([\d.]+)")):
        m = re.search(pattern, _run(cmd))
        if m:
            tools[name] = m.group(1)
    commit = _run(["git", "-C", args.root, "rev-parse", "--short", "HEAD"])
    dirty = _run(["git", "-C", args.root, "status", "--porcelain", "--untracked-files=no"])
    print(json.dumps({
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": mem_gib, "kernel": os.uname().release,
        "java": java[0] if java else "", "tools": tools,
        "commit": (commit + ("+dirty" if dirty else "")) if commit else "unknown",
        "loadavg_start": open("/proc/loadavg").read().split()[:3],
    }))


# --------------------------------------------------------------------------------------------------------------- report

def load_jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def median(values):
    return statistics.median(values) if values else None


def series(samples, scenario, contender, metric):
    """Values of one metric for one contender, by round."""
    return {s["round"]: s["metrics"][metric] for s in samples
            if s["scenario"] == scenario and s["contender"] == contender and metric in s["metrics"]}


def verdict(ratio, op, goal, decides, quick):
    """pass/MISS of a deciding line (ratio or, for a delta line, the difference) against its goal."""
    if decides != "yes" or goal is None or ratio is None:
        return "info"
    if quick:
        return "not judged (quick)"
    ok = ratio >= goal if op == ">=" else ratio <= goal
    return "**pass**" if ok else "**MISS**"


def evaluate(samples, specs, quick):
    lines = []
    for spec in specs:
        num = series(samples, spec["scenario"], spec["num"], spec["metric"])
        den = series(samples, spec["scenario"], spec["den"], spec["metric"])
        mnum, mden = median(list(num.values())), median(list(den.values()))
        if spec.get("kind") == "delta":
            # A difference (a − b) judged against the goal, for goals such as "≤ +2 s"; the median of the paired
            # per-round differences, which cancels what a round's machine state adds to both.
            paired = [num[r] - den[r] for r in num if r in den]
            ratio = median(paired) if paired else None
        else:
            ratio = (mnum / mden) if (mnum is not None and mden) else None
            paired = [num[r] / den[r] for r in num if r in den and den[r]]
        lines.append(dict(spec, num_median=mnum, den_median=mden, ratio=ratio, rounds=len(paired),
                          paired_min=min(paired) if paired else None, paired_max=max(paired) if paired else None,
                          num_values=[num[r] for r in sorted(num)], den_values=[den[r] for r in sorted(den)],
                          result=verdict(ratio, spec["op"], spec["goal"], spec["decides"], quick)))
    return lines


def fmt(metric, value):
    if value is None:
        return "—"
    label, unit, pattern = METRICS.get(metric, (metric, "", "{:.3g}"))
    return pattern.format(value) + (f" {unit}" if unit else "")


def goal_text(line):
    if line.get("goal") is None:
        return "—"
    if line.get("kind") == "delta":
        return ("≥ " if line["op"] == ">=" else "≤ ") + "+" + fmt(line["metric"], line["goal"])
    return ("≥ " if line["op"] == ">=" else "≤ ") + f"{line['goal']:g}"


def ratio_text(line):
    """The ratio column: a ratio with 3 decimals, or for a delta line the median paired difference (a − b)."""
    if line["ratio"] is None:
        return "—"
    if line.get("kind") == "delta":
        text = "Δ " + ("+" if line["ratio"] >= 0 else "") + fmt(line["metric"], line["ratio"])
        if line.get("paired_min") is not None and line.get("rounds", 0) > 1:
            text += f" ({line['paired_min']:+,.0f}…{line['paired_max']:+,.0f})"
        return text
    text = f"{line['ratio']:.3f}"
    if line.get("paired_min") is not None and line.get("rounds", 0) > 1:
        text += f" ({line['paired_min']:.2f}–{line['paired_max']:.2f})"
    return text


def render_row_lines(row_id, entry):
    out = []
    for line in entry["lines"]:
        label = line["label"] or METRICS.get(line["metric"], (line["metric"],))[0]
        medians = f"{fmt(line['metric'], line['num_median'])} / {fmt(line['metric'], line['den_median'])}"
        ratio = ratio_text(line)
        sep = "−" if line.get("kind") == "delta" else "÷"
        out.append(f"| {row_id} | {label} | {line['num']} {sep} {line['den']} | {medians} | {ratio} | "
                   f"{goal_text(line)} | {line['result']} | {entry['date']} |")
    return out


def render_compact(lines):
    out = ["| Row | Metric | Contenders (a ÷ b) | Ratio (per-round range) | Goal | Result |", "|---|---|---|---|---|---|"]
    for line in lines:
        ratio = ratio_text(line)
        sep = "−" if line.get("kind") == "delta" else "÷"
        out.append(f"| {line['row']} | {line['label'] or line['metric']} | {line['num']} {sep} {line['den']} | {ratio} | "
                   f"{goal_text(line)} | {line['result']} |")
    return out


def render_table(catalogue, store, only=None):
    out = ["| Row | Metric | Contenders (a ÷ b) | Medians (a / b) | Ratio (per-round range) | Goal | Result | Measured |",
           "|---|---|---|---|---|---|---|---|"]
    for row in catalogue:
        if only is not None and row["id"] not in only:
            continue
        entry = store.get(row["id"])
        if row["id"].startswith("JMH"):
            continue
        if entry and entry.get("lines"):
            out.extend(render_row_lines(row["id"], entry))
        elif row["pending"]:
            out.append(f"| {row['id']} | {row['title']} | — | — | — | {row['goal']} | pending: {row['pending']} | — |")
        else:
            out.append(f"| {row['id']} | {row['title']} | — | — | — | {row['goal']} | not run yet | — |")
    return out


def render_jmh(store, catalogue):
    out = []
    for row in catalogue:
        if not row["id"].startswith("JMH"):
            continue
        entry = store.get(row["id"])
        if row["pending"] and not entry:
            out.append(f"- {row['id']} ({row['title']}): pending: {row['pending']}")
            continue
        if not entry:
            out.append(f"- {row['id']} ({row['title']}): not run yet")
            continue
        out.append(f"{row['title']} (measured {entry['date']}):")
        out.append("")
        out.append("| Benchmark | Parameter | Score | Error (99.9%) | Unit |")
        out.append("|---|---|---|---|---|")
        for b in entry["jmh"]:
            out.append(f"| {b['benchmark']} | `{b['param']}` | {b['score']:.1f} | ± {b['error']:.1f} | {b['unit']} |")
        out.append("")
    return out


def render_details(lines, samples):
    out = []
    for line in lines:
        if not line["num_values"]:
            continue
        nv = ", ".join(fmt(line["metric"], v) for v in line["num_values"])
        dv = ", ".join(fmt(line["metric"], v) for v in line["den_values"])
        out.append(f"- {line['row']} {line['label'] or line['metric']}: {line['num']} [{nv}]; {line['den']} [{dv}]"
                   + (f" (note: {line['note']})" if line.get("note") else ""))
    for scenario in sorted({s["scenario"] for s in samples}):
        foreign = [s["foreign_cores"] for s in samples if s["scenario"] == scenario and "foreign_cores" in s]
        before = [s["foreign_before"] for s in samples
                  if s["scenario"] == scenario and s.get("foreign_before") is not None]
        waited = sum(s.get("quiet_wait_s") or 0 for s in samples if s["scenario"] == scenario)
        parts = []
        if foreign:
            parts.append(f"during the rounds median {median(foreign):.2f}, max {max(foreign):.2f} cores")
        if before:
            parts.append(f"just before the rounds median {median(before):.2f}, max {max(before):.2f} cores "
                         f"({waited:.0f} s spent waiting for a quiet machine)")
        if parts:
            out.append(f"- {scenario}: foreign CPU load (busy outside the measured processes and the load "
                       f"generator): {'; '.join(parts)}.")
    return out


def parse_catalogue(path):
    rows = []
    with open(path) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            parts += [""] * (5 - len(parts))
            rows.append({"id": parts[0], "title": parts[1], "goal": parts[2], "tools": parts[3], "pending": parts[4]})
    return rows


def _finite(value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 0.0
    return value if value == value and value not in (float("inf"), float("-inf")) else 0.0


def load_jmh(run_dir, row):
    """The JMH results a row's scenario wrote to <run dir>/<row>.jmh.json (None when it wrote none)."""
    path = os.path.join(run_dir, f"{row}.jmh.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        data = json.load(f)
    result = []
    for b in data:
        metric = b["primaryMetric"]
        result.append({"benchmark": b["benchmark"].rsplit(".", 2)[-2] + "." + b["benchmark"].rsplit(".", 1)[-1],
                       "param": ",".join(f"{v}" for v in (b.get("params") or {}).values()),
                       "score": metric["score"], "error": _finite(metric["scoreError"]), "unit": metric["scoreUnit"]})
    return result


HEADER = """# Benchmark results

Produced by `benchmarks/run.sh` (see `benchmarks/README.md`). Servers are pinned to core 0 and load generators to
core 1; contenders are interleaved (A B A B …) after a warm-up, and each ratio is a ratio of medians over the rounds
(the per-round paired ratios give the range). Decisions use the server's CPU time per request (utime+stime from
/proc over a round ÷ requests served), which is stable on this machine while req/s swings between runs; req/s is
reported beside it. Contenders: "starter" is the benchmark app with this starter; "stock" is the same app and
handler with the starter left off the classpath (stock Spring Boot WebFlux); "raw" is a Reactor Netty `HttpServer`
main with the same response; "starter-jdk" is the starter forced onto the JDK's TLS engine; "nginx" is Debian's nginx.
TLS rows use one RSA-2048 certificate generated per run and no session resumption (checked per contender). Every
start is checked (the app prints its web server and factory classes), and each
run also checks that the starter with `kestrel.enabled=false` gives Spring Boot's own `NettyReactiveWebServerFactory`.
Do not edit the table by hand: it is regenerated from `RESULTS.json`; the History section is kept and appended to.
"""


def machine_line(m):
    tools = ", ".join(f"{k} {v}" for k, v in sorted(m.get("tools", {}).items()))
    return (f"{m.get('cores')} cores ({m.get('cpu')}), {m.get('memory_gib')} GiB, Linux {m.get('kernel')}, "
            f"{m.get('java')}; {tools}. Commit {m.get('commit')}. Load average at start "
            f"{' '.join(m.get('loadavg_start', []))}, at end {' '.join(m.get('loadavg_end', []))}.")


def cmd_report(args):
    catalogue = parse_catalogue(args.catalogue)
    samples = load_jsonl(os.path.join(args.run_dir, "samples.jsonl"))
    specs = load_jsonl(os.path.join(args.run_dir, "compare.jsonl"))
    machine_file = os.path.join(args.run_dir, "machine.json")
    with open(machine_file) as f:
        machine = json.load(f)
    if "loadavg_end" not in machine:
        machine["loadavg_end"] = open("/proc/loadavg").read().split()[:3]
        with open(machine_file, "w") as f:
            json.dump(machine, f)
    quick = args.mode == "quick"
    lines = evaluate(samples, specs, quick)
    ran = [r for r in args.rows.split(",") if r]
    run_id = os.path.basename(os.path.normpath(args.run_dir))
    this_run = {}
    for row in ran:
        row_lines = [l for l in lines if l["row"] == row]
        this_run[row] = {"run": run_id, "date": machine["date"], "machine": machine, "lines": row_lines,
                         "details": render_details(row_lines, [s for s in samples if s["scenario"] == row])}
    jmh = []
    for row in ran:
        row_jmh = load_jmh(args.run_dir, row)
        if row_jmh is not None:
            this_run[row]["jmh"] = row_jmh
            jmh += row_jmh
    table_now = render_table(catalogue, this_run, only=set(ran))
    details = [d for row in ran for d in this_run[row]["details"]]
    if quick:
        text = ["# Benchmark results (quick mode: not judged)", "", f"Machine: {machine_line(machine)}",
                f"Date: {machine['date']}. Quick mode proves the harness works; its numbers are too short to judge.",
                ""] + table_now + [""] + render_jmh(this_run, catalogue) + ["", "Per-round values:", ""] + details
        with open(args.results_md, "w") as f:
            f.write("\n".join(text) + "\n")
        print("\n".join(table_now))
        return
    store = {"rows": {}}
    if os.path.exists(args.results_json):
        with open(args.results_json) as f:
            store = json.load(f)
    store["rows"].update(this_run)
    with open(args.results_json, "w") as f:
        json.dump(store, f, indent=1, ensure_ascii=False)
        f.write("\n")
    history = ""
    if os.path.exists(args.results_md):
        with open(args.results_md) as f:
            old = f.read()
        marker = old.find("\n## History\n")
        if marker >= 0:
            history = old[marker + len("\n## History\n"):].strip("\n")
    foreign = [d for d in details if "foreign CPU load" in d]
    entry = [f"### {machine['date']}: {run_id} (rows {', '.join(ran)})", "", f"Machine: {machine_line(machine)}",
             ""] + render_compact(lines) + [""] + foreign
    if jmh:
        entry += [""] + [f"JMH {b['benchmark']} `{b['param']}`: {b['score']:.1f} ± {b['error']:.1f} {b['unit']}"
                         for b in jmh]
    text = [HEADER, f"Latest run: {machine['date']} ({run_id}). Machine: {machine_line(machine)}", ""]
    text += render_table(catalogue, store["rows"])
    if args.findings and os.path.exists(args.findings):
        text += ["", f"Analysis of the results, the misses and their profiles: "
                     f"[{os.path.basename(args.findings)}]({os.path.basename(args.findings)})."]
    text += ["", "### Per-round values of the latest measurement of each row", ""]
    for row in catalogue:
        entry_row = store["rows"].get(row["id"])
        if entry_row and entry_row.get("details"):
            text += entry_row["details"]
    text += ["", "## Microbenchmarks (JMH)", ""] + render_jmh(store["rows"], catalogue)
    text += ["", "## History", ""]
    if history:
        text += [history, ""]
    text += entry
    with open(args.results_md, "w") as f:
        f.write("\n".join(text).rstrip("\n") + "\n")
    print("\n".join(table_now))


def cmd_rows(args):
    """Prints 'id tools pending' per catalogue row (fields never empty: '-'), filtered by --only."""
    only = [r for r in args.only.split(",") if r]
    rows = parse_catalogue(args.catalogue)
    def matches(row_id, selector):
        return row_id == selector or row_id.startswith(selector + "-")

    unknown = [sel for sel in only if not any(matches(r["id"], sel) for r in rows)]
    if unknown:
        sys.exit(f"unknown rows {unknown}; known: {[r['id'] for r in rows]}")
    for row in rows:
        if only and not any(matches(row["id"], sel) for sel in only):
            continue
        tools = ",".join(row["tools"].split()) or "-"
        print(f"{row['id']} {tools} {'pending' if row['pending'] else '-'}")


# ------------------------------------------------------------------------------------------------------------ self-test

WRK_SAMPLE = """Running 2s test @ http://127.0.0.1:1/plaintext
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.19ms  256.68us   6.23ms   90.41%
  Latency Distribution
     50%    1.13ms
     75%    1.25ms
     90%    1.43ms
     99%    2.06ms
  53580 requests in 2.00s, 4.96MB read
  Non-2xx or 3xx responses: 3
Requests/sec:  26785.45
Transfer/sec:      2.48MB
"""

H2LOAD_SAMPLE = """finished in 2.00s, 41234.50 req/s, 1.10MB/s
requests: 82469 total, 82629 started, 82469 done, 82469 succeeded, 0 failed, 0 errored, 0 timeout
status codes: 82469 2xx, 0 3xx, 0 4xx, 0 5xx
"""


def cmd_self_test(args):
    w = parse_wrk(WRK_SAMPLE)
    assert w["requests"] == 53580 and w["errors"] == 3 and abs(w["req_per_s"] - 26785.45) < 1e-6, w
    assert abs(w["p99_ms"] - 2.06) < 1e-9 and abs(w["p50_ms"] - 1.13) < 1e-9, w
    h = parse_h2load(H2LOAD_SAMPLE)
    assert h["requests"] == 82469 and h["errors"] == 0 and h["req_per_s"] == 41234.5, h
    samples = [{"scenario": "S", "contender": c, "round": r, "metrics": {"m": v}}
               for c, values in (("a", [10, 12, 11]), ("b", [20, 22, 100])) for r, v in zip((1, 2, 3), values)]
    spec = {"scenario": "S", "row": "R", "label": "", "metric": "m", "num": "b", "den": "a", "op": ">=",
            "goal": 2.0, "decides": "yes", "note": ""}
    [line] = evaluate(samples, [spec], quick=False)
    assert line["num_median"] == 22 and line["den_median"] == 11 and line["ratio"] == 2.0, line
    assert line["result"] == "**pass**" and line["rounds"] == 3, line
    [line] = evaluate(samples, [dict(spec, goal=2.1)], quick=False)
    assert line["result"] == "**MISS**", line
    [line] = evaluate(samples, [dict(spec, goal=2.1)], quick=True)
    assert line["result"] == "not judged (quick)", line
    [line] = evaluate(samples, [dict(spec, op="<=", goal=2.1)], quick=False)
    assert line["result"] == "**pass**", line
    [line] = evaluate(samples, [dict(spec, decides="no")], quick=False)
    assert line["result"] == "info", line
    [line] = evaluate(samples, [dict(spec, kind="delta", op="<=", goal=12)], quick=False)
    assert line["ratio"] == 10 and line["result"] == "**pass**" and ratio_text(line).startswith("Δ +10"), line
    assert process_cpu_ticks(os.getpid()) >= 0
    print("bench.py self-test: 11 passed, 0 failed")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("free-ports")
    s.add_argument("n", type=int)
    s.set_defaults(fn=cmd_free_ports)

    s = sub.add_parser("measure")
    for name in ("scenario", "contender", "round", "pids", "tool", "out"):
        s.add_argument("--" + name, required=True)
    s.add_argument("--timeout", type=float, required=True)
    s.add_argument("--max-error-rate", type=float, default=0.001)
    s.add_argument("--retries-on-timeout", type=int, default=0)
    s.add_argument("--quiet-wait", type=float, default=0)
    s.add_argument("--quiet-threshold", type=float, default=0.3)
    s.add_argument("--redo", type=int, default=0)
    s.add_argument("--budget-file", default="")
    s.add_argument("--redo-threshold", type=float, default=0.5)
    s.add_argument("cmd", nargs="+")
    s.set_defaults(fn=cmd_measure)

    s = sub.add_parser("startup")
    for name in ("scenario", "contender", "round", "targets", "log", "out"):
        s.add_argument("--" + name, required=True)
    s.add_argument("--expect", default="")
    s.add_argument("--timeout", type=float, default=120)
    s.add_argument("--budget-file", default="")
    s.add_argument("--quiet-wait", type=float, default=0)
    s.add_argument("--quiet-threshold", type=float, default=0.3)
    s.add_argument("cmd", nargs="+")
    s.set_defaults(fn=cmd_startup)

    s = sub.add_parser("compare")
    for name in ("out", "scenario", "row", "metric", "num", "den", "op", "goal", "decides"):
        s.add_argument("--" + name, required=True)
    s.add_argument("--label", default="")
    s.add_argument("--note", default="")
    s.add_argument("--kind", default="ratio", choices=("ratio", "delta"))
    s.set_defaults(fn=cmd_compare)

    s = sub.add_parser("jit-seconds")
    s.add_argument("pids")
    s.set_defaults(fn=cmd_jit_seconds)

    s = sub.add_parser("record")
    for name in ("out", "scenario", "contender", "round", "metrics"):
        s.add_argument("--" + name, required=True)
    s.add_argument("--tool", default="external")
    s.set_defaults(fn=cmd_record)

    s = sub.add_parser("machine")
    s.add_argument("--root", required=True)
    s.set_defaults(fn=cmd_machine)

    s = sub.add_parser("report")
    for name in ("run_dir", "catalogue", "mode", "rows", "results_md", "results_json"):
        s.add_argument("--" + name.replace("_", "-"), dest=name, required=True)
    s.add_argument("--findings", default="")
    s.set_defaults(fn=cmd_report)

    s = sub.add_parser("rows")
    s.add_argument("--catalogue", required=True)
    s.add_argument("--only", default="")
    s.set_defaults(fn=cmd_rows)

    s = sub.add_parser("self-test")
    s.set_defaults(fn=cmd_self_test)

    args = p.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
