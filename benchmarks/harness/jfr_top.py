#!/usr/bin/env python3
"""Where a server's CPU goes, from a JFR recording (run.sh --jfr writes one per server JVM).

    python3 benchmarks/harness/jfr_top.py work/run-.../P1-starter.jfr [--threads reactor-http] [--top 25]

Reads `jfr print --events jdk.ExecutionSample` and prints, for the samples of the matching threads (the event loops
by default, so start-up and idle threads are left out):
  - self time: the top frame's method, as a share of the samples;
  - inclusive time by layer: the share of samples with a frame of each layer (dev.kestrel, Spring WebFlux, Reactor
    Netty, Netty, ...) anywhere on the stack;
  - inclusive time of every dev.kestrel method (the starter's own code on the request path; none is expected).
"""

import argparse
import collections
import re
import subprocess
import sys

STARTER = ("dev.kestrel.",)
BENCHMARK_APP = "dev.kestrel.benchmarks."

LAYERS = [
    ("dev.kestrel (the starter; the benchmark app's own classes excluded)", STARTER),
    ("the benchmark app's handler (dev.kestrel.benchmarks)", (BENCHMARK_APP,)),
    ("Spring WebFlux (DispatcherHandler, handlers, codecs)", ("org.springframework.web.",)),
    ("Spring HTTP adapters (ReactorHttpHandlerAdapter, ServerHttpRequest)", ("org.springframework.http.",)),
    ("Spring core (MimeType, ResolvableType, ...)", ("org.springframework.core.",)),
    ("Spring util", ("org.springframework.util.",)),
    ("Spring Boot", ("org.springframework.boot.",)),
    ("Reactor Core", ("reactor.core.",)),
    ("Reactor Netty", ("reactor.netty.",)),
    ("Netty HTTP/2 codec", ("io.netty.handler.codec.http2.",)),
    ("Netty HTTP/1 codec", ("io.netty.handler.codec.http.",)),
    ("Netty epoll transport", ("io.netty.channel.epoll.",)),
    ("Netty (all)", ("io.netty.",)),
]


def is_starter(frame):
    return frame.startswith("dev.kestrel.") and not frame.startswith(BENCHMARK_APP)


def in_layer(frame, prefixes):
    if prefixes is STARTER:
        return is_starter(frame)
    return frame.startswith(prefixes)

FRAME = re.compile(r"^\s+([\w$.<>]+)\(")


def samples(path, thread_filter, depth):
    out = subprocess.run(["jfr", "print", "--stack-depth", str(depth), "--events", "jdk.ExecutionSample", path],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    thread, frames, in_stack = None, [], False
    for line in out.splitlines():
        stripped = line.strip()
        if stripped.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif stripped.startswith("sampledThread"):
            m = re.search(r'"([^"]*)"', stripped)
            thread = m.group(1) if m else ""
        elif stripped.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and stripped == "]":
            in_stack = False
        elif in_stack:
            m = FRAME.match(line)
            if m:
                frames.append(m.group(1))
        elif stripped == "}" and frames:
            if thread is not None and thread_filter in thread:
                yield frames
            frames = []


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("recording")
    p.add_argument("--threads", default="reactor-http", help="keep samples of threads whose name contains this")
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--grep", default="", help="also print the inclusive share of frames containing this text")
    p.add_argument("--own", default="",
                   help="share of samples spent in a frame containing this text itself, not in the pipeline handlers "
                        "it passes messages on to (no fireChannelRead/invokeChannelRead above it on the stack)")
    p.add_argument("--depth", type=int, default=96)
    args = p.parse_args()
    self_counts, layer_counts, kestrel_counts = collections.Counter(), collections.Counter(), collections.Counter()
    grep_counts = collections.Counter()
    own = 0
    total = 0
    for frames in samples(args.recording, args.threads, args.depth):
        total += 1
        self_counts[frames[0]] += 1
        if args.own:
            for i, f in enumerate(frames):
                if args.own in f:
                    if not any("ChannelHandlerContext.invokeChannelRead" in g or "fireChannelRead" in g
                               for g in frames[:i]):
                        own += 1
                    break
        for name, prefixes in LAYERS:
            if any(in_layer(f, prefixes) for f in frames):
                layer_counts[name] += 1
        for f in set(frames):
            if is_starter(f):
                kestrel_counts[f] += 1
            if args.grep and args.grep in f:
                grep_counts[f] += 1
    if not total:
        sys.exit(f"no execution samples on threads matching '{args.threads}' in {args.recording}")
    print(f"{args.recording}: {total} samples on threads matching '{args.threads}'")
    print("\nInclusive share by layer (a frame of the layer anywhere on the stack):")
    for name, _ in LAYERS:
        print(f"  {100 * layer_counts[name] / total:5.1f}%  {name}")
    print(f"\nSelf time, top {args.top} methods:")
    for method, count in self_counts.most_common(args.top):
        print(f"  {100 * count / total:5.1f}%  {method}")
    print("\ndev.kestrel methods on the stack (inclusive):" + ("" if kestrel_counts else " none"))
    for method, count in kestrel_counts.most_common(args.top):
        print(f"  {100 * count / total:5.1f}%  {method}")
    if args.own:
        print(f"\nOwn share of frames containing '{args.own}' (downstream pipeline handlers excluded): "
              f"{100 * own / total:.1f}%")
    if args.grep:
        print(f"\nMethods containing '{args.grep}' on the stack (inclusive):" + ("" if grep_counts else " none"))
        for method, count in grep_counts.most_common(args.top):
            print(f"  {100 * count / total:5.1f}%  {method}")


if __name__ == "__main__":
    main()
