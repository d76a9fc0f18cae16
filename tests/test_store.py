import threading

import pytest

from factcheck import store
from factcheck.models import Claim, Document, Sentence


def make_document(text="Storm hits coast. The storm killed 12 people, officials said.", path="a.txt"):
    from factcheck.models import content_id
    return Document(id=content_id(text, path), path=path, text=text, outlet="Coast News", published="2025-01-02")


def test_schema_is_applied_idempotently(tmp_path):
    path = str(tmp_path / "f.db")
    db = store.open_db(path)
    before = db.execute("select sql from sqlite_master order by name").fetchall()
    db = store.open_db(path)
    assert db.execute("select sql from sqlite_master order by name").fetchall() == before
    assert set(store.TABLES) <= set(db.table_names())
    assert set(store.VIEWS) <= set(db.view_names())
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_foreign_keys_and_full_text_search(tmp_path):
    db = store.open_db(str(tmp_path / "f.db"))
    fks = {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys}
    assert fks == {("document_id", "documents"), ("sentence_id", "sentences")}
    assert {fk.other_table for fk in db["assertion_claims"].foreign_keys} == {"assertions", "claims"}
    for table in ("documents", "claims", "assertions"):
        assert db[table].detect_fts() == f"{table}_fts"


def test_save_document_is_all_or_nothing(tmp_path):
    db = store.open_db(str(tmp_path / "f.db"))
    document = make_document()
    sentence = Sentence(id="s1", document_id=document.id, index=0, start=0, end=17, text="Storm hits coast.")
    bad_claim = Claim(id="c1", document_id=document.id, sentence_id="no-such-sentence", start=0, end=5,
                      text="Storm", kind="event")
    with pytest.raises(Exception):
        store.save_document(db, document, [sentence], [bad_claim], "2025-01-01T00:00:00+00:00")
    assert db.execute("select count(*) from documents").fetchone()[0] == 0
    assert db.execute("select count(*) from sentences").fetchone()[0] == 0
    good = Claim(id="c1", document_id=document.id, sentence_id="s1", start=0, end=5, text="Storm", kind="event")
    store.save_document(db, document, [sentence], [good], "2025-01-01T00:00:00+00:00")
    assert store.current_claims(db) == [good]
    assert store.find_claims(db, search="storm")[0]["id"] == "c1"


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(store.StoreError, match="no database here yet"):
        store.open_db(str(tmp_path / "none.db"), create=False)


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(store.StoreError, match="cannot be used as a factcheck database"):
        store.open_db(str(path))


def test_db_path_precedence(monkeypatch):
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    assert store.db_path(None) == "db/factcheck.db"
    monkeypatch.setenv("FACTCHECK_DB", "/tmp/env.db")
    assert store.db_path(None) == "/tmp/env.db"
    assert store.db_path("given.db") == "given.db"


def test_migrations_upgrade_an_older_database(tmp_path):
    path = str(tmp_path / "old.db")
    db = store.open_db(path)
    # Make it look like a database from before the `story` column.
    db.execute("drop view if exists current_documents")
    db.execute("drop view if exists stories")
    db.execute("alter table documents drop column story")
    db.execute("delete from _migrations")
    assert "story" not in db["documents"].columns_dict
    db = store.open_db(path)
    assert "story" in db["documents"].columns_dict
    assert [r[0] for r in db.execute("select name from _migrations")] == [n for n, _ in store.MIGRATIONS]
    fresh = store.open_db(str(tmp_path / "new.db"))
    assert [r[0] for r in fresh.execute("select name from _migrations")] == [n for n, _ in store.MIGRATIONS]


def test_stories_are_stored_and_listed(runner, seeds_db):
    db = store.open_db(str(seeds_db))
    rows = list(db.query("select * from stories"))
    assert rows and rows[0]["n_documents"] >= 4 and rows[0]["n_outlets"] >= 4


def test_many_connections_creating_one_new_database_at_once_all_succeed(tmp_path):
    # Switching a new file to WAL while another connection does the same fails
    # at once with "locked" (no busy handler): opening has to wait its turn.
    failures = []
    for attempt in range(40):
        path = str(tmp_path / f"{attempt}.db")

        def open_it():
            try:
                store.open_db(path).conn.close()
            except Exception as error:  # noqa: BLE001 - collected and reported below
                failures.append(error)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
