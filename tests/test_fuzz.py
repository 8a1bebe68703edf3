"""Property-based fuzzing (Hypothesis) with a fixed CI budget; benchmarks/fuzz.py is the long run.

1. Loaders: small valid HTML, DOCX, PDF and GB18030/Big5/UTF-8/UTF-16 text files, mutated byte-wise (flip, set,
   insert, delete, duplicate, cut; for DOCX also one XML part zipped again), go through ``extract_bytes``: each
   gives a Document or an ``InputError`` whose one-line message starts with the file's name, never another
   exception.
2. Text: slices (at most 2,000 characters) of the sample and the corpus, with numerals, units, control
   characters and CRLF inserted and spans deleted or duplicated, go through ``extract``: no exception, every span
   quotes the text, and the document validates against schemas/document.schema.json.

The runs are derandomized (the same examples every time) and have no deadline; GOVREPORT_FUZZ_EXAMPLES raises
the budget for a longer local run.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import struct
import zipfile
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from conftest import CORPUS, ROOT
from fixtures import fuzzing as F
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor import models as M
from extractor.api import extract, extract_bytes
from extractor.cli import app
from extractor.errors import InputError
from extractor.models import Document

EXAMPLES = int(os.environ.get("GOVREPORT_FUZZ_EXAMPLES", "0")) or None
BUDGET = settings(
    max_examples=EXAMPLES or 150,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(autouse=True)
def _guard(hang_guard: None) -> None:
    """A hang fails the test instead of stalling the suite (see conftest)."""


# ---------------------------------------------------------------------------------------------------- strategies

_POS = st.integers(0, 1 << 20)  # wrapped around the data's length by the mutation
_CHUNK = st.one_of(st.sampled_from(F.CHUNKS), st.binary(min_size=1, max_size=16))
BYTE_OP = st.one_of(
    st.tuples(st.just("flip"), _POS, st.integers(1, 255)),
    st.tuples(st.just("set"), _POS, _CHUNK),
    st.tuples(st.just("insert"), _POS, _CHUNK),
    st.tuples(st.just("delete"), _POS, st.integers(1, 600)),
    st.tuples(st.just("dup"), _POS, st.integers(1, 600), _POS),
    st.tuples(st.just("cut"), _POS),
)
BYTE_OPS = st.lists(BYTE_OP, min_size=1, max_size=6)

_PIECE = st.one_of(
    st.sampled_from(F.TEXT_PIECES),
    st.tuples(st.sampled_from(F.NUMERALS), st.sampled_from(F.UNITS)).map("".join),
    st.text(alphabet=st.sampled_from("0123456789.%万亿元个百分点\r\n\x00\x0c\u3000，。"), min_size=1, max_size=6),
)
TEXT_OP = st.one_of(
    st.tuples(st.just("insert"), _POS, _PIECE),
    st.tuples(st.just("delete"), _POS, st.integers(1, 200)),
    st.tuples(st.just("dup"), _POS, st.integers(1, 200), _POS),
)
TEXT_OPS = st.lists(TEXT_OP, min_size=1, max_size=8)


def _input_error_ok(e: InputError, name: str) -> None:
    msg = str(e)
    assert msg.startswith(f"{name}: "), msg
    assert "\n" not in msg and e.reason.strip(), msg


def _document_or_input_error(data: bytes, name: str) -> None:
    try:
        doc = extract_bytes(data, name)
    except InputError as e:
        _input_error_ok(e, name)
        return
    assert isinstance(doc, Document)


# ---------------------------------------------------------------------------------------------------- loaders


def test_seeds_are_valid_reports() -> None:
    for fmt, items in F.seeds().items():
        for name, data in items:
            doc = extract_bytes(data, name)
            assert doc.source.format == ("txt" if fmt == "text" else fmt), name
            assert doc.quantities and not F.grounding_errors(doc, _text(data, name)), name


def _text(data: bytes, name: str) -> str:
    from extractor.loaders import load_bytes

    return load_bytes(data, name).text


@pytest.mark.parametrize("fmt", F.FORMATS)
@BUDGET
@given(data=st.data(), ops=BYTE_OPS)
def test_mutated_files_give_a_document_or_an_input_error(fmt: str, data: st.DataObject, ops: list[tuple]) -> None:
    name, seed = data.draw(st.sampled_from(F.seeds()[fmt]), label="seed")
    if fmt == "docx" and data.draw(st.booleans(), label="member"):
        member = data.draw(st.integers(0, len(F.docx_members(seed)) - 1), label="member index")
        mutated = F.mutate_docx_member(seed, member, ops)
    else:
        mutated = F.mutate_bytes(seed, ops)
    _document_or_input_error(mutated, name)


# Damage the fuzz found (issue 14): zlib.error and NotImplementedError escaped from zipfile.


def _corrupt(member: str, how: str) -> bytes:
    """The small DOCX seed with ``member``'s deflate stream broken, its compression method set to 77 or the zip
    version it needs set to 6.8."""
    name, data = F.seeds()["docx"][0]
    assert name == "deflated.docx"
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    b = bytearray(data)
    if how == "stream":
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        b[start] = 0xFF  # BTYPE 11: "invalid block type"
    else:
        central = b.index(b"PK\x01\x02")
        while not b[central + 46 :].startswith(member.encode()):
            central = b.index(b"PK\x01\x02", central + 4)
        if how == "method":
            struct.pack_into("<H", b, central + 10, 77)  # compression method in the central directory
        else:
            struct.pack_into("<H", b, central + 6, 68)  # version needed to extract: 6.8, past zipfile's 6.3
    return bytes(b)


@pytest.mark.parametrize("member", ["word/document.xml", "[Content_Types].xml"])
@pytest.mark.parametrize("how", ["stream", "method", "version"])
def test_damaged_docx_member_is_an_input_error(member: str, how: str, tmp_path: Path) -> None:
    data = _corrupt(member, how)
    with pytest.raises(InputError) as e:
        extract_bytes(data, "report.docx")
    _input_error_ok(e.value, "report.docx")
    assert "DOCX is damaged or truncated" in e.value.reason
    want = {"stream": "compressed data is corrupt", "method": "unknown compression method", "version": "version 6.8"}
    assert want[how] in e.value.reason
    if how != "version":  # a version the reader does not know stops it at the directory, before any member
        assert member in e.value.reason

    path = tmp_path / "report.docx"
    path.write_bytes(data)
    r = CliRunner().invoke(app, ["extract", str(path)])
    assert r.exit_code == 1 and r.stdout == ""
    line = r.stderr.strip()
    assert "\n" not in line and line.startswith(f"govreport: error: {path}: DOCX is damaged or truncated"), line
    assert line.count(str(path)) == 1


def test_docx_part_with_a_nul_is_one_line() -> None:
    """Found by the long run: lxml's message for a NUL in a part ends with a newline, which broke the one line."""
    _, seed = F.seeds()["docx"][0]
    members = F.docx_members(seed)
    data = F.mutate_docx_member(seed, members.index("word/document.xml"), [("set", 200, b"\x00")])
    with pytest.raises(InputError) as e:
        extract_bytes(data, "nul.docx")
    _input_error_ok(e.value, "nul.docx")
    assert "not well-formed XML" in e.value.reason


def test_a_member_name_with_a_newline_is_one_line() -> None:
    """Found by the long run: a mutated member name holding a newline was quoted into the message."""
    _, seed = F.seeds()["docx"][0]
    at = seed.rindex(b"word/document.xml")  # the central directory's copy of the name, not the local header's
    data = seed[:at] + b"word/docume\nt.xml" + seed[at + len(b"word/document.xml") :]
    with pytest.raises(InputError) as e:
        extract_bytes(data, "name.docx")
    _input_error_ok(e.value, "name.docx")


def test_a_loader_bug_still_names_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever escapes a loader, the CLI line is `govreport: error: FILE: reason`."""
    import zlib

    cli_app = importlib.import_module("extractor.cli.app")  # the attribute `extractor.cli.app` is the Typer app

    def broken(path: str, max_bytes: int) -> None:
        raise zlib.error("Error -3 while decompressing data: invalid distance too far back")

    monkeypatch.setattr(cli_app, "load", broken)
    path = tmp_path / "x.docx"
    path.write_bytes(b"PK")
    r = CliRunner().invoke(app, ["extract", str(path)])
    assert r.exit_code == 1
    want = "cannot read (zlib.error: Error -3 while decompressing data: invalid distance too far back)"
    assert r.stderr == f"govreport: error: {path}: {want}\n"


# ---------------------------------------------------------------------------------------------------- text


@cache
def _sources() -> tuple[str, ...]:
    from extractor.loaders import load_bytes

    texts = [(ROOT / "samples" / "hongshan_2019.txt").read_bytes().decode("utf-8-sig")]
    texts += [load_bytes(p.read_bytes(), p.name).text for p in sorted(CORPUS.iterdir())]
    return tuple(texts)


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "schemas" / "document.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def test_grounding_check_sees_a_shifted_span() -> None:
    text = _sources()[0][:800]
    doc = extract(text)
    assert doc.quantities and not F.grounding_errors(doc, text)
    assert F.grounding_errors(doc, "x" + text)  # the same spans over a shifted text quote the wrong characters


@BUDGET
@given(which=st.integers(0, 1 << 16), start=_POS, length=st.integers(1, 2000), ops=TEXT_OPS)
def test_mutated_corpus_slices_are_grounded_and_valid(which: int, start: int, length: int, ops: list[tuple]) -> None:
    sources = _sources()
    text = F.mutate_text(F.slice_of(sources[which % len(sources)], start, length), ops)
    doc = extract(text)
    assert F.grounding_errors(doc, text) == []
    errors = [e.message for e in _validator().iter_errors(doc.model_dump(mode="json"))]
    assert errors == []
    # The records made per figure without validation (models.builder) are the ones strict validation makes.
    os.environ[M.CHECK_RECORDS_ENV] = "1"
    try:
        checked = extract(text)
    finally:
        del os.environ[M.CHECK_RECORDS_ENV]
    assert checked.model_dump_json() == doc.model_dump_json()


def test_a_full_stop_read_as_a_point_ends_no_sentence() -> None:
    """Found by the text fuzz (当0。0个): the figure read 0。0 as 0.0 across the 。, and its record's span ran past the
    sentence that segment.py ended there. A 。 read as a point ends no sentence (林海镇幅员面积307。5平方公里)."""
    for text in ("當0。0个", "林海镇幅员面积307。5平方公里,人口3万。"):
        doc = extract(text)
        assert F.grounding_errors(doc, text) == []
    doc = extract("林海镇幅员面积307。5平方公里,人口3万。")
    assert [(i.sentence.start, i.sentence.end) for i in doc.indicators] == [(0, 22), (0, 22)]


@pytest.mark.parametrize(
    "text",
    [
        "洪山镇工作总结\n\x0c\n全年完成财政收入1.2亿元，增长5%。\n",  # a page break alone on a line (pdftotext)
        "增长5%。\u2028\u2029\x0b\x1c\x85",
        "\x0c",
    ],
    ids=["form-feed-line", "separators", "form-feed-only"],
)
def test_unicode_whitespace_lines(text: str) -> None:
    """Found by the text fuzz: a line holding only a form feed, NEL or U+2028 made segmentation fail."""
    doc = extract(text)
    assert F.grounding_errors(doc, text) == []


@pytest.mark.parametrize("text", ["提升比率至百分之十", "提升比率至百分之十。"])
def test_percent_prefix_with_a_bare_ten_is_grounded(text: str) -> None:
    """Found by the long text fuzz (3 of 100,000 slices of the 2024 Hong Kong policy address): the quantity of
    百分之十 ends one character late, past the text's end or over the full stop (raw '百分之十。')."""
    doc = extract(text)
    assert [q.raw for q in doc.quantities] == ["百分之十"]
    assert F.grounding_errors(doc, text) == []
