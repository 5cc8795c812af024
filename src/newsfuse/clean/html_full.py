"""trafilatura's full cascade, for the few pages whose fast result is too small, with our faster extractor.

Balanced mode compares its own result with readability's and jusText's and, when the result still covers
little of the page, retries in recall mode: the main extractor runs twice. Copies of trafilatura's cascade
functions bound to our ``extract_content`` (same output, a fraction of its XPath time) run it on a fresh
page of our own, which ``bare_extraction`` would copy once more.
"""

from __future__ import annotations

from lxml.etree import _Element  # type: ignore[import-untyped]  # no stubs installed
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # no stubs installed
from trafilatura import core
from trafilatura.settings import Extractor

from newsfuse.clean.html_content import extract_content, rebound

_compare = rebound(core._extract_and_compare, extract_content=extract_content)
_sequence = rebound(
    core.trafilatura_sequence,
    _extract_and_compare=_compare,
    _recall_retry=rebound(core._recall_retry, _extract_and_compare=_compare),
)


def full_extraction(work: HtmlElement, url: str | None) -> _Element | None:
    """trafilatura's balanced-mode result body for ``work``, a page it may change."""
    options = Extractor(output_format="txt", fast=False, comments=False, tables=True, url=url)
    body, text, _, _ = _sequence(work, options, url)
    return body if len(text) >= options.min_output_size else None
