"""Whoosh is imported without the modules a search never uses, and nothing else notices."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, sys
import searcher.engine.whoosh
from whoosh import compat, reading
from whoosh.query import terms
from whoosh import fields
from whoosh.filedb.filestore import RamStorage
index = RamStorage().create_index(fields.Schema(id=fields.ID(stored=True)))
with index.writer() as writer:
    writer.add_document(id="a")
    writer.add_document(id="b")
with index.writer() as writer:
    writer.delete_by_term("id", "a")
with index.reader() as reader:  # a cached_property of Whoosh's segment readers
    deleted = [sorted(reader.deleted_docs_set), reader.deleted_docs_set is reader.deleted_docs_set]
left_out = [m for m in ("asyncio", "urllib.request", "http.client", "ssl",
                        "whoosh.lang.morph_en", "cached_property") if m in sys.modules]
# what Whoosh bound still works, and loads the real thing when called
variations = sorted(terms.variations("negotiate"))
import urllib.request, cached_property
print(json.dumps({
    "left_out": left_out,
    "urlretrieve_is_callable": callable(compat.urlretrieve),
    "variations": variations,
    "real_urllib": hasattr(urllib.request, "urlopen"),
    "real_cached_property": hasattr(cached_property, "threaded_cached_property"),
    "morph_en_loaded": "whoosh.lang.morph_en" in sys.modules,
    "deleted": deleted,
}))
"""


def _probe(code: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(done.stdout)


def test_engine_import_leaves_out_what_a_search_never_calls():
    found = _probe(_PROBE)
    assert found["left_out"] == []
    assert found["urlretrieve_is_callable"]
    assert "negotiated" in found["variations"] and "negotiating" in found["variations"]
    assert found["morph_en_loaded"]  # the first call loaded the real module
    assert found["real_urllib"] and found["real_cached_property"]
    assert found["deleted"] == [[0], True]


def test_modules_a_program_imported_first_are_used_as_they_are():
    found = _probe(
        "import json, urllib.request, cached_property\n"
        "import searcher.engine.whoosh\n"
        "from whoosh import compat\n"
        "print(json.dumps({'same': compat.urlretrieve is urllib.request.urlretrieve}))\n"
    )
    assert found["same"]
