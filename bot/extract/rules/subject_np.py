"""Where a cue's subject noun phrase is: "X, qui…, a dit", ", a déclaré mercredi le ministre
turc, Y,", "Quant au président letton, Z, il…", "this month he has argued". Reads text only;
speakers.py decides who the noun phrase names."""

from __future__ import annotations

import re

from bot.domain.gazetteer import Gazetteer
from bot.extract.rules import roles
from bot.extract.rules import subject_patterns as sp
from bot.extract.rules.cue_patterns import LEAD_PP, NOT_SUBJECT_SEGMENT


def subject_np(gaz: Gazetteer, lang: str, mode: str, subject: str, offset: int) -> tuple[str, int]:
    """The subject noun phrase of a cue and where it starts in the sentence: the pronoun, the
    source phrase, the noun phrase after a verb (post) or the clause before it (pre)."""
    if mode in ("pron",):
        return subject, offset
    if mode in ("source", "pour"):
        doc = sp.DOCUMENT_OF.match(subject)
        if doc:  # "une déclaration du négociateur russe" -> "le négociateur russe"
            det = sp.DET_OF[doc.group("of").lower().replace("’", "'").strip()]
            return det + subject[doc.end() :].strip(), offset + doc.end()
        du = re.match(r"\s*du\s+", subject)  # "les mots du ministre": "le ministre"
        if du:
            return "le " + subject[du.end() :].strip(), offset + du.end()
        return subject.strip(), offset + len(subject) - len(subject.lstrip())
    if mode == "post":
        pp = LEAD_PP.match(subject)
        if pp:
            offset += pp.end()
            subject = subject[pp.end() :]
        adv = sp.POST_LEAD_ADV.match(subject)  # ", a rappelé mercredi Irina V., …"
        if adv:
            offset += adv.end()
            subject = subject[adv.end() :]
        segs = subject.split(",")
        np = segs[0]
        pcut = sp.POST_CUT.search(np)
        np = np[: pcut.start()] if pcut else np
        np = sp.NP_END.split(np)[0]
        app = sp.NP_END.split(segs[1])[0] if len(segs) > 1 else ""
        circ = sp.CIRCUMSTANCE_CUT.search(app)
        app = app[: circ.start()] if circ else app
        if (roles.is_title(np) and sp.NAME_ONLY.match(app.strip())) or (
            app and sp.NAME_ONLY.match(np.strip()) and roles.is_title(app)
        ):
            np = np + "," + app
        lead = len(subject) - len(subject.lstrip())
        if _INDEFINITE_THING.match(np):
            return "", offset
        return np.strip(), offset + lead
    # pre: the clause right before the verb, last comma segment that is not a relative clause
    cut = 0
    for bm in sp.BOUNDARY.finditer(subject):
        cut = bm.end()
    if cut and sp.CE_QUE.search(subject[:cut]):
        return "", offset  # "ce que Moscou appelle…": a naming, not a statement
    clause = sp.GOES_ON_TO.sub("", subject[cut:])  # "She went on to say": She
    clause = _ADVERB_BEFORE_VERB.sub("", clause)  # "She also announced": She
    voice = sp.VOICE_OF.search(clause)
    if voice and clause[: voice.start()].rstrip().endswith(","):
        np = re.sub(r"^du\s+", "le ", clause[voice.end() :].split(",")[0])
        return np.strip(), offset + cut + voice.end()
    segs = clause.split(",")
    pos = [0]
    for seg in segs[:-1]:
        pos.append(pos[-1] + len(seg) + 1)
    idx = [i for i, s in enumerate(segs) if s.strip() and not NOT_SUBJECT_SEGMENT.match(s)]
    if lang == "fr":  # "de son côté", "présent par visioconférence": no noun phrase
        idx = [i for i in idx if sp.FR_NP_START.match(sp.LEAD_CONJ.sub("", segs[i]))]
    else:  # "Marco Rubio, more cautious, told…": an adjective phrase is no subject
        idx = [i for i in idx if sp.EN_NP_START.match(sp.LEAD_CONJ.sub("", segs[i]))]
    last = [i for i, s in enumerate(segs) if s.strip()]
    if len(last) >= 2 and _WHO.fullmatch(segs[last[-1]]):
        # "… s'est entretenu avec Volodymyr Zelensky, qui lui a redit que …": the person the
        # relative clause hangs on
        i = last[-2]
        named = gaz.person_hits(segs[i])
        if named and named[-1].end >= len(segs[i].rstrip()) - 1:
            return segs[i][named[-1].start :].strip(), offset + cut + pos[i] + named[-1].start
    quant = sp.QUANT_A.match(clause)
    if quant and last and re.fullmatch(r"(?i:il|elle)", segs[last[-1]].strip()):
        # "Quant au président letton, Edgars R., il a résumé…": the topic is the subject
        np = clause[quant.end() : pos[last[-1]]].rstrip(" ,")
        if gaz.person_hits(np) or roles.has_office(np) or sp.NAME_ONLY.match(np):
            return np.strip(), offset + cut + quant.end()
    if last and re.fullmatch(r"(?i:il|elle|ils|elles|he|she|they)", segs[last[-1]].strip()):
        # "Interrogée sur X, elle", "Sans citer Budapest, elle": the pronoun before the verb
        i = last[-1]
        lead = len(segs[i]) - len(segs[i].lstrip())
        return segs[i].strip(), offset + cut + pos[i] + lead
    trailing = sp.TRAILING_PRONOUN.search(clause)
    if trailing and (not idx or idx[-1] == len(segs) - 1):
        # "In a series of interviews this month he has argued": the pronoun is the subject
        return trailing.group(1), offset + cut + trailing.start(1)
    if not idx:
        return "", offset
    i = idx[-1]
    if (
        i > 0
        and _INDEFINITE_APPOSITION.match(segs[i])
        and (sp.TITLED_NAME.search(segs[i - 1]) or gaz.person_hits(segs[i - 1]))
    ):
        i -= 1  # "Senator Lindsey Graham, a close Trump ally, said": the named one speaks
    start = pos[i]
    named_in = gaz.person_hits(segs[i])  # "l'émissaire de Poutine": not the speaker
    appositive_role = roles.has_office(segs[i]) and (
        not named_in
        or bool(sp.OF_END.search(_TRAILING_TITLE.sub("", segs[i][: named_in[0].start])))
        or segs[i][named_in[0].end :].startswith(("'s", "’s"))  # "Vladimir Putin's spokesman"
    )
    if i > 0 and (
        (sp.NAME_ONLY.match(segs[i].strip()) and roles.is_title(segs[i - 1]))
        or (appositive_role and sp.NAME_ONLY.match(segs[i - 1].strip()))
        # "le porte-parole du ministère russe, le général Igor B.": the office names the party
        or (
            roles.is_title(segs[i - 1])
            and roles.is_title(segs[i])
            and sp.TITLED_NAME.search(segs[i])
            and not roles.infer_party(gaz, segs[i])
        )
    ):
        start = pos[i - 1]
        i_end = pos[i] + len(segs[i])
    else:
        i_end = start + len(segs[i])
    np = clause[start:i_end]
    conj = sp.LEAD_CONJ.match(np)
    if conj:  # "Mais il a exclu…": the conjunction is not part of the subject
        np, start = np[conj.end() :], start + conj.end()
    if sp.FINITE["en" if lang == "en" else "fr"].search(
        np
    ):  # a whole clause, not a noun phrase: no subject found
        return "", offset
    np = re.sub(r"(?<=\s)(?:n['’]|ne)\s*$", "", np)  # "Le porte-parole n'a pas exclu"
    lead = len(np) - len(np.lstrip())
    return np.strip(), offset + cut + start + lead


# an English adverb between the subject and its verb: "She also announced", "He later said"
_ADVERB_BEFORE_VERB = re.compile(
    r"(?<=\w)\s+(?:also|then|later|again|further|separately|previously|repeatedly|"
    r"subsequently|earlier|once\s+again|also\s+later)\s*$",
    re.IGNORECASE,
)
# a subject relative before the verb, object pronouns allowed: "qui lui a redit", "who told"
_WHO = re.compile(
    r"\s*(?:qui|who)(?:\s+(?:lui|leur|nous|vous|me|m['’]|l['’]|les|y|en|ne|n['’]|had|has|then|"
    r"also|later))*\s*",
    re.IGNORECASE,
)
# "the spokesman for UN Secretary-General ": the title in front of the name of the one spoken for
_TRAILING_TITLE = re.compile(r"(?:\s+(?:[A-Z][\w.\-]*|of|the))+\s*$")


def is_complement(prefix: str, after: str) -> bool:
    """Whether a name, with ``prefix`` before it in the subject and ``after`` it in the
    sentence, completes another noun instead of naming the speaker: "collaborateur du
    président X", "l'émissaire spécial de Donald Trump", "Vladimir Putin's spokesman"."""
    if body_of_person(prefix, after):
        return True
    cm = sp.COMPLEMENT.search(prefix)
    if cm and roles.has_office(cm.group(0)) and roles.has_office(prefix[: cm.start()]):
        return True
    of_np = sp.OF_END.search(prefix) and sp.DEFINITE_START.match(prefix)
    # "l'émissaire de X", "L'ami de trente ans de X": the head noun, then "de …" up to the name
    chain = len(prefix.split()) <= 6 and _HEAD_OF.match(prefix)
    if of_np and (roles.speaks_for_context(prefix) or len(prefix.split()) <= 4 or chain):
        return True
    return after[:2] in ("'s", "’s") and roles.has_office(after[:40])


_BODY_OF_PERSON = re.compile(
    r"\b(?:administration|camp|équipe|entourage|gouvernement|clan|team|government)\s+"
    r"(?:de\s+|d['’]\s*|of\s+)?$",
    re.IGNORECASE,
)


def body_of_person(prefix: str, after: str) -> bool:
    """ "l'administration Trump", "the Trump administration": the body, not the person."""
    return bool(_BODY_OF_PERSON.search(prefix) or _PERSON_BODY.match(after))


_PERSON_BODY = re.compile(r"\s+(?:administration|camp|team|government)\b", re.IGNORECASE)
# "…, publie un long entretien avec X": the interview published, not who speaks
_INDEFINITE_THING = re.compile(
    r"^\s*(?:un|une|des|an?)\s+(?:long(?:ue)?\s+|bref\s+|brève\s+|new\s+)?"
    r"(?:entretiens?|interviews?|portraits?|reportages?|articles?|enquêtes?|profiles?)\s+"
    r"(?:avec|with)\b",
    re.IGNORECASE,
)
# "…, a close Trump ally,", "…, Tusk's political rival,": an apposition describing the one named
_INDEFINITE_APPOSITION = re.compile(
    r"^\s*(?:(?i:a|an|un|une)\s|[A-Z][\w\-]+['’]s\s+(?:[a-z\-]+\s+){0,2}"
    r"(?:rival|ally|critic|opponent|predecessor|successor|friend|adversary)\b)"
)
_HEAD_OF = re.compile(r"^\s*(?:le|la|les|l['’])\s*[\w\-]+\s+(?:de|d['’]|du|des)\s", re.IGNORECASE)


def in_adjunct(text: str, at: int) -> bool:
    """Whether position ``at`` lies in a comma segment that is no subject ("Issu de…")."""
    comma = text.rfind(",", 0, at)
    seg = text[comma + 1 : at]
    if not seg.strip() and comma > 0:
        # "Asked about comments by the secretary of state, X, who …": a name apposed to an
        # office lies in the segment of that office ("À Vannes, X" is no apposition)
        office = text[text.rfind(",", 0, comma) + 1 : comma]
        seg = office if roles.has_office(office) else seg
    return bool(NOT_SUBJECT_SEGMENT.match(seg) or sp.ADVERBIAL_LEAD.match(seg))
