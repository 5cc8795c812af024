"""The per-item work of ingestion as one function over a list of raw documents.

It is pure (raw documents in, articles or skips out) and picklable by name, so the local engine can run
it in worker processes and a Ray Data engine can later map it over partitions unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.clean import clean_document
from newsfuse.clean.html import quiet_page_warnings
from newsfuse.errors import InputError
from newsfuse.ingest import Skipped
from newsfuse.model import Article, RawDocument


def clean_batch(raws: Sequence[RawDocument]) -> list[Article | Skipped]:
    """Clean each raw document, in order; one that cannot be cleaned becomes a Skipped saying why.

    The extractor libraries' per-page warnings are silenced here, in whichever process runs the batch:
    a skipped page is already reported once, with its reason, as a Skipped.
    """
    quiet_page_warnings()
    return [_clean_one(raw) for raw in raws]


def _clean_one(raw: RawDocument) -> Article | Skipped:
    try:
        return clean_document(raw)
    except InputError as error:
        return Skipped(raw.source.describe(), str(error))
    except Exception as error:  # a cleaner bug must cost one item, not the batch; the reason stays visible
        return Skipped(
            raw.source.describe(), f"cleaning failed unexpectedly: {type(error).__name__}: {error}"
        )
