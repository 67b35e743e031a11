"""Statements the shape of the text makes, not a verb: interview turns ("X : …", "MR. X:"),
bylines, "Il, c'est X" naming the speaker after the quote, credit lines ("X, au micro de …") under
a bare quotation, a bare quotation credited later in its paragraph ("X a ajouté que …", "X a
prononcé ces mots"), quotations introduced by a colon or set in a sentence about a person, and
bare quotes that continue the speaker before them."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Callable
from itertools import takewhile
from pathlib import Path

from bot.domain.gazetteer import PersonHit
from bot.extract.rules import roles
from bot.extract.rules.cue_patterns import Cue
from bot.extract.rules.quote_marks import inside_quotes, is_quote_only, quote_spans, quote_text
from bot.extract.rules.quotes import declines
from bot.extract.rules.sentences import Sentence
from bot.extract.rules.speakers import Speaker, SpeakerResolver
from bot.extract.rules.subject_patterns import APPOSITION_AFTER, CLEFT, NAME_ONLY
from bot.extract.rules.subjects import colon_lead, sentence_subject
from bot.extract.rules.voice import Voice
from bot.textnorm import fold

Found = list[list[tuple[Speaker, Cue | None]]]

_BYLINE = re.compile(
    r"^\s*(?:Par|By|Propos\s+recueillis\s+par|(?:Interview(?:ed)?|Reported)\s+by"
    r"|De\s+not(?:re|e)\s+(?:envoyée?|correspondante?)\s+(?:spéciale?\s+)?[^,]{0,30},?)"
    r"\s+[A-ZÀ-Ý]"
)
# "Jean Dupont : …" or, in Le Figaro's style, "DUPONT. – …"
_TURN = re.compile(
    r"^\s*(?P<who>(?:(?:MR|MS|MRS|DR|Mr|Ms|Mrs|Dr|M)\.\s+)?[A-ZÀ-Ý][^:«»\"“”,.;!?]{1,50}?)"
    r"\s*(?::|\.\s*[–—-])\s+\S"
)
_HONORIFIC = re.compile(r"^(?:MR|MS|MRS|DR|Mr|Ms|Mrs|Dr|M)\.\s+")
# a broadcast transcript's caption label, all in capitals: "JANE DOE, FOREIGN MINISTER (through
# translator): …", "JANE DOE (via interpreter): …"
_CAPTION_TURN = re.compile(
    r"^\s*(?P<who>[A-ZÀ-Ý][A-ZÀ-Ý’'\-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý’'\-]+){0,3})"
    r"(?:,\s+(?P<role>[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9.’'\-, ]{1,60}?))?"
    r"(?P<via>\s*\((?:through|via)\s+(?:an?\s+)?(?:translator|interpreter)\))?\s*:\s+\S"
)
# a paragraph that ends by announcing someone's post or reply: "X has responded on X:"
_ANNOUNCES = re.compile(
    r"\b(?:responded|replied|wrote|posted|tweeted|weighed\s+in|said|added|declared|"
    r"a\s+(?:répondu|réagi|écrit|publié|tweeté|déclaré|ajouté|dit)|répond|réagit|écrit|déclare)\b"
    r"[^:]{0,60}:$"
    # "Here are the key lines:", "Voici ses principales déclarations :"
    r"|^(?:here\s+(?:are|is)|voici)\b[^:]{0,40}:$"
    # "We reproduce his post in full:", "Nous reproduisons son message :"
    r"|\b(?:we\s+reproduce|nous\s+reproduisons)\s+(?:his|her|their|its|son|sa|ses|leur)\s[^:]{0,40}:$",
    re.IGNORECASE,
)
# "X s'est montré plus précis devant les journalistes.", "Y was blunter.": the sentence after
# gives X's words, even with a side as its subject ("Kiev veut des garanties …")
_MANNER_ANNOUNCES = re.compile(
    r"\b(?:s['’]est\s+montrée?|s['’]est\s+voulue?|a\s+été|était|se\s+montre|(?:was|were|is)"
    r"|(?:has|had)\s+been)\s+(?:(?:un\s+peu|beaucoup|bien|encore|nettement|much|even|a\s+little)\s+)?"
    r"(?:plus|moins|more|less)\s+[\w\-]+|\b(?:est\s+allée?|went|has\s+gone)\s+(?:encore\s+|even\s+)?"
    r"(?:plus\s+loin|further)\b|\b(?:was|were)\s+(?:blunter|clearer|firmer|sharper)\b",
    re.IGNORECASE,
)
# "Sur un autre point, il s'est montré inflexible :": a person's pronoun as the subject
_PRONOUN_BEFORE_COLON = re.compile(r"(?:^|,\s+)(?:il|elle|he|she)\s+[^,]{3,80}$", re.IGNORECASE)
# "It reads in part:", "The statement says:", "Le texte dit notamment :": a text quoted next
_DOCUMENT_READS = re.compile(
    r"^(?:it|the\s+(?:joint\s+)?(?:statement|text|declaration|communiqu[ée]|letter)|"
    r"le\s+(?:texte|communiqué)|la\s+(?:déclaration|lettre))\s+(?:reads|says|states|read|"
    r"se\s+lit|dit|indique|affirme|déclare)\b[^:]{0,30}:$"
    # "En voici l'essentiel.", "En voici les principaux passages :", "Here are its key passages:"
    r"|^(?:en\s+)?voici\s+(?:l['’]essentiel|les\s+(?:principaux\s+|grands\s+)?"
    r"(?:extraits|passages|points))\b[^:.]{0,30}[:.]$"
    r"|^here\s+(?:is|are)\s+(?:its|the)\s+(?:key\s+|main\s+)?(?:passages|excerpts|extracts|"
    r"points)\b[^:.]{0,30}[:.]$"
    # "Voici le texte intégral de la déclaration conjointe :", "Here is the full text of …:"
    r"|^(?:en\s+)?voici\s+le\s+texte\b[^:.]{0,80}:$|^here\s+is\s+the\s+(?:full\s+)?text\b[^:.]{0,80}:$",
    re.IGNORECASE,
)
# the author line of a post embedded in a live page: "Andrii Sybiha @andrii_sybiha"
_HANDLE_LINE = re.compile(r"^(?P<name>[^\W\d][^@:«»\"“”]{2,60}?)\s+\(?@\w{2,30}\)?$")
# "X and Y issued the following joint statement on Wednesday:", "X a publié le communiqué
# suivant :": the text quoted next is theirs
_ISSUED_FOLLOWING = re.compile(
    r"\b(?:issued|released|published|put\s+out)\s+the\s+following\b[^:.]{0,80}:$|"
    r"\b(?:a|ont)\s+(?:publié|diffusé|rendu\s+public)\s+(?:le|la)\s+(?:communiqué|déclaration|"
    r"texte)\s+(?:conjointe?\s+)?suivante?\b[^:.]{0,80}:$",
    re.IGNORECASE,
)
# a joint text named in the paragraph before its quotation: "un communiqué conjoint", "a joint
# statement", "la déclaration commune"
_JOINT_TEXT = re.compile(
    r"\b(?:communiqué|texte|comunicado)\s+(?:conjoint|commun)\b|\b(?:déclaration|lettre)\s+"
    r"(?:conjointe|commune)\b|\bjoint\s+(?:statement|declaration|communiqu[ée]|letter)\b",
    re.IGNORECASE,
)
# a transcript's label of initials: "J.-N. B. : …", "T. V. : …"
_INITIALS_LABEL = re.compile(r"^\s*(?P<ini>(?:[A-ZÀ-Ý]\.(?:-[A-ZÀ-Ý]\.)?\s?){2,3})\s*:\s")
# "KK: No. Nobody signed …": initials without dots, a person's only when someone met has them
# (the interviewer's "FP:" is the magazine's)
_BARE_INITIALS_LABEL = re.compile(r"^\s*(?P<ini>[A-ZÀ-Ý]{2,3})\s*:\s")
_STAGE_DIRECTION = re.compile(r"[(\[][^()\[\]]*[)\]]\.?")
# a newsletter item's label, no name: "WHO'S IN:", "WHY NOW:", "WHAT'S NEXT:"
_POSSESSIVE_CAPS = re.compile(r"[’']S\b")
_ITEM_WORD = re.compile(r"(?i:who|what|why|how|where|when)\b")
# "UNIDENTIFIED INTERPRETER:", "TRADUCTION :": the words of the person labelled before
_INTERPRETER_LABEL = re.compile(
    r"^\s*(?:UNIDENTIFIED\s+|L['’])?(?:INTERPRETER|TRANSLATOR|TRANSLATION|INTERPRÈTE|TRADUCTION|"
    r"TRADUCTEUR|TRADUCTRICE|VOIX\s+DE\s+L['’]INTERPRÈTE)\s*:\s",
    re.IGNORECASE,
)
# a wire's quotation line: "Quote: "…"", "Quote from Sych: "…"", "Citation de X : « … »"
_QUOTE_LABEL = re.compile(
    r"^\s*(?:Quote|Citation)(?:\s+(?:from|by|de|d['’])\s*(?P<who>[^:«»\"“”]{2,60}?))?\s*:\s*[«\"“]"
)
# "LE PORTE-PAROLE", "THE SPOKESPERSON": a label that is an office, no name
_OFFICE_LABEL = re.compile(r"(?:(?:LE|LA|THE)\s+)?[A-ZÀ-Ý][A-ZÀ-Ý\-’' ]{2,40}")
# a parliament's record: the member given the floor, on a line of their own before the words
# ("M. Xavier R.", "Mme Hélène V., ministre de l'Europe et des affaires étrangères.")
_CHAMBER_LABEL = re.compile(
    r"\s*(?:M\.|Mme|Mlle)\s+(?P<who>(?:l[ea]\s+)?[A-ZÀ-Ýa-zà-ÿ][\w’'\-]*"
    r"(?:\s+(?:de\s+|d['’]|du\s+|van\s+|von\s+)?[A-ZÀ-Ý][\w’'\-]*){0,3})"
    r"(?:,(?!\s*(?:lui|elle|eux|elles|qui|quant|pour|selon)\b)\s*(?P<office>[^()«»:;]{3,160}?))?"
    r"\.\s*"
)
# a Congress hearing's labels: a title in plain case and the surname in capitals, or the
# chair's office ("Secretary HARGROVE.", "Senator ADEYEMI.", "The CHAIRMAN.")
_CONGRESS_LABEL = re.compile(
    r"\s*(?:The\s+(?P<who_chair>CHAIRMAN|CHAIRWOMAN|CHAIR)|(?P<office>Senator|Secretary|Ambassador|"
    r"Representative|General|Admiral|Governor|Director|Administrator|Under\s+Secretary|"
    r"Assistant\s+Secretary|Deputy\s+Secretary|Mr\.|Ms\.|Mrs\.|Dr\.)\s+"
    r"(?P<who>[A-Z][A-Z’'\-]{2,}(?:\s+[A-Z][A-Z’'\-]{2,})?))\.\s*"
)
# a Westminster record's labels: a minister by office with the name after it ("The Prime
# Minister (Sir Keir Starmer): …"), a member by seat and group ("Sir Ed Davey (Kingston and
# Surbiton) (LD): …"); later turns by office alone ("The Prime Minister: …")
_HOUSE_MINISTER = re.compile(
    r"^\s*(?:The\s+)?(?P<office>(?:Prime|Foreign|Deputy|Defence|Home|Chief|Minister|Secretary|"
    r"Chancellor|Leader|Parliamentary|Lord|Attorney)[A-Za-z,’'\- ]{0,110}?)\s*"
    r"\((?P<who>[A-Z][^()]{2,60})\)\s*:\s+(?=\S)"
)
_HOUSE_MEMBER = re.compile(
    r"^\s*(?P<who>(?:(?:Sir|Dame|Mr|Ms|Mrs|Miss|Dr|Lord|Baroness)\s+)?[A-Z][\w’'\-]+"
    r"(?:\s+[A-Z][\w’'\-]+){0,3})\s*\((?P<seat>[A-Z][^()]{2,60})\)\s*"
    r"(?:\((?P<group>[A-Za-z/&\- ]{2,20})\))?\s*:\s+(?=\S)"
)
_HOUSE_HONORIFIC = re.compile(r"^(?:(?:Sir|Dame|Mr|Ms|Mrs|Miss|Dr|Lord|Baroness|Rt\s+Hon\.?)\s+)+")
_CHAIR = re.compile(r"(?:l[ea]\s+)?(?:président|présidente|rapporteur|rapporteure)\b", re.I)
_STAGE_DIRECTION = re.compile(r"\s*\(")
_STAGE_LINE = re.compile(r"\s*\([^()]+\)\s*")
_BODY_MASTHEAD = re.compile(
    r"\s*(?:Minist[èe]re|Ministry|Department|Ambassade|Embassy|Présidence|Chancellerie)\b", re.I
)
# a transcript's list of guests under its header: "– Jane Doe, vice-ministre …"
_LIST_ITEM = re.compile(r"^\s*[–—•*-]\s")
_CAST_LIST = 15  # sentences
_BODY_HEAD = re.compile(
    r"(?P<head>[A-ZÀ-Ý][a-zà-ÿ]{3,})\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|of\s+the\s+)"
)
_HEADER_LINES = 8  # sentences a transcript's header block may hold
# the verb of an introduction saying whom a person heads (folded text)
_HEADS = re.compile(
    r"\b(?:dirige|preside|est a la tete d(?:e|u|es)|heads|leads|chairs|runs|is the head of)\s+"
)
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "»")
# the office a record writes after a name: "NEIL HARGROVE, SECRETARY OF THE TREASURY, …"
_WRITTEN_OFFICE = re.compile(r"\s*,\s*(?P<office>[^,.;:()]{3,80})")
# a transcript's cast line: "Porte-parole : M. Olivier X." / "Spokesperson: Jane X"
_CAST = re.compile(
    r"^\s*(?P<office>[A-ZÀ-Ý][\w\-’' ]{2,40}?)\s*:\s*"
    r"(?P<name>(?:(?:M|Mme|Mr|Ms|Mrs|Dr)\.?\s+)?[A-ZÀ-Ý][\w\-’']+(?:\s+[A-ZÀ-Ý][\w\-’']+){1,3})"
    r"\s*\.?\s*$"
)
# a sentence that names its own subject or source is no continuation of the one before
_NAMES_SOMEONE = re.compile(
    r"\b(?:selon|d['’]après|pour|according|said|says|a-t-(?:il|elle))\b", re.I
)
# what may follow the name on a credit line: an apposition or nothing
_CREDIT_TAIL = re.compile(r"^\s*(?:,|[.:]?\s*$)")
_CREDIT_WORDS = 20
_CREDIT_DASH = re.compile(r"^\s*[—–-]\s*")
# a later sentence owning a bare quotation: "X a ajouté que…", "X a prononcé ces mots"
_OWNS_WORDS_BEFORE = re.compile(
    r"\b(?:a|avait|ont|avaient)\s+(?:\w+\s+)?ajouté|\b(?:has|had\s+)?added\b|"
    r"\b(?:ces|cette|these|those)\s+(?:mots|propos|paroles|phrases?|words|remarks|comments)\b|"
    # "La phrase … Elle est de X", "The line came from X"
    r"^\s*(?:elle|la\s+phrase|la\s+formule)\s+est\s+de\b|"
    r"^\s*(?:it|the\s+(?:line|remark|words?))\s+(?:was|were|came)\s+from\b|"
    # "X, the aide who headed the team, made the remarks at a briefing"
    r"\b(?:made|delivered|a\s+tenu|avait\s+tenu)\s+(?:the|those|these|ces)\s+"
    r"(?:remarks|comments|propos)\b",
    re.IGNORECASE,
)
# a sentence naming in so many words who said a quotation given earlier: "Son auteur, X, …",
# "The words at the top of this report were X's.", "The assessment came from …"
_CREDITS_BACK = re.compile(
    r"^\s*(?:(?:son|leur)\s+auteure?|(?:its|their)\s+author)\s*,"
    r"|^\s*the\s+(?:words|remarks?|line|quote|assessment|verdict|warning)\b[^.]{0,60}?\b"
    r"(?:were|was|came\s+from)\b"
    r"|^\s*(?:les\s+mots|la\s+phrase|la\s+formule|ces\s+mots|ces\s+propos)\b[^.]{0,60}?\b"
    r"(?:sont|est|étaient|était)\s+(?:de|signée?s?\s+par)\b"
    # "Le ton a été donné dès mardi par X", "The tone was set on Tuesday by X"
    r"|^\s*(?:le\s+ton|la\s+phrase|la\s+formule|le\s+mot|l['’]avertissement)\s+a\s+été\s+"
    r"(?:donné|lâchée?|prononcée?|lancée?)\b[^.]{0,60}?\bpar\b"
    r"|^\s*the\s+(?:tone|warning|phrase)\s+was\s+(?:set|given|sounded|coined)\b[^.]{0,60}?\bby\b",
    re.IGNORECASE,
)
_CREDIT_REACH = 2  # paragraphs after the quotation's
_DATELINE = re.compile(r"^[^«»\"“”.]{3,60}\s[—–]\s+(?=[«\"“])")
_CATAPHORA = re.compile(r"^\s*(?:Il|Elle|Lui|He|She),\s*(?:c['’]est|it\s+is|it['’]s)\s+")


def _titled_opening(before: str) -> bool:
    """Whether the words before a name opening a sentence are nothing or only its office ("Le
    président ", "Son directeur général, ")."""
    words = before.strip(" ,")
    return not words or (
        len(words.split()) <= 5 and roles.has_office(words) and not FIRST_PERSON.search(words)
    )


def _left_open(paragraph: str) -> bool:
    """Whether a paragraph opens a quotation it does not close (« … with no »."""
    text = paragraph.strip()
    if text[:1] not in ('"', "“", "«"):
        return False
    return (
        text.count("«") > text.count("»")
        or text.count("“") > text.count("”")
        or (text.count('"') % 2 == 1)
    )


def _closes_quotation(paragraph: str) -> bool:
    """Whether a paragraph closes a quotation opened before it ("… »" with no "«"; a paragraph
    of it may open with the mark again: '"But a ceasefire …' goes on, '"We call … caused."'
    closes)."""
    text = paragraph.strip()
    again = text[:1]
    for opening, closing in (("«", "»"), ("“", "”")):
        if text.count(closing) > text.count(opening) - (again == opening):
            return True
    return (text.count('"') - (again == '"')) % 2 == 1


def _title_case(text: str) -> str:
    """ "SECRETARY OF THE TREASURY" -> "Secretary of the Treasury", as offices are written."""
    small = {"of", "the", "for", "and", "on", "de", "du", "des", "la", "le", "et"}
    words = text.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _chamber_label(text: str) -> re.Match[str] | None:
    """A parliament's record giving a member the floor ("Mme X, ministre de … .", "Secretary
    HARGROVE.", "Senator ADEYEMI."), or None; "M. Aydemir, lui, veut croire à …" is a
    sentence: what follows the comma is no office."""
    label = _CHAMBER_LABEL.fullmatch(text) or _CONGRESS_LABEL.fullmatch(text)
    if label is not None and label.group("office") and not roles.has_office(label.group("office")):
        return None
    return label


_OFFICE_TURN = re.compile(r"^\s*(?:The\s+)?(?P<office>[A-Z][A-Za-z,’'\- ]{2,110}?)\s*:\s+(?=\S)")
# "Question: …", "Question (Reuters): …": a reporter's turn, the outlet in brackets
_QUESTION_TURN = re.compile(r"^\s*(?:Q|QUESTION|Question|Вопрос)(?:\s*\([^()]{1,60}\))?\s*[:.]\s")
_CHAMBERS = [
    (row["party"], re.compile(row["header"]))
    for row in tomllib.loads((Path(__file__).parent / "data" / "chambers.toml").read_text("utf-8"))[
        "chamber"
    ]
]


def _answers_under_labels(sentences: list[Sentence]) -> bool:
    """Whether paragraphs alternate reporters' questions ("Question: …", "Nadezhda Korovina,
    RIA Novosti: …" and her name after) and one person's answers under a label in plain case
    ("Vladimir Putin: …"), each at least twice."""
    names: Counter[str] = Counter()
    reporters: set[str] = set()
    asked = 0
    for i, sent in enumerate(sentences):
        if i and sentences[i - 1].para == sent.para:
            continue
        reporter = _REPORTER_TURN.match(sent.text)
        if reporter is not None:
            reporters.add(fold(reporter.group("who")))
        named = _speaker_label(sent.text)
        by_reporter = named is not None and fold(named[0]) in reporters
        if _QUESTION_TURN.match(sent.text) or reporter is not None or by_reporter:
            asked += 1
        elif named is not None and not sent.text[: named[1]].strip(" :").isupper():
            # (labels in capitals, "THE PRESIDENT:", have their own rule: _capital_labels)
            names[fold(named[0])] += 1
    return asked >= 2 and bool(names) and max(names.values()) >= 2


# a reporter's turn, named with the outlet: "Nadezhda Korovina, RIA Novosti: …"
_REPORTER_TURN = re.compile(
    r"^\s*(?P<who>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3}),\s+[A-Z][^:,]{1,40}:\s"
)


def _office_only(resolver: SpeakerResolver, label: str) -> bool:
    """Whether a label in plain case is an office alone ("Press Secretary"), no name in it."""
    return (
        roles.has_office(label)
        and all(w[:1].isupper() for w in label.split() if len(w) > 3)
        and not resolver.gaz.person_hits(label)
        and not resolver.gaz.party_hits(label)
    )


def _house_label(text: str) -> tuple[str, str, int] | None:
    """A Westminster record's label opening ``text``: the name, the office ("" for a member
    labelled by seat) and where the words said start; None otherwise."""
    minister = _HOUSE_MINISTER.match(text)
    if minister is not None:
        who = _HOUSE_HONORIFIC.sub("", minister.group("who")).strip()
        if NAME_ONLY.fullmatch(who):
            return who, minister.group("office").strip(" ,"), minister.end()
    member = _HOUSE_MEMBER.match(text)
    if member is not None and member.group("who").isupper():
        return None  # "QUESTION (Helsingin Sanomat): …": a reporter, by the paper
    if member is not None and (member.group("group") or not roles.has_office(member.group("seat"))):
        who = _HOUSE_HONORIFIC.sub("", member.group("who")).strip()
        return who, "", member.end()
    return None


def _speaker_label(text: str) -> tuple[str, int] | None:
    """The name a transcript's label opens ``text`` with ("Kaja Kallas : …", "MR. DALTON: …"
    -> "Dalton") and where the words after it start, or None."""
    caption = _caption(text)
    if caption is not None:
        return caption[0], caption[2]
    house = _house_label(text)
    if house is not None:
        return house[0], house[2]
    label = _TURN.match(text)
    if label is None:
        return None
    who = _HONORIFIC.sub("", label.group("who")).strip()
    if who.isupper() and who != label.group("who").strip():
        who = who.title()  # "MR. DALTON:"
    if not NAME_ONLY.fullmatch(who) or len(who.split()) > 4 or _ITEM_WORD.match(who):
        return None
    if who.isupper() and _POSSESSIVE_CAPS.search(who):
        return None  # "KALLAS'S PRICE LIST: …": a newsletter item's heading, not a speaker
    return who, label.end() - 1


_JOURNALIST = re.compile(
    r"\b(?:HOST|ANCHOR|CORRESPONDENT|REPORTER|PRESENTER|MODERATOR|JOURNALIST|INTERVIEWER|"
    r"PRÉSENTATEUR|PRÉSENTATRICE|JOURNALISTE|ENVOYÉE?\s+SPÉCIALE?)S?\b"
)


def _caption(text: str) -> tuple[str, str, int] | None:
    """A broadcast caption label opening ``text`` ("SERGEY LAVROV, RUSSIAN FOREIGN MINISTER
    (through translator): …"): the name, the office (in capitals, may be empty) and where the
    words said start; None for a plain label ("LAVROV: …")."""
    caption = _CAPTION_TURN.match(text)
    if caption is None or (not caption.group("role") and not caption.group("via")):
        return None
    role = (caption.group("role") or "").strip(" ,")
    return caption.group("who").title(), role, caption.end() - 1


def _label_names(label: str, name: str) -> bool:
    """Whether a label's words are (part of) a person's name ("Dalton", "Kaja Kallas"), in
    another spelling too ("KOWALSKY" for Kowalski)."""
    words = [w[:4] for w in re.findall(r"[^\W\d_]+", fold(label)) if len(w) > 2]
    return any(w[:4] in words for w in re.findall(r"[^\W\d_]+", fold(name)))


def _capital_labels(sentences: list[Sentence]) -> int:
    """How many paragraphs open with a transcript's label in capitals ("ZELENSKY: …", "J.-N. B. :
    …")."""
    count = 0
    for i, sent in enumerate(sentences):
        if i and sentences[i - 1].para == sent.para:
            continue
        named = _speaker_label(sent.text)
        count += _INITIALS_LABEL.match(sent.text) is not None or (
            named is not None and sent.text[: named[1]].strip(" :").isupper()
        )
    return count


def without_label(text: str) -> str:
    """A transcript sentence without its speaker label ("Kaja Kallas : Ce n'est pas …",
    "MR. DALTON: Any relief …"): the words said, not the name that opens the turn."""
    named = _speaker_label(text)
    if named is None:
        initials = _INITIALS_LABEL.match(text)  # "K. K. : Je crois …"
        return text[initials.end() :] if initials else text
    return text[named[1] :]


def blank_label(text: str) -> str:
    """``text`` with a transcript's speaker label blanked out, offsets kept ("MS. LEAVITT:
    Look, the Secretary is …" -> "             Look, the Secretary is …")."""
    named = _speaker_label(text)
    return " " * named[1] + text[named[1] :] if named else text


# "une déclaration du chef de la délégation, X", "remarks by X": the statement of the one named
_STATEMENT_NOUN = r"\b(?:déclarations?|propos|message|mots|statement|remarks|words)"
_STATEMENT_OF = re.compile(
    _STATEMENT_NOUN + r"(?:\s+[^\s,:]+){0,3}?\s+(?:de|du|des|d['’]|of|by|from)\b[^:«»\"“”]{0,80}$",
    re.IGNORECASE,
)
_STATEMENT_LEAD = re.compile(
    r"^.*?" + _STATEMENT_NOUN + r"(?:\s+[^\s,:]+){0,3}?\s+(?:de|du|des|d['’]|of|by|from)\s+",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(
    r"\b(?:I|we|our|us|my|me|je|j['’]|nous|notre|nos|mon|ma|mes)\b", re.IGNORECASE
)
# phrases of time and place opening a sentence before its subject: "Vendredi à Genève, au terme
# de cinq jours de négociations, "
_LEAD_PHRASES = re.compile(r"(?:[^,;:«»\"“”]{1,60},\s*){1,3}")
# a page's publication line or a signature's footnote: "Publié le …", "* X est ministre …"
_PAGE_FURNITURE = re.compile(r"^\s*(?:\*|(?:Publié|Mis\s+à\s+jour|Published|Updated)\b)", re.I)
_CLOSING = frozenset('.!?…:;»"”)')
# what the writer prescribes a side, no stance of that side: "L'Europe ne peut pas être …",
# "Les Européens doivent …", "Europe must …"
_PRESCRIBED = re.compile(
    r"[^,.;:«»\"“”]{0,30}?\s(?:ne\s+|n['’])?(?:doit|doivent|devrait|devraient|devra|devront|peut|peuvent|"
    r"pourrait|pourraient|saurait|sauraient|must|should|cannot|can['’]t|can\s+no|needs?\s+to|"
    r"ought)\b",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"(?:(?:la|le|les|l['’]|the)\s*)?", re.IGNORECASE)
_AUTHORS_PRONOUN = re.compile(r"ils|elles|they|we|nous", re.IGNORECASE)
_ASKED = re.compile(r"^\s*(?:Q\b|QUESTION\b|Q\.|Question\s*\([^()]{1,60}\)\s*:)")
_OPENING_CONJUNCTION = re.compile(r"\s*(?:(?:Et|Mais|Or|Puis|And|But|Yet|Then)\s+)?")


class Discourse:
    """Per-article reading of those shapes, sentence by sentence, beside the cue finder."""

    def __init__(
        self, resolver: SpeakerResolver, sentences: list[Sentence], voice: Voice | None = None
    ) -> None:
        self.resolver = resolver
        self.sentences = sentences
        self.voice = voice  # an interview's or op-ed's one voice (voice.py)
        self.turn: Speaker | None = None  # who speaks in the current interview paragraph
        self.turn_also: list[Speaker] = []  # the other authors of a joint text quoted
        # a transcript (two labels in capitals, "ZELENSKY: …", or more): from its first label on,
        # an unlabelled paragraph in the first person goes on with the last labelled speaker
        self._labels = _capital_labels(sentences)
        self._carried: Speaker | None = None  # the last labelled speaker, for the next paragraphs
        # a transcript's cast ("Porte-parole : M. X") and its labels by office ("LE PORTE-PAROLE :
        # …"): an office label means the person the transcript first gave it to, throughout
        self._cast: dict[str, Speaker] = {}
        self._asked_para = -1  # the paragraph of the last "QUESTION: …" turn
        self._chamber = False  # a parliament's record: "Mme X, ministre de … ." labels
        self._house_offices: dict[str, Speaker] = {}  # "prime minister" -> the one labelled so
        # questions and answers under labels ("Question: …", "Vladimir Putin: …" twice or more):
        # every paragraph up to the next label is the labelled speaker's
        self._transcript = _answers_under_labels(sentences)
        # the one side the article's first line names as its publisher ("THE WHITE HOUSE",
        # "Ministry of Foreign Affairs of Japan"), and whether that line is a ministry's
        self._masthead, ministry = self._top_line_side()
        self.resolver.masthead = self._masthead if ministry else None
        self.resolver.body = self._body_masthead()
        # the header lines a transcript opens with, before its first label ("Press Gaggle by
        # Press Secretary X …", "Aboard Air Force One"): where the masthead names its people
        self._header = self.sentences[1:3]
        if self._masthead is None and (self._transcript or self._labels >= 2):
            side, block = self._header_block_side()
            if side is not None:
                self._masthead, self._header = side, block
        self._document_open = False  # a text announced and quoted whose quotation goes on
        self._paragraph_sizes = Counter(s.para for s in sentences)

    def signs(self, hits: list[PersonHit]) -> bool:
        """Whether a byline names the article's own voice ("By X" over X's op-ed): its author,
        not a reporter."""
        voice = self.voice
        if voice is None or voice.interview or not hits:
            return False
        own = fold(voice.hit.text).split()[-1:]
        return any(fold(h.text).split()[-1:] == own for h in hits)

    @staticmethod
    def is_byline(sent: Sentence) -> bool:
        """ "Par Julie F., envoyée spéciale à Istanbul": a reporter's name, not a statement."""
        return bool(_BYLINE.match(sent.text)) and len(sent.text.split()) <= 14

    def name_back(self, sent: Sentence, hits: list[PersonHit], found: Found) -> None:
        """ "« … », a-t-il dit. Il, c'est Taras H., …": give the quote before to the person
        this sentence names."""
        cata = _CATAPHORA.match(sent.text)
        if not cata or not found:
            return
        if not (found[-1] or quote_spans(self.sentences[len(found) - 1].text)):
            return
        text = sent.text
        who = self.resolver.resolve("source", text[cata.end() :], text, hits, cata.end())
        if who is None or not who.name:
            return
        self.resolver.note_statement(who)
        if not found[-1]:
            found[-1] = [(who, None)]
            return
        unnamed = {id(sp) for sp, _ in found[-1] if not sp.name}
        for j in range(len(found) - 1, -1, -1):
            if not found[j] or not any(id(sp) in unnamed for sp, _ in found[j]):
                break
            found[j] = [(who, c) if id(sp) in unnamed else (sp, c) for sp, c in found[j]]

    def credit_later(self, found: Found, mentions: list[list[PersonHit]]) -> None:
        """ "« … » Ces propos … . X, le ministre, avait ajouté que …" / "« … » C'est devant la
        presse qu'X a prononcé ces mots.": a bare quotation nobody was given is the person a
        later sentence of its paragraph names as adding to it or as saying those words, when
        no other named person speaks in between. Run before quotations are handed on."""
        for i, sent in enumerate(self.sentences):
            if found[i] or not is_quote_only(_DATELINE.sub("", sent.text, count=1)):
                continue
            if self._credited_back(i, found, mentions):
                continue
            alone = all(is_quote_only(s.text) for s in self.sentences if s.para == sent.para)
            for j in range(i + 1, len(found)):
                later = self.sentences[j]
                # a paragraph of a bare quotation, credited by the next paragraph's first
                # sentence ("The words came from X, …")
                first_after = (
                    alone
                    and later.para == sent.para + 1
                    and (self.sentences[j - 1].para == sent.para)
                )
                if later.para != sent.para and not first_after:
                    break
                who = None
                if _OWNS_WORDS_BEFORE.search(later.text):
                    who = self._owner(found[j], mentions[j], later.text)
                if who is not None:
                    found[i] = [(who, None)]
                    break
                if any(sp.name for sp, _ in found[j]) or mentions[j]:
                    break  # someone else is named first: whose words they were is unclear

    def _credited_back(self, i: int, found: Found, mentions: list[list[PersonHit]]) -> bool:
        """ "« … » La phrase a été prononcée … Son auteur, X, …" / '"…" [a paragraph naming no
        one] The words at the top of this report were X's.': a bare quotation whose speaker a
        sentence of the next paragraphs names in so many words, when nobody is named before
        it (True when credited)."""
        para = self.sentences[i].para
        for j in range(i + 1, len(found)):
            later = self.sentences[j]
            if later.para > para + _CREDIT_REACH:
                return False
            if _CREDITS_BACK.search(later.text):
                who = self._owner(found[j], mentions[j], later.text)
                nxt = j + 1
                if who is None and nxt < len(found) and self.sentences[nxt].para == later.para:
                    # "The assessment came from the official who … . X, …, gave it to us"
                    who = self._owner(found[nxt], mentions[nxt], self.sentences[nxt].text)
                if who is not None:
                    found[i] = [(who, None)]
                    return True
                return False
            if any(sp.name for sp, _ in found[j]) or mentions[j] or is_quote_only(later.text):
                return False
        return False

    def _owner(
        self, said: list[tuple[Speaker, Cue | None]], hits: list[PersonHit], text: str
    ) -> Speaker | None:
        """The one named person of a sentence: who speaks in it, else who it names (the
        first, when the others stand in its apposition)."""
        named = {sp.name: sp for sp, _ in said if sp.name}
        if len(named) == 1:
            return next(iter(named.values()))
        if len(hits) > 1 and APPOSITION_AFTER.match(text, hits[0].end):
            hits = hits[:1]  # "X, the aide to President Y who …, made the remarks"
        if said or len(hits) != 1:
            return None
        known = self.resolver.known_speaker(hits[0])
        return known if known is not None and known.name and known.party_id else None

    def name_ahead(self, found: Found, mentions: list[list[PersonHit]]) -> None:
        """ "Le chef de la diplomatie hongroise a salué … . Péter Szijjártó doit …": an office
        speaking unnamed is the person the next sentence names, when the gazetteer gives that
        person this office and party (the next paragraph too when it opens on the name). Run
        once the article is read, so quotations handed on to a speaker are named with it."""
        for i in range(1, len(found)):
            hits, prev, sent = mentions[i], self.sentences[i - 1], self.sentences[i]
            if not found[i - 1] or len(hits) != 1 or hits[0].person is None:
                continue
            opens = not sent.text[: hits[0].start].strip()
            if prev.para != sent.para and not (sent.para == prev.para + 1 and opens):
                continue
            person = hits[0].person
            offices = [r for r in (person.role_fr, person.role_en) if r]
            unnamed = [
                sp
                for sp, _ in found[i - 1]
                if not sp.name
                and not sp.indefinite
                and sp.party_id == person.party_id
                and (key := roles.head_office(sp.role)) is not None
                and key not in roles.GENERIC_KEYS
                and roles.gazetteer_holds(person, key)
                # "un responsable", "le directeur …": a vague office only word for word
                and (key != "official" or any(fold(sp.role) in fold(r) for r in offices))
            ]
            if len(unnamed) != 1:
                continue
            was = unnamed[0]
            named = Speaker(person.name, was.role, was.party_id, person)
            for j in range(i - 1, -1, -1):  # the run of sentences it spoke before, too
                if not any(sp is was for sp, _ in found[j]):
                    break
                found[j] = [(named if sp is was else sp, c) for sp, c in found[j]]

    def credit(
        self,
        index: int,
        hits: list[PersonHit],
        found: Found,
        verbless: Callable[[Sentence], bool],
    ) -> None:
        """« … » then "Mark Rutte, au micro de la radio polonaise.": a short sentence with no
        finite verb, opening on a person's name right after a paragraph that is nothing but a
        quotation, credits that quotation (radio transcripts, captions). The quotation becomes
        that person's, keeping the office its introduction gave ("Le porte-parole du Kremlin
        s'est exprimé : « … »") when the name brings none."""
        sent = self.sentences[index]
        if index == 0 or len(sent.text.split()) > _CREDIT_WORDS:
            return
        quoted = [
            k for k in range(index) if self.sentences[k].para == self.sentences[index - 1].para
        ]
        if sent.para - self.sentences[index - 1].para > 1 or not quoted:
            return
        if not is_quote_only(" ".join(self.sentences[k].text for k in quoted)):
            return
        dash = _CREDIT_DASH.match(sent.text)  # "— Hakan Fidan, ministre turc …"
        first = [h for h in hits if h.start <= (dash.end() if dash else 1)]
        if not first or not _CREDIT_TAIL.match(sent.text[first[0].end :]) or not verbless(sent):
            return
        who = self.resolver.known_speaker(first[0])
        if who is None or not who.name:
            return
        given = [sp for k in quoted for sp, _ in found[k]]
        if any(sp.name and sp.name != who.name for sp in given):
            return  # someone named introduced it: a credit line does not overrule that
        intro = given[0] if given else None
        described = self.resolver.salient  # "Le chef de la diplomatie lituanienne était là."
        if intro is None and described is not None and not described.name:
            intro = described
        speaker = Speaker(
            who.name,
            who.role or (intro.role if intro else ""),
            who.party_id or (intro.party_id if intro else None),
            who.person,
        )
        for k in quoted:
            found[k] = [(speaker, None)]
        self.resolver.note_statement(speaker)

    def read_cleft(self, sent: Sentence, hits: list[PersonHit]) -> None:
        """ "C'est Medinski qui l'annonce : il parle d'un « résultat »": X is who "il" means."""
        m = CLEFT.match(sent.text)
        if m:
            who = self.resolver.resolve("source", m.group("who"), sent.text, hits, m.start("who"))
            if who is not None and who.name:
                self.resolver.note_statement(who)

    def read_turn(self, sent: Sentence, hits: list[PersonHit], index: int) -> None:
        """At a paragraph's start, note whether it is a person's turn in an interview."""
        if index and self.sentences[index - 1].para == sent.para:
            return
        if self.turn is not None and self._document_open:
            # a quoted text over several paragraphs, the next ones with or without an opening mark
            self._document_open = not _closes_quotation(self._paragraph_text(index))
            return
        if self.turn is not None and self._quotation_goes_on(sent, index):
            return  # '"…' opening a paragraph after one whose quotation did not close
        self.turn, self.turn_also, self._document_open = None, [], False
        if _ASKED.match(sent.text):
            self._asked_para = sent.para  # "QUESTION: …", "Q …": a reporter's turn
        if self._read_cast(sent, hits):
            return
        announced = (
            self._announced(sent, index) or self._document_read(index) or self._embedded(index)
        )
        if announced:
            self.turn, self.turn_also = announced[0], announced[1:]
            self._document_open = _left_open(self._paragraph_text(index))
            self._publish_turn()
            return
        quoted = _QUOTE_LABEL.match(sent.text)
        if quoted is not None:
            # "Quote: "…"" under a line naming its source, "Quote from X: "…"": the words of X,
            # or of the person who spoke last
            who = quoted.group("who")
            turn = (
                self.resolver.resolve("source", who, sent.text, hits, quoted.start("who"))
                if who
                else self.resolver.pronoun_target()
            )
            self.turn = turn if turn is not None and turn.name else None
            self._publish_turn()
            return
        if _INTERPRETER_LABEL.match(sent.text):
            self.turn = self._carried  # the interpreter speaks the last labelled person's words
            self._publish_turn()
            return
        initials = _INITIALS_LABEL.match(sent.text)
        bare = _BARE_INITIALS_LABEL.match(sent.text) if initials is None else None
        met = self.resolver.by_initials(bare.group("ini")) if bare is not None else None
        if initials is not None or met is not None:
            # "J.-N. B. : Non. Nous étions …": the person of the transcript with those initials
            # (a bare "KK:" only when someone met has them)
            if met is None and initials is not None:
                met = self.resolver.by_initials(initials.group("ini"))
            self.turn = met
            self._publish_turn()
            self._carried = self.turn
            return
        house = _house_label(sent.text)
        office_turn = self._house_office_turn(sent.text)
        if house is not None or office_turn is not None:
            # a Westminster record: the member or minister labelled has the floor
            self._chamber = True
            self.turn = self._house_turn(house, sent, hits) if house else office_turn
            self._carried = self.turn
            self._publish_turn()
            return
        chamber = _chamber_label(sent.text)
        named = _speaker_label(sent.text) if chamber is None else None
        if chamber is not None:
            self._chamber = True
            self.turn = self._chamber_turn(chamber, sent, hits)
            self._carried = self.turn
        elif named is not None:
            titled = self._titled_label(named[0])
            office = (
                roles.head_office(named[0])
                if titled is None
                and (_OFFICE_LABEL.fullmatch(named[0]) or _office_only(self.resolver, named[0]))
                else None
            )
            cast = self._cast.get(office) if office else None
            if titled is not None:
                turn = self.resolver.resolve("source", titled[0], titled[0], titled[1], 0)
                title = titled[0][: titled[1][0].start].strip()
                turn = self._label_role(turn, title) if turn is not None else None
            else:
                turn = cast or self.resolver.resolve("source", named[0], sent.text, hits, 0)
            caption = _caption(sent.text)
            if caption is not None and (turn is None or not _label_names(named[0], turn.name)):
                # a caption introduces its person: "JANE DOE, FOREIGN MINISTER: …"
                who, role, _ = caption
                person = self.resolver.gaz.known_person(who)
                hit = PersonHit(0, len(who), who, person)
                turn = self.resolver.meet(hit, "" if person else self._caption_role(role))
            if caption is not None and _JOURNALIST.search(caption[1]):
                turn = None  # "JANE DOE, CNN HOST: …": the one asking speaks for no side
            if turn is not None and turn.name and not turn.party_id and caption and caption[1]:
                role = self._caption_role(caption[1])
                side = roles.infer_party(self.resolver.gaz, role)
                turn = self.resolver.adopt(turn, role, side) if side else turn
            if office is None and turn is not None and not _label_names(named[0], turn.name):
                turn = None  # "Le Point : …": the paper asking, not the person just quoted
            if office and cast is None and turn is not None and turn.name:
                self._cast[office] = turn
            if office is None and turn is not None and turn.name and turn.party_id:
                # "Press Secretary TAKEUCHI Hiroshi: …": later "Press Secretary: …" is him
                title = named[0][: max(named[0].find(turn.name.split()[0]), 0)].strip()
                held = roles.head_office(title) if title and roles.is_title_words(title) else None
                if held:
                    self._cast.setdefault(held, turn)
            if turn is not None and turn.name and not turn.party_id:
                side = self._header_side(turn)
                turn = self.resolver.adopt(turn, turn.role, side) if side else turn
            if (turn is None or not turn.name) and office and self._masthead:
                turn = self._office_turn(named[0])
            self.turn = turn if turn is not None and (turn.name or turn.party_id) else None
            # only a transcript's labels in capitals ("ZELENSKY:") carry on to the paragraphs after
            capitals = sent.text[: named[1]].strip(" :").isupper()
            self._carried = self.turn if capitals or self._chamber or self._transcript else None
        elif _ASKED.match(sent.text):
            self._carried = None  # "Q …", "QUESTION: …": a reporter's turn
        elif (self._chamber or self._transcript) and self._carried is not None:
            # a parliament's record: the paragraphs under a member's label are that member's,
            # up to the next label or heading; "(Applaudissements …)" is the record's
            heading = not sent.text.rstrip(' »”"').endswith((".", "!", "?", "…", ":"))
            if heading:
                self._carried = None
            elif not _STAGE_DIRECTION.match(sent.text):
                self.turn = self._carried
        elif (
            self._carried is not None
            and self._carried.party_id
            and self._labels >= 2
            and not any(self._someone(h) for h in hits)
            and FIRST_PERSON.search(self._paragraph_text(index))
        ):
            # a transcript: a paragraph with no label, in the first person, goes on with the
            # last labelled speaker ("ZELENSKY: Thank you. …", then "Today we signed …"; "On the
            # Black Sea, we have proposed …" names no one)
            self.turn = self._carried
        elif self.voice is not None and sent.para in self.voice.paras:
            # an unlabelled answer of an interview, a paragraph of an op-ed: its author's
            known = self.resolver.known_speaker(self.voice.hit)
            if known is not None and not known.party_id and self.voice.role:
                # "By X" read before the signature line gave X's office: the office signed
                side = roles.infer_party(self.resolver.gaz, self.voice.role)
                known = self.resolver.adopt(known, self.voice.role, side) if side else known
            if known is not None and known.name and not known.party_id:
                # "Ministère de l'Europe et des Affaires étrangères" over "Déclarations de la
                # porte-parole, Mme X": the spokesperson of the ministry the masthead names
                surname = fold(known.name.split()[-1])
                side = self._masthead_side(surname) or self._heads_side(surname)
                known = self.resolver.adopt(known, known.role, side) if side else known
            self.turn = known or self.resolver.meet(self.voice.hit, self.voice.role)
        self._publish_turn()

    def record_line(self, sent: Sentence) -> bool:
        """Whether a sentence of a parliament's record is its own: the label giving a member
        the floor, or a stage direction ("(Applaudissements sur les travées …)")."""
        return self._chamber and bool(_chamber_label(sent.text) or _STAGE_LINE.fullmatch(sent.text))

    def _chamber_turn(
        self, label: re.Match[str], sent: Sentence, hits: list[PersonHit]
    ) -> Speaker | None:
        """The member a parliament's record gives the floor to ("Mme Hélène X, ministre de
        l'Europe et des affaires étrangères."), with the office written and its side; None for
        the chair ("M. le président.")."""
        if label.re is _CONGRESS_LABEL and label.group("who_chair"):
            return None  # "The CHAIRMAN.": the chair, no side's
        who = label.group("who")
        if _CHAIR.match(who):
            return None
        if label.re is _CONGRESS_LABEL:
            return self._congress_turn(label)
        turn = self.resolver.resolve("source", who, sent.text, hits, label.start("who"))
        if turn is None or not turn.name:
            return None
        office = (label.group("office") or "").strip()
        if not office and turn.person is None:
            return Speaker(turn.name, "", None, None)  # a member: the chamber's, no side's
        side = roles.infer_party(self.resolver.gaz, office) if office else None
        if side and not turn.party_id:
            turn = self.resolver.adopt(turn, office, side)
        return turn

    def _congress_turn(self, label: re.Match[str]) -> Speaker:
        """ "Secretary HARGROVE." in a hearing: the witness, with the side of the office the
        record writes beside the name ("NEIL HARGROVE, SECRETARY OF THE TREASURY"); "Senator
        ADEYEMI.": a member, who speaks for no side."""
        title = (label.group("office") or "").strip()
        who = label.group("who").title()
        turn = self.resolver.resolve("source", who, who, [], 0)
        name = turn.name if turn is not None and turn.name else who
        if not title or re.match(r"(?:The\s+)?(?:Senator|Representative)\b", title):
            return Speaker(name, "", None, None)
        if turn is not None and turn.name and turn.party_id:
            return turn
        office, side = self._written_office(fold(who))
        if turn is None or not turn.name:
            return Speaker(name, office, side, None)
        return self.resolver.adopt(turn, office, side) if side else turn

    def _written_office(self, surname: str) -> tuple[str, str | None]:
        """The office a record writes after a name ("NEIL HARGROVE, SECRETARY OF THE
        TREASURY, WASHINGTON, DC") and its side; ("", None) when none is written."""
        for sent in self.sentences:
            text = sent.text
            at = fold(text).find(surname)
            if at < 0:
                continue
            after = _WRITTEN_OFFICE.match(text, at + len(surname))
            if after is None:
                continue
            office = after.group("office").strip()
            office = _title_case(office) if office.isupper() else office
            side = (
                roles.infer_party(self.resolver.gaz, office) if roles.has_office(office) else None
            )
            if side:
                return office, side
        return "", None

    @property
    def on_record(self) -> bool:
        """Whether the article is a parliament's record or a transcript of questions and
        answers (labels in plain case, or two or more in capitals), where a speaker reports
        what the other sides did."""
        return self._chamber or self._transcript or self._labels >= 2

    def _house_turn(
        self, label: tuple[str, str, int], sent: Sentence, hits: list[PersonHit]
    ) -> Speaker | None:
        """The one a Westminster label gives the floor to: a minister with the office written
        and the side of the person or of the record's chamber; a member labelled by seat
        speaks for no side."""
        who, office, _ = label
        if not office:
            return Speaker(who, "", None, None)
        turn = self.resolver.resolve("source", who, sent.text, hits, max(sent.text.find(who), 0))
        if turn is None or not turn.name:
            return None
        side = turn.party_id or roles.infer_party(self.resolver.gaz, office) or self._house_side()
        turn = self.resolver.adopt(turn, office, side)
        self._house_offices[fold(office)] = turn
        return turn

    def _house_office_turn(self, text: str) -> Speaker | None:
        """The minister a later label names by office alone ("The Prime Minister: …")."""
        if not self._house_offices:
            return None
        m = _OFFICE_TURN.match(text)
        return self._house_offices.get(fold(m.group("office"))) if m else None

    def _house_side(self) -> str | None:
        """The side of the chamber the record's header names ("Volume 781: debated on …")."""
        head = " ".join(s.text for s in self.sentences[:_CAST_LIST])
        return next((side for side, mark in _CHAMBERS if mark.search(head)), None)

    def _titled_label(self, label: str) -> tuple[str, list[PersonHit]] | None:
        """A label in capitals naming a person the gazetteer knows ("PRESIDENT ZELENSKYY:"), as
        written in a sentence ("President Zelenskyy") with that person's mention; else None (a
        bare office, "LE PORTE-PAROLE :", or a name met only in this article)."""
        if not label.isupper():
            return None
        titled = label.title()
        known = self.resolver.gaz.person_hits(titled)
        if len(known) != 1 or titled[known[0].end :].strip():
            return None  # "KALLAS'S INSURANCE POLICY:": a newsletter item's heading
        title = titled[: known[0].start].strip()
        if title and not roles.is_title_words(title):
            return None
        return titled, known

    def _label_role(self, turn: Speaker, title: str) -> Speaker:
        """The office of a labelled person: the gazetteer's when the label's title is part of
        it ("PRESIDENT PUTIN:" -> "Russian president"), else the label's ("Foreign Minister")."""
        person = turn.person
        if person is None:
            return turn
        known = person.role_en if self.resolver.lang == "en" else person.role_fr
        if known and (not title or fold(title) in fold(known)):
            return Speaker(turn.name, known, turn.party_id, person)
        return turn

    def _publish_turn(self) -> None:
        """Tell the resolver whose turn it is: its side, and who "me" is in it."""
        self.resolver.turn_party = self.turn.party_id if self.turn is not None else None
        self.resolver.turn_name = self.turn.name if self.turn is not None else ""

    def _caption_role(self, role: str) -> str:
        """A caption's office in capitals as written in a sentence: "POLISH DEPUTY FOREIGN
        MINISTER" -> "Polish deputy foreign minister" (the names of sides keep their capital)."""
        titled = role.title()
        out = list(role.lower())
        for hit in self.resolver.gaz.party_hits(titled):
            out[hit.start : hit.end] = titled[hit.start : hit.end]
        return "".join(out)

    def _someone(self, hit: PersonHit) -> bool:
        """Whether a mention names a person: one the gazetteer knows or one met with an
        office or side ("Black Sea", read from its capitals, is not)."""
        known = self.resolver.known_speaker(hit)
        return hit.person is not None or (known is not None and bool(known.role or known.party_id))

    def _paragraph_text(self, index: int) -> str:
        """The paragraph the sentence at ``index`` opens, from that sentence on."""
        para = self.sentences[index].para
        return " ".join(s.text for s in takewhile(lambda s: s.para == para, self.sentences[index:]))

    def _quotation_goes_on(self, sent: Sentence, index: int) -> bool:
        """Whether a paragraph opening with a quotation mark continues the quotation of the
        paragraph before, left open (a quotation over several paragraphs)."""
        if not index or sent.text.lstrip()[:1] not in ('"', "“", "«"):
            return False
        para = self.sentences[index - 1].para
        before = " ".join(s.text for s in self.sentences[:index] if s.para == para)
        return _left_open(before)

    def _document_read(self, index: int) -> list[Speaker]:
        """ "The joint statement, issued by X and Y …. It reads in part:": the two people of two
        sides the article last named together, when the sentences before name both sides as
        the text's issuers."""
        if not index:
            return []
        issued = _ISSUED_FOLLOWING.search(self.sentences[index - 1].text.strip())
        if issued and self.sentences[index].text.lstrip()[:1] in '«“"':
            # "Qatar and the United Arab Emirates issued the following joint statement:": the
            # sides named before the verb, each the text's author
            issuers = self.resolver.gaz.party_hits(self.sentences[index - 1].text[: issued.start()])
            authors = list(dict.fromkeys(h.party_id for h in issuers))
            return [Speaker("", "", side) for side in authors] if 0 < len(authors) <= 3 else []
        if _DOCUMENT_READS.search(self.sentences[index - 1].text.strip()):
            before = " ".join(s.text for s in self.sentences[max(0, index - 3) : index])
        elif self.sentences[index].text.lstrip()[:1] in '«“"':
            # "Lundi, X et Y ont publié un communiqué conjoint, signé par A et B. …" then a
            # paragraph opening with a quotation mark: the joint text quoted
            para = self.sentences[index - 1].para
            before = " ".join(s.text for s in self.sentences[:index] if s.para == para)
            if not _JOINT_TEXT.search(before):
                return []
        else:
            return []
        pair = self.resolver.last_pair()
        sides = {h.party_id for h in self.resolver.gaz.party_hits(before)}
        if len(pair) == 2 and all(p.party_id in sides for p in pair):
            return pair
        return self._issuers_side(index)

    def _issuers_side(self, index: int) -> list[Speaker]:
        """ "… par une déclaration conjointe de la haute représentante, X, et de la commissaire,
        Y, …" a few paragraphs before the text: the one side its named issuers speak for."""
        paras = sorted({s.para for s in self.sentences[:index]})[-4:]
        for para in reversed(paras):
            text = " ".join(s.text for s in self.sentences[:index] if s.para == para)
            if not _JOINT_TEXT.search(text):
                continue
            issuers = {k.name: k.party_id for k in self.resolver.known if k.name and k.name in text}
            sides = set(issuers.values())
            if len(issuers) >= 2 and len(sides) == 1 and None not in sides:
                return [Speaker("", "", next(iter(sides)))]
            if issuers:
                return []
        return []

    def manner_announced(self, index: int, hits: list[PersonHit]) -> Speaker | None:
        """ "Son ministre, X, s'est montré plus précis devant quelques journalistes." then a
        sentence of the same paragraph naming no one: X, when that sentence made no statement
        and X is the one person it named."""
        if not index or hits:
            return None
        before, here = self.sentences[index - 1], self.sentences[index]
        manner = _MANNER_ANNOUNCES.search(before.text)
        if before.para != here.para or manner is None or "," in before.text[manner.end() :]:
            return None  # "He went further, proposing …": that sentence has its own words
        who = self.resolver.salient
        return who if who is not None and who.name and who.party_id else None

    def colon_speaker(self, sent: Sentence, hits: list[PersonHit]) -> Speaker | None:
        """ "C'est X qui a donné le ton devant la presse : Moscou se dit prêt …", "Sur un autre
        point, il s'est montré inflexible : Moscou n'acceptera …": the one person the words
        before the colon name or mean, who gives the side's stance after it."""
        text = sent.text
        colon = text.find(":")
        if colon < 0 or quote_spans(text[:colon]) or _ASKED.match(text):
            return None
        named = {
            fold(h.text): h for h in hits if h.end <= colon and not inside_quotes(text, h.start)
        }
        if len(named) == 1:
            return self.resolver.known_speaker(next(iter(named.values())))
        if not named and _PRONOUN_BEFORE_COLON.search(text[:colon]):
            who = self.resolver.pronoun_target()
            return who if who is not None and who.name else None
        return None

    def _embedded(self, index: int) -> list[Speaker]:
        """A post embedded in a live page under its author's line ("Andrii Sybiha @a_sybiha"):
        the person of that line, the one the page last named."""
        if not index:
            return []
        handle = _HANDLE_LINE.match(self.sentences[index - 1].text.strip())
        who = self.resolver.salient
        if handle is None or who is None or not who.name:
            return []
        return [who] if _label_names(handle.group("name"), who.name) else []

    def _announced(self, sent: Sentence, index: int) -> list[Speaker]:
        """ "Donald Tusk has responded on X:" closing a paragraph, then a paragraph of his post
        (with quote marks or without): the person the paragraph before announced."""
        if not index:
            return []
        before = self.sentences[index - 1].text.rstrip()
        if not before.endswith(":") or not _ANNOUNCES.search(before):
            return []
        who = self.resolver.salient
        paragraph = [s.text for s in self.sentences[index:] if s.para == sent.para]
        if who is None or not who.name:
            return []
        if any(_quotes_words(t) for t in paragraph) and not is_quote_only(" ".join(paragraph)):
            return []  # (a quotation of its own is read as one; scare quotes are no quote)
        return [who]

    def _read_cast(self, sent: Sentence, hits: list[PersonHit]) -> bool:
        """ "Porte-parole : M. Olivier X." opening a transcript: X holds the office, with the
        side the title gives it ("Point de presse du porte-parole du ministère de …")."""
        m = _CAST.match(sent.text)
        if m is None or not roles.has_office(m.group("office")) or len(hits) != 1:
            return False
        office = roles.head_office(m.group("office"))
        if office is None or office in self._cast:
            return False
        role = m.group("office").strip()
        title = self.sentences[0].text if self.sentences else ""
        word = roles.ROLE_RE.search(role)
        full = (
            re.search(
                rf"(?<![\w\-]){re.escape(word.group(0))}\s+(?:du|de\s+la|de\s+l['’]|des|of\s+the|of)"
                r"\s+[^–—|:(]+",
                title,
                re.IGNORECASE,
            )
            if word
            else None
        )
        party = roles.infer_party(self.resolver.gaz, role)
        if full is not None and party is None:
            role = full.group(0).strip(" ,-")
            party = roles.infer_party(self.resolver.gaz, role)
        who = self.resolver.resolve("source", m.group("name"), sent.text, hits, m.start("name"))
        if who is None or not who.name:
            return False
        self._cast[office] = self.resolver.adopt(who, role, party or who.party_id)
        self.turn = None
        return True

    def _header_side(self, who: Speaker) -> str | None:
        """The side a transcript's header gives the person it names with an office of no side
        ("Department Press Briefing" / "X, Principal Deputy Spokesperson – Washington, D.C."):
        the one side that header line names beside the person. A list of guests under the
        header counts as header lines ("– Olena K., vice-ministre ukrainienne des Affaires
        étrangères (en duplex de Vienne)")."""
        surname = fold(who.name.split()[-1])
        head = self.sentences[:3]
        head += [s for s in self.sentences[3:_CAST_LIST] if _LIST_ITEM.match(s.text)]
        for sent in head:
            text = sent.text
            at = fold(text).find(surname)
            office = re.split(r"[–—|(]", text[at + len(surname) :])[0] if at >= 0 else ""
            if not office.lstrip().startswith(",") or not roles.has_office(office):
                continue  # "X, Principal Deputy Spokesperson – Washington": the office beside
            own = roles.infer_party(self.resolver.gaz, office)
            if own:
                return own  # "X, ministre suédois de la Défense, plaide pour … Kiev"
            sides = {
                h.party_id
                for h in self.resolver.gaz.party_hits(text)
                if h.kind in ("alias", "institution") and not inside_quotes(text, h.start)
            }
            return sides.pop() if len(sides) == 1 else None
        return self._masthead_side(surname) or self._heads_side(surname)

    def _heads_side(self, surname: str) -> str | None:
        """ "Aino V., 58 ans, ancienne directrice de …, dirige l'Agence internationale de
        l'énergie atomique (AIEA) depuis un an": the side of the body an introduction says the
        person heads, when it names one side."""
        for sent in self.sentences[:_CAST_LIST]:
            text = fold(sent.text)
            at = text.find(surname)
            heads = _HEADS.search(text, at) if at >= 0 else None
            if heads is None or heads.start() - at > 160:
                continue
            body = sent.text[heads.end() : heads.end() + 90]
            body = re.split(r"[,;.]", body)[0]
            sides = {
                h.party_id
                for h in self.resolver.gaz.party_hits(body)
                if h.kind in ("institution", "alias")
            }
            if len(sides) == 1:
                return sides.pop()
        return None

    def _body_masthead(self) -> tuple[str, str] | None:
        """ "Conseil de l'UE" / "Council of the European Union" as the first line: the body's
        head noun (folded) and the side the line names; None for any other first line."""
        top = self.sentences[0].text.strip() if self.sentences else ""
        body = _BODY_HEAD.match(top)
        if self._masthead is None or body is None:
            return None
        return fold(body.group("head")), self._masthead

    def _top_line_side(self) -> tuple[str | None, bool]:
        """The one side the article's first line names by an institution or alias, or by any
        name under a ministry or department ("Ministère des Affaires étrangères de Norvège"),
        and whether it is a ministry's line."""
        top = self.sentences[0].text if self.sentences else ""
        top = top.title() if top.isupper() else top
        body = _BODY_MASTHEAD.match(top) is not None
        hits = self.resolver.gaz.party_hits(top)
        sides = {h.party_id for h in hits if body or h.kind in ("institution", "alias")}
        if len(sides) != 1 or len(top.split()) > 8:
            return None, body
        return sides.pop(), body

    def _office_turn(self, label: str) -> Speaker | None:
        """ "SENIOR ADMINISTRATION OFFICIAL: …" in a transcript under one side's masthead: an
        unnamed official of that side, when the label names no other side."""
        if self._masthead is None or self.resolver.gaz.party_hits(label):
            return None
        role = label.lower() if label.isupper() else label
        return Speaker("", role, self._masthead)

    def _header_block_side(self) -> tuple[str | None, list[Sentence]]:
        """The one side a transcript's header block names by an institution or alias (None
        when none or several), each line of it short ("Aboard Air Force One"), and the block's
        lines; the block ends at the
        first labelled turn. A line ending as a sentence does ("X joined from Warsaw.") is the
        introduction's, no header."""
        block: list[Sentence] = []
        for sent in self.sentences[:_HEADER_LINES]:
            if _speaker_label(sent.text) is not None or _ASKED.match(sent.text):
                break
            block.append(sent)
        hits = [
            h
            for sent in block
            if len(sent.text.split()) <= 8 and not sent.text.rstrip().endswith(_SENTENCE_ENDS)
            for h in self.resolver.gaz.party_hits(sent.text)
        ]
        # an institution ("Aboard Air Force One") before a place ("En Route Oslo, Norway")
        for kinds in (("institution",), ("institution", "alias")):
            sides = {h.party_id for h in hits if h.kind in kinds}
            if sides:
                return (sides.pop() if len(sides) == 1 else None), block
        return None, block

    def _masthead_side(self, surname: str) -> str | None:
        """ "THE WHITE HOUSE" / "Press Briefing by Press Secretary X and NSC Senior Director
        for Russia and Eurasia Y": a transcript under one side's institution, naming the person
        with an office before the name, is that side's (not the region the office covers)."""
        if self._masthead is None:
            return None
        for sent in self._header:
            at = fold(sent.text).find(surname)
            if at > 0 and roles.ROLE_RE.search(sent.text[:at]):
                return self._masthead
        return None

    def asking(self, sent: Sentence) -> bool:
        """Whether a sentence is a reporter's or interviewer's question turn ("QUESTION: The
        Russians are saying …", "FT: The president says …"): what it tells others said is
        the question's premise, no statement of theirs."""
        voice = self.voice
        if voice is not None and voice.interview and sent.para in voice.asked:
            return True
        return sent.para == self._asked_para

    def op_ed_reports(self, sent: Sentence, hits: list[PersonHit]) -> bool:
        """Whether a sentence of an op-ed has another named person as its subject ("Et X a
        accepté que …"): the writer reports that person's stance, it is not the writer's."""
        voice = self.voice
        if voice is None or voice.interview or self.turn is None or sent.para not in voice.paras:
            return False
        opening = _OPENING_CONJUNCTION.match(sent.text)
        start = opening.end() if opening else 0
        own = fold(voice.hit.text).split()[-1:]
        if any(
            fold(h.text).split()[-1:] != own and _titled_opening(sent.text[start : h.start])
            for h in hits
        ):
            return True  # "Le président X a eu raison de …", "Son directeur général, X, …"
        lead = _LEAD_PHRASES.match(sent.text, start)
        starts = {start} | ({lead.end()} if lead and not FIRST_PERSON.search(lead[0]) else set())
        return any(
            h.party_id != self.turn.party_id
            and _DETERMINER.fullmatch(sent.text[at : h.start])
            and not _PRESCRIBED.match(sent.text, h.end)
            for h in self.resolver.gaz.party_hits(sent.text)
            for at in starts
            if h.start >= at
        )  # "La Russie prétend …", "Vendredi à Genève, …, la Russie s'est engagée …"

    def joint_authors(self, cue: Cue) -> list[Speaker]:
        """In a joint text quoted ("« Les dirigeants saluent … Ils soulignent que … La France et
        la Pologne se déclarent prêtes … »"), the authors a cue's subject means: all of them for
        "ils"/"they", else those of the sides it names, when it names no other side."""
        if self.turn is None or not self.turn_also:
            return []
        authors = [self.turn, *self.turn_also]
        subject = cue.subject.rsplit(",", 1)[-1].strip(' «“"')
        if _AUTHORS_PRONOUN.fullmatch(subject):
            return authors
        sides = {h.party_id for h in self.resolver.gaz.party_hits(subject)}
        if not sides or not sides <= {a.party_id for a in authors}:
            return []
        return [a for a in authors if a.party_id in sides]

    def turn_statement(
        self, sent: Sentence, hits: list[PersonHit]
    ) -> list[tuple[Speaker, Cue | None]]:
        """A sentence of an interview turn ("Jean Dupont : Nous refusons…"), not a question."""
        question = sent.text.rstrip(' »”"').endswith("?")
        if self.turn is None or question or len(sent.text.split()) < 4:
            return []
        if self.op_ed_reports(sent, hits) or _PAGE_FURNITURE.match(sent.text):
            return []
        if self._heading(sent):
            return []  # "Un crime qui porte un nom": an op-ed's sub-heading
        if _STAGE_DIRECTION.fullmatch(without_label(sent.text).strip()):
            return []  # "PRESIDENT X: (Speaking Finnish).": what is heard, not said
        return [(self.turn, None), *((also, None) for also in self.turn_also)]

    def _heading(self, sent: Sentence) -> bool:
        """Whether a sentence is a paragraph of its own with no closing punctuation."""
        if sent.text.rstrip()[-1:] in _CLOSING or len(sent.text.split()) > 12:
            return False
        return self._paragraph_sizes[sent.para] == 1 and _speaker_label(sent.text) is None

    def declared_by(
        self, sentence: str, hits: list[PersonHit], colon: int | None
    ) -> Speaker | None:
        """ "Le journal publie une déclaration du chef de la délégation, X : « … »": the person
        whose statement the words before the colon name, not the subject that publishes it."""
        if colon is None:
            return None
        before = sentence[:colon].rstrip(" ,")
        named = [h for h in hits if h.end >= len(before) - 1 and h.end <= colon]
        if not named or not _STATEMENT_OF.search(before[: named[-1].start]):
            return None
        who = self.resolver.resolve(
            "source", before[named[-1].start :], sentence, hits, named[-1].start
        )
        if who is None or not who.name:
            return None
        role = _STATEMENT_LEAD.sub("", who.role)  # "déclaration du ministre …": the office
        if role == who.role:
            return who
        party = who.party_id or roles.infer_party(self.resolver.gaz, role)
        return self.resolver.adopt(who, role, party)

    def unverbed(
        self, sent: Sentence, hits: list[PersonHit], index: int
    ) -> list[tuple[Speaker, Cue | None]]:
        """A sentence quoting someone with no verb of saying: "X, au micro de la BBC : « … »",
        "X douche les espoirs de Kiev : l'adhésion « n'est pas sur la table »". The quotation
        is the words of the person the sentence opens with; a colon-quote with no subject at
        all ("Réplique sèche devant la presse : « … »") is the last speaker's, in the same
        paragraph."""
        sentence = sent.text
        spans = quote_spans(sentence)
        if not spans or is_quote_only(sentence):
            return []
        if declines(sentence, self.resolver.lang, spans[0][0]):
            return []  # 'said he was "not aware of the specific situation"': nothing said
        words = len(re.findall(r"\w+", quote_text(sentence)))
        colon = colon_lead(sentence)
        if colon is None and words < 2:
            return []
        # "Il a salué sa « médiation »": a pronoun here is too weak a link for scare quotes
        speaker = self.declared_by(sentence, hits, colon) or sentence_subject(
            self.resolver, sentence, hits, spans[0][0], colon is not None
        )
        if speaker is None and colon is not None and index > 0:
            same_para = self.sentences[index - 1].para == sent.para
            if same_para and not self.resolver.gaz.person_hits(sentence[:colon]):
                speaker = self.resolver.pronoun_target()
        if speaker is None or not (speaker.name or speaker.party_id):
            return []
        if _about_named(sentence[: spans[0][0]], hits, speaker):
            return []  # "… s'en est prise à X, qui « ferait mieux … »": words about X, not X's
        self.resolver.note_statement(speaker)
        return [(speaker, None)]


_WHO_BEFORE_QUOTE = re.compile(r",\s*(?:qui|who)\s*$")


def _quotes_words(text: str) -> bool:
    """Whether ``text`` quotes five words or more."""
    return any(len(text[a:b].split()) >= 5 for a, b in quote_spans(text))


def _about_named(lead: str, hits: list[PersonHit], speaker: Speaker) -> bool:
    """Whether the quotation opens a relative clause on the name right before it, and that
    name is the speaker found ("X, qui « … »": someone else's words about X)."""
    rel = _WHO_BEFORE_QUOTE.search(lead)
    if rel is None or not speaker.name:
        return False
    antecedent = [h for h in hits if h.end == len(lead[: rel.start()].rstrip())]
    return any(fold(speaker.name).endswith(fold(h.text.split()[-1])) for h in antecedent)


def _quoted_heading(sentences: list[Sentence], i: int) -> bool:
    """A paragraph of a few quoted words with no full stop, between two paragraphs: the
    quotation a sub-heading is made of, whoever says it further down."""
    sent = sentences[i]
    alone = (i == 0 or sentences[i - 1].para < sent.para) and (
        i + 1 < len(sentences) and sentences[i + 1].para > sent.para
    )
    inner = quote_text(sent.text).rstrip()
    return alone and len(inner.split()) <= 10 and not inner.endswith((".", "!", "?", "…"))


def inherit_quotes(
    sentences: list[Sentence],
    found: Found,
    subjects: list[Speaker | None],
) -> None:
    """A bare quote with no attribution belongs to the speaker just before it (or just after),
    or else to the person the sentence right before it is about."""
    for i, sent in enumerate(sentences):
        if found[i]:
            continue
        if not is_quote_only(sent.text):
            # "Toute confiscation serait traitée « comme un acte de guerre »": quoted words in
            # the sentence after a statement, naming no one else, continue it
            prev_said = i > 0 and found[i - 1] and sentences[i - 1].para == sent.para
            words = len(re.findall(r"\w+", quote_text(sent.text)))
            if prev_said and words >= 3 and not _NAMES_SOMEONE.search(sent.text):
                found[i] = [(found[i - 1][-1][0], None)]
            continue
        if _quoted_heading(sentences, i):
            continue  # « On veut juste pouvoir rentrer »: a sub-heading made of a quotation
        prev = found[i - 1] if i > 0 and sentences[i - 1].para >= sent.para - 1 else []
        nxt = found[i + 1] if i + 1 < len(found) and sentences[i + 1].para <= sent.para + 1 else []
        # a quotation is someone's words: not a side's that only took a stance ("Côté russe,
        # on veut …" then « On ne va pas signer … »), whoever the story names later
        stance = prev and prev[-1][1] is None and not (prev[-1][0].name or prev[-1][0].role)
        prev = [] if stance else prev
        if nxt and not (nxt[0][0].name or nxt[0][0].role):
            nxt = []  # « … » then "Estonia and Lithuania have pledged troops": no side's voice
        source = prev or nxt
        if source:
            speaker = source[-1][0] if prev else source[0][0]
            found[i] = [(speaker, None)]
        elif i > 0 and sentences[i - 1].para >= sent.para - 1:
            about = subjects[i - 1]
            if about is not None:
                found[i] = [(about, None)]
