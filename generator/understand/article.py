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

    if draft.infers("title"):
        title = corpus.headlines.get(draft.source) or title_from_lead(paragraphs, corpus.word_counts or None)
    else:
        title = draft.value("title")
    title = title or draft.source.rsplit("/", 1)[-1]
    if draft.infers("date"):
        day = (dateline.month, dateline.day) if dateline.month and dateline.day else None
        date = choose_date(gather(paragraphs, corpus.usual_year.get(language), day))
    else:
        date = draft.value("date")
    return ArticleFacts(
        source=draft.source,
        format=draft.format,
        digest=draft.digest,
        title=title,
        title_inferred=draft.infers("title"),
        date=date,
        date_inferred=draft.infers("date"),
        place=draft.value("place", dateline.place),
        outlet=draft.value("outlet", dateline.outlet),
        language=language,
        tags=corpus.tags.get(draft.source, ()) if draft.infers("tags") else tuple(draft.value("tags")),
        tags_inferred=draft.infers("tags"),
        teasers=teasers,
        paragraphs=paragraphs,
        summary=summarise(paragraphs) if draft.infers("summary") else draft.value("summary"),
        summary_inferred=draft.infers("summary"),
        slug=draft.value("slug"),
        draft=bool(draft.value("draft", False)),
        markdown=draft.markdown,
    )
