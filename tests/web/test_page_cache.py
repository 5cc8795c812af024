"""The rendered-page cache: least recently used pages go first, and the total size stays bounded."""

from __future__ import annotations

from newsfuse.web.page_cache import PageCache


def test_cache_keeps_recent_pages_within_its_size() -> None:
    """Past the bound the least recently read page is dropped; a page larger than the bound is not kept."""
    cache = PageCache(max_characters=10)
    cache.put("a", "aaaa")
    cache.put("b", "bbbb")
    assert cache.get("a") == "aaaa"
    cache.put("c", "cccc")
    assert cache.get("b") is None and cache.get("a") == "aaaa" and cache.get("c") == "cccc"
    cache.put("a", "AAAAA")
    assert cache.get("a") == "AAAAA"
    cache.put("huge", "x" * 11)
    assert cache.get("huge") is None and cache.get("c") == "cccc"
