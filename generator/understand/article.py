"""Draft + corpus facts → ArticleFacts. Stated values (front matter, sidecar, file name) always win."""

from __future__ import annotations

from dataclasses import replace

from generator.config import Config
from generator.draft import Draft
from generator.understand.body import read_body
from generator.understand.corpus import CorpusFacts
from generator.understand.dates import choose_date, gather
from generator.understand.facts import ArticleFacts
from generator.understand.language import detect_language
from generator.understand.summary import summarise
from generator.understand.titles import title_from_lead


def understand(draft: Draft, corpus: CorpusFacts, config: Config) -> ArticleFacts:
    read = corpus.bodies.get((draft.source, draft.digest))
    if read is None:  # a draft the archive analysis did not see (a test, a single article)
        body = read_body(draft, corpus.is_furniture)
        read = body, draft.value("language") or detect_language(body.paragraphs, config.language)
    body, language = read
    paragraphs = body.paragraphs
    dateline = body.dateline
    teasers = tuple(replace(t, target=corpus.teaser_targets.get((draft.source, t.headline))) for t in body.teasers)

    stated_title = draft.value("title")
    stated_tags = draft.value("tags")
    stated_summary = draft.value("summary")
    title = (
        stated_title or corpus.headlines.get(draft.source) or title_from_lead(paragraphs, corpus.word_counts or None)
    )
    title = title or draft.source.rsplit("/", 1)[-1]
    if "date" in draft.stated:
        date = draft.value("date")
    else:
        day = (dateline.month, dateline.day) if dateline.month and dateline.day else None
        date = choose_date(gather(paragraphs, corpus.usual_year.get(language), day))
    return ArticleFacts(
        source=draft.source,
        format=draft.format,
        digest=draft.digest,
        title=title,
        title_inferred=not stated_title,
        date=date,
        date_inferred="date" not in draft.stated,
        place=draft.value("place", dateline.place),
        outlet=draft.value("outlet", dateline.outlet),
        language=language,
        tags=tuple(stated_tags) if stated_tags is not None else corpus.tags.get(draft.source, ()),
        tags_inferred=stated_tags is None,
        teasers=teasers,
        paragraphs=paragraphs,
        summary=stated_summary or summarise(paragraphs),
        summary_inferred=not stated_summary,
        slug=draft.value("slug"),
        draft=bool(draft.value("draft", False)),
        markdown=draft.markdown,
    )
