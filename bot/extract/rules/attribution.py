"""Second thoughts on a cue's speaker, once the cue finder and the resolver have spoken: whose
words a sentence really carries when several people or bodies appear in it.

- "Pékin a salué …, par la voix du porte-parole …, Wang L.": the named voice, not the capital;
- "… que Moscou refuse toujours", "un chiffre que la Russie conteste": a verb inside a relative
  clause qualifies a noun of someone else's statement; it is no statement of its own;
- "une manière, selon un diplomate européen, de …" inside another speaker's reported clause,
  "selon un diplomate, il se montrerait …": the source speaks about someone else: left out;
- "Kyiv has been told by Washington that …": the words are Washington's;
- in an interview answer, "la Pologne ne demande pas …" is the interviewee speaking.
Each function returns the speaker to keep (possibly another one) or None to drop the cue.
"""

from __future__ import annotations

import re

from bot.domain.gazetteer import PersonHit
from bot.extract.rules import roles
from bot.extract.rules.cue_patterns import Cue, tidy
from bot.extract.rules.speakers import (
    ANONYMOUS_SOURCE,
    UNSIDED_BODY,
    Speaker,
    SpeakerResolver,
    title_opening,
)
from bot.extract.rules.subject_patterns import (
    FIRST_PERSON_SUBJECT,
    INDEFINITE_SUBJECT,
    REDUCED_RELATIVE_END,
    VOICE_OF,
)

# the relative pronoun "que" right after a noun, a closing quote or a comma: "un chiffre que X"
# "…, que Moscou refuse": a relative "que" after a comma or a closing quote, far from its noun
_RELATIVE_QUE = re.compile(r"[»”\",]\s*(?:que|qu['’])\s*(?P<np>[^,;:«»\"“”]{1,60})$", re.IGNORECASE)
_TOLD_BY = re.compile(
    r"\b(?:been|été)\s+(?:told|assured|informed|warned|informée?s?|assurée?s?|prévenue?s?)"
    r"\s+(?:by|par)\s+(?P<np>[A-ZÀ-Ý][\w\-’'.]*(?:\s+[A-ZÀ-Ý][\w\-’'.]*){0,3})\s+(?:that|que)\b"
)
# ", un chiffre que la Russie conteste" closing a claim: another side's word on it
_TRAILING_RELATIVE = re.compile(
    r",\s+(?:un|une|le|la|les|ce|cette|des)\s+[\w\-]+\s+(?:que|qu['’])\s*(?P<np>[^,;«»]{2,60})$"
    # ", a clause Oslo has ruled out", ", a demand that Copenhagen rejects"
    r"|,\s+(?i:a|an|the)\s+[a-z\-]+\s+(?:(?i:that|which)\s+)?(?P<np_en>[A-Z][^,;«»\"“”]{1,60})$",
)
_GLOSS_AFTER_QUOTE = re.compile(
    r"(?:[»”\"]\s*,|,[»”\"])\s+(?:un|une|ce|cette|a|an)\s+[\w\-]+(?:\s+[\w\-]+)?\s+"
    r"(?:qui|que|qu['’]|which|that)\b",
    re.IGNORECASE,
)
_PRONOUN_CLAUSE = re.compile(r"^\s*,?\s*(?:il|elle|he|she)\s+\w+", re.IGNORECASE)
_INDEFINITE = re.compile(r"^\s*(?:un|une|a|an|des|plusieurs|certains)\b", re.IGNORECASE)


def in_relative_clause(cue: Cue) -> bool:
    """A 'pre' verb whose subject follows a relative "que": "la formule …, que Moscou refuse"."""
    subject = cue.subject.rstrip()
    return cue.mode == "pre" and bool(
        _RELATIVE_QUE.search(subject) or REDUCED_RELATIVE_END.search(subject)
    )


def by_voice(
    resolver: SpeakerResolver, sentence: str, hits: list[PersonHit], speaker: Speaker
) -> Speaker:
    """ "X a salué …, par la voix de son porte-parole, Y": Y, when Y speaks for X's side."""
    if speaker.name:
        return speaker
    m = VOICE_OF.search(sentence)
    if not m:
        return speaker
    named = [h for h in hits if h.start >= m.end()]
    if not named:
        return speaker
    who = resolver.resolve("source", sentence[m.end() :], sentence, hits, m.end())
    if who is not None and who.name and who.party_id in (None, speaker.party_id):
        return Speaker(who.name, who.role, speaker.party_id, who.person)
    return speaker


def told_by(resolver: SpeakerResolver, sentence: str, speaker: Speaker) -> Speaker:
    """ "According to an official, Kyiv has been told by Washington that …": Washington's."""
    m = _TOLD_BY.search(sentence)
    if not m:
        return speaker
    party = resolver.gaz.party_hits(m.group("np"))
    if party and party[0].party_id != speaker.party_id:
        return Speaker("", "", party[0].party_id)
    return speaker


def source_about_other(sentence: str, cue: Cue, owners: list[tuple[Speaker, Cue | None]]) -> bool:
    """A "selon X" that is not who speaks: inside another named speaker's reported clause, or
    an unnamed source telling what a third person ("il", "elle") thinks."""
    if cue.mode != "source":
        return False
    for speaker, other in owners:
        if other is not None and other.mode == "pre" and speaker.name and other.end <= cue.start:
            return True
    return bool(_INDEFINITE.match(cue.subject)) and bool(_PRONOUN_CLAUSE.match(sentence[cue.end :]))


def other_in_turn(
    resolver: SpeakerResolver,
    turn: Speaker | None,
    cue: Cue,
    sentence: str,
    hits: list[PersonHit],
) -> Speaker | None:
    """In an interview answer, the words the interviewee reports of someone else: "what Sergei
    Lavrov told us: …", "j'ai croisé X, il m'a lancé : « … »". The cue's subject names that
    person, or is "il"/"he" after the one other person the sentence names."""
    if turn is None or cue.mode not in ("pre", "pron"):
        return None
    if FIRST_PERSON_SUBJECT.search(cue.subject) or INDEFINITE_SUBJECT.search(cue.subject):
        return None  # "we have proposed", "ce que beaucoup jugeaient": no one else named
    others = [h for h in hits if h.start < cue.start and not _is_turn(turn, h)]
    subject = [h for h in others if h.start >= cue.subj_start]
    pronoun = re.search(r"\b(?:il|elle|he|she)\b", cue.subject, re.IGNORECASE)
    if re.search(r"\b(?:il|elle|he|she)\s*$", cue.subject, re.IGNORECASE):
        subject = []  # "X spoke with Y last night, … but he was clear that": "he", not Y
    if subject:
        who = subject[-1]
    elif pronoun and len(others) == 1 and not title_opening(sentence):
        who = others[0]
    else:
        return None
    return resolver.resolve("source", who.text, sentence, hits, who.start)


def _is_turn(turn: Speaker, hit: PersonHit) -> bool:
    return bool(turn.name) and turn.name.split()[-1].lower() in hit.text.lower()


def _another_office(turn: Speaker, speaker: Speaker) -> bool:
    """Whether the speaker found is someone unnamed with an office ("the Secretary", "le
    président", or "he" after them) that the one answering does not hold."""
    if speaker.name or not speaker.role:
        return False
    keys = [k for k in roles.office_keys(speaker.role) if k in roles.PERSON_KEYS]
    if not keys or any(k in roles.GENERIC_KEYS for k in keys):
        return False
    return not (
        roles.role_matches(turn.role, keys[0]) or roles.gazetteer_holds(turn.person, keys[0])
    )


# what opens the clause after "je constate": "une chose :", "d'ailleurs que", "that"
_VIEW_THEN = re.compile(r"[^:«»\"“”]{0,30}?(?::|\bque\b|\bqu['’]|\bthat\b)\s*", re.IGNORECASE)
_FIRST_PERSON_VIEW = re.compile(
    r"\b(?:je|j['’]|nous)\s+(?:constate|constatons|pense|pensons|crois|croyons|vois|voyons|"
    r"observe|observons|note|notons|dirais)\b|\b(?:I|we)\s+(?:see|think|believe|note|observe|"
    r"would\s+say)\b",
    re.IGNORECASE,
)


def in_turn(turn: Speaker | None, sentence: str, speaker: Speaker, cue: Cue) -> Speaker:
    """In an interview answer, a body or a country stated as subject is the interviewee
    speaking for it ("la Pologne ne demande pas …" said by the Polish minister), and another
    side's deed is the interviewee's when framed as the interviewee's view ("Mais je constate une
    chose : la Russie réclame …"; the claim is then the whole clause, that side included)."""
    if turn is None or speaker.name or sentence.rstrip(' »”"').endswith("?"):
        return speaker
    if turn.party_id is None:
        return speaker
    if speaker.party_id in (None, turn.party_id) and _another_office(turn, speaker):
        # a spokesman's "The Secretary welcomed …": the Secretary of the same side, not him
        return Speaker("", speaker.role, turn.party_id)
    if speaker.party_id in (None, turn.party_id):
        return turn
    view = _FIRST_PERSON_VIEW.search(sentence)
    if view is None or view.start() > cue.start:
        return speaker
    clause = _VIEW_THEN.match(sentence, view.end())
    if clause is not None:
        cue.claim = sentence[clause.end() :].strip().rstrip(".")
    return turn


_SEVERAL = re.compile(
    r"\s*(?:two|three|four|several|a\s+few|deux|trois|quatre|plusieurs|quelques)\s", re.IGNORECASE
)


# a clause opening on a side as its subject and its act: "la partie turque a confirmé …"
_SIDE_ACTS = re.compile(
    r"\s*(?P<side>(?:(?:la|le|l['’]|les|the)\s+)?(?:partie|side|délégation|delegation|"
    r"gouvernement|government)\s+[\w\-]+)\s+(?:a|ont|has|have)\s+(?:confirmé|accepté|proposé|"
    r"refusé|rejeté|offert|confirmed|accepted|proposed|refused|rejected|offered)\b",
    re.IGNORECASE,
)


def same_side_voice(
    resolver: SpeakerResolver, cue: Cue, speaker: Speaker, hits: list[PersonHit]
) -> Speaker:
    """ "Il a insisté sur … Aux yeux de Kiev, …": a side named as the source right after one
    of its people spoke is that person's voice (unless the sentence names someone)."""
    if cue.mode not in ("source", "pour") or speaker.name or speaker.party_id is None or hits:
        return speaker
    acting = _SIDE_ACTS.match(cue.claim)
    if acting is not None:
        # "Selon le ministère ukrainien, la partie turque a confirmé sa disponibilité …": the
        # other side's act, which the source only reports
        sides = {h.party_id for h in resolver.gaz.party_hits(acting.group("side"))}
        if len(sides) == 1 and speaker.party_id not in sides:
            return Speaker("", "", sides.pop())
    if speaker.indefinite or _INDEFINITE.match(cue.subject) or _SEVERAL.match(cue.subject):
        # "according to a person familiar with the Kremlin's thinking", "according to two
        # European diplomats": not the one who spoke before
        return speaker
    near = resolver.pronoun_target()
    if near is not None and near.name and near.party_id == speaker.party_id:
        return near
    return speaker


def trim_claim(resolver: SpeakerResolver, claim: str, party_id: str | None) -> str:
    """A claim without a trailing ", un chiffre que la Russie conteste" of another side, nor
    the writer's gloss after the quotation (« … », une position politique qui, elle, …)."""
    gloss = _GLOSS_AFTER_QUOTE.search(claim)
    if gloss and claim[gloss.start()] == ",":  # '… oil," a line that …': the mark, no comma
        return claim[: gloss.start()] + claim[gloss.start() + 1]
    if gloss:
        return claim[: gloss.start() + 1]
    m = _TRAILING_RELATIVE.search(claim.rstrip(" ."))
    if not m:
        return claim
    other = resolver.gaz.party_hits(m.group("np") or m.group("np_en"))
    return claim[: m.start()] if other and other[0].party_id != party_id else claim


def drop_anonymous_reporters(
    here: list[tuple[Speaker, Cue | None]],
) -> list[tuple[Speaker, Cue | None]]:
    """ "Moscou refuse …, a indiqué un diplomate européen sous couvert d'anonymat": an unnamed
    source reporting another side's stance states no position of its own side; the stance is
    the side's."""
    reported = [
        cue.start
        for sp, cue in here
        if cue is not None and cue.mode == "pre" and sp.party_id and not sp.indefinite
    ]
    return [
        (sp, cue)
        for sp, cue in here
        if not (
            sp.indefinite
            and not sp.name
            and cue is not None
            and cue.mode == "post"
            and any(start < cue.start for start in reported)
        )
    ]


def reported_person(resolver: SpeakerResolver, cue: Cue, speaker: Speaker) -> Speaker:
    """ "Le Kremlin a indiqué que Vladimir Poutine avait « soutenu l'idée »": a side reporting
    what its own named person did or said gives that person's position."""
    if cue.mode != "pre" or speaker.name or speaker.party_id is None:
        return speaker
    opening = resolver.gaz.person_hits(cue.claim[:60])
    if not opening or opening[0].start > 0 or opening[0].person is None:
        return speaker
    person = opening[0].person
    if person.party_id != speaker.party_id:
        return speaker
    return resolver.known_speaker(opening[0]) or resolver.meet(opening[0], "")


# "the United States", "le Kremlin": a side named at the start of a reported clause
_THAT_OPENS = re.compile(r"^\s*(?:that|que|qu(?=['’]))\s*", re.IGNORECASE)
_SIDE_OPENS = re.compile(r"^\s*(?:(?:the|le|la|les|l['’])\s*)?", re.IGNORECASE)


def anonymous_source_side(
    resolver: SpeakerResolver, cue: Cue, speaker: Speaker | None, sentence: str
) -> Speaker | None:
    """ "One of the people said Washington was prepared to fund …", "the government said Poland
    will …": an unnamed source, or a body or document the text gives no side, telling what a
    side will do gives that side's position (the side opens the reported clause, by its name,
    an alias or an institution); the claim is that clause."""
    if cue.mode != "pre" or (speaker is not None and (speaker.name or speaker.party_id)):
        return speaker
    who = cue.subject.rsplit(",", 1)[-1]
    if not (ANONYMOUS_SOURCE.fullmatch(who) or UNSIDED_BODY.fullmatch(who)):
        return speaker  # an official or an analyst describing a side: their reading, not its
    claim = _THAT_OPENS.sub("", sentence[cue.end :])
    hits = resolver.gaz.party_hits(claim[:80])
    if not hits or hits[0].kind in ("demonym", "place"):
        return speaker
    lead = _SIDE_OPENS.match(claim)
    if hits[0].start != (lead.end() if lead else 0):
        return speaker
    rest = claim[hits[0].end :]
    if rest.startswith(("'s", "’s")) or re.match(r"\s*(?:,|and\b|et\b|of\b|de\b)", rest):
        return speaker  # "Ukraine's army …", "Russia and Ukraine …": not the side alone
    cue.claim = tidy(claim)
    return Speaker("", "", hits[0].party_id)


def owned_by_incise(
    sentence: str, here: list[tuple[Speaker, Cue | None]]
) -> list[tuple[Speaker, Cue | None]]:
    """ "Fico has threatened vetoes …, notes Katarína H.": a closing incise names who says the
    whole sentence; the verbs before it are that speaker's account, not other statements."""
    closing = [
        (sp, c)
        for sp, c in here
        if c is not None
        and sp.name  # a named person's account; an unnamed source's is the side's (see above)
        and c.mode in ("post", "pron")
        and sentence[: c.start].rstrip().endswith(",")
        and not sentence[c.end :].strip(" .").count(",")  # the incise ends the sentence
    ]
    if not closing:
        return here
    last_speaker, last = closing[-1]
    return [
        (sp, c)
        for sp, c in here
        if c is None
        or c.mode != "pre"
        or c.start > last.start
        or (sp.name, sp.party_id) == (last_speaker.name, last_speaker.party_id)
    ]
