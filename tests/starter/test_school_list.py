"""A school's own competency list from CSV or YAML: read like a built-in, every bad row placed."""

from __future__ import annotations

import pytest

from designer.base.errors import BadgeSetError, MedbadgeError
from designer.starter.school_list import read_school_list

GOOD_CSV = """code,name,title,description,criteria,icon_terms
GO1,Provides safe clinical care,Clinical Care,Cares for patients safely and kindly.,Observed encounters on placement.,patient care;bedside
GO2,"Teaches, supervises and assesses others",Teaching,Teaches peers and juniors well.,A peer-teaching session observed by a tutor.,teaching
"""


def problems_of(path) -> list[str]:
    with pytest.raises(MedbadgeError) as caught:
        read_school_list(path)
    error = caught.value
    return [str(p) for p in (error.problems if isinstance(error, BadgeSetError) else [error])]


def test_a_csv_list_reads_as_a_framework(tmp_path):
    path = tmp_path / "graduate-outcomes.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    framework = read_school_list(path)
    assert framework.title == "Graduate Outcomes"
    assert [item.id for item in framework.items] == ["clinical-care", "teaching"]
    assert framework.items[0].icon_terms == ("patient care", "bedside")
    assert framework.items[1].name == "Teaches, supervises and assesses others"
    assert framework.levels == ()


def test_bad_csv_rows_are_each_named_at_their_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outcomes.csv").write_text(
        "code,name,title,description,criteria\n"
        "A,Care,Care,Cares for patients.,Observed.\n"
        "B,Teaching,,Teaches.,Observed.\n"
        "\n"
        "C,Research,A Title Much Too Long For Any Badge,Researches.,A project.\n"
        "D,Care again,Care,Cares again.,Observed.\n", encoding="utf-8")
    assert problems_of("outcomes.csv") == [
        "outcomes.csv:3: 'title' is missing or empty (add title: a short text)",
        "outcomes.csv:5:12: title 'A Title Much Too Long For Any Badge' has 35 characters; a badge title fits 24 "
        "(keep the official wording in 'name' and shorten the title)",
        "outcomes.csv:6:14: item id 'care' is used twice (first by item 1) (give one of them a different title or an id)",
    ]


def test_a_csv_header_must_name_the_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.csv").write_text("code,name,tittle,description\nA,B,C,D\n", encoding="utf-8")
    found = problems_of("list.csv")
    assert found[0] == "list.csv:1:3: unknown column 'tittle' (the columns are code, name, title, description, criteria, icon_terms, id)"
    assert found[1].startswith("list.csv:1: the header has no column 'title', 'criteria'")


def test_a_yaml_list_is_placed_at_line_and_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list.yaml").write_text(
        "title: Northfield Outcomes\n"
        "url: https://northfield-med.example/outcomes\n"
        "items:\n"
        "  - code: O1\n"
        "    name: Care\n"
        "    title: Care\n"
        "    description: Cares for patients.\n"
        "    criteria: Observed.\n"
        "  - code: O2\n"
        "    name: Teaching\n"
        "    titel: Teaching\n", encoding="utf-8")
    found = problems_of("list.yaml")
    assert "list.yaml:11:12: unknown key 'titel' (did you mean 'title'?)" in found
    assert "list.yaml:9:5: 'title' is missing or empty (add title: a short text)" in found


def test_a_good_yaml_list_keeps_its_levels_and_url(tmp_path):
    levels = "".join(f"  - {{id: l{n}, label: Level {n}, name: Level {n} of the school scale}}\n" for n in range(1, 5))
    (tmp_path / "list.yaml").write_text(
        "title: Outcomes\nurl: https://school.example/outcomes\nlevels:\n" + levels
        + "items:\n  - {code: O1, name: Care, title: Care, description: Cares., criteria: Observed.}\n", encoding="utf-8")
    framework = read_school_list(tmp_path / "list.yaml")
    assert [level.label for level in framework.levels] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    assert framework.url == "https://school.example/outcomes" and framework.alignment_name == "Outcomes"


@pytest.mark.parametrize("name, text, message", [
    ("list.txt", "x", "a competency list must be a .csv or .yaml file"),
    ("list.yaml", "title: !!python/object:os.system x\nitems: []\n", "tag"),
    ("list.yaml", "- just\n- a list\n", "a framework must be a mapping"),
    ("list.csv", "", "the file is empty"),
    ("list.csv", "code,name,title,description,criteria\nA,B,C,D,E,F,G,H\n", "the row has 8 cells; the header has 5"),
])
def test_files_that_are_not_a_list_get_one_clear_message(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert any(message in p for p in problems_of(path))


def test_a_missing_file_is_one_message(tmp_path):
    assert any("list.csv" in p for p in problems_of(tmp_path / "list.csv"))
