"""👍/👎 feedback on answers, kept in SQLite (``<data_dir>/feedback.sqlite3``).

A vote that cannot be stored (read-only folder, locked or corrupt file) is logged
and dropped: feedback must never break the chat.

>>> store = FeedbackStore("/tmp/feedback.sqlite3")
>>> store.record("问题", "回答[1]", [{"id": "p1", "ref": "（七）严格规范性文件管理"}], "up")  # doctest: +SKIP
True
"""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger(__name__)

FILENAME = "feedback.sqlite3"
VOTES = ("up", "down")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    vote       TEXT NOT NULL,
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    citations  TEXT NOT NULL,
    intent     TEXT NOT NULL DEFAULT ''
)
"""


def vote_name(liked) -> str:
    """gradio's ``LikeData.liked`` (True / False / a custom option string) -> stored vote."""
    if liked is True:
        return "up"
    if liked is False:
        return "down"
    return str(liked or "none")


class FeedbackStore:
    """Append-only feedback table. One short-lived connection per vote, so the store
    can be shared by gradio's worker threads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def record(self, question: str, answer: str, citations: list[dict], vote: str, intent: str = "") -> bool:
        """Store one vote; returns False (and logs why) when it could not be stored."""
        row = (
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
            vote,
            question,
            answer,
            json.dumps(citations, ensure_ascii=False),
            intent,
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with sqlite3.connect(self.path, timeout=5) as conn:
                conn.execute(_SCHEMA)
                conn.execute(
                    "INSERT INTO feedback (created_at, vote, question, answer, citations, intent) VALUES (?, ?, ?, ?, ?, ?)",
                    row,
                )
            conn.close()
        except (sqlite3.Error, OSError) as exc:
            log.warning("无法保存反馈到 %s：%s", self.path, exc)
            return False
        return True

    def rows(self) -> list[dict]:
        """All stored votes, oldest first (citations decoded); [] when there is no store yet."""
        if not self.path.exists():
            return []
        with sqlite3.connect(self.path, timeout=5) as conn:
            conn.row_factory = sqlite3.Row
            try:
                found = conn.execute("SELECT * FROM feedback ORDER BY id").fetchall()
            except sqlite3.OperationalError:
                found = []
        conn.close()
        out = []
        for r in found:
            d = dict(r)
            d["citations"] = json.loads(d["citations"])
            out.append(d)
        return out
