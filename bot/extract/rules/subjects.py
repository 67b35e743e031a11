"""Who a sentence is about when no verb of saying names its speaker.

The cue finder (quotes.py) reads verbs; some statements carry none that it knows: "X, au micro
de la BBC : « … »", "X douche les espoirs de Kiev : l'adhésion « n'est pas sur la table »",
", estimant que…", "selon lui". These helpers find the sentence's own subject (the noun phrase
that opens it, after timestamps, datelines and adverbial phrases) and resolve it to a speaker.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.domain.gazetteer import PersonHit
from bot.extract.rules import roles
from bot.extract.rules import subject_patterns as sp
from bot.extract.rules.cue_patterns import NOT_SUBJECT_SEGMENT, Cue
from bot.extract.rules.quotes import find_cues
from bot.extract.rules.speakers import Speaker, SpeakerResolver

# "09h30 - ", "14 h 05 :", "KIEV (AFP) - ", "MOSCOU, 21 novembre (Reuters) - ": not the subject
_LEAD_STAMP = re.compile(
    r"^\s*(?:\d{1,2}\s*[hH:]\s*\d{2}\s*[-–—:|]?\s*"
    r"|[A-ZÀ-Ý][A-ZÀ-Ý\-’' ]+(?:,[^()\n]{0,40})?\s*\([^)\n]{2,30}\)\s*[-–—]\s*)"
)
# comma segments that open a sentence without being its subject
_ADVERBIAL = re.compile(
    r"^\s*(?:à|au|aux|dans|depuis|devant|en|sur|pour|selon|lors|après|avant|côté|face|outre|"
    r"toujours|chez|pendant|malgré|par|parmi|hier|aujourd['’]hui|ce\s|cette\s|mais|or|ainsi|"
    r"puis|enfin|quant|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|at|in|on|after|"
    r"before|during|for|from|speaking|asked|yesterday|today|however)\b",
    re.IGNORECASE,
)
_A_PLACE = re.compile(r"^\s*A\s+(?:[A-ZÀ-Ý][\w\-’']*\s*){1,3}$")  # "A Moscou", "A New York"
# "…, mais a jugé que": a second verb whose subject is the first one's
_ELIDED = re.compile(r"(?:,\s*|\s)(?:mais|et|puis|but|and)\s+(?:(?:n['’]|ne\s)\s*)?$", re.I)
_STRESSED_PRONOUN = ("lui", "elle", "eux", "elles", "him", "her", "them")
_QUOTE_OPENER = re.compile(r"[«“\"]")


def sentence_subject(
    resolver: SpeakerResolver,
    sentence: str,
    hits: list[PersonHit],
    limit: int,
    pronoun: bool = True,
) -> Speaker | None:
    """The speaker the sentence opens with, reading no further than ``limit``: a person
    (with an apposition before or after the name), an office or a collective speaker."""
    head = sentence[:limit].rstrip(" :")
    stamp = _LEAD_STAMP.match(head) or sp.BULLET.match(head)
    offset = stamp.end() if stamp else 0
    clause = max(head.rfind(":", offset), head.rfind(";", offset))
    # the subject before a colon ("X, au micro de la BBC : le pays est « prêt »"), else the
    # one after it ("Le ton a changé : X, longtemps réservé, …, estimant que")
    spans = [(offset, clause), (clause + 1, len(head))] if clause >= 0 else [(offset, len(head))]
    for first, last in spans:
        speaker = _clause_subject(resolver, sentence, hits, head[:last], first, pronoun)
        if speaker is not None:
            return speaker
    return None


def _clause_subject(
    resolver: SpeakerResolver,
    sentence: str,
    hits: list[PersonHit],
    head: str,
    offset: int,
    pronoun: bool,
) -> Speaker | None:
    for start, text in _segments(head, offset):
        if not text.strip() or _ADVERBIAL.match(text) or _A_PLACE.match(text):
            continue
        if NOT_SUBJECT_SEGMENT.match(text):
            continue
        np = _noun_phrase(resolver, sentence, hits, start, text, pronoun)
        if not np and len(text.split()) <= 3 and not sp.FINITE["fr"].search(text):
            continue  # "Plus policé, X, …": a short adjectival lead, not the subject
        if not np:
            return None
        np_text, np_start = np
        return resolver.resolve("source", np_text, sentence, hits, np_start)
    return None


def _segments(head: str, offset: int) -> list[tuple[int, str]]:
    out, pos = [], offset
    for part in head[offset:].split(","):
        out.append((pos, part))
        pos += len(part) + 1
    return out


def _noun_phrase(
    resolver: SpeakerResolver,
    sentence: str,
    hits: list[PersonHit],
    start: int,
    text: str,
    pronoun: bool = True,
) -> tuple[str, int] | None:
    """The subject noun phrase at the start of segment ``text`` (at ``start``), with the
    apposition segment after it when that one is a name or a title."""
    lead = len(text) - len(text.lstrip())
    start, text = start + lead, text.strip()
    pron = re.match(r"(?:il|elle|he|she)\b", text, re.IGNORECASE)
    if pron:  # "Elle a remercié Paris, avant de prévenir…": whoever "elle" is
        return (pron.group(0), start) if pronoun else None
    person = next((h for h in hits if start <= h.start < start + len(text)), None)
    if person is not None:
        before = sentence[start : person.start]
        prenominal = (
            roles.has_office(before) and len(before.split()) <= 6
        )  # "EU foreign policy chief X"
        if before.strip() and not (roles.is_title(before + "X") or prenominal):
            return None  # "Le journal cite X": X is not the subject
        end = person.end
        rest = sentence[end:]
        app = re.match(r"\s*,([^,;:«»\"“”]{2,90}),", rest)
        if app and roles.is_title(app.group(1)) and not resolver.gaz.person_hits(app.group(1)):
            end += app.end() - 1
        return sentence[start:end], start
    party = resolver.gaz.party_hits(text[:40])
    possessive = bool(party) and re.match(r"['’]s\s", text[party[0].end :]) is not None
    if party and party[0].start <= 4 and not possessive:  # "Moscou", "Le Kremlin", "L'Élysée"
        return text[: party[0].end], start
    if party and party[0].kind == "demonym" and _BODY_OF.fullmatch(text[: party[0].start]):
        return text[: party[0].end], start  # "la délégation russe", "le gouvernement polonais"
    if roles.is_title(text):
        nxt = re.match(r",\s*([^,;:«»\"“”]{2,60})\s*,", sentence[start + len(text) :])
        name = nxt.group(1) if nxt else ""
        if name and sp.NAME_ONLY.match(name.strip()):
            return sentence[start : start + len(text) + nxt.end(1)], start  # type: ignore[union-attr]
        verb = sp.FINITE["fr" if resolver.lang == "fr" else "en"].search(text)
        if verb is None and resolver.lang == "en":  # "the president pointed to…": the title
            office = roles.ROLE_RE.search(text)
            verb = re.compile(r"\s").search(text, office.end()) if office else None
        return (text[: verb.start()] if verb else text), start
    return None


def colon_lead(sentence: str) -> int | None:
    """Where a quotation introduced by a colon opens ("…, version notaire : « … »"), or None."""
    m = re.search(r":\s*(?=[«“\"])", sentence)
    return m.start() if m else None


def lead_subject(
    resolver: SpeakerResolver, sentence: str, hits: list[PersonHit], cue_start: int
) -> Speaker | None:
    """ "L'agence « se tient prête », a-t-on appris auprès de…" / "Le ministère « salue… »,
    indique un communiqué": an incise naming no speaker leaves the subject written before the
    quote, the sentence's own subject."""
    opener = _QUOTE_OPENER.search(sentence)
    if opener is None or opener.start() == 0 or opener.start() >= cue_start:
        return None
    return resolver.resolve("pre", sentence[: opener.start()], sentence, hits, 0)


def own_subject(
    resolver: SpeakerResolver, sentence: str, hits: list[PersonHit], cue_start: int
) -> Speaker | None:
    """ "Le Premier ministre X a laissé la porte ouverte : « … », a-t-il glissé": the inverted
    pronoun is the person or office the sentence itself opens with, not the last speaker."""
    verb = sp.FINITE["fr"].search(sentence)
    opener = _QUOTE_OPENER.search(sentence)
    if verb is None or opener is None or not verb.start() < opener.start() < cue_start:
        return None
    own = resolver.resolve("pre", sentence[: verb.start()], sentence, hits, 0)
    return own if own is not None and (own.name or own.role) else None


_CE_QUE_NP = re.compile(r"\bce\s+qu(?:e\b|['’])[^,;:«»\"“”]{0,50}$", re.IGNORECASE)
_BODIES = tomllib.loads((Path(__file__).parent / "data" / "bodies.toml").read_text("utf-8"))
_BODY_OF = re.compile(
    r"(?:le|la|les|l['’]|the)\s*(?:"
    + "|".join(re.escape(n) for lang in _BODIES.values() for n in lang["nouns"])
    + r")\s+",
    re.IGNORECASE,
)
_INDEFINITE_SOURCE = re.compile(
    r"^\s*(?:une?|des|plusieurs|certaine?s|deux|trois|a|an|one|two|several|some)\s",
    re.IGNORECASE,
)


def _subject_of_first_verb(
    resolver: SpeakerResolver, sentence: str, hits: list[PersonHit], limit: int
) -> Speaker | None:
    """The subject before the sentence's first finite verb, when it is a side's office or a
    side ("The United Kingdom's representative echoed that point, adding that …")."""
    verb = sp.FINITE["en" if resolver.lang == "en" else "fr"].search(sentence[:limit])
    if verb is None or verb.start() == 0:
        return None
    who = resolver.resolve("pre", sentence[: verb.start()], sentence, hits, 0)
    return who if who is not None and (who.name or who.party_id) else None


# a side's name opening the sentence or its part after a colon, then the participle's comma
_SIDE_BEFORE_PARTICIPLE = re.compile(
    r"(?:^|[:;]\s+)(?P<np>(?:(?:la|le|les|l['’]|the)\s*)?[A-ZÀ-Ý][\w\-’']+(?:\s+[\w\-’']+)?)\s*$"
)


def cue_speaker(
    resolver: SpeakerResolver,
    cue: Cue,
    sentence: str,
    hits: list[PersonHit],
    here: list[tuple[Speaker, Cue | None]],
) -> Speaker | None:
    """The speaker of one cue, ``here`` holding the statements already read in the sentence."""
    if cue.mode == "part":  # ", estimant que…": whoever the sentence is already about
        if here:
            return here[-1][0]
        lead = _SIDE_BEFORE_PARTICIPLE.search(sentence, 0, cue.start)
        if lead is not None and resolver.gaz.party_hits(lead.group("np")):
            # "…: la Hongrie, refusant de …, a contraint …": the side set off before it
            side = resolver.resolve("pre", lead.group("np"), sentence, hits, lead.start("np"))
            if side is not None and side.party_id:
                return side
        return (
            sentence_subject(resolver, sentence, hits, cue.start)
            or _subject_of_first_verb(resolver, sentence, hits, cue.start)
            or resolver.pronoun_target()
        )
    if cue.mode == "pre" and _ELIDED.search(cue.subject):
        # "X n'a pas exclu…, mais a jugé que…": the subject of the verb before
        return here[-1][0] if here else sentence_subject(resolver, sentence, hits, cue.start)
    if cue.mode == "pre" and _CE_QUE_NP.search(cue.subject):
        return None  # "…, ce que Kiev rejette": about the clause before, whose words are not Kiev's
    if cue.mode == "pre" and sp.FIRST_PERSON_SUBJECT.search(cue.subject):
        return None  # "On the Black Sea, we have proposed": the speaking voice, no one named
    speaker = resolver.resolve(cue.mode, cue.subject, sentence, hits, cue.subj_start)
    if cue.mode == "pron" and cue.subject in ("il", "elle"):
        speaker = own_subject(resolver, sentence, hits, cue.start) or speaker
    if cue.mode in ("source", "pour") and cue.subject.strip() in _STRESSED_PRONOUN:
        # "X … : selon lui, …": the sentence's subject, else the last person it names
        own = sentence_subject(resolver, sentence, hits, cue.start)
        named = [h for h in hits if h.end <= cue.start]
        if (own is None or not own.name) and named:
            own = resolver.resolve("source", named[-1].text, sentence, hits, named[-1].start)
        speaker = own if own is not None and own.name else speaker
    elif cue.mode == "source" and speaker is not None and not speaker.name:
        # "Selon le compte rendu du Kremlin, le président russe a accepté…": the person the
        # reported clause is about, when the source is that person's own side
        after = _clause_subject(resolver, sentence, hits, sentence, cue.end, False)
        if after is not None and after.name and after.party_id in (None, speaker.party_id):
            speaker = after
        elif (
            after is not None
            and after.party_id is not None
            and after.party_id != speaker.party_id
            and _INDEFINITE_SOURCE.match(cue.subject)
            and find_cues(cue.claim, resolver.lang)  # an act of saying or demanding, not a deed
        ):
            # "Selon une source ukrainienne, la délégation russe a posé comme préalable …": an
            # anonymous source telling what another side did; that side's act
            speaker = after
    if speaker is None and cue.mode in ("post", "pron", "pre"):
        speaker = lead_subject(resolver, sentence, hits, cue.start)
    if speaker is None and cue.mode == "pron" and not cue.subject.strip():
        # "Berlin a accepté …, a-t-on appris de source allemande": what the journalist learnt
        # is the statement of the sentence's own subject
        speaker = sentence_subject(resolver, sentence, hits, cue.start)
    return speaker
