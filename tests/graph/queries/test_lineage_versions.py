"""The lineage diff of a resolution with two loaded texts: updates paired, items compared by number.

Why two texts written here: the seed corpus holds one loaded version of each resolution (WTSA
Resolution 44 only as revised in 2022), so no seed diff has two texts to compare. The two files
below are a 2016 and a 2022 text of one resolution as an assembly publishes them; they go through
the real pipeline (``graph.build.build_store`` extracts, builds and stores the texts), and the
lineage is read back from that store.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.bench.api_bench import serving
from api.cli import app
from graph.build import build_store
from graph.embedded.store import GraphStore
from graph.queries.lineage import lineage
from graph.queries.lineage_items import word_diff
from graph.results import CitationUpdate, ItemChange, LineageStep
from graph.store import open_store

TSB = "instructs the Director of the Telecommunication Standardization Bureau"

TEXT_2016 = f"""RESOLUTION 99 (Rev. Hammamet, 2016)
Bridging the standardization gap
(Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)
The World Telecommunication Standardization Assembly (Hammamet, 2016),
recalling
a)\tResolution 123 (Rev. Busan, 2014) of the Plenipotentiary Conference, on bridging the gap;
b)\tResolution 139 (Busan, 2014) of the Plenipotentiary Conference;
c)\tResolution 71 (Rev. Busan, 2014) of the Plenipotentiary Conference;
considering
a)\tthat developing countries need help with standards;
b)\tthat fellowships are useful;
taking into account
the work of the regional groups of the study groups,
resolves
1\tto continue the programme on bridging the standardization gap;
2\tto hold workshops in the regions;
{TSB}, in collaboration with the Director of the Telecommunication Development Bureau
1\tto report to Council each year;
2\tto keep the website up to date;
3\tto support regional groups.
"""

TEXT_2022 = f"""RESOLUTION 99 (Rev. Geneva, 2022)
Bridging the standardization gap
(Johannesburg, 2008; Dubai, 2012; Hammamet, 2016; Geneva, 2022)
The World Telecommunication Standardization Assembly (Geneva, 2022),
recalling
a)\tResolution 123 (Rev. Dubai, 2018) of the Plenipotentiary Conference, on bridging the gap;
b)\tResolution 139 (Busan, 2014) of the Plenipotentiary Conference;
c)\tResolution 37 (Rev. Buenos Aires, 2017) of the World Telecommunication Development Conference;
considering
a)\tthat developing countries need help with standards;
b)\tthat fellowships are useful;
taking into account
the work of the regional groups and of the regional offices,
resolves
1\tto continue the programme on bridging the standardization gap;
2\tto hold workshops and training sessions in the regions;
3\tto encourage remote participation;
{TSB}, in close collaboration with the Director of the Telecommunication Development Bureau
1\tto report to Council each year;
3\tto support regional groups.
"""


@pytest.fixture(scope="module")
def two_texts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[GraphStore, str]]:
    """A store built by the real pipeline from a 2016 and a 2022 text of WTSA Resolution 99."""
    src = tmp_path_factory.mktemp("res99")
    for name, text in (("res99_2016.txt", TEXT_2016), ("res99_2022.txt", TEXT_2022)):
        (src / name).write_text(text, encoding="utf-8")
    root = src / "store"
    report = build_store(root, paths=[src / "res99_2016.txt", src / "res99_2022.txt"])
    assert not report.failed, report.failed
    store = open_store(root, read_only=True)
    yield store, str(root)
    store.close()


@pytest.fixture(scope="module")
def step(two_texts: tuple[GraphStore, str]) -> LineageStep:
    lin = lineage(two_texts[0], "wtsa/99")
    assert [(v.id, v.has_text) for v in lin.versions if v.has_text] == [
        ("wtsa/99/2016", True),
        ("wtsa/99/2022", True),
    ]
    (only,) = lin.steps
    assert (only.before, only.after) == ("wtsa/99/2016", "wtsa/99/2022")
    return only


def _by_item(step: LineageStep) -> dict[str, ItemChange]:
    return {i.item: i for i in step.items}


def test_an_updated_citation_is_one_change_not_a_removal_and_an_addition(
    step: LineageStep,
) -> None:
    assert step.citations_updated == (CitationUpdate("pp/123", "pp/123/2014", "pp/123/2018"),)
    # works cited in one version only are the only additions and removals
    assert step.citations_added == ("wtdc/37/2017",)
    assert step.citations_removed == ("pp/71/2014",)
    assert step.citations_kept == ("pp/139/2014",)
    listed = {*step.citations_added, *step.citations_removed, *step.citations_kept}
    assert not listed & {"pp/123/2014", "pp/123/2018"}


def test_numbered_items_are_compared_by_number_and_text(step: LineageStep) -> None:
    items = _by_item(step)
    changes = {name: i.change for name, i in items.items()}
    assert changes == {
        "recalling a)": "modified",
        "recalling b)": "unchanged",
        "recalling c)": "modified",
        "considering a)": "unchanged",
        "considering b)": "unchanged",
        "taking into account": "modified",
        "resolves 1": "unchanged",
        "resolves 2": "modified",
        "resolves 3": "added",
        "instructs the Director of … 1": "unchanged",
        "instructs the Director of … 2": "removed",
        "instructs the Director of … 3": "unchanged",
    }
    two = items["resolves 2"]
    assert (two.before, two.after) == (
        "to hold workshops in the regions;",
        "to hold workshops and training sessions in the regions;",
    )
    assert two.diff == "to hold workshops [+and training sessions+] in the regions;"
    cited = items["recalling a)"]
    assert cited.diff is not None and "[-Busan, 2014)-] [+Dubai, 2018)+]" in cited.diff
    assert items["resolves 3"].after == "to encourage remote participation;"
    assert items["resolves 3"].before is None
    gone = items["instructs the Director of … 2"]
    assert (gone.before, gone.after) == ("to keep the website up to date;", None)
    assert items["considering b)"].after == "that fellowships are useful;"
    assert items["considering b)"].diff is None


def test_items_come_in_the_new_texts_order_with_removed_ones_in_their_old_place(
    step: LineageStep,
) -> None:
    names = [i.item for i in step.items]
    assert names.index("resolves 2") < names.index("resolves 3")
    assert names[-3:] == [f"instructs the Director of … {n}" for n in (1, 2, 3)]


def test_a_reworded_section_heading_still_pairs_its_items(step: LineageStep) -> None:
    """The 2022 heading says "in close collaboration": same section, items paired by number."""
    tsb = [i for i in step.items if i.section.startswith(TSB)]
    assert len(tsb) == 3
    new = f"{TSB}, in close collaboration with the Director of the Telecommunication Development"
    old = f"{TSB}, in collaboration with the Director of the Telecommunication Development"
    # kept items are named by the new heading line, the removed one by the old
    assert [i.section for i in tsb] == [f"{new} Bureau", f"{old} Bureau", f"{new} Bureau"]
    assert [i.label for i in tsb] == ["1", "2", "3"]


def test_a_section_without_numbers_is_one_item(step: LineageStep) -> None:
    item = _by_item(step)["taking into account"]
    assert item.label == ""
    assert item.before == "the work of the regional groups of the study groups,"
    assert item.diff == (
        "… of the regional groups [+and+] of the [-study groups,-] [+regional offices,+]"
    )


def test_the_json_form_carries_the_new_fields(two_texts: tuple[GraphStore, str]) -> None:
    (step,) = lineage(two_texts[0], "wtsa/99").to_dict()["steps"]
    assert step["citations_updated"] == [
        {"work": "pp/123", "before": "pp/123/2014", "after": "pp/123/2018"}
    ]
    added = [i for i in step["items"] if i["change"] == "added"]
    assert added == [
        {
            "item": "resolves 3",
            "section": "resolves",
            "label": "3",
            "change": "added",
            "before": None,
            "after": "to encourage remote participation;",
            "diff": None,
        }
    ]


def test_the_rest_route_on_a_real_server_gives_the_same_diff(
    two_texts: tuple[GraphStore, str],
) -> None:
    """``/resolutions/WTSA/99/lineage`` served by uvicorn = ``lineage()`` = the CLI's JSON."""
    store, root = two_texts
    direct = lineage(store, "wtsa/99").to_dict()
    cli = CliRunner().invoke(app, ["lineage", "wtsa/99", "--store", root, "--json"])
    assert cli.exit_code == 0, cli.output
    with serving(Path(root), env={"RESGRAPH_RELOAD_INTERVAL": "0"}) as port:
        url = f"http://127.0.0.1:{port}/resolutions/WTSA/99/lineage"
        with urllib.request.urlopen(url, timeout=60) as r:
            assert r.status == 200
            rest = json.loads(r.read())
        page_url = f"http://127.0.0.1:{port}/id/resolution/wtsa/99"
        html = urllib.request.Request(page_url, headers={"Accept": "text/html"})
        with urllib.request.urlopen(html, timeout=60) as r:
            page = r.read().decode()
    assert rest == json.loads(cli.stdout) == direct
    assert rest["steps"][0]["citations_updated"][0]["after"] == "pp/123/2018"
    # the resolution page shows the same step: the update as one line, the changed items
    assert "pp/123/2014</a> → <a" in page and "no longer cites <a href" in page
    assert "to encourage remote participation;" in page and "numbered items unchanged" in page


def test_the_cli_table_shows_the_update_and_the_changed_items(
    two_texts: tuple[GraphStore, str],
) -> None:
    out = CliRunner().invoke(app, ["lineage", "wtsa/99", "--store", two_texts[1]])
    assert out.exit_code == 0, out.output
    assert "pp/123/2014 -> pp/123/2018" in out.output
    assert "numbered items (6 unchanged)" in out.output
    assert "to encourage remote participation;" in out.output
    assert "to keep the website up to date;" in out.output
    assert "considering b)" not in out.output  # unchanged items are counted, not listed


def test_the_seed_diff_of_wtsa_44_stays_as_it_is(seed_store: GraphStore) -> None:
    """One loaded version of Resolution 44 in the seed: versions, and no step to compare."""
    lin = lineage(seed_store, "wtsa/44")
    assert [v.id for v in lin.versions if v.has_text] == ["wtsa/44/2022"]
    assert lin.steps == ()


def test_word_diff_cuts_long_unchanged_runs() -> None:
    before = "to report to the Council of the Union each year on the results of the programme"
    after = "to report to the Council of the Union every two years on the results of the programme"
    assert word_diff(before, after) == (
        "… Council of the Union [-each year-] [+every two years+] on the results of …"
    )
    assert word_diff("same words", "same words") == "same words"


def test_a_lineage_without_stored_texts_has_no_items(tmp_path: Path) -> None:
    """Records loaded without their file text: citations still diffed, items left empty."""
    from query_factories import Doc, build

    old = Doc("a16.txt").heading("WTSA", "99", 2016).cite("99", "PP", "123", 2014)
    new = Doc("a22.txt").heading("WTSA", "99", 2022, history=[2016]).cite("99", "PP", "123", 2018)
    store = build(tmp_path / "s", [old, new])
    (only,) = lineage(store, "wtsa/99").steps
    assert only.citations_updated == (CitationUpdate("pp/123", "pp/123/2014", "pp/123/2018"),)
    assert only.items == ()
    store.close()
