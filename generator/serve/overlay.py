"""What the preview adds to each HTML page as it is served (never to the built files): the reload script and,
while the last build had errors, an overlay listing them with file and line."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from generator.diagnostics import Diagnostic

# livereload's own snippet: load its client from the server the page came from, whatever host name was used.
RELOAD_SCRIPT = (
    '<script>(function(){var s=document.createElement("script");'
    'var port=window.location.port||(window.location.protocol=="https:"?443:80);'
    's.src="//"+window.location.host+"/livereload.js?port="+port;'
    "document.head.appendChild(s);})();</script>"
)

_STYLE = (
    "position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;"
    "padding:1em 1.5em;background:#2b0b0b;color:#ffe9e9;border-top:4px solid #e5484d;"
    "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 24px rgba(0,0,0,.4)"
)


def overlay(problems: Sequence[Diagnostic], stale: bool) -> str:
    """The overlay's HTML; empty when there is nothing to show."""
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems)
    headline = (
        "Arsip could not rebuild the site; these pages are from the last good build."
        if stale
        else "Arsip rebuilt the site, but found errors."
    )
    return (
        f'<div id="arsip-error-overlay" role="alert" style="{_STYLE}">'
        f'<button type="button" onclick="this.parentNode.remove()" aria-label="Hide" '
        'style="float:right;font:inherit;background:none;color:inherit;border:0;cursor:pointer">×</button>'
        f'<p style="margin:0 0 .5em;font-weight:bold">{html.escape(headline)}</p>'
        f'<ul style="margin:0;padding-left:1.2em">{items}</ul>'
        '<p style="margin:.5em 0 0;opacity:.8">Fix the file and save: this page reloads by itself.</p></div>'
    )


# The theme's Content-Security-Policy allows no inline script or style; the preview's own additions are
# both, so in served pages (never in the built files) the policy lets inline code through.
_CSP_META = re.compile(rb"<meta\s+http-equiv=[\"']?content-security-policy[^>]*>", re.IGNORECASE)
_CSP_SELF = re.compile(rb"((?:script|style)-src\s+'self')")


def _allow_inline(page: bytes) -> bytes:
    return _CSP_META.sub(lambda meta: _CSP_SELF.sub(rb"\1 'unsafe-inline'", meta.group(0)), page)


def inject(page: bytes, problems: Sequence[Diagnostic], stale: bool) -> bytes:
    """The page with the reload script at the end of <head> and the overlay at the end of <body>."""
    page = _allow_inline(page)
    script = RELOAD_SCRIPT.encode()
    head_end = page.lower().find(b"</head>")
    page = page[:head_end] + script + page[head_end:] if head_end >= 0 else script + page
    shown = overlay(problems, stale).encode()
    if shown:
        body_end = page.lower().rfind(b"</body>")
        page = page[:body_end] + shown + page[body_end:] if body_end >= 0 else page + shown
    return page
