"""The shared vocabulary of cue finding: the Cue record and the patterns both cue finders
(quotes.py for verbs of saying, stance_cues.py for statements without one) read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.rules.lexicon import ADV_EN, ADV_FR

# what may follow an ambiguous verb when it reports speech: a clause, a quote, a colon
# an English clause with no "that": "confirmed the US would not …", "signalled it could accept"
EN_ZERO_THAT = re.compile(
    r"^\s+(?:(?:the|its|his|her|their)\s+)?(?:it|he|she|they|[A-Z][\w.'’\-]*)"
    r"(?:\s+[A-Z][\w.'’\-]*){0,2}\s+(?:would|will|could|should|had|has|have|was|were|is|are|"
    r"must|might|may|can|did)\s"
)
# "(a rappelé) vendredi, dans un communiqué, que …": circumstances between commas, then "que"
CIRCUMSTANCES_THAT = (
    r"^\s*,?\s*(?:[a-zà-ÿ]+\s*,\s*)?(?:(?:dans|lors|devant|à|au|aux|en|sur|via|par|depuis|"
    r"in|at|on|during|before)\b[^,;:«»\"“”.]{1,50},\s*)+(?:que\b|qu['’]|that\b)\s*"
)
SAYS_AFTER = re.compile(
    # "a rappelé dans un communiqué que…": a short complement may come before the clause
    r"^\s*(?:[^\s,;:«»\"“”.]+\s+){0,5}?(?:que\b|qu['’]|that\b)|^\s*(?::|«|\"|“|à\s+\w+er\b)"
    # "a rappelé vendredi, dans un communiqué, que …": circumstances between commas
    rf"|{CIRCUMSTANCES_THAT}"
    # "a insisté sur un point : …": a short complement, then the words after a colon
    r"|^\s*(?:[^\s,;:«»\"“”.]+\s+){1,4}:\s"
    # "a parlé d'une « récompense pour l'agresseur »": words of the speaker's, named
    r"|^\s*(?:[^\s,;:«»\"“”.]+\s+){0,5}?(?:de|d['’]|du|des)\s*(?:(?:une?|la|le|l['’]|ses|son|sa)\s*)?[«\"“]"
    # "Elle m'a confié vouloir une décision", "a juré ne pas vouloir": a wish, as its words
    r"|^\s*(?:ne\s+pas\s+|n['’]\s*)?(?:vouloir|souhaiter|espérer|craindre|attendre)\s",
    re.IGNORECASE,
)
NP_START = re.compile(
    r"^\s*(?:(?:le|la|les|un|une|des|son|sa|leur|ce|cette|the|a|an|one|two|three|several)\b"
    r"|l['’]|M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|[A-ZÀ-Ý])",
)
LEAD_ADV = re.compile(rf"^\s*{ADV_FR}|^\s*{ADV_EN}")
# "», a écrit, en anglais, le président …": an adverbial set off by commas before the subject
INSERTED_ADVERBIAL = re.compile(
    r"^\s*,\s*(?:en|in|sur|on|dans|depuis|from|par|via)\s+[a-zà-ÿ][\w\-’']*(?:\s+[a-zà-ÿ][\w\-’']*){0,2}"
    r"\s*,\s*(?=(?:le|la|les|l['’]|un|une|M\.|Mme|the|a|an)\b|[A-ZÀ-Ý])"
)
LEAD_PP = re.compile(
    r"^\s*(?:(?:à|au|aux|devant|sur|en|to|on)\s+(?:l['’]|la\s|le\s|les\s|the\s|son\s|sa\s)?[\w\-’']+"
    r"(?:\s+[A-Z][\w\-]*(?!\s+[A-ZÀ-Ý]))?"
    r"|lors\s+d['’]une\s+conférence\s+de\s+presse)\s+"
    r"(?=(?:le|la|les|l['’]|un|une|M\.|Mme|the|a|an)\b|[A-ZÀ-Ý])"
)
# comma segments that cannot be the subject: relative clauses, participles, adverbials
NOT_SUBJECT_SEGMENT = re.compile(
    r"^\s*(?:qui|dont|où|lequel|laquelle|who|which|whose|cité|citée|cités|citées|interrogée?s?|"
    r"jointe?s?|interviewée?s?|s['’]exprimant|quoted|speaking|writing|posting|asked|interviewed|responding|"
    r"addressing|answering|replying|lors|dans|en|après|"
    r"avant|pendant|depuis|selon|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|"
    r"in|on|at|during|after|before|since|however|toutefois|cependant|pourtant|lui|elle|"
    # discourse adverbials: "Moscou, de son côté, juge …", "Londres, pour sa part, …"
    r"de\s+(?:son|sa|leur|notre)\s+côté|pour\s+(?:sa|leur|notre)\s+part|quant\s+à\s+\w+|"
    r"à\s+(?:son|leur)\s+tour|for\s+(?:its|his|her|their)\s+part|in\s+turn|"
    r"à\s+l['’]inverse|en\s+revanche|au\s+contraire|by\s+contrast|in\s+contrast|meanwhile|"
    # circumstances: "Le ministre, de passage à Genève, a salué …"
    r"de\s+(?:passage|retour|séjour)|sur\s+place|à\s+l['’]issue|au\s+(?:terme|sortir|lendemain)|"
    r"[\w\-]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\s+"
    r"(?:sur|par|à|au|aux|en|lors|dans|après|de|d['’]|du|des|sous|avec|contre|depuis|vers|"
    r"chez|auprès|devant|pour|entre|parmi))\b",
    re.IGNORECASE,
)
# "Kiev refusait de le signer et les Européens le jugeaient …": a verb after "et" and a subject
# of its own (the words up to the verb, an object pronoun allowed) heads a clause of its own
OWN_SUBJECT = re.compile(
    r"(?i:\s(?:et|and)\s+(?P<np>(?:les|le|la|l['’]|the)\s*[\w\-’']+(?:\s+[\w\-’']+)?\s+)"
    r"(?:(?:le|la|les|l['’])\s*)?$)"
    # "…, and Britain and France say": names after a comma and a conjunction
    r"|,[”\"»]?\s*(?:et|and)\s+(?P<names>[A-ZÀ-Ý][\w\-’']*(?:\s+(?:and|et|[A-ZÀ-Ý][\w\-’']*)){0,4}"
    # "…, and Hakan Fidan, his foreign minister, announced": the name and its apposition
    r"(?:,\s+(?:his|her|its|their|the|son|sa|le|la|l['’])\s*[^,;:«»\"“”]{1,50},)?\s+)$"
    # "Russia had demanded …, Ukraine had insisted …, and European governments had made
    # clear …": a list of clauses, each a subject and a perfect of its own (the cue opening
    # with its auxiliary: PERFECT_CUE)
    r"|,\s*(?:and\s+)?(?P<aux>[A-Z][\w\-’']*(?:\s+(?:[A-Z][\w\-’']*|officials|governments|"
    r"diplomats|leaders|ministers)){0,2}\s+)$",
)
PERFECT_CUE = re.compile(r"(?:had|has|have)\s", re.IGNORECASE)
# a clause of another subject after a contrast, the comma maybe inside a closing quote mark
# ('…,” while in London, X said')
CONTRAST = re.compile(
    r"(?:,[”\"»]?\s*(?:tandis|alors)\s+qu|;\s|,[”\"»]?\s*mais\b|,[”\"»]?\s*while\b|"
    r",[”\"»]?\s*whereas\b|,[”\"»]?\s*but\b)"
)


@dataclass
class Cue:
    """One attribution trigger in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    mode: str  # pre | post | pron | part | source | pour
    subject: str  # raw subject text: clause before, NP after, the pronoun, or the source NP
    claim: str
    subj_start: int = 0  # where ``subject`` starts in the sentence
    nested: bool = False  # inside the reported clause of the cue before it ("X a dit que Y a…")
    lead: int = -1  # where its clause starts when coordinated with the one before ("… et X a dit")


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    text = re.sub(r"^(?:que|qu['’]|that)\s*", "", text, flags=re.IGNORECASE)
    return text.rstrip(" .")
