"""Machine-readable page metadata: the JSON-LD NewsArticle of an article page, safe inside <script>."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from markupsafe import Markup

from generator.config import Config
from generator.model import Article

# Characters that could end a <script> element or open an HTML comment inside it, as JSON escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_for_script(value: Any) -> Markup:
    """JSON text that can sit inside <script type="application/ld+json"> with no way to break out."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))


def news_article(article: Article, config: Config, absolute_url: Callable[[str], str]) -> dict[str, Any]:
    """schema.org NewsArticle for one article, with only what is known."""
    url = absolute_url(article.url)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": article.language,
    }
    if article.summary:
        data["description"] = article.summary
    if article.date:
        data["datePublished"] = article.date.iso()
    modified = getattr(article, "modified", None)  # only when a seed states when it was changed
    if modified:
        data["dateModified"] = modified.iso()
    if article.tags:
        data["keywords"] = [tag.name for tag in article.tags]
    if article.place:
        data["locationCreated"] = {"@type": "Place", "name": article.place}
    publisher = article.outlet or config.title
    data["publisher"] = {"@type": "Organization", "name": publisher}
    if article.outlet:
        data["sourceOrganization"] = {"@type": "Organization", "name": article.outlet}
    data["isPartOf"] = {"@type": "WebSite", "name": config.title, "url": absolute_url("/")}
    # The seed's file name only: the folder it was built from is the builder's business, not the reader's.
    data["isBasedOn"] = {"@type": "CreativeWork", "name": PurePath(article.source).name}
    return data
