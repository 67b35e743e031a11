"""One bullet of a briefing from one position: who (canonical name, clean role), what about
(the act and the issue, in the reader's language) and the words (prose cut at a clause, or one
verbatim quotation shortened by whole clauses)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from itertools import pairwise

from bot.brief.clauses import CUT, clauses, shorten_prose, shorten_quote
from bot.brief.people import People
from bot.brief.vocab import Act, act_of, english_ref, first_act, main_topic, topic_on
from bot.domain.models import OTHER_PARTY, BriefingItem, Lang, Position
from bot.textnorm import ground_key

MIN_QUOTE_WORDS = 5  # a shorter quotation needs an issue or a stance to say what it is about
MIN_FRAMED_WORDS = 3  # never fewer words than this between quote marks
MIN_BARE_WORDS = 8  # a quotation with no issue or stance named must speak for itself
_AUX_AFTER_NAME = re.compile(
    r"^[\s,]*(?:(?:also|again|then|later|further|aussi|encore|ensuite|alors)\s+)?"
    r"(?:a|avait|ont|avaient|aurait|has|had|have|is|was|were|\w+ed|said|says|told|wrote|"
    # a modal: "He would sign only if …", "She will not attend"
    r"would|will|could|should|must|might|cannot|"
    # a reflexive verb: "Donald Trump s’est félicité …", "X se dit prêt …"
    r"s['’](?:est|était|sont|étaient)|se\s+[a-zà-ÿ]{2,}(?:e|t)|"
    # a French verb in the present or imperfect: "Sergueï Lavrov rejette …"
    r"(?!(?:et|est|de|des|du|en|le|la|les|lui|qui|que|dont|ou|mais|pas|semble|reste|suffit|"
    r"paraît|apparaît|importe|convient|s)\b)"
    r"[a-zà-ÿ]{3,}(?:e|ent|it|ait|aient))\b",
)
# an apposition after the speaker's name: ", his German counterpart,", ", le ministre,"
_EN_PRESENT = re.compile(r"\s+(?:also\s+)?[a-z]{3,}s\s+(?:any|a|an|the|that|to|it)\b")
_OTHER_SUBJECT = re.compile(r",\s+(?:and|but|while|et|mais|tandis\s+que)\s+(?=[A-ZÀ-Ý])")
_APPOSITION = re.compile(r"^,\s+(?:[\w’'\-]+\s+){1,5}?[\w’'\-]+,")
# discourse words that refer back to the article, meaningless in a bullet
_BACK_REFERENCE = re.compile(
    r"^(?:also|aussi|again|further|encore|par\s+ailleurs|également|de\s+son\s+côté|"
    r"pour\s+sa\s+part|en\s+revanche|quant\s+à\s+lui|quant\s+à\s+elle)\s+",
    re.IGNORECASE,
)


@dataclass
class Candidate:
    """A position the briefing may show, with what the composer knows about it."""

    p: Position
    act: Act | None
    topic: str | None
    target: str | None  # the party the statement is addressed to or about
    rank: float
    claim: str  # the claim, whole (completed from the evidence when it was cut)
    quote: str = ""  # the quotation shown (its first part when the parts are acts apart)
    piece: bool = False  # one of several quotations of the sentence, shown alone


def balance_quotes(text: str) -> str:
    """Close a quotation left open: « … → « … »."""
    if text.count("«") > text.count("»"):
        text += " »"
    if text.count("“") > text.count("”"):
        text += "”"
    if text.count('"') % 2:
        text += '"'
    return text


def words(text: str) -> list[str]:
    return re.findall(r"\w+", ground_key(text))


def runs(text: str, n: int = 7) -> set[tuple[str, ...]]:
    """Every run of ``n`` words: two texts sharing one repeat each other."""
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def has_inner_repeat(text: str, n: int = 7) -> bool:
    w = words(text)
    seq = [tuple(w[i : i + n]) for i in range(len(w) - n + 1)]
    return len(seq) != len(set(seq))


def unwrap(text: str | None) -> str:
    """``text`` without the quotation marks around it (never an inner quotation's mark)."""
    text = " ".join((text or "").split())
    for opening, closing in (("«", "»"), ("“", "”"), ('"', '"')):
        inner = text[1:-1] if len(text) > 1 else ""
        if text.startswith(opening) and text.endswith(closing) and opening not in inner:
            return inner.strip()
    return text


def apart(evidence: str, parts: list[str]) -> bool:
    """Whether the parts of a quotation are separate quotations of ``evidence`` (a quote mark
    closes and opens between two of them), not cuts inside one."""
    text = " ".join(evidence.split())
    at = 0
    for first, second in pairwise(parts):
        start = text.find(first, at)
        end = text.find(second, start + len(first)) if start >= 0 else -1
        if end < 0:
            return False  # not found as such: nothing to tell
        if _QUOTE_MARK.search(text[start + len(first) : end]):
            return True
        at = end
    return False


_QUOTE_MARK = re.compile(r"[«»“”\"]")


def addressed(act: Act, text: str, start: int) -> bool:
    """Whether the party named at ``start`` is whom the act is directed at: it follows one of
    the act's verb forms closely ("a appelé l'Union européenne", "répond à Washington").
    A party named elsewhere in the sentence is only mentioned, and "responds to X" would be a
    guess the article does not make."""
    framing = _QUOTED_WORDS.sub(lambda m: " " * len(m.group(0)), text)
    return any(0 <= start - m.end() <= 30 for m in act.pattern.finditer(framing))


# the speaker's own words in a claim: a verb form inside them frames nothing ("a welcome first
# step towards ending Russia's campaign" does not welcome Russia's stance)
_QUOTED_WORDS = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


class ItemWriter:
    """Writes bullets in one language for the composer."""

    def __init__(self, people: People) -> None:
        self.people = people
        self.book = people.book

    def candidate(self, p: Position) -> Candidate:
        claim = full_claim(p)
        quote = unwrap(p.quote)
        # the act framing a quotation is the verb that introduces it
        act = speaker_act(p.evidence, quote if quote and quote != claim else claim)
        parts = quote.split(f" {CUT} ") if quote else []
        piece = False  # the quotation is one of several the sentence quotes
        if len(parts) > 1:
            # 'supported "all efforts …" and opposed "unilateral sanctions …"': one act cannot
            # frame both parts, so the first part alone, with the act that introduces it
            acts = [speaker_act(p.evidence, part) for part in parts]
            if len({a.key if a else None for a in acts}) > 1:
                quote, act = parts[0], acts[0]
            elif apart(p.evidence, parts):
                # two quotations of the article, not one cut short: "[…]" would weld them
                # into words never said together; the first that is a sentence of its own,
                # else the longest, is shown alone
                at = next(
                    (
                        i
                        for i, x in enumerate(parts)
                        if x[:1].isupper() and len(words(x)) >= MIN_QUOTE_WORDS
                    ),
                    max(range(len(parts)), key=lambda i: len(words(parts[i]))),
                )
                quote, act, piece = parts[at], acts[at] or act, True
        topic = main_topic(p.topics)
        target = None
        text = claim or p.evidence
        for hit in self.people.gazetteer.party_hits(text):
            if re.search(r"(?:\bde|\bdu|\bd'|\bof)\s*$", text[: hit.start], re.IGNORECASE):
                continue  # "les alliés européens de Kiev": a complement, not who is addressed
            if hit.party_id not in (p.party_id, OTHER_PARTY):
                spoken = bool(quote) and unwrap(text) == quote  # the claim is their words
                if (
                    act is None
                    or act.key == "says"
                    or (not spoken and addressed(act, text, hit.start))
                ):
                    target = hit.party_id
                break
        rank = p.score
        rank += 1.0 if act is not None and act.key != "says" else 0.0
        rank += 0.5 if topic is not None and topic != "talks" else 0.0
        rank += 0.25 if p.speaker else 0.0
        return Candidate(p, act, topic, target, rank, claim, quote, piece)

    def item(self, c: Candidate, lang: Lang, limit: int) -> BriefingItem | None:
        """The bullet for ``c`` within about ``limit`` characters of text, None when it cannot
        say something readable (a few words with nothing to say what they are about)."""
        p = c.p
        quote = c.quote
        claim = c.claim
        claim = _SECOND_THAT.sub(r" \1 ", _AUX_BACK_REFERENCE.sub(r"\1 ", claim))
        told = without_speaker(claim, p.speaker or p.speaker_role)
        if told == claim and lang == "en" == p.lang:
            told = self._without_description(p, claim)
        if p.lang == lang and told != claim:
            prose = balance_quotes(shorten_prose(told, limit))  # "a appelé l'UE à …"
            if len(words(prose)) >= 4:
                return self._make(p, lang, claim=french_marks(prose) if lang == "fr" else prose)
        whole = unwrap(p.quote)  # the quotation as stored, both its parts
        if p.lang == lang and claim and not (whole and ground_key(claim) in ground_key(whole)):
            bare = _LEAD_AND.sub("", claim, count=1)  # "And urged allies to …": "urged …"
            if _VERB_FIRST.match(claim):
                lead = claim
            elif _PAST_VERB_FIRST.match(bare):
                lead = bare[:1].lower() + bare[1:]  # "Insisted that …": the speaker's act
            else:
                lead = claim[:1].upper() + claim[1:]
            prose = balance_quotes(shorten_prose(lead, limit))  # "a déclaré que …" stays
            own = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", " ", prose)
            # a cut that kept only a few words ("The 19-point draft") is a subject, not a claim
            needed_prose = 4 if len(words(prose)) == len(words(lead)) else MIN_QUOTE_WORDS + 2
            if len(words(prose)) >= needed_prose and len(words(own)) >= 3:
                return self._make(p, lang, claim=french_marks(prose) if lang == "fr" else prose)
        framed = (
            c.topic is not None
            or (c.act is not None and c.act.key != "says")
            or (c.target is not None and lang == "en")
        )
        needed = MIN_FRAMED_WORDS if framed else MIN_BARE_WORDS
        if quote[:1].islower() and p.lang == lang:
            # a few words quoted inside the journalist's sentence ("as a gift before any
            # concession", "kilometre by kilometre") say nothing on their own; the sentence is
            # shown instead when it fits (across languages, the English frame says it)
            needed = MIN_BARE_WORDS
        if c.piece and quote[:1].islower():
            # a fragment among others of the journalist's sentence ("la constance" … "au plus
            # tard le 1er novembre"): alone, it needs many words to say what it is about
            needed = MIN_BARE_WORDS
        if p.lang != lang and len(words(told)) > len(words(quote)):
            # across languages a reader cannot see the sentence around a few quoted words
            # ("warns: “à tout prix”"): the article's clause says what they are about
            needed = max(needed, MIN_QUOTE_WORDS + 1)
        reported = False
        if len(words(quote)) >= needed or (p.lang == lang and not claim):
            text = quote
        elif p.lang != lang:
            # the article's own words, to say what the short quote is about
            text = told if len(words(told)) >= MIN_QUOTE_WORDS else (claim or quote)
            subject = len(words(c.claim)) - len(words(told))
            if text == told != c.claim and 0 < subject <= _SHORT_SUBJECT and whole_in(p, c.claim):
                # the article's sentence with its subject: "demands: “Il exige que …”", not an
                # English sentence going on in French ("demands: “exige que …”")
                text = c.claim
            reported = ground_key(unwrap(text)) != ground_key(quote)
        else:
            return None  # a few words whose sentence did not fit: nothing readable to show
        if reported and p.lang != lang:
            text = self._after_frame_verb(unwrap(text), c.target) or text
        if reported:
            # the article's sentence keeps its leading clauses, where its subject and verb are
            # ("[…] au terme de deux jours de discussions […]" says nothing)
            whole_text = " ".join(unwrap(text).split())
            lead = shorten_prose(whole_text, limit)
            text = balance_quotes(lead + (f" {CUT}" if lead and lead != whole_text else ""))
        else:
            text = balance_quotes(shorten_quote(unwrap(text), limit))
        if len(words(text)) < MIN_FRAMED_WORDS:
            return None
        if reported and c.piece:
            # the sentence shown, not the quotation left out, says what the speaker did
            c = replace(c, act=speaker_act(p.evidence, unwrap(text).removesuffix(f" {CUT}")))
        frame = self._frame(c, lang)
        if has_inner_repeat(frame + " " + text):
            return None
        return self._make(p, lang, frame=frame, quote=text, reported=reported)

    def _after_frame_verb(self, sentence: str, target: str | None) -> str:
        """Across languages the frame says the act ("welcomes:"): the article's sentence after
        its own verb of saying, which would say it twice, half in French ("welcomes: “a salué
        les …”"), and after the party the frame names as addressed ("calls on the European
        Union: “donner …”"); "" when it opens on no such verb ("a passé trois jours …") or
        too few words are left."""
        opening = _OPENING_VERB.match(sentence)
        if opening is None or act_of(opening.group()) is None:
            return ""
        said = sentence[opening.end() :]
        addressee = re.match(r"(.{2,40}?)\s+(?=(?:à|de|d['’]|to)\s*\w)", said)
        if target and addressee:
            hits = self.people.gazetteer.party_hits(addressee.group(1))
            if any(h.party_id == target for h in hits):
                said = said[addressee.end() :]
        said = re.sub(r"^(?:(?:de|à)\s+|d['’])(?=«|\w)", "", said)  # "de « saisir … »"
        return said if len(words(said)) >= MIN_QUOTE_WORDS else ""

    def _without_description(self, p: Position, claim: str) -> str:
        """The claim without the article's description of the speaker the bullet names
        ("Turkey's foreign minister said Ankara would …" -> "said Ankara would …"): the words
        before the verb of saying share a word of the speaker's office ("foreign minister"),
        or, for a party's official line, are the party's name ("China said it …")."""
        m = _DESCRIBED.match(claim)
        if m is None or len(words(rest := claim[m.end("who") :].strip())) < 4:
            return claim
        who = m.group("who")
        hits = self.people.gazetteer.party_hits(who)
        if any(h.party_id not in (p.party_id, OTHER_PARTY) for h in hits):
            return claim  # "Russia's foreign minister said": another party's official
        said = set(_content_words(who))
        if p.speaker:
            role = f"{self.people.role(p, 'en')} {p.speaker_role or ''}"
            # the office, not the nationality: "Ukrainian officials said" is not the minister
            own = set(_content_words(role, lower_only=True))
            own.add(words(p.speaker)[-1] if words(p.speaker) else "")
        else:
            own = set(_content_words(self.book.name(p.party_id, "en")))
        return rest if said & own else claim

    def _frame(self, c: Candidate, lang: Lang) -> str:
        on = topic_on(c.topic, lang) if c.topic else ""
        if lang == "fr":
            act = c.act.fr if c.act is not None and c.act.key != "says" else ""
            return ", ".join(x for x in (on, act) if x)
        act_obj = c.act
        aimed = english_ref(self.book.name(c.target, "en")) if c.target else ""
        if aimed and aimed.lower() in on.lower():
            aimed = ""  # "on NATO, says, about NATO": the issue already names it
        if act_obj is not None and aimed and act_obj.en_target:
            doing = act_obj.en_target.format(target=aimed)
        else:
            # "on territory and Ukraine, says", not "on territory, says, about Ukraine"
            if aimed and act_obj is not None:
                on = f"{on} and {aimed}" if on else f"on {aimed}"
            doing = act_obj.en if act_obj is not None else "says"
            if not on and len(doing.split()) < 2:
                alone = act_obj.en_alone if act_obj is not None else "{act} the following"
                doing = alone.format(act=doing)
        return f"{on}, {doing}" if on else doing

    def _make(
        self,
        p: Position,
        lang: Lang,
        *,
        claim: str = "",
        frame: str = "",
        quote: str = "",
        reported: bool = False,
    ) -> BriefingItem:
        return BriefingItem(
            speaker=self.people.name(p, lang),
            role=self.people.role(p, lang),
            claim=claim,
            quote=quote,
            quote_lang=p.lang,
            source_no=0,
            frame=frame,
            reported=reported,
        )


# an English claim opening on a short description of who spoke and a verb of saying
_DESCRIBED = re.compile(
    r"^(?P<who>(?:The\s+)?[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,4}?)\s+"
    r"(?:said|says|told|added|stated|insisted|warned|announced)\b"
)
_FUNCTION_WORDS = {"the", "a", "an", "of", "its", "his", "her", "their", "s"}


def _content_words(text: str, *, lower_only: bool = False) -> list[str]:
    """The words of ``text`` that can tell who it is, "'s" aside (``lower_only``: leaving out
    capitalised words, the nationality of "Turkish foreign minister")."""
    found = re.findall(r"[\w.-]+", text.replace("’s", " ").replace("'s", " "))
    return [
        ground_key(w)
        for w in found
        if ground_key(w) not in _FUNCTION_WORDS and not (lower_only and w[:1].isupper())
    ]


_SHORT_SUBJECT = 3  # words of a subject given back to the article's sentence ("Il", "Elle")


def whole_in(p: Position, text: str) -> bool:
    """Whether ``text`` is in the evidence as it stands (spaces aside)."""
    return text in " ".join(p.evidence.split())


def full_claim(p: Position) -> str:
    """The claim, completed from the evidence when the extractor cut it with an ellipsis."""
    claim = as_in_source(" ".join((p.claim or "").split()), p.evidence)
    if not claim.endswith(("…", "...")):
        return claim
    head = claim.rstrip(".…").rstrip()
    evidence = " ".join(p.evidence.split())
    at = evidence.lower().find(head.lower())
    if at < 0:
        return claim
    return head + evidence[at + len(head) :].rstrip(" .")


def as_in_source(claim: str, evidence: str) -> str:
    """The claim as the evidence writes it: "Exige que …" cut from "Il exige que …" gets its
    subject back (a bullet never opens on a verb with no subject) and a capital the
    evidence does not have is dropped ("Son pays …" from "… que son pays …")."""
    text = " ".join(evidence.split())
    lowered = claim[:1].lower() + claim[1:]
    if not claim[:1].isupper() or claim in text or lowered not in text:
        return claim
    at = text.find(lowered)
    pronoun = _PRONOUN_BEFORE.search(text[:at])
    return text[pronoun.start() : at] + lowered if pronoun else lowered


# a subject pronoun right before a claim that starts on its verb
_PRONOUN_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:il|elle|ils|elles|on|he|she|they)\s+$", re.I)


def speaker_act(evidence: str, claim: str) -> Act | None:
    """The act of the speaker: the verb around the claim in the evidence, else a stance in the
    claim's first clause ("les exigences … étaient inacceptables"), else any verb of saying."""
    evidence = " ".join(evidence.split())
    at = evidence.lower().find(claim[1:].lower()) if len(claim) > 1 else -1
    around = (
        evidence[: max(at - 1, 0)] + " " + evidence[at + len(claim) - 1 :] if at >= 0 else evidence
    )
    around = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", " ", around)
    # "salue l'accord mais accuse Moscou de « … »": the verb right before the words is theirs
    head = evidence[: max(at - 1, 0)].split() if at > 0 else []
    near = " ".join(head[-_NEAR_WORDS:])
    # « … », a-t-il affirmé: the incise right after the words
    follow = " ".join(evidence[at + len(claim) - 1 :].split()[:_NEAR_WORDS]) if at >= 0 else ""
    # the rest of the sentence last: "…, une mesure à laquelle la Russie s'oppose" is another's
    act = act_of(near, " ".join(head[:-_NEAR_WORDS])) or act_of(follow) or _first(around)
    # the speaker's own words, quoted: a verb inside them is theirs, not the act ("« L'accord
    # répond pleinement à nos intérêts »" is no reply, "« Sans X, nous ne retrouverons pas … »"
    # no denial)
    spoken = bool(claim) and re.search(r"[«“\"]\s*" + re.escape(claim[:40].strip()), evidence)
    if (act is None or act.key == "says") and not spoken:
        first = clauses(claim)[0] if claim else ""
        # the claim's own main verb, near its start: not "agree to" at the end of "will not lift
        # its sanctions simply because Washington and Moscow agree to"
        found = first_act(first)
        if found is not None:
            inner, where = found
            at_start = len(first[:where].split()) <= _INNER_WORDS
            if inner.key != "says" and at_start:
                return inner
    return act or act_of(evidence)


def _first(text: str) -> Act | None:
    found = first_act(text)
    return found[0] if found is not None else None


_NEAR_WORDS = 8
_INNER_WORDS = 6
_SUBJECT_PRONOUN = re.compile(r"(?:[Hh]e|[Ss]he|[Ii]l|[Ee]lle)(?=\s)")
# "Il n'y avait pas de plan et qu'il ne pourrait …": out of its "a déclaré qu'…", the second
# reported clause reads as a clause of its own
_SECOND_THAT = re.compile(
    r"\s(et|mais)\s+qu(?:['’](?=(il|elle|ils|elles|on)\b)|e\s+(?=\w))", re.IGNORECASE
)
# French verbs used with an impersonal "il"
_IMPERSONAL = re.compile(
    r"\s+(?:y\s|rest(?:e|ait|era|erait)\b|fa(?:ut|llait|udra|udrait)\b|s['’]agi(?:t|ssait)\b|"
    r"sembl(?:e|ait)\b|exist(?:e|ait)\b|manqu(?:e|ait)\b|suffi(?:t|sait)\b|import(?:e|ait)\b)"
)
# the article's own verb of saying opening a reported sentence shown across languages: "a salué
# les …", "avaient estimé qu'il …", "has said that …"
_OPENING_VERB = re.compile(
    r"^(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:(?:[a-zé]+ment|déjà|aussi|encore|"
    r"également|bien)\s+)?[a-zàâçéèêëîïôûùüÿœ]+(?:é|ée|és|ées|i|is|it|u|us|ait)|"
    r"(?:(?:has|had|have)\s+)?(?:said|told|stated|warned|insisted|argued|stressed|added|"
    r"noted|welcomed|called\s+for))\s+(?:que\s+|qu['’]|that\s+)?(?=\w|[«“\"])"
)
_VERB_FIRST = re.compile(r"(?:a|ont|avait|avaient|has|had|have)\s")
# an English claim that is its speaker's verb and what follows ("Insisted that …", "and urged")
_LEAD_AND = re.compile(r"^(?:And|and|But|but)\s+(?=[a-z]+ed\b)")
_PAST_VERB_FIRST = re.compile(
    r"[A-Za-z][a-z]+ed(?:,\s+[a-z]+,)?\s+(?:that|to|the|a|an|on|for|allies|it)\b"
)
# "L'Ukraine a de son côté réclamé": between the auxiliary and its verb, a word that refers
# back to the article
_AUX_BACK_REFERENCE = re.compile(
    r"\b(a|ont|avait|avaient|has|had|have)\s+(?:de\s+son\s+côté|de\s+leur\s+côté|"
    r"pour\s+sa\s+part|pour\s+leur\s+part|par\s+ailleurs|quant\s+à\s+(?:lui|elle)|"
    r"également|aussi|also)\s+(?=\w)",
    re.IGNORECASE,
)


def without_speaker(claim: str, name: str) -> str:
    """The claim without the journalist's "Le ministre X …" that names the speaker before the
    verb ("Mateusz Morawiecki a appelé l'UE à …" -> "a appelé l'UE à …"); else the claim."""
    surname = name.split()[-1] if name.split() else ""
    if not surname:
        return claim
    pronoun = _SUBJECT_PRONOUN.match(claim)
    if pronoun and _IMPERSONAL.match(claim[pronoun.end() :]):
        return claim  # "Il restait des questions", "Il faut": no one's "il"
    if pronoun and _AUX_AFTER_NAME.match(claim[pronoun.end() :]) and len(words(claim)) >= 5:
        # "He accused Kyiv of …": the engine gave the statement to the person "he" is
        surname = pronoun.group(0)
    at = _plain(claim).find(_plain(surname))  # "Orbán" in the text, "Orban" in the gazetteer
    if at < 0 or len(claim[:at].split()) > 10:
        return claim
    rest = claim[at + len(surname) :]
    apposition = _APPOSITION.match(rest)
    after = rest[apposition.end() :] if apposition else ""
    if apposition and (_AUX_AFTER_NAME.match(after) or _EN_PRESENT.match(after)):
        rest = after  # "X, his German counterpart, opposes …"
    elif not _AUX_AFTER_NAME.match(rest) or len(words(rest)) < 4:
        return claim
    if len(words(rest)) < 4:
        return claim
    other = _OTHER_SUBJECT.search(rest)
    if other:  # "…, and Radoslaw Sikorski of Poland would go further": another's clause
        rest = rest[: other.start()]
    # "Tusk also urged …", "Lavrov rejette par ailleurs …": out of its article, "also" and
    # "par ailleurs" refer to nothing
    text = _BACK_REFERENCE.sub("", rest.strip(" ,"), count=1)
    verb, sep, tail = text.partition(" ")
    return f"{verb} {_BACK_REFERENCE.sub('', tail, count=1)}" if sep else text


def _plain(text: str) -> str:
    """``text`` lower-cased without accents, one character for one (offsets still hold)."""
    return "".join(unicodedata.normalize("NFKD", c)[:1] for c in text).lower()


def french_marks(text: str) -> str:
    """Straight quotation marks as French ones: "mot" -> « mot »."""
    return re.sub(r'"([^"]+)"', r"« \1 »", text)


def item_text(item: BriefingItem) -> str:
    """The words of a bullet after its speaker, for the repetition checks."""
    return " ".join(x for x in (item.frame, item.claim, item.quote) if x)
