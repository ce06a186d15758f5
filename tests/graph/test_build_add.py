"""``build_store(keep_others=True)`` (``resgraph add``) and ``stored_documents``, on real stores.

Why at the library level too: the CLI decides what to ask from ``stored_documents`` and adds with
``keep_others``; both must hold for any caller (a notebook, a script), and the store's own
manifest and quads are the truth to compare with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import DocumentInput, build_store, open_store, source_files, stored_documents


def doc(name: str, version: str = "1") -> DocumentInput:
    return DocumentInput(name=name, sha256=version * 64, records=())


def quads(root: Path) -> set[str]:
    """Every quad of the current generation but the manifest's time stamps."""
    with open_store(root, read_only=True) as s:
        return {str(q) for q in s.snapshot() if "modified" not in q.predicate.value}


def test_stored_documents_before_and_after_a_build(tmp_path: Path) -> None:
    assert stored_documents(tmp_path / "never-built") == {}
    assert not (tmp_path / "never-built").exists()  # asking creates nothing
    assert stored_documents(tmp_path) == {}
    build_store(tmp_path, inputs=[doc("a.txt"), doc("b.txt", "2")])
    found = stored_documents(tmp_path)
    assert sorted(found) == ["a.txt", "b.txt"] and found["b.txt"].sha256 == "2" * 64
    with open_store(tmp_path, read_only=True) as s:
        assert found == s.manifest()


def test_keep_others_adds_and_updates_but_never_drops(tmp_path: Path) -> None:
    build_store(tmp_path, inputs=[doc("a.txt"), doc("b.txt")])
    report = build_store(tmp_path, inputs=[doc("c.txt")], keep_others=True)
    assert report.added == ("c.txt",) and report.removed == ()
    assert report.unchanged == ("a.txt", "b.txt")
    report = build_store(tmp_path, inputs=[doc("a.txt", "3")], keep_others=True)
    assert report.updated == ("a.txt",) and report.removed == ()
    assert sorted(stored_documents(tmp_path)) == ["a.txt", "b.txt", "c.txt"]
    # the same store as a full build of the same documents
    fresh = tmp_path / "fresh"
    build_store(fresh, inputs=[doc("a.txt", "3"), doc("b.txt"), doc("c.txt")])
    assert quads(tmp_path) == quads(fresh)
    # nothing new: no new generation
    again = build_store(tmp_path, inputs=[doc("c.txt")], keep_others=True)
    assert not again.changed and again.generation == report.generation


def test_without_keep_others_a_build_drops_what_is_not_given(tmp_path: Path) -> None:
    build_store(tmp_path, inputs=[doc("a.txt"), doc("b.txt")])
    assert build_store(tmp_path, inputs=[doc("a.txt")]).removed == ("b.txt",)


def test_source_files_names_a_directory_with_nothing_to_read(tmp_path: Path) -> None:
    (tmp_path / "notes.xyz").write_text("x", "utf-8")
    with pytest.raises(ValueError, match="no document of a supported format"):
        source_files([tmp_path])
    with pytest.raises(ValueError, match="no such file or directory"):
        source_files([tmp_path / "nope"])
