"""The offline engine on the project's own dev sets: fictional press copy written for
this project, gold positions annotated before the engine was run on them.

- ``tests/data/devset``: baseline (engine v6) recall 0.88, speaker_acc 0.90, party_prec 0.98.
- ``tests/data/devset2`` (AFP, Le Figaro, France 24, Ouest-France, 20 Minutes styles): baseline
  (engine v8) recall 0.48, speaker_acc 0.90, party_prec 0.92.

- ``tests/data/devset3`` (live blog, interview, Vatican, Doha): baseline (engine v12) recall 0.47.
- ``tests/data/devset4`` (AFP, Le Monde, RFI, Libération, Reuters-in-French) and ``devset5``
  (Le Figaro, Les Échos, La Croix, live blog, press review): baselines (engine v16) recall
  0.63 / 0.71, speaker_acc 0.90 / 0.93, party_prec 0.95 / 0.98.
- ``tests/data/devset6`` (Ouest-France, TF1info, Le Temps, Le Soir, Mediapart), kept unseen while
  engine v17 was written from sets 4 and 5: v16 0.87 / 0.96 / 0.98, v17 0.91 / 1.00 / 0.98.
- ``tests/data/devset7`` (Le Point portrait, Franceinfo, 20 Minutes Q&A, Le Monde récit, DNA),
  unseen while v17-v18 were written: v18 recall 0.80, speaker_acc 0.90, party_prec 0.94.
- ``tests/data/devset9`` (JDD weekend piece, AFP "le point", social-media posts, Gulf mediation
  long read, Rome conference), unseen while v17-v19 were written: v19 0.74 / 0.93 / 0.98.
- ``tests/data/devset10`` (France 24 bulletin, "trois questions à", Le Monde décryptage, AFP
  Nato meeting, Libération récit), unseen while v17-v20 were written: v20 0.87 / 0.98 / 0.96.
- ``tests/data/devset11`` (French) and ``devset12`` (English), unseen while v17-v22 were
  written: v22 0.85 / 0.98 / 0.98 and 0.86 / 0.93 / 0.95; v23 rules were then written from them.
- ``tests/data/devset13`` (Le Monde live, AFP Moscow, L'Express, Mediapart, Ouest-France) and
  ``devset14`` (Reuters Kyiv, Figaro interview, Les Echos, France Info fact-check, La Dépêche),
  unseen while v17-v23 were written: v23 0.87 / 0.87 / 0.96 and 0.68 / 0.92 / 0.90.
- ``tests/data/devset8``, in English (Reuters, AP, Guardian, BBC live page, Politico Europe):
  baseline (engine v18) recall 0.78, speaker_acc 0.98, party_prec 0.95.

Rules were then written from all of them, so they are regression guards now, no longer held-out.
Engine v25 (statements under the wrong party or person counted against precision) holds
precision 1.00 on every set, and the recall floors sit 0.02 under its figures. Uses the
shared scorer's normalisation when ``../shared/eval/score_positions.py`` is present, else the same
few lines reimplemented; the figures are printed (``pytest -s``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.domain.models import OTHER_PARTY, Article
from tests.extract_support import engine
from tests.scoring import normalise, score

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class DevSet:
    name: str
    words: tuple[int, int]
    recall: float
    speaker_acc: float
    party_prec: float
    articles: int = 5
    lang: str = "fr"
    precision: float = 1.0  # engine v25 (statements under the wrong party or person count)


DEVSETS = [
    DevSet("devset", (400, 700), recall=0.98, speaker_acc=0.93, party_prec=0.97),
    DevSet("devset2", (350, 650), recall=0.98, speaker_acc=0.92, party_prec=0.97),
    DevSet("devset3", (300, 550), recall=0.94, speaker_acc=0.95, party_prec=0.97, articles=4),
    DevSet("devset4", (500, 950), recall=0.96, speaker_acc=0.95, party_prec=0.93),
    DevSet("devset5", (600, 850), recall=0.96, speaker_acc=0.95, party_prec=0.97),
    DevSet("devset6", (650, 850), recall=0.98, speaker_acc=0.95, party_prec=0.97),
    DevSet("devset7", (500, 800), recall=0.95, speaker_acc=0.95, party_prec=0.97),
    DevSet("devset9", (450, 900), recall=0.97, speaker_acc=0.95, party_prec=0.97),
    DevSet("devset10", (500, 850), recall=0.89, speaker_acc=0.95, party_prec=0.95),
    DevSet("devset8", (550, 800), recall=0.91, speaker_acc=0.95, party_prec=0.95, lang="en"),
    DevSet("devset11", (500, 900), recall=0.93, speaker_acc=0.95, party_prec=0.97),
    DevSet("devset12", (500, 850), recall=0.92, speaker_acc=0.95, party_prec=0.95, lang="en"),
    DevSet("devset13", (600, 950), recall=0.90, speaker_acc=0.87, party_prec=0.95),
    DevSet("devset14", (550, 900), recall=0.92, speaker_acc=0.95, party_prec=0.97),
    # held out: written blind to the engine, scored once (session 3 closing note); rules were
    # written from their wrong attributions in session 5 (precision 1.00 since), floors a
    # little under today's figures.
    DevSet("devset15", (450, 600), recall=0.86, speaker_acc=0.90, party_prec=0.98),
    DevSet("devset16", (350, 550), recall=0.92, speaker_acc=0.96, party_prec=0.96),
    # session 11: "UNITED NATIONS (AP) - China urged …" is China's now (the dateline was the
    # subject), with no name: its ambassador is named in the next paragraph (precision 0.99)
    DevSet(
        "devset17",
        (400, 550),
        recall=0.85,
        speaker_acc=0.98,
        party_prec=0.98,
        articles=6,
        lang="en",
        precision=0.98,
    ),
    # held out in session 4: written blind, scored once before any rule was written from them
    # (d18 0.65 / 0.89 / 0.95 / 0.94, d19 0.69 / 0.97 / 0.98 / 0.96); rules written since (credit
    # lines, interviews and op-eds in one voice) raised them; floors a little under today's
    DevSet(
        "devset18",
        (450, 650),
        recall=0.90,
        speaker_acc=0.98,
        party_prec=0.97,
        articles=6,
    ),
    DevSet(
        "devset19",
        (400, 650),
        recall=0.89,
        speaker_acc=0.98,
        party_prec=0.98,
        lang="en",
    ),
    # held out in session 5: written blind, scored once (engine at ab9a2ea) before any rule was
    # written from them: d20 0.72 / 0.91 / 0.98 / 0.95, d21 0.84 / 1.00 / 0.96 / 0.96
    # rules then written from them (interviews said to be ones by "a répondu à nos questions",
    # words an interviewee reports of someone else, coordinated sides, "a-t-on appris")
    DevSet(
        "devset20",
        (500, 700),
        recall=0.95,
        speaker_acc=0.94,
        party_prec=0.98,
        articles=6,
    ),
    DevSet(
        "devset21",
        (400, 600),
        recall=0.88,
        speaker_acc=0.98,
        party_prec=0.98,
        lang="en",
    ),
    # held out in session 6: written blind, scored once (engine at 2d2568f) before any rule was
    # written from them: d22 0.77 / 0.98 / 0.96 / 0.95, d23 0.61 / 1.00 / 0.97 / 0.97; rules
    # then written from them (late credits, readouts, stance verbs, mastheads, transcripts)
    DevSet(
        "devset22",
        (450, 750),
        recall=0.87,
        speaker_acc=0.98,
        party_prec=0.97,
        articles=6,
    ),
    DevSet(
        "devset23",
        (400, 700),
        recall=0.94,
        speaker_acc=0.97,
        party_prec=0.98,
        lang="en",
        # session 16: a spokesman's "the Secretary believes …" is the Secretary's (unnamed),
        # where this set's writer credited the spokesman (1.00 before)
        precision=0.97,
    ),
    # held out in session 7: written blind, scored once (engine at c0e79e7) before any rule was
    # written from them: d24 0.70 / 0.93 / 0.80 / 0.77, d25 0.80 / 0.98 / 0.97 / 0.96
    # rules then written from them (France's ministries by their titles, "the head of
    # government", a bare name revealing an unnamed office, "the spokesman for X", family names
    # written first)
    DevSet(
        "devset24",
        (400, 800),
        recall=0.90,
        speaker_acc=0.94,
        party_prec=0.95,
        articles=6,
        precision=0.95,
    ),
    DevSet(
        "devset25",
        (550, 1000),
        recall=0.90,
        speaker_acc=0.98,
        party_prec=0.98,
        articles=6,
        lang="en",
        precision=0.98,
    ),
    # held out in session 7, a second pair written blind after the rules above: scored once
    # (engine at 5f50e59) before any rule was written from them: d26 0.69 / 0.98 / 0.96 / 0.96,
    # d27 0.83 / 0.99 / 0.96 / 0.94
    DevSet(
        "devset26",
        (600, 1100),
        recall=0.77,
        speaker_acc=0.98,
        party_prec=0.96,
        articles=6,
        precision=0.98,
    ),
    DevSet(
        "devset27",
        (550, 1050),
        recall=0.91,
        speaker_acc=0.97,
        party_prec=0.98,
        articles=6,
        lang="en",
        precision=0.96,
    ),
    # held out in session 7, a third pair written blind near the session's end: scored once
    # (engine at 124c7ad) before any rule was written from them: d28 0.86 / 0.97 / 0.96 / 0.94,
    # d29 0.83 / 0.97 / 0.95 / 0.96
    DevSet(
        "devset28",
        (550, 800),
        recall=0.89,
        speaker_acc=0.96,
        party_prec=0.98,
        articles=6,
        precision=0.97,
    ),
    DevSet(
        "devset29",
        (650, 1100),
        recall=0.83,
        speaker_acc=0.95,
        party_prec=0.93,
        articles=6,
        lang="en",
        precision=0.94,
    ),
    # held out in session 7, a fourth pair written blind at the session's end: scored once
    # (engine at 48ddf83, the session's final rules) before anything was written from them:
    # d30 0.83 / 0.96 / 0.96 / 0.89, d31 0.83 / 0.96 / 0.94 / 0.90
    DevSet(
        "devset30",
        (450, 800),
        recall=0.86,
        speaker_acc=0.96,
        party_prec=0.96,
        precision=0.92,
    ),
    DevSet(
        "devset31",
        (550, 850),
        recall=0.88,
        speaker_acc=0.96,
        party_prec=0.96,
        lang="en",
        precision=0.96,
    ),
    # session 8, written blind; held out on 6ef389f: 0.59 / 0.90 / 0.97 / 0.94 and
    # 0.59 / 0.97 / 0.93 / 0.91; floors 0.02 under the figures after rules learnt from them
    DevSet(
        "devset32",
        (450, 750),
        recall=0.89,
        speaker_acc=0.98,
        party_prec=0.96,
        articles=6,
        precision=0.96,
    ),
    DevSet(
        "devset33",
        (550, 750),
        recall=0.84,
        speaker_acc=0.98,
        party_prec=0.93,
        articles=6,
        lang="en",
        precision=0.93,
    ),
    # session 8, written blind; held out on 5f7353b: 0.78 / 0.84 / 0.83 / 0.72 and
    # 0.82 / 0.95 / 0.94 / 0.94; floors 0.02 under the figures after rules learnt from them
    DevSet(
        "devset34",
        (500, 750),
        recall=0.89,
        speaker_acc=0.92,
        party_prec=0.95,
        articles=6,
        precision=0.93,
    ),
    DevSet(
        "devset35",
        (550, 750),
        recall=0.90,
        speaker_acc=0.94,
        party_prec=0.98,
        articles=6,
        lang="en",
        precision=0.98,
    ),
    # session 8, written blind at its end; held out on 36f578e: 0.80 / 0.95 / 1.00 / 1.00 and
    # 0.81 / 0.96 / 0.98 / 0.97; floors 0.02 under the figures after rules learnt from them
    DevSet(
        "devset36",
        (500, 800),
        recall=0.96,
        speaker_acc=0.94,
        party_prec=0.98,
        articles=6,
        precision=0.98,
    ),
    DevSet(
        "devset37",
        (550, 800),
        recall=0.83,
        speaker_acc=0.96,
        party_prec=0.96,
        articles=6,
        lang="en",
        precision=0.96,
    ),
    # session 8, written blind last, held out on 7e9e9b2: 0.82 / 0.97 / 0.98 / 0.96 and
    # 0.82 / 0.95 / 0.95 / 0.91; floors 0.02 under the figures after rules learnt from them
    DevSet(
        "devset38",
        (500, 750),
        recall=0.92,
        speaker_acc=0.96,
        party_prec=0.96,
        articles=6,
        precision=0.95,
    ),
    DevSet(
        "devset39",
        (550, 750),
        recall=0.95,
        speaker_acc=0.94,
        party_prec=0.98,
        articles=6,
        lang="en",
        precision=0.95,
    ),
    # session 9, written blind; held out on 90d547d: 0.67 / 0.94 / 0.79 / 0.76 and
    # 0.74 / 0.92 / 0.97 / 0.89; floors 0.02 under the figures after rules learnt from them
    DevSet(
        "devset40",
        (650, 900),
        recall=0.87,
        speaker_acc=0.94,
        party_prec=0.97,
        articles=6,
        precision=0.94,
    ),
    DevSet(
        "devset41",
        (700, 850),
        recall=0.88,
        speaker_acc=0.96,
        party_prec=0.98,
        articles=6,
        lang="en",
        precision=0.95,
    ),
    # session 9, written blind at the same time as 40/41 and kept unread until the session's
    # final engine; held out on 30c35f6: 0.75 / 0.90 / 0.96 / 0.91 and 0.78 / 0.98 / 0.97 / 0.97;
    # two rules then learnt from devset42 (initials as transcript labels, a signature followed
    # by a line on the author): 0.92 / 0.98 / 0.97 / 0.94
    DevSet(
        "devset42",
        (600, 900),
        recall=0.90,
        speaker_acc=0.96,
        party_prec=0.95,
        articles=6,
        precision=0.92,
    ),
    DevSet(
        "devset43",
        (700, 900),
        recall=0.86,
        speaker_acc=0.96,
        party_prec=0.95,
        articles=6,
        lang="en",
        precision=0.95,
    ),
    # session 10, written blind at the start of the session; held out on ce6addc (session 9's
    # final engine), before any rule was written from them: 0.81 / 1.00 / 0.81 / 0.78 and
    # 0.86 / 1.00 / 1.00 / 0.99; after rules learnt from them (single curly quotes, a former
    # office, labels naming the paper, …): 0.99 / 1.00 / 1.00 / 1.00 and 0.98 / 1.00 / 1.00 / 0.99
    DevSet(
        "devset44",
        (700, 950),
        recall=0.97,
        speaker_acc=0.98,
        party_prec=0.98,
        articles=6,
        precision=0.98,
    ),
    DevSet(
        "devset45",
        (780, 1080),
        recall=0.96,
        speaker_acc=0.98,
        party_prec=0.98,
        articles=6,
        lang="en",
        precision=0.97,
    ),
    # session 10, written blind at the session's start with 44/45 and kept unread until the
    # session's final engine; held out on 82a86f7: 0.88 / 0.93 / 1.00 / 0.97 and
    # 0.73 / 0.90 / 0.97 / 0.85; after rules then learnt from devset47 (an op-ed's byline and
    # "writes …" standfirst, a factbox's list items): 0.86 / 0.94 / 0.98 / 0.90
    DevSet(
        "devset46",
        (700, 1100),
        recall=0.86,
        speaker_acc=0.91,
        party_prec=0.98,
        articles=6,
        precision=0.95,
    ),
    DevSet(
        "devset47",
        (700, 1100),
        recall=0.84,
        speaker_acc=0.92,
        party_prec=0.96,
        articles=6,
        lang="en",
        precision=0.88,
    ),
    # session 11, written blind at the start of the session; held out on 5f50aea (session 10's
    # final engine), before any rule was written from them: 0.82 / 0.94 / 0.98 / 0.95 and
    # 0.66 / 0.91 / 0.95 / 0.89
    DevSet(
        "devset48",
        (600, 950),
        recall=0.80,
        speaker_acc=0.92,
        party_prec=0.96,
        articles=6,
        precision=0.93,
    ),
    DevSet(
        "devset49",
        (650, 1050),
        recall=0.64,
        speaker_acc=0.89,
        party_prec=0.93,
        articles=6,
        lang="en",
        precision=0.87,
    ),
    # session 11, written blind at the session's start with 48/49 and kept unread until the
    # session's final engine; held out on eaa475e: 0.84 / 0.92 / 0.99 / 0.93 and
    # 0.80 / 1.00 / 0.94 / 0.96
    DevSet(
        "devset50",
        (750, 900),
        recall=0.87,
        speaker_acc=0.92,
        party_prec=0.98,
        articles=6,
        precision=0.95,
    ),
    DevSet(
        "devset51",
        (700, 1000),
        recall=0.81,
        speaker_acc=0.98,
        party_prec=0.96,
        articles=6,
        lang="en",
        precision=0.97,
    ),
    # session 12, written blind at the session's start with 54/55, scored once on the session's
    # first engine commit before any rule was written from them: 0.90 / 0.97 / 0.96 / 0.95 and
    # 0.74 / 0.94 / 0.95 / 0.94
    DevSet(
        "devset52",
        (700, 1100),
        recall=0.91,
        speaker_acc=0.97,
        party_prec=0.97,
        articles=6,
        precision=0.97,
    ),
    DevSet(
        "devset53",
        (800, 1150),
        recall=0.88,
        speaker_acc=0.98,
        party_prec=0.95,
        articles=6,
        lang="en",
        precision=0.97,
    ),
    # session 12, written blind at the session's start with 52/53 and kept unread until the
    # session's final engine (d881bf6); held out there: 0.78 / 0.96 / 0.96 / 0.96 and
    # 0.82 / 0.98 / 1.00 / 0.99
    DevSet(
        "devset54",
        (850, 1150),
        recall=0.76,
        speaker_acc=0.94,
        party_prec=0.94,
        articles=6,
        precision=0.94,
    ),
    DevSet(
        "devset55",
        (800, 1150),
        recall=0.80,
        speaker_acc=0.96,
        party_prec=0.98,
        articles=6,
        lang="en",
        precision=0.97,
    ),
    # held out in session 13: written blind, scored once on 5c2d7a7 (session 12's last commit)
    # before any rule was written from them: d56 0.84 / 0.99 / 0.90 / 0.89, d57 0.87 / 0.97 /
    # 0.99 / 0.96
    DevSet(
        "devset56",
        (780, 1150),
        recall=0.82,
        speaker_acc=0.97,
        party_prec=0.88,
        articles=6,
        precision=0.87,
    ),
    DevSet(
        "devset57",
        (680, 1020),
        recall=0.85,
        speaker_acc=0.95,
        party_prec=0.97,
        articles=6,
        lang="en",
        precision=0.94,
    ),
    # session 13, written blind at the session's start with 56/57 and kept unread until the
    # session's final engine; held out there: d58 0.96 / 0.99 / 1.00 / 0.99, d59 0.87 / 0.98 /
    # 0.98 / 0.97
    DevSet(
        "devset58",
        (820, 1100),
        recall=0.94,
        speaker_acc=0.97,
        party_prec=0.98,
        articles=6,
        precision=0.97,
    ),
    DevSet(
        "devset59",
        (820, 1060),
        recall=0.85,
        speaker_acc=0.96,
        party_prec=0.96,
        articles=6,
        lang="en",
        precision=0.95,
    ),
    # session 14, written blind; held out on e0a8890: d60 0.86 / 0.97 / 0.97 / 0.94, d61 0.78 /
    # 0.97 / 0.95 / 0.94; learnt from, today 0.90 / 0.97 / 1.00 / 0.98 and 0.89 / 1.00 / 1.00 / 1.00
    DevSet(
        "devset60",
        (890, 1130),
        recall=0.88,
        speaker_acc=0.95,
        party_prec=0.98,
        articles=6,
        precision=0.96,
    ),
    DevSet(
        "devset61",
        (830, 1100),
        recall=0.87,
        speaker_acc=0.98,
        party_prec=0.98,
        articles=6,
        lang="en",
        precision=0.98,
    ),
    # session 14, written blind at the session's start with 60/61 and kept unread until the
    # session's final engine (3610858); held out there: d62 0.72 / 0.93 / 0.95 / 0.90, d63 0.76 /
    # 0.97 / 0.97 / 0.95 (the session's first engine scores both the same)
    DevSet(
        "devset62",
        (820, 1100),
        recall=0.83,
        speaker_acc=0.94,
        party_prec=0.94,
        articles=6,
        precision=0.93,
    ),
    DevSet(
        "devset63",
        (820, 1020),
        recall=0.88,
        speaker_acc=0.98,
        party_prec=0.96,
        articles=6,
        lang="en",
        precision=0.96,
    ),
    # session 15, written blind at the session's start and scored once on its first engine
    # (ffcf381) before any rule was written from them: d64 0.79 / 0.94 / 0.97 / 0.93, d65 0.76 /
    # 0.95 / 0.89 / 0.83 (d65's "IAEA" items recoded "UN" at import, the party book's)
    DevSet(
        "devset64",
        (850, 1100),
        recall=0.89,
        speaker_acc=0.97,
        party_prec=0.98,
        articles=6,
        precision=0.97,
    ),
    DevSet(
        "devset65",
        (850, 1100),
        recall=0.91,
        speaker_acc=0.94,
        party_prec=0.96,
        articles=6,
        lang="en",
        precision=0.93,
    ),
    # session 15, written blind mid-session and kept unread until the session's final engine
    # (0534421), scored once there: d66 0.70 / 0.90 / 0.95 / 0.87, d67 0.76 / 0.93 / 0.92 /
    # 0.91 (the session's first engine: d66 the same, d67 0.71 / 0.92 / 0.88 / 0.85)
    DevSet(
        "devset66",
        (760, 1100),
        recall=0.79,
        speaker_acc=0.97,
        party_prec=0.96,
        articles=6,
        precision=0.95,
    ),
    DevSet(
        "devset67",
        (760, 1100),
        recall=0.74,
        speaker_acc=0.91,
        party_prec=0.90,
        articles=6,
        lang="en",
        precision=0.89,
    ),
    # session 16, written blind at the session's start and scored once on its first engine
    # (2f436d9) before any rule was written from them: d68 0.75 / 0.97 / 0.90 / 0.87, d69 0.78 /
    # 0.90 / 0.97 / 0.90
    DevSet(
        "devset68",
        (730, 1100),
        recall=0.84,
        speaker_acc=0.97,
        party_prec=0.92,
        articles=6,
        precision=0.91,
    ),
    DevSet(
        "devset69",
        (680, 1100),
        recall=0.83,
        speaker_acc=0.91,
        party_prec=0.96,
        articles=6,
        lang="en",
        precision=0.90,
    ),
    # session 16, written blind at the session's start and kept unread until its final engine
    # (73c7417), scored once there: d70 0.62 / 0.96 / 0.96 / 0.93, d71 0.70 / 0.99 / 0.95 /
    # 0.92 (the session's first engine, 2f436d9, scores both the same); learnt from in session
    # 17 (a debate's guest list, an interview inside a report, UN agencies): 0.82 and 0.76
    DevSet(
        "devset70",
        (860, 1100),
        recall=0.80,
        speaker_acc=0.97,
        party_prec=0.94,
        articles=6,
        precision=0.93,
    ),
    DevSet(
        "devset71",
        (830, 1100),
        recall=0.74,
        speaker_acc=0.97,
        party_prec=0.94,
        articles=6,
        lang="en",
        precision=0.90,
    ),
    # held out in session 17: written blind at the session's start, scored once on its first
    # engine (117f4cd) before any rule was written from them: d72 0.62 / 0.89 / 0.89 / 0.81,
    # d73 0.67 / 0.92 / 0.91 / 0.86; rules then written from them (a parliament's record, "R. :"
    # answers, a transcript under one side's masthead): today 0.82 and 0.79
    DevSet(
        "devset72",
        (800, 1100),
        recall=0.80,
        speaker_acc=0.93,
        party_prec=0.90,
        articles=6,
        precision=0.86,
    ),
    DevSet(
        "devset73",
        (700, 1100),
        recall=0.77,
        speaker_acc=0.91,
        party_prec=0.92,
        articles=6,
        lang="en",
        precision=0.88,
    ),
    # held out in session 17: written blind at the session's start, kept unread until the engine
    # of the commit that added them (after the rules from sets 70-73) and scored once there:
    # d74 0.63 / 0.82 / 0.97 / 0.84, d75 0.66 / 0.94 / 0.88 / 0.86 (117f4cd: the same)
    DevSet(
        "devset74",
        (900, 1100),
        recall=0.61,
        speaker_acc=0.80,
        party_prec=0.95,
        articles=6,
        precision=0.82,
    ),
    DevSet(
        "devset75",
        (800, 1050),
        recall=0.64,
        speaker_acc=0.92,
        party_prec=0.86,
        articles=6,
        lang="en",
        precision=0.84,
    ),
    # held out in session 18: written blind at the session's start, scored once on its first
    # engine (ea5d855) before any rule was written from them: d76 0.94 / 0.98 / 0.99 / 0.97,
    # d77 0.72 / 0.97 / 0.97 / 0.94; d77 0.87 after the records read as transcripts (7c4c6ae)
    DevSet(
        "devset76",
        (800, 1050),
        recall=0.92,
        speaker_acc=0.96,
        party_prec=0.97,
        articles=6,
        precision=0.95,
    ),
    DevSet(
        "devset77",
        (800, 1100),
        recall=0.70,
        speaker_acc=0.95,
        party_prec=0.95,
        articles=6,
        lang="en",
        precision=0.92,
    ),
    # held out in session 18: written blind at the session's start, kept unread until the engine
    # of 2b9acd6 (after the rules from sets 76-77) and scored once there: d78 0.78 / 0.97 / 0.92
    # / 0.90, d79 0.71 / 0.94 / 0.95 / 0.91
    DevSet(
        "devset78",
        (820, 1060),
        recall=0.76,
        speaker_acc=0.95,
        party_prec=0.90,
        articles=6,
        precision=0.88,
    ),
    DevSet(
        "devset79",
        (700, 1000),
        recall=0.69,
        speaker_acc=0.92,
        party_prec=0.93,
        articles=6,
        lang="en",
        precision=0.89,
    ),
    # held out in session 19: written blind at the session's start and scored once on the
    # session's first engine (26e45f2): d80 0.59 / 0.98 / 0.75 / 0.75, d81 0.89 / 0.98 / 0.97 /
    # 0.96; after the session's rules d80 0.86 / 0.99 / 0.96 / 0.96, d81 0.92 / 0.98 / 0.98 / 0.98
    DevSet(
        "devset80",
        (680, 940),
        recall=0.84,
        speaker_acc=0.97,
        party_prec=0.94,
        articles=6,
        precision=0.94,
    ),
    DevSet(
        "devset81",
        (860, 1010),
        recall=0.90,
        speaker_acc=0.96,
        party_prec=0.96,
        articles=6,
        lang="en",
        precision=0.96,
    ),
    # held out in session 19: written blind at the session's start, kept unread until the engine
    # of 03674a0 (after the rules from sets 80-81) and scored once there: d82 0.69 / 0.96 / 0.95
    # / 0.92, d83 0.56 / 0.90 / 0.81 / 0.78; after the session's later rules d82 0.71 / 0.96 /
    # 0.98 / 0.95, d83 0.65 / 0.92 / 0.91 / 0.88
    DevSet(
        "devset82",
        (590, 880),
        recall=0.69,
        speaker_acc=0.94,
        party_prec=0.96,
        articles=6,
        precision=0.93,
    ),
    DevSet(
        "devset83",
        (700, 1080),
        recall=0.72,
        speaker_acc=0.90,
        party_prec=0.92,
        articles=6,
        lang="en",
        precision=0.90,
    ),
    # held out in session 20: written blind at the session's start and scored once on the engine
    # of 559f501 before any rule was written from them: d84 0.54 / 0.89 / 0.93 / 0.86, d85 0.66
    # / 1.00 / 0.92 / 0.93, with their helpers' own code IAEA for the atomic agency; re-coded UN
    # as in every earlier set (the party book's side for it), 0.57 / 0.90 / 0.98 / 0.90 and 0.70
    # / 0.99 / 0.98 / 0.97 on the same engine; after the session's later rules d84 0.76 / 0.92 /
    # 0.98 / 0.94, d85 0.77 / 0.99 / 0.99 / 0.98
    DevSet(
        "devset84",
        (810, 1090),
        recall=0.74,
        speaker_acc=0.90,
        party_prec=0.96,
        articles=6,
        precision=0.92,
    ),
    DevSet(
        "devset85",
        (730, 1085),
        recall=0.75,
        speaker_acc=0.97,
        party_prec=0.97,
        articles=6,
        lang="en",
        precision=0.96,
    ),
    # held out in session 20: written blind at the session's start, kept unread until the engine
    # of c938076 (after the rules from sets 84-85) and scored once there: d86 0.65 / 0.95 / 0.96
    # / 0.93, d87 0.61 / 0.95 / 0.96 / 0.94; after the session's later rules d86 0.71 / 0.95 /
    # 0.97 / 0.94, d87 0.84 / 0.99 / 0.99 / 1.00
    DevSet(
        "devset86",
        (765, 1090),
        recall=0.69,
        speaker_acc=0.93,
        party_prec=0.95,
        articles=6,
        precision=0.92,
    ),
    DevSet(
        "devset87",
        (660, 1085),
        recall=0.82,
        speaker_acc=0.97,
        party_prec=0.97,
        articles=6,
        lang="en",
        precision=0.98,
    ),
]


def _gold(devset: DevSet) -> dict[str, list[dict[str, object]]]:
    return json.loads((DATA / devset.name / "gold.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module", params=DEVSETS, ids=lambda d: d.name)
def devset(request: pytest.FixtureRequest) -> DevSet:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def figures(devset: DevSet) -> dict[str, float]:
    folder = DATA / devset.name
    runs = []
    for name, items in _gold(devset).items():
        text = (folder / name).read_text(encoding="utf-8")
        art = Article(text=text, path=str(folder / name), lang=devset.lang)
        # as `briefbot positions` prints them: speakers of no known party are left out
        found = [p for p in engine().extract(art) if p.party_id != OTHER_PARTY]
        runs.append((text, found, items))
    result = score(runs)
    print(f"{devset.name}:", " ".join(f"{k}={v:.2f}" for k, v in result.items()))
    return result


def test_devset_is_well_formed(devset: DevSet) -> None:
    gold = _gold(devset)
    assert len(gold) == devset.articles
    low, high = devset.words
    for name, items in gold.items():
        text = normalise((DATA / devset.name / name).read_text(encoding="utf-8"))
        assert low <= len(text.split()) <= high, name
        for g in items:
            assert set(g) == {"party", "speaker", "key", "core"}
            assert normalise(str(g["key"])) in text, (name, g["key"])


def test_devset_recall(devset: DevSet, figures: dict[str, float]) -> None:
    assert figures["recall"] >= devset.recall


def test_devset_speaker_accuracy(devset: DevSet, figures: dict[str, float]) -> None:
    assert figures["speaker_acc"] >= devset.speaker_acc


def test_devset_precision(devset: DevSet, figures: dict[str, float]) -> None:
    assert figures["precision"] >= devset.precision


def test_devset_party_precision_and_grounding(devset: DevSet, figures: dict[str, float]) -> None:
    assert figures["party_prec"] >= devset.party_prec
    assert figures["ungrounded"] == 0
