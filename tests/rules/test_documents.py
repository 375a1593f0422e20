"""A school's documents are real PDFs of at most 5 MB (convenant art. 10.5, 10.9)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.rules import documents as rules

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def test_a_real_pdf_passes_and_its_size_limit_is_inclusive():
    assert rules.problem(PDF) is None
    assert rules.problem(b"%PDF-2.0\n" + b"x" * 5000 + b"\n%%EOF") is None
    assert not rules.too_large(rules.MAX_BYTES) and rules.too_large(rules.MAX_BYTES + 1)


def test_what_is_not_a_pdf_is_named():
    assert "empty" in rules.problem(b"")
    assert "not a PDF" in rules.problem(b"PK\x03\x04 a zip file %%EOF")
    assert "not a PDF" in rules.problem(b" %PDF-1.7\n%%EOF")
    assert "%%EOF" in rules.problem(b"%PDF-1.7\n" + b"x" * 2000)
    assert "%%EOF" in rules.problem(b"%PDF-1.7\n%%EOF" + b"x" * 2000)


@given(st.binary(max_size=200))
def test_anything_without_the_header_is_refused(data: bytes):
    if not data.startswith(b"%PDF-"):
        assert rules.problem(data) is not None


@given(st.binary(max_size=200))
def test_anything_with_header_and_marker_passes(body: bytes):
    assert rules.problem(b"%PDF-1.4\n" + body + b"\n%%EOF\n") is None
