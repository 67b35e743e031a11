"""Articles written in one person's voice, and which of their paragraphs are that person's.

- An interview whose answers carry no name: the article says it is an interview ("ENTRETIEN",
  "Propos recueillis par", "Interview"), names the interviewee in its title or standfirst, then
  alternates the journalist's questions (paragraphs ending in "?" or "…", or labelled
  "L'Express :") with the answers, which are the interviewee's.
- An op-ed: the article says it is one ("Tribune", "Opinion", "Dans une tribune", "In an op-ed")
  and names its author in the standfirst or in a closing line ("X est ministre des Armées."):
  the body paragraphs are the author's.

Only one person may be named where the voice is looked for; with two, there is no voice (a
statement under the wrong name is worse than a missed one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import takewhile

from bot.domain.gazetteer import Gazetteer, PersonHit
from bot.extract.rules import roles
from bot.extract.rules.mentions import role_before
from bot.extract.rules.quote_marks import inside_headline_quotes, inside_quotes
from bot.extract.rules.sentences import Sentence
from bot.textnorm import fold

_INTERVIEW = re.compile(
    r"\b(?:ENTRETIEN|INTERVIEW|Entretien|Interview|Propos\s+recueillis\s+par|interviewed\s+by|"
    r"Q\s*&\s*A|répond(?:u)?\s+à\s+nos\s+questions|(?:answered|answers)\s+our\s+questions|"
    r"nous\s+a\s+reçue?s?|(?:était|est|étaient)\s+l['’]invitée?\s+de|"
    r"Déclarations?\s+d[eu]\s+(?:la\s+|le\s+)?porte-parole|interview\s+has\s+been\s+(?:condensed|edited)|"
    r"entretien\s+a\s+été\s+(?:relu|édité|condensé|raccourci))\b|"
    r"\b(?:[Aa]n|[Oo]ur|[Ww]eekend|[Ee]xclusive)\s+interview\s+with\b|\b[Ww]eekend\s+interview\b"
)
_OPED = re.compile(
    r"^\s*(?:[A-ZÀ-Ý]{3,20}/)?(?:Tribune|TRIBUNE|Opinion|OPINION|Op-[Ee]d|Point\s+de\s+vue|"
    r"Commentary|Chronique)"
    r"(?=\s*(?:$|[-–—:|.,]|(?:de|d['’]|par|by)\s))|"  # not "Tribune Washington Bureau"
    r"\b(?:[Dd]ans\s+une\s+tribune|[Ii]n\s+an\s+op-ed|[Ii]n\s+an\s+opinion\s+piece)\b|"
    # a standfirst closing on its writer: "…, writes Poland's deputy minister of defence."
    r",\s+(?:writes|écrit)\s+(?:the\s+|le\s+|la\s+|l['’])?[A-ZÀ-Ýa-zà-ÿ][^.\n]{2,90}\.?\s*$",
    re.MULTILINE,
)
# the journalist of an interview or the writer of a standfirst, never the voice
_JOURNALIST = roles.INTERVIEWER_BEFORE
# a portrait of one person: "PROFIL", "Portrait d'un négociateur …"
_PORTRAIT = re.compile(r"^\s*(?:PROFIL|PORTRAIT|Profil|Portrait|PROFILE|Profile)\b", re.MULTILINE)
_LABEL = re.compile(r"^\s*([A-ZÀ-Ý][\w’'.\- ]{0,30}?)\s*:\s")
# a press briefing's speaker, by office, in capitals: "LA PORTE-PAROLE - …", "THE SPOKESPERSON: …"
_OFFICE_OPENING = re.compile(
    r"^\s*(?:LA|LE|THE)\s+(?:PORTE-PAROLE|SPOKESPERSON|SPOKESMAN|SPOKESWOMAN)\s*[-–—:]\s"
)
# "R. : Nous allons …", "A: We will …": an answer's own label
_ANSWER_LABEL = re.compile(r"^\s*(?:R|A|Réponse|Answer)\s*\.?\s*:\s")
_QUESTION_LABEL = re.compile(r"^\s*(?:Q|[A-ZÀ-Ý][\w’'.\- ]{1,30})\s*[:.]\s*[–—-]?\s*\S")
# "Catherine Vautrin est ministre des Armées.": the author's closing line
# "X, vice-Premier ministre et ministre des Affaires étrangères": a name and its office alone
_SIGNED_OFFICE = re.compile(r"^\s*,\s*(?P<role>[^.;:«»\"“”]{3,200}?)\.?\s*$")
# a closing note of the paper's, after the signature
_EDITORS_NOTE = re.compile(
    r"\b(?:de\s+la\s+rédaction|by\s+the\s+editors|editor['’]s\s+note|note\s+de\s+la\s+rédaction)\b",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^\s*(?:est|is|was|a\s+été|has\s+been)\s+(?P<role>[^.]{3,200})\.?\s*$")
# a title giving one person the floor: "Maxime Prévot : « … »", "Sikorski: ‘…’"
_TITLE_SPEAKER = re.compile(r"^\s*[A-ZÀ-Ý][\w’'.\- ]{2,40}?\s*:\s*[«“‘\"]")
# where an interview's answers end: the paper's own lines after it
_AFTERWORD = re.compile(
    r"^\s*(?:(?:À|A)\s+lire\s+aussi|Lire\s+aussi|Read\s+more|Related|Correction|Rectificatif|"
    r"Clarification|Erratum)\b"
)
_LEAD_PARAS = 5  # the title, date, outlet and standfirst lines come first
_LONG_LEAD = 10  # an interview's introduction, up to its first question


@dataclass(frozen=True)
class Voice:
    """The person an article is written by or given to, and the paragraphs in that voice."""

    hit: PersonHit  # the mention that names the person (offsets in its paragraph)
    role: str  # the office written in a closing signature line, else ""
    paras: frozenset[int]
    interview: bool
    asked: frozenset[int] = frozenset()  # an interview's question paragraphs


def find_voice(
    sentences: list[Sentence], people: Callable[[Sentence], list[PersonHit]]
) -> Voice | None:
    """The article's voice, or None. ``people`` gives the person mentions of a sentence."""
    paras: dict[int, list[Sentence]] = {}
    for sent in sentences:
        paras.setdefault(sent.para, []).append(sent)
    order = sorted(paras)
    if len(order) < 4:
        return None
    # the paragraphs before the first question all say what the article is ("This interview
    # has been condensed" may come sixth)
    first_asked = next((i for i, p in enumerate(order[:_LONG_LEAD]) if _is_question(paras[p])), 0)
    lead = order[: max(_LEAD_PARAS, first_asked)]
    lead_text = "\n".join(s.text for p in lead for s in paras[p])
    interview = bool(_INTERVIEW.search(lead_text))
    oped = not interview and bool(_OPED.search(lead_text))
    bylined = not (interview or oped) and _signed_under_byline(paras, order, lead, people)
    oped = oped or bylined
    if not (interview or oped):
        return _embedded_interview(paras, order[len(lead) :], people)
    marker = _INTERVIEW if interview else _OPED
    where = [order[0], *(p for p in lead[1:] if marker.search(" ".join(x.text for x in paras[p])))]
    named, sided, last_lead = _named_in_lead(paras, where, people, interview)
    if named is None and len(where) > 1:
        # "Élu en 2024, Alexander Stubb …" then "le président a répondu à nos questions": the
        # standfirst before the paragraph that says it is an interview names the person
        upto = [p for p in lead if p <= where[-1]]
        named, sided, last_lead = _named_in_lead(paras, upto, people, interview)
    if interview and not sided:
        # "Northern Ledger - Weekend interview" names the paper, not the minister the
        # standfirst then names: the one person of a side before the first question
        first_question = next((i for i, p in enumerate(lead) if _is_question(paras[p])), None)
        before = lead[:first_question]
        found, found_sided, found_last = _named_in_lead(paras, before, people, interview)
        if found is not None and found_sided:
            named, last_lead = found, found_last
    if interview and named is None and _TITLE_SPEAKER.match(paras[order[0]][0].text):
        # "Maxime Prévot : « Euroclear n'est pas … »" over an interview whose introduction
        # names others (the prime minister, an opposition MP): the one the title gives the floor
        found, found_sided, _ = _named_in_lead(paras, [order[0]], people, interview)
        if found is not None and found_sided:
            named, sided = found, found_sided
    if bylined:
        named = None  # the signer, not a name the title seems to hold ("A Ceasefire Needs …")
    role = ""
    signed = _signature_para(paras, order, people) if oped else (None, None, "")
    signature, signer, signed_role = signed
    author = signer or (_presented(paras, order, people)[0] if oped else None)
    if (
        oped
        and named is not None
        and author is not None
        and _surname(named.text) != _surname(author.text)
        and _in_lead_lines(paras, lead, _surname(author.text))
    ):
        # "Vox · Vox Monde" (a rubric read as a name) over "Par Claire Dumont" and "Claire
        # Dumont est ministre de …": the one presented and signing is the author
        named = None
    if named is None and signer is not None:
        named, role = signer, signed_role
        last_lead = max((p for p in lead if _is_heading(paras[p])), default=order[0])
    if named is None and oped:
        # "FIGAROVOX/TRIBUNE" … "Svitlana H. est ministre de l'Énergie de l'Ukraine. Elle a
        # conduit …": the paper presents the author above the piece, as a signature would
        presented, presented_as, at = _presented(paras, order, people)
        if presented is not None:
            named, role, last_lead = presented, presented_as, at
    if named is None:
        return None
    body = [p for p in order if p > last_lead]
    if interview:
        first_question = next((p for p in body if _is_question(paras[p])), None)
        if first_question is None:
            return None
        asked = {p for p in body if _is_question(paras[p])}
        # "FT: The president says …": a paragraph under the label the questions carry
        labels = [_label(paras[p]) for p in asked]
        label = max(set(labels), key=labels.count) if labels else ""
        if label and labels.count(label) >= 2:
            asked |= {p for p in body if _label(paras[p]) == label}
        after = [p for p in body if p > first_question]
        # the paper's own lines ("À lire aussi", a correction) are no answers, and after the
        # last question they end the interview
        last_question = max(asked)
        ended = next(
            (p for p in after if p > last_question and _AFTERWORD.match(paras[p][0].text)), None
        )
        after = [
            p
            for p in after
            if not _AFTERWORD.match(paras[p][0].text) and (ended is None or p < ended)
        ]
        for prev, p, nxt in zip(after, after[1:], after[2:], strict=False):
            # "Some in Kyiv say Turkey is too close to Moscow.": a prompt put as a statement,
            # one short sentence between two answers
            if prev not in asked and nxt not in asked and _is_prompt(paras[p]):
                asked.add(p)
        mine = _labelled_answers_end(paras, {p for p in after if p not in asked}, asked)
        # "LA PORTE-PAROLE - Bonjour …": a press briefing's opening statement, before the
        # questions, under the office's label in capitals
        opening = next(
            (p for p in body if p < first_question and _OFFICE_OPENING.match(paras[p][0].text)),
            None,
        )
        if opening is not None:
            mine |= {p for p in body if opening <= p < first_question}
        return Voice(named, role, frozenset(mine), interview, frozenset(asked)) if mine else None
    else:
        mine = {p for p in body if p != signature}
    return Voice(named, role, frozenset(mine), interview) if mine else None


def _signed_under_byline(
    paras: dict[int, list[Sentence]],
    order: list[int],
    lead: list[int],
    people: Callable[[Sentence], list[PersonHit]],
) -> bool:
    """An op-ed with no rubric: "Apr 12, 2029 | X" over the piece (a short line of the lead)
    and "X is Deputy Prime Minister …" under it (a signature with an office) name one person."""
    _, signer, signed_as = _signature_para(paras, order, people)
    if signer is None or not roles.has_office(signed_as):
        return False
    lines = [" ".join(x.text for x in paras[p]) for p in lead]
    return any(
        _surname(signer.text) in fold(line).lower() for line in lines if len(line.split()) <= 10
    )


def _presented(
    paras: dict[int, list[Sentence]],
    order: list[int],
    people: Callable[[Sentence], list[PersonHit]],
) -> tuple[PersonHit | None, str, int]:
    """The author an op-ed's paper presents above the piece ("X est ministre de …"), that
    office and the paragraph; (None, "", 0) when there is none."""
    for p in order[1:_LONG_LEAD]:
        presented, presented_as = _signature(paras[p], people)
        if presented is not None:
            return presented, presented_as, p
    return None, "", 0


def _in_lead_lines(paras: dict[int, list[Sentence]], lead: list[int], surname: str) -> bool:
    """Whether a short line of the lead (a title, a byline) holds ``surname``."""
    lines = [" ".join(x.text for x in paras[p]) for p in lead]
    return any(surname in fold(line).lower() for line in lines if len(line.split()) <= 14)


def _embedded_interview(
    paras: dict[int, list[Sentence]],
    body: list[int],
    people: Callable[[Sentence], list[PersonHit]],
) -> Voice | None:
    """An interview inside a longer article: a paragraph saying so and naming one person ("The
    paper spoke with Foreign Minister X in Helsinki. The interview has been edited …"), then
    questions (labelled or ending in "?") and the unlabelled answers, which are that person's,
    up to the next heading ("What comes next")."""
    for n, p in enumerate(body):
        if not _INTERVIEW.search(" ".join(s.text for s in paras[p])):
            continue
        named, sided, _ = _named_in_lead(paras, [p], people, True)
        after = body[n + 1 :]
        if named is None or not sided or not after or not _is_question(paras[after[0]]):
            return None
        section = list(takewhile(lambda q: not _is_heading(paras[q]), after))
        asked = {q for q in section if _is_question(paras[q])}
        mine = {
            q
            for q in section
            if q not in asked and (not _label(paras[q]) or _ANSWER_LABEL.match(paras[q][0].text))
        }
        mine = _labelled_answers_end(paras, mine, asked)
        return Voice(named, "", frozenset(mine), True, frozenset(asked)) if mine else None
    return None


def portrait_subject(
    sentences: list[Sentence], people: Callable[[Sentence], list[PersonHit]]
) -> PersonHit | None:
    """The person a portrait is about: the article says it is one in its first paragraphs, and
    one person is named more often than anyone else, three times at least; else None."""
    lead = {s.para for s in sentences[:12]}
    lead = set(sorted(lead)[:_LEAD_PARAS])
    if not any(_PORTRAIT.search(s.text) for s in sentences if s.para in lead):
        return None
    counts: dict[str, list[PersonHit]] = {}
    for sent in sentences:
        for hit in people(sent):
            counts.setdefault(_surname(hit.text), []).append(hit)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    return ranked[0][0]


def portrait_side(
    gaz: Gazetteer, sentences: list[Sentence], subject: PersonHit
) -> tuple[str, str] | None:
    """The portrait subject's surname (folded) and the side the portrait's title and standfirst
    name first, outside quotations ("la pièce maîtresse de l'équipe ukrainienne"), or None."""
    lead = sorted({s.para for s in sentences})[:_LEAD_PARAS]
    for sent in sentences:
        if sent.para not in lead:
            break
        hits = [
            h
            for h in gaz.party_hits(sent.text)
            if h.kind != "place"
            and not inside_quotes(sent.text, h.start)
            and not _STUDIED.search(sent.text[: h.start])
        ]
        # "cet ancien spécialiste des États-Unis conduit pour Moscou …": the side served
        served = [h for h in hits if _SERVES.search(sent.text[: h.start])]
        if hits:
            return fold(subject.text).split()[-1], (served or hits)[0].party_id
    return None


# the side a person works for, and a country a person knows of (no side of theirs)
_SERVES = re.compile(r"(?<![\w\-])(?:pour|for|au\s+nom\s+de|on\s+behalf\s+of)\s+(?:l['’])?$", re.I)
_STUDIED = re.compile(
    r"(?<![\w\-])(?:spécialiste|experte?|connaisseu(?:r|se)|specialist|expert)s?\s+"
    r"(?:des?|du|de\s+la|de\s+l['’]|of|on)\s+(?:the\s+)?$",
    re.I,
)


def _named_in_lead(
    paras: dict[int, list[Sentence]],
    lead: list[int],
    people: Callable[[Sentence], list[PersonHit]],
    interview: bool,
) -> tuple[PersonHit | None, bool, int]:
    """The one person named in ``lead`` (the title and the paragraphs that say what kind of
    article this is), not a journalist; whether that person speaks for a side (a known person,
    or a name with an office before it); and the last of those paragraphs. In an interview, the
    interviewer named beside the interviewee ("He sat down with X") is set aside when the other
    is the only one of a side."""
    found: list[tuple[PersonHit, bool]] = []
    for p in lead:
        for sent in paras[p]:
            for hit in people(sent):
                # "Sikorski: ‘Putin Is Negotiating …’": the words of the one named
                quoted = inside_headline_quotes(sent.text, hit.start)
                if not _JOURNALIST.search(sent.text[: hit.start]) and not quoted:
                    sided = _office_before(sent.text, hit.start) or bool(
                        hit.person and hit.person.party_id
                    )
                    found.append((hit, sided))
    if interview and len({_surname(h.text) for h, _ in found}) > 1:
        found = [(h, sided) for h, sided in found if sided] or found
    if len({_surname(h.text) for h, _ in found}) != 1:
        return None, False, lead[-1]
    return found[0][0], any(sided for _, sided in found), lead[-1]


def _office_before(text: str, start: int) -> bool:
    """Whether an office runs right up to the name ("Estonia's prime minister Kristen Michal"),
    not "Turkey's top diplomat sat down with Leyla Arslan"."""
    role = role_before(text, start).rstrip(" ,")
    offices = list(roles.ROLE_RE.finditer(role))
    return bool(offices) and offices[-1].end() == len(role)


def _signature_para(
    paras: dict[int, list[Sentence]],
    order: list[int],
    people: Callable[[Sentence], list[PersonHit]],
) -> tuple[int | None, PersonHit | None, str]:
    """The paragraph of an op-ed's closing signature (the last one, or the one before a last
    editorial note: "Titre, chapeau et intertitres sont de la rédaction."), its signer and
    office; (None, None, "") when there is none."""
    last = " ".join(s.text for s in paras[order[-1]])
    at = order[-2] if len(order) > 1 and _EDITORS_NOTE.search(last) else order[-1]
    signer, role = _signature(paras[at], people)
    return (at, signer, role) if signer is not None else (None, None, "")


def _signature(
    last: list[Sentence], people: Callable[[Sentence], list[PersonHit]]
) -> tuple[PersonHit | None, str]:
    # "X est vice-ministre … . Historienne, elle a enseigné …": the signature, then a line or
    # two more about the author
    if not last or len(last) > 3 or len(last[0].text.split()) > 35:
        return None, ""
    hits = people(last[0])
    if not hits or hits[0].start > 1:
        return None, ""
    m = _SIGNATURE.match(last[0].text[hits[0].end :])
    if m is None:  # "X, vice-Premier ministre et ministre des Affaires étrangères"
        m = _SIGNED_OFFICE.match(" ".join(s.text for s in last)[hits[0].end :])
        m = m if m is not None and roles.has_office(m.group("role")) else None
    return (hits[0], m.group("role").strip()) if m else (None, "")


def _labelled_answers_end(
    paras: dict[int, list[Sentence]], mine: set[int], asked: set[int]
) -> set[int]:
    """Answers labelled "R. : …": the last one ends at the first paragraph after it without
    the label (the report goes on: "Côté russe, le ton est …")."""
    if not asked or not any(_ANSWER_LABEL.match(paras[q][0].text) for q in mine):
        return mine
    # the last question is a labelled one ("Q. : …"), not a heading read as a prompt
    labels = [_label(paras[q]) for q in asked if _label(paras[q])]
    label = max(set(labels), key=labels.count) if labels else ""
    last = max((q for q in asked if label and _label(paras[q]) == label), default=max(asked))
    after = sorted(q for q in mine | asked if q > last)
    ends = next((q for q in after[1:] if not _ANSWER_LABEL.match(paras[q][0].text)), None)
    return {q for q in mine if ends is None or q < ends}


def _is_question(sents: list[Sentence]) -> bool:
    text = " ".join(s.text for s in sents).strip().rstrip("*_ ")  # "**Et les avoirs ?**"
    if text.rstrip(' »”"').endswith("?"):
        return True
    return (text.endswith(("…", "...")) and len(text.split()) < 40) or bool(
        _QUESTION_LABEL.match(text) and text.rstrip(' »”"').endswith("?")
    )


def _label(sents: list[Sentence]) -> str:
    """A paragraph's speaker label ("FT", "Q", "Le Point"), or ""."""
    m = _LABEL.match(sents[0].text) if sents else None
    return m.group(1) if m else ""


def _is_prompt(sents: list[Sentence]) -> bool:
    return len(sents) == 1 and len(sents[0].text.split()) <= 12


def _is_heading(sents: list[Sentence]) -> bool:
    return len(sents) == 1 and not sents[0].text.rstrip().endswith((".", "!", "?", "…"))


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""
