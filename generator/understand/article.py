"""Draft + corpus facts → ArticleFacts. Stated values (front matter, sidecar, file name) always win."""

from __future__ import annotations

from generator.config import Config
from generator.draft import Draft
from generator.understand.corpus import CorpusFacts
from generator.understand.dateline import split_dateline
from generator.understand.dates import infer_date
from generator.understand.facts import ArticleFacts
from generator.understand.language import detect_language
from generator.understand.summary import summarise
from generator.understand.teasers import split_teasers
from generator.understand.titles import title_from_lead


def understand(draft: Draft, corpus: CorpusFacts, config: Config) -> ArticleFacts:
    body_lines, teasers = split_teasers(draft.lines)
    kept = tuple(line for line in body_lines if not corpus.is_furniture(line.text))
    paragraphs = tuple(line.text for line in kept)
    place = outlet = None
    if draft.format == "text" and paragraphs:
        dateline = split_dateline(paragraphs[0])
        place, outlet = dateline.place, dateline.outlet
        paragraphs = (dateline.rest, *paragraphs[1:])

    stated_title = draft.value("title")
    stated_date = draft.value("date")
    stated_tags = draft.value("tags")
    stated_summary = draft.value("summary")
    title = stated_title or title_from_lead(paragraphs) or draft.source.rsplit("/", 1)[-1]
    date = stated_date if "date" in draft.stated else infer_date(paragraphs)
    return ArticleFacts(
        source=draft.source,
        format=draft.format,
        digest=draft.digest,
        title=title,
        title_inferred=not stated_title,
        date=date,
        date_inferred="date" not in draft.stated,
        place=draft.value("place", place),
        outlet=draft.value("outlet", outlet),
        language=draft.value("language") or detect_language(paragraphs, config.language),
        tags=tuple(stated_tags) if stated_tags is not None else (),
        tags_inferred=stated_tags is None,
        teasers=teasers,
        paragraphs=paragraphs,
        summary=stated_summary or summarise(paragraphs),
        summary_inferred=not stated_summary,
        slug=draft.value("slug"),
        draft=bool(draft.value("draft", False)),
        markdown=draft.markdown,
    )
