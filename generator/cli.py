"""Command line: parses arguments, shows progress, reports problems and sets the exit status. No logic."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from generator import __version__
from generator.build import BuildOptions, BuildResult, build, read_config
from generator.diagnostics import Diagnostic
from generator.shard import WHOLE, Shard, parse_shard


def _shard(text: str) -> Shard:
    shard = parse_shard(text)
    if shard is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not K/N with 0 <= K < N (for example 0/4)")
    return shard


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="arsip", description="Build a static news archive from a folder of articles.")
    parser.add_argument("--version", action="version", version=f"arsip {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build_cmd = commands.add_parser("build", help="build seeds/ into site/", description="Build the archive.")
    build_cmd.add_argument("--seeds", default="seeds", metavar="DIR", help="folder of seed articles (default: ./seeds)")
    build_cmd.add_argument("--out", default="site", metavar="DIR", help="output folder (default: ./site)")
    build_cmd.add_argument("--config", metavar="FILE", help="configuration file (default: ./site.yml)")
    build_cmd.add_argument("--jobs", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    build_cmd.add_argument("--clean", action="store_true", help="ignore the build cache and render every page")
    build_cmd.add_argument("--strict", action="store_true", help="treat every warning as an error; write nothing then")
    build_cmd.add_argument(
        "--relative-urls",
        action="store_true",
        default=None,
        help="links relative to each page, for copies opened from disk",
    )
    build_cmd.add_argument(
        "--shard",
        type=_shard,
        default=None,
        metavar="K/N",
        help="write only share K (0 to N-1) of N disjoint shares; the N outputs together are the whole site",
    )

    new_cmd = commands.add_parser("new", help="create a new site project", description="Create a ready site project.")
    new_cmd.add_argument("directory", metavar="DIR", help="folder to create (must be new or empty)")

    serve_cmd = commands.add_parser(
        "serve", help="preview the site, rebuilt and reloaded on every save", description="Live-reload preview."
    )
    serve_cmd.add_argument("--seeds", default="seeds", metavar="DIR", help="folder of seed articles (default: ./seeds)")
    serve_cmd.add_argument("--out", default="site", metavar="DIR", help="output folder (default: ./site)")
    serve_cmd.add_argument("--config", metavar="FILE", help="configuration file (default: ./site.yml)")
    serve_cmd.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1: only this machine)"
    )
    serve_cmd.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve_cmd.add_argument("--open", action="store_true", help="open the preview in a web browser")

    inspect_cmd = commands.add_parser(
        "inspect",
        help="show what Arsip understood of articles",
        description="Show what Arsip understood of each article.",
    )
    inspect_cmd.add_argument("paths", nargs="+", metavar="PATH", help="seed files or folders")
    inspect_cmd.add_argument("--json", action="store_true", help="one JSON object per article (JSON Lines)")
    inspect_cmd.add_argument("--config", metavar="FILE", help="configuration file (default: ./site.yml)")
    return parser


def _report(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)


def _progress_bar():  # type: ignore[no-untyped-def]
    """A rich progress bar on a terminal; nothing when output is piped or in CI logs."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description:>10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True
    )


def _summary(result: BuildResult) -> str:
    return (
        f"{result.articles} articles, {result.pages} pages written, {result.warnings} warnings, "
        f"{result.errors} errors, {result.seconds:.2f} s"
    )


def _options(args: argparse.Namespace, **more: object) -> BuildOptions:
    """Build options from the --seeds, --out and --config arguments that build and serve share."""
    return BuildOptions(
        seeds=Path(args.seeds),
        out=Path(args.out),
        config_path=Path(args.config or "site.yml"),
        config_required=args.config is not None,
        **more,  # type: ignore[arg-type]
    )


def run_build(args: argparse.Namespace) -> int:
    options = _options(
        args,
        strict=args.strict,
        relative_urls=args.relative_urls,
        jobs=max(1, args.jobs or os.cpu_count() or 1),
        clean=args.clean,
        shard=args.shard or WHOLE,
    )
    bar = _progress_bar()
    if bar is None:
        result = build(options)
    else:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        with bar:
            result = build(options, progress)
    _report(result.diagnostics)
    print(_summary(result) + ("" if result.written else "; site not written"), file=sys.stderr)
    return result.exit_status


def run_new(args: argparse.Namespace) -> int:
    from generator.scaffold import new_site

    created, problems = new_site(Path(args.directory))
    _report(problems)
    if problems:
        return 2
    for path in created:
        print(f"created {path}")
    print(f"next: cd {args.directory} && arsip build", file=sys.stderr)
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(_options(args), host=args.host, port=args.port, open_browser=args.open)


def run_inspect(args: argparse.Namespace) -> int:
    from generator.inspect import inspect_paths

    options = BuildOptions(config_path=Path(args.config or "site.yml"), config_required=args.config is not None)
    config, problems = read_config(options)
    if config is None:
        _report(problems)
        return 2
    described, problems = inspect_paths(args.paths, config)
    _report(problems)
    for item in described:
        if args.json:
            print(json.dumps(item, ensure_ascii=False, sort_keys=False))
        else:
            print(f"{item['source']}")
            for key in ("title", "date", "date_precision", "place", "outlet", "language", "tags", "url", "summary"):
                print(f"  {key:15} {item[key]}")
            for related in item["related"]:
                print(f"  {'baca juga':15} {related['headline']} -> {related['url'] or '(not in archive)'}")
    return 1 if any(p.severity == "error" for p in problems) else 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            return run_build(args)
        if args.command == "inspect":
            return run_inspect(args)
        if args.command == "new":
            return run_new(args)
        if args.command == "serve":
            return run_serve(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    parser.print_help()
    return 2
