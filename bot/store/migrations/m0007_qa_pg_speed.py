"""Q&A on PostgreSQL: ``qa_terms``, each lexeme of ``qa_sentences.tsv`` with the highest
sentence id that has it, so that retrieval drops the forms of a question that cannot match
in the window before querying (as SQLite does with its FTS index). No-op on SQLite.

Kept by ``bot.qa.index.write_rows``; never pruned (a lexeme whose sentences were deleted
stays "present": a form is kept that matches nothing, never the reverse).
"""

import sqlalchemy as sa


def upgrade(conn: sa.Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS qa_terms (lexeme text PRIMARY KEY, last_id integer NOT NULL)"
    )
    conn.exec_driver_sql(
        "INSERT INTO qa_terms (lexeme, last_id) SELECT u.lexeme, max(s.id) "
        "FROM qa_sentences s, unnest(s.tsv) u GROUP BY u.lexeme "
        "ON CONFLICT (lexeme) DO UPDATE SET last_id = GREATEST(qa_terms.last_id, EXCLUDED.last_id)"
    )
