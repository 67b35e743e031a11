"""Statements of several sides or people at once: a subject that lists sides ("Paris et Berlin
ont salué"), two people of two sides ("Emmanuel Macron et Keir Starmer ont réaffirmé"), the
subjects of a stance verb that no verb of saying gave (syntax.py), each side in the words of
the one person the sentence says holds the stance too, and a stance in a clause of its own
beside another side's reported speech."""

from __future__ import annotations

import re
from typing import Any

from bot.domain.gazetteer import Gazetteer, PersonHit
from bot.domain.models import Lang
from bot.extract.rules import nlp, roles, syntax
from bot.extract.rules.cue_patterns import Cue, tidy
from bot.extract.rules.discourse import Discourse
from bot.extract.rules.quote_marks import inside_quotes
from bot.extract.rules.quotes import declines
from bot.extract.rules.sentences import Sentence
from bot.extract.rules.speakers import Speaker, SpeakerResolver
from bot.extract.rules.subject_patterns import (
    REDUCED_RELATIVE_END,
    SINGULAR_PRONOUN_START,
    VOICE_OF,
    side_pronoun,
)


def stance_statements(
    gaz: Gazetteer,
    doc: Any,
    sent: Sentence,
    lang: Lang,
    here: list[tuple[Speaker, Cue | None]],
    talk: Discourse,
    hits: list[PersonHit],
) -> list[tuple[Speaker, Cue | None]]:
    """Sides (or people of sides) taking a stance as the subjects of a stance verb (syntax.py)
    that no cue gave; each side in the words of the one person the sentence says holds it too
    ("Paris and Berlin back X, a compromise that Emmanuel Macron has championed")."""
    if not nlp.has_parse(doc) or sent.text.rstrip().endswith("?"):
        return []
    if talk.turn is not None and not talk.op_ed_reports(sent, hits):
        return []
    # "Bratislava is siding with Budapest, according to two diplomats": sources of no side
    # and no name telling a side's stance leave it to that side
    unsided = bool(here) and all(
        c is not None and c.mode == "source" and not sp.party_id and not sp.name for sp, c in here
    )
    if not unsided and any(
        cue is None or cue.mode in ("source", "pour", "part") for _, cue in here
    ):
        return []  # "selon lui, Moscou n'acceptera …": the stance is reported by someone
    have = {sp.party_id for sp, _ in here}
    # "La Commission pourrait accepter …, indique un porte-parole": a spokesperson of no
    # known side tells the stance of the side the clause names
    told = (
        []
        if unsided
        else [(sp, c) for sp, c in here if sp.party_id or sp.name or not sp.indefinite]
    )
    out: list[tuple[Speaker, Cue | None]] = []
    for stance in syntax.stances(doc, sent.start, sent.end, lang):
        if REDUCED_RELATIVE_END.search(sent.text[: stance.at].rstrip()):
            continue  # "…, a clause Copenhagen has ruled out": what the clause is
        if declines(sent.text, lang, stance.at):
            continue  # "Le cardinal, lui, ne veut pas parler de chiffres": nothing said
        parties = syntax.stance_parties(gaz, sent.text, stance)
        first = sent.text[max(stance.subjects[0][0], 0) : stance.subjects[0][1]]
        side = talk.resolver.side_topic
        if not parties and not here and side:
            words = [sent.text[max(a, 0) : b].strip() for a, b in stance.subjects]
            words = [w for w in words if re.search(r"\w", w)]  # not a list item's mark
            asked = _OPEN_QUESTION.search(sent.text[: max(stance.subjects[-1][0], 0)])
            pronoun = side_pronoun(lang)
            if len(words) == 1 and pronoun.fullmatch(words[0]) and not asked:
                parties = [side]  # "Oslo's starting point is … It opposes any cap …"
        body = None if parties else talk.resolver.body_side(first)
        if body is not None:
            parties = [body]  # "The Council condemns …" in the Council's own release
        if not parties and first.strip().lower() == "on":
            # "Côté ukrainien, on veut un moratoire": the side the lead names
            side = roles.lead_context_party(gaz, sent.text)
            parties = [side] if side else []
        if not parties and not here:
            # "Emmanuel Macron and Friedrich Merz … both back a mission": each person
            people = subject_people(talk.resolver, stance, hits, sent.text)
            out += [(person, None) for person in people if person.party_id not in have]
            have.update(person.party_id for person in people)
            if len(people) == 1:
                talk.resolver.note_statement(people[0])  # "Trump wants a deal. He has said …"
            continue
        # "Warsaw opposes X, and Rome has signalled that …": a clause of its own
        cues = [c for _, c in here]
        own = (
            (
                own_clause(sent.text, stance, cues)
                or later_clause(sent.text, stance, cues)
                or middle_clause(sent.text, stance, cues)
                or joined_clause(sent.text, stance, cues)
                or spliced_clause(sent.text, stance, cues)
            )
            if told
            else None
        )
        if own is not None and not parties:
            # "…, le ministre turc X a proposé …" after another's quotation: X's own clause
            start, end = own.subj_start, own.subj_start + len(own.subject)
            inside = [h for h in hits if start <= h.start and h.end <= end]
            known = talk.resolver.known_speaker(inside[0]) if len(inside) == 1 else None
            if known is not None and known.party_id and known.party_id not in have:
                have.add(known.party_id)
                out.append((known, own))
            continue
        if told and own is None and (len(parties) < 2 or any(sp.name for sp, _ in told)):
            # a cue already gave this sentence's speaker; only lists add sides, and not in a
            # person's reported words ("Fico said Bratislava and Budapest would not support …")
            continue
        # "Paris et Londres plaident pour …" read by a cue for Paris: Londres the same words
        shared = own or next((c for sp, c in here if sp.party_id in parties), None)
        if shared is None and not told and here:
            shared = here[0][1]  # the spokesperson's cue: the clause it tells
        for pid in parties:
            if pid not in have:
                have.add(pid)
                out.append((side_of(talk, hits, sent.text, pid), shared))
    return out


def named_pair(resolver: SpeakerResolver, cue: Cue, hits: list[PersonHit]) -> list[Speaker]:
    """ "Emmanuel Macron et Keir Starmer ont réaffirmé que …": two people of two sides named as
    the whole subject, each a speaker."""
    if cue.mode != "pre":
        return []
    offset = cue.subj_start
    clause = cue.subject.rsplit(",", 1)[-1]
    start = offset + len(cue.subject) - len(clause)
    inside = [h for h in hits if start <= h.start and h.end <= cue.start]
    if len(inside) != 2:
        return []
    first, second = inside
    head = _DATELINE_DASH.split(cue.subject[start - offset : first.start - offset])[-1]
    between = cue.subject[first.end - offset : second.start - offset]
    tail = cue.subject[second.end - offset :]
    joined = _AND_TITLE.fullmatch(between)
    if tail.strip() or joined is None or not (_title_only(head) and _title_only(joined["title"])):
        return []
    pair = [resolver.known_speaker(h) or resolver.meet(h, "") for h in (first, second)]
    return pair if all(p.party_id for p in pair) and pair[0].party_id != pair[1].party_id else []


_AND = re.compile(r"\s+(?:et|and)\s+")
# "French President X and British Prime Minister Y said": each name after its own office
_AND_TITLE = re.compile(r"\s+(?:et|and)\s+(?P<title>(?:[^\W\d][\w\-’'.]*\s+){0,5})")
_DATELINE_DASH = re.compile(r"\s[-–—]\s")


def _title_only(words: str) -> bool:
    """Nothing, or an office of a few words ("French President", "le président français")."""
    return not words.strip() or (len(words.split()) <= 5 and roles.is_title_words(words))


# "le communiqué conjoint publié par le département d'État et le ministère ukrainien", "a joint
# statement by Paris and Berlin": a document two sides put out together
_JOINT_DOCUMENT = re.compile(
    r"^\s*(?:(?:le|la|les|un|une)\s+(?:communiqués?|déclarations?|textes?|documents?)\s+"
    r"(?:conjointe?s?|commune?s?)|(?:the|a)\s+joint\s+(?:statements?|declarations?|"
    r"communiqués?|communiques?))\b",
    re.IGNORECASE,
)


def joint_document(gaz: Gazetteer, cue: Cue) -> list[Speaker]:
    """The sides of a joint communiqué or statement that is a cue's subject, each a speaker
    (its words are theirs together), when it names two sides or more."""
    subject = re.split(r"[,»”\"]", cue.subject)[-1]  # '"…," a joint statement by X and Y said'
    if cue.mode not in ("post", "pre", "source") or not _JOINT_DOCUMENT.match(subject):
        return []
    parties = list(dict.fromkeys(h.party_id for h in gaz.party_hits(subject)))
    return [Speaker("", "", pid) for pid in parties] if len(parties) >= 2 else []


def listed(
    gaz: Gazetteer, here: list[tuple[Speaker, Cue | None]]
) -> list[tuple[Speaker, Cue | None]]:
    """The other sides of a cue whose subject lists several ("Paris et Berlin ont salué …"
    read as Paris): each its own statement, the same words."""
    have = {sp.party_id for sp, _ in here}
    out: list[tuple[Speaker, Cue | None]] = []
    for speaker, cue in here:
        if cue is None or cue.mode != "pre" or speaker.name or speaker.party_id is None:
            continue
        for pid in syntax.listed_sides(gaz, cue.subject):
            if pid not in have:
                have.add(pid)
                out.append((Speaker("", "", pid), cue))
    return out


def subject_people(
    resolver: SpeakerResolver, stance: syntax.Stance, hits: list[PersonHit], sentence: str
) -> list[Speaker]:
    """The people a stance's subjects are, one known person of a side in each subject; none
    in a relative clause ("un vote, que le chancelier X ne veut pas organiser": what the vote
    is, not X's statement)."""
    if _RELATIVE_BEFORE.search(sentence[: max(stance.subjects[0][0], 0)]):
        return []
    people: list[Speaker] = []
    if len(stance.subjects) == 1:
        start, end = stance.subjects[0]
        word = sentence[max(start, 0) : end].strip()
        own = resolver.own_side(word) if start == 0 else None
        if own is not None:
            return [own]
        if start == 0 and SINGULAR_PRONOUN_START.fullmatch(word):
            # "… Kallas told Playbook. She wants an EU mission beside the force.": the person
            # "she" is, when one of a side was just named
            who = resolver.resolve("pron", word, sentence, hits, start)
            # (an office unnamed counts: "The Turkish foreign minister said … He backed …")
            named = who is not None and (who.name or (who.role and not who.indefinite))
            return [who] if who is not None and named and who.party_id else []
    for start, end in stance.subjects:
        inside = [h for h in hits if start <= h.start and h.end <= end]
        if not inside and roles.has_office(sentence[max(start, 0) : end]):
            # "Foreign Minister Fidan offered …" parsed with the title alone as the subject
            inside = [h for h in hits if h.start >= end and not sentence[end : h.start].strip()]
        known = resolver.known_speaker(inside[0]) if len(inside) == 1 else None
        if known is None or not known.party_id:
            return []
        people.append(known)
    return people


def side_of(talk: Discourse, hits: list[PersonHit], sentence: str, party: str) -> Speaker:
    """A side taking a stance: the one person of that side the sentence names outside quotes
    as holding it too ("…, a compromise that Emmanuel Macron has championed"), else the side
    itself (not "…, un vote que le chancelier X ne veut pas organiser")."""
    people = {}
    for h in hits:
        known = talk.resolver.known_speaker(h)
        if known is None or known.party_id != party or inside_quotes(sentence, h.start):
            continue
        voiced = VOICE_OF.search(sentence[: h.start])  # "Kiev, par la voix de sa ministre X"
        holds = _HOLDS_IT.match(sentence, h.end) or (voiced and voiced.end() >= h.start - 40)
        people[known.name] = known if holds else None
    found = list(people.values())
    return found[0] or Speaker("", "", party) if len(found) == 1 else Speaker("", "", party)


# "… hasn't signaled whether it would support …": no stance taken
_OPEN_QUESTION = re.compile(r"\b(?:whether|if|si)\s*$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:que|qu['’]|qui|dont|that|which|who|whom)\s*$", re.IGNORECASE)
# what the person named after a side's stance did with it: their own support of it
_HOLDS_IT = re.compile(
    r"[^.;:!?«»\"“”]{0,60}?\b(?:championed|endorsed|backed|supported|proposed|defended|"
    r"has\s+pushed|soutenu|défendu|proposé|porté|plaidé|soutient|défend|porte|plaide)\b",
    re.IGNORECASE,
)


_NEXT_CLAUSE = re.compile(r",\s*(?:and|et)\s+(?=[A-ZÀ-Ý])|;\s+")
_AND_THEN = re.compile(r"\s*,?\s*(?:and|et)\s+(?:(?:la|le|les|l['’]|the)\s*)?")


def later_clause(sentence: str, stance: syntax.Stance, cues: list[Cue | None]) -> Cue | None:
    """A stance whose subject opens a clause of its own after a semicolon that follows every
    cue of the sentence ("Paris and London say …; Berlin wants an OSCE component …"): a cue for
    that clause, up to the next semicolon; None when the stance is not so."""
    first, end = stance.subjects[0][0], stance.subjects[-1][1]
    if not cues or any(c is None for c in cues) or first < 0:
        return None
    semi = sentence.rfind(";", 0, first)
    if (
        semi < 0
        or semi < max(c.start for c in cues if c)
        or sentence[semi + 1 : first].strip(" ,").lower() not in ("", "and", "et", "but", "mais")
    ):
        return None
    stop = sentence.find(";", end)
    clause = sentence[first : stop if stop > 0 else len(sentence)]
    return Cue(end, end, "pre", sentence[first:end], tidy(clause), first)


def middle_clause(sentence: str, stance: syntax.Stance, cues: list[Cue | None]) -> Cue | None:
    """A stance whose subject opens a clause after a comma, between the clauses of two cues
    ("Ankara réclame X, Budapest veut Y, et Washington insiste …"): a cue for that clause, up
    to the next break; the clause before stops where it starts. None when the stance is not so."""
    first, end = stance.subjects[0][0], stance.subjects[-1][1]
    if first <= 0 or not cues or any(c is None or c.mode != "pre" for c in cues):
        return None
    before = [c for c in cues if c is not None and c.start < first]
    after = [c for c in cues if c is not None and c.subj_start >= end]
    if not before or not after or not sentence[:first].rstrip().endswith(","):
        return None
    nxt = min(after, key=lambda c: c.subj_start)
    stop = _NEXT_CLAUSE.search(sentence, end, nxt.subj_start + 1)
    if stop is not None:
        until = stop.start()
    elif end <= nxt.lead and _AND_THEN.fullmatch(sentence, nxt.lead, nxt.subj_start):
        until = nxt.lead  # "…, Moscou le considère comme … et la Turquie a proposé …"
    else:
        return None
    subject = sentence[first:end]
    if not _NAMED.match(subject):
        return None
    for c in before:
        _stop_claim_at(c, subject)
    return Cue(end, end, "pre", subject, tidy(sentence[first:until]), first)


def joined_clause(sentence: str, stance: syntax.Stance, cues: list[Cue | None]) -> Cue | None:
    """A stance coordinated with a cue's verb of saying, its subject after that cue's clause
    ("… while the UK said it was prepared to lead X and Norway pledged NOK5bn for Y"): a cue
    for the stance's clause, to the next break; the cue's claim stops where it starts. None when
    the stance is not so (a subject inside the words reported, "Fico said Bratislava and
    Budapest would not support …", hangs from the reported verb, not from "said")."""
    first, end = stance.subjects[0][0], stance.subjects[-1][1]
    joined = [c for c in cues if c is not None and c.start <= stance.joined_at < c.end]
    if first <= 0 or not joined or joined[0].end > first or joined[0].mode != "pre":
        return None
    subject = sentence[first:end]
    if not _JOINED_BEFORE.search(sentence[:first]) or not _NAMED.match(subject):
        return None  # "…, and it wants …": the same side goes on in its own words
    stop = _NEXT_CLAUSE.search(sentence, end)
    _stop_claim_at(joined[0], subject, _JOINED_BEFORE)
    return Cue(
        end, end, "pre", subject, tidy(sentence[first : stop.start() if stop else None]), first
    )


def spliced_clause(sentence: str, stance: syntax.Stance, cues: list[Cue | None]) -> Cue | None:
    """A stance whose subject, a title or a name, opens a clause right after a cue's closing
    quotation and a comma ("X a prévenu que l'Union « … », le ministre turc Y a proposé …"): a
    cue for that clause, to the next break; the cue's claim stops where it starts."""
    first, end = stance.subjects[0][0], stance.subjects[-1][1]
    before = [c for c in cues if c is not None and c.mode == "pre" and c.end <= first]
    if first <= 0 or not before or not _AFTER_QUOTE_COMMA.search(sentence[:first]):
        return None
    # the parse may leave the name after the title out of the subject: up to the verb
    end = max(end, stance.at)
    subject = _AUX_END.sub("", sentence[first:end])
    end = first + len(subject)
    if not _TITLED_OR_NAMED.match(subject):
        return None
    stop = _NEXT_CLAUSE.search(sentence, end)
    _stop_claim_at(before[-1], subject)
    before[-1].claim = tidy(before[-1].claim.rstrip(" ,"))
    claim = tidy(sentence[first : stop.start() if stop else None])
    return Cue(end, end, "pre", subject, claim, first, lead=first)  # the evidence starts there


_AUX_END = re.compile(r"\s+(?:a|ont|avait|avaient|has|have|had)?\s*$")
_AFTER_QUOTE_COMMA = re.compile(r"[»”\"]\s*,\s*$")
# "le ministre turc Hakan Fidan", "Hakan Fidan": a title, then a name
_TITLED_OR_NAMED = re.compile(
    r"(?:(?:le|la|l['’]|the)\s*(?:[a-zà-ÿ][\w\-’']*\s+){1,3})?[A-ZÀ-Ý][\w\-’']+\s+[A-ZÀ-Ý]"
)


def _stop_claim_at(cue: Cue, subject: str, link: re.Pattern[str] | None = None) -> None:
    """``cue``'s claim stops where the clause of ``subject`` (a whole word) starts in it, the
    ``link`` word before it ("and") left out too."""
    cut = re.search(rf"(?<![\w\-]){re.escape(subject)}(?![\w\-])", cue.claim)
    if cut is not None and cut.start() > 0:
        kept = cue.claim[: cut.start()]
        cue.claim = tidy(link.sub("", kept) if link else kept)


_JOINED_BEFORE = re.compile(r"(?:,\s*)?\s(?:and|et)\s*$")
_NAMED = re.compile(r"(?!(?:It|They|He|She|We|Il|Elle|Ils|Elles|On)\b)[A-ZÀ-Ý]")


def own_clause(sentence: str, stance: syntax.Stance, cues: list[Cue | None]) -> Cue | None:
    """A stance whose subject stands in a clause before the one every cue of the sentence
    opens ("Warsaw opposes X, and Rome has signalled that …"): a cue for the stance's clause,
    the later cue's clause now starting after the break; None when the stance is not so."""
    first, end = stance.subjects[0][0], stance.subjects[-1][1]
    if not cues or any(c is None or c.mode != "pre" or c.start <= end for c in cues):
        return None
    breaks = [m for m in _NEXT_CLAUSE.finditer(sentence, end, min(c.start for c in cues if c))]
    if not breaks:
        return None
    at = breaks[-1].start()
    for c in cues:
        if c is not None and c.lead < at:
            c.lead = at
    return Cue(end, end, "pre", sentence[first:end], tidy(sentence[first:at]), first)
