"""Saved templates: by name whatever its case, checked before anything is written."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from liasmart_desktop.core.sender_id import SenderIdProblem
from liasmart_desktop.core.templates import (
    MAX_NAME_CHARS,
    SavedTemplate,
    SavedTemplateError,
    SavedTemplateProblem,
    TemplateBook,
)


@pytest.fixture
def book(tmp_path: Path) -> TemplateBook:
    return TemplateBook(tmp_path / "lists.sqlite3")


def test_a_template_keeps_its_text_sender_and_type(book: TemplateBook) -> None:
    saved = book.save(
        SavedTemplate("  Reminder ", "Hi {name}, see you at {time}.", "LIASMART", "T"), by="ann"
    )
    assert (saved.name, saved.text, saved.sender_id, saved.sms_type, saved.updated_by) == (
        "Reminder",
        "Hi {name}, see you at {time}.",
        "LIASMART",
        "T",
        "ann",
    )
    assert saved.updated_at.endswith("Z")
    assert book.get("reminder") == saved
    assert book.all() == [saved]


def test_saving_under_a_name_in_another_case_replaces_it(book: TemplateBook) -> None:
    book.save(SavedTemplate("Offer", "10% off"))
    book.save(SavedTemplate("Birthday", "Happy birthday"))
    book.save(SavedTemplate("offer", "20% off", sms_type="P"))
    assert [(t.name, t.text) for t in book.all()] == [("Birthday", "Happy birthday"), ("offer", "20% off")]


def test_an_empty_book_has_nothing(book: TemplateBook) -> None:
    assert book.all() == []
    assert not book.path.exists()
    with pytest.raises(SavedTemplateError) as missing:
        book.get("Offer")
    assert (missing.value.code, missing.value.name) == (SavedTemplateProblem.NOT_FOUND, "Offer")


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        (SavedTemplate("  ", "text"), SavedTemplateProblem.NO_NAME),
        (SavedTemplate("x" * (MAX_NAME_CHARS + 1), "text"), SavedTemplateProblem.NAME_TOO_LONG),
        (SavedTemplate("Offer", " \n "), SavedTemplateProblem.NO_TEXT),
        (SavedTemplate("Offer", "text", sms_type="X"), SavedTemplateProblem.BAD_TYPE),
        (SavedTemplate("Offer", "text", sender_id="LIÅSMART"), SavedTemplateProblem.BAD_SENDER_ID),
    ],
)
def test_a_template_that_cannot_be_used_is_not_saved(
    book: TemplateBook, template: SavedTemplate, problem: SavedTemplateProblem
) -> None:
    with pytest.raises(SavedTemplateError) as refused:
        book.save(template)
    assert refused.value.code is problem
    assert book.all() == []


def test_a_bad_sender_id_says_why(book: TemplateBook) -> None:
    with pytest.raises(SavedTemplateError) as refused:
        book.save(SavedTemplate("Offer", "text", sender_id="TOO LONG SENDER"))
    assert refused.value.sender_problem is SenderIdProblem.TOO_LONG
    copy = pickle.loads(pickle.dumps(refused.value))
    assert (copy.code, copy.name, copy.sender_problem) == (
        SavedTemplateProblem.BAD_SENDER_ID,
        "Offer",
        SenderIdProblem.TOO_LONG,
    )


def test_rename(book: TemplateBook) -> None:
    book.save(SavedTemplate("Offer", "10% off"))
    book.save(SavedTemplate("Birthday", "Happy birthday"))
    renamed = book.rename("offer", " Spring offer ", by="bob")
    assert (renamed.name, renamed.text, renamed.updated_by) == ("Spring offer", "10% off", "bob")
    assert book.rename("SPRING OFFER", "spring offer").name == "spring offer"  # only the case changes
    with pytest.raises(SavedTemplateError) as taken:
        book.rename("spring offer", "BIRTHDAY")
    assert taken.value.code is SavedTemplateProblem.NAME_TAKEN
    with pytest.raises(SavedTemplateError) as missing:
        book.rename("Offer", "Other")
    assert missing.value.code is SavedTemplateProblem.NOT_FOUND
    with pytest.raises(SavedTemplateError) as unnamed:
        book.rename("Birthday", "")
    assert unnamed.value.code is SavedTemplateProblem.NO_NAME
    assert [t.name for t in book.all()] == ["Birthday", "spring offer"]


def test_delete(book: TemplateBook) -> None:
    book.save(SavedTemplate("Offer", "10% off"))
    book.delete(" OFFER ")
    assert book.all() == []
    with pytest.raises(SavedTemplateError) as missing:
        book.delete("Offer")
    assert missing.value.code is SavedTemplateProblem.NOT_FOUND
