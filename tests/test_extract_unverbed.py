"""Statements the press attributes without a finite verb of saying (engine v17): participles,
infinitives after a modal, stance adjectives, colon quotes, interview turns, bylines, "Il,
c'est X". Every example is written for this test, not taken from any article."""

from __future__ import annotations

from tests.extract_support import about, extract, one


def test_present_participle_belongs_to_the_subject_of_the_sentence() -> None:
    ps = extract(
        "À Vienne, le climat a changé : Karl Obermaier, ministre autrichien des Finances, "
        "longtemps prudent, s'est rallié au projet, estimant que « l'attente coûte plus cher »."
    )
    p = one(ps, "l'attente coûte plus cher")
    assert (p.party_id, p.speaker) == ("AT", "Karl Obermaier")


def test_participle_after_an_incise_is_the_same_speaker() -> None:
    ps = extract(
        "« Le texte avance », a déclaré Dmitri Peskov, ajoutant que Moscou avait "
        "cessé de réclamer un calendrier."
    )
    assert {p.party_id for p in about(ps, "ajoutant que")} == {"RU"}


def test_infinitive_after_a_modal_verb() -> None:
    ps = extract("Volodymyr Zelensky ne cesse de répéter que les frontières ne se négocient pas.")
    p = one(ps, "ne se négocient pas")
    assert (p.party_id, p.speaker) == ("UA", "Volodymyr Zelensky")


def test_narrative_infinitive_is_the_last_speaker() -> None:
    ps = extract(
        "Hakan Fidan a reçu les deux délégations à Istanbul. « Le dialogue reprendra », a-t-il "
        "assuré. Et d'ajouter que la Turquie resterait « disponible à tout moment »."
    )
    p = one(ps, "disponible à tout moment")
    assert (p.party_id, p.speaker) == ("TR", "Hakan Fidan")


def test_stance_adjective_with_a_named_subject_under_a_collective_source() -> None:
    ps = extract(
        "Selon l'Élysée, Emmanuel Macron reste convaincu qu'un compromis sur les avoirs est "
        "possible avant l'été."
    )
    p = one(ps, "compromis sur les avoirs")
    assert (p.party_id, p.speaker) == ("FR", "Emmanuel Macron")


def test_aux_yeux_de_and_pour_qui_are_sources() -> None:
    ps = extract(
        "Aux yeux de Radosław Sikorski, la trêve ne vaut rien sans contrôle. "
        "Le quotidien cite aussi Recep Tayyip Erdogan, pour qui « Ankara parle aux deux camps »."
    )
    assert (one(ps, "sans contrôle").party_id, one(ps, "sans contrôle").speaker) == (
        "PL",
        "Radosław Sikorski",
    )
    assert one(ps, "parle aux deux camps").party_id == "TR"


def test_colon_quote_after_a_named_subject_without_verb() -> None:
    ps = extract(
        "11h40 - Keir Starmer, à sa descente d'avion : « Nos soldats seront prêts si la paix "
        "l'exige. »"
    )
    p = one(ps, "Nos soldats seront prêts")
    assert (p.party_id, p.speaker) == ("GB", "Keir Starmer")


def test_quoted_words_in_a_sentence_about_a_named_official() -> None:
    ps = extract(
        "Mark Rutte, le secrétaire général de l'OTAN, refroidit Kiev sur un point : "
        "l'adhésion « ne figure pas à l'ordre du jour »."
    )
    p = one(ps, "ordre du jour")
    assert (p.party_id, p.speaker) == ("NATO", "Mark Rutte")


def test_colon_quote_with_no_subject_is_the_last_speaker_of_the_paragraph() -> None:
    ps = extract(
        "Kaja Kallas est arrivée tôt au sommet. Commentaire glacial devant les caméras : "
        "« Personne ne négociera à notre place. »"
    )
    p = one(ps, "négociera à notre place")
    assert (p.party_id, p.speaker) == ("EU", "Kaja Kallas")


def test_selon_lui_is_the_subject_of_its_own_sentence() -> None:
    ps = extract(
        "Sergueï Lavrov a parlé longuement. Iouri Ouchakov, plus bref, se montre confiant : "
        "selon lui, « les positions se rapprochent »."
    )
    p = one(ps, "les positions se rapprochent")
    assert p.speaker == "Iouri Ouchakov"


def test_interview_turns_belong_to_the_named_speaker() -> None:
    ps = extract(
        "Radio Centre : Que répondez-vous aux inquiétudes de Bruxelles ?\n\n"
        "Jean-Noël Barrot : Nous les entendons. Le risque doit être partagé par tous les "
        "États membres. Aucun pays ne paiera seul.\n\n"
        "Radio Centre : Et la menace de représailles ?\n\n"
        "Jean-Noël Barrot : Elle ne nous impressionne pas."
    )
    assert one(ps, "partagé par tous les États membres").speaker == "Jean-Noël Barrot"
    assert one(ps, "Aucun pays ne paiera seul").party_id == "FR"
    assert one(ps, "ne nous impressionne pas").party_id == "FR"
    assert not about(ps, "Que répondez-vous")


def test_byline_reporter_is_not_the_speaker_of_the_next_quote() -> None:
    ps = extract(
        "Trêve en mer Noire : un premier pas\n\n"
        "Par Julie Fontanel, envoyée spéciale à Istanbul\n\n"
        "« Nous ne signerons rien sans garanties, a-t-il dit à la sortie de la réunion. "
        "Rien. » Il, c'est Petro Savtchenko, vice-ministre ukrainien de la Défense."
    )
    p = one(ps, "sans garanties")
    assert (p.party_id, p.speaker) == ("UA", "Petro Savtchenko")


def test_former_office_points_back_to_the_last_person_named() -> None:
    ps = extract(
        "Le secrétaire général de l'OTAN, Mark Rutte, a présidé la réunion. Pour l'ancien "
        "premier ministre néerlandais, l'adhésion de l'Ukraine « reste une question ouverte »."
    )
    assert one(ps, "question ouverte").party_id == "NATO"


def test_named_incise_wins_over_the_collective_stance_it_closes() -> None:
    ps = extract(
        "La Turquie est prête à accueillir un nouveau cycle « dès la semaine prochaine », a "
        "déclaré le ministre turc des Affaires étrangères, Hakan Fidan."
    )
    p = one(ps, "dès la semaine prochaine")
    assert (p.party_id, p.speaker) == ("TR", "Hakan Fidan")


def test_place_after_the_verb_is_not_part_of_the_speaker_name() -> None:
    ps = extract(
        "« La trêve énergétique doit être vérifiable », a plaidé à Bruxelles Iryna Sokil, "
        "vice-ministre ukrainienne de l'Énergie."
    )
    p = one(ps, "doit être vérifiable")
    assert (p.party_id, p.speaker) == ("UA", "Iryna Sokil")


def test_role_is_not_read_from_the_reporting_clause_before_the_name() -> None:
    ps = extract(
        "Le quotidien rapporte les propos de Iryna Sokil, vice-ministre ukrainienne des Affaires "
        "étrangères, qui lui a confié que Kiev « ne cédera aucun territoire »."
    )
    assert one(ps, "ne cédera aucun territoire").party_id == "UA"


def test_media_reporting_verb_does_not_hide_the_official_it_reports() -> None:
    ps = extract(
        "Le journal rappelle aussi que Marco Rubio a qualifié les discussions de "
        "« les plus utiles depuis des mois »."
    )
    assert one(ps, "les plus utiles").party_id == "US"


def test_sentence_ends_after_a_closed_quotation() -> None:
    ps = extract(
        "Volodymyr Zelensky a renouvelé son offre : « Si Moscou épargne nos centrales, nous "
        "épargnerons ses raffineries. C'est simple. » Le Kremlin n'a pas dit non."
    )
    p = one(ps, "épargnerons ses raffineries")
    assert (p.party_id, p.speaker) == ("UA", "Volodymyr Zelensky")


def test_infinitive_after_avant_de_shares_the_subject() -> None:
    ps = extract(
        "À Lille, Oksana Hrytsenko, ministre-conseillère à l'ambassade d'Ukraine à Paris, a "
        "visité le salon. Elle a salué l'aide française, avant de prévenir : « Une trêve sans "
        "garanties ne serait qu'une pause. »"
    )
    p = one(ps, "ne serait qu'une pause")
    assert (p.party_id, p.speaker) == ("UA", "Oksana Hrytsenko")


def test_second_verb_with_an_elided_subject_keeps_the_subject() -> None:
    ps = extract(
        "A Moscou, Dmitri Peskov a parlé aux journalistes. Le porte-parole du Kremlin n'a pas "
        "exclu une rencontre « un jour », mais a jugé qu'elle viendrait seulement pour signer "
        "un texte déjà prêt."
    )
    p = one(ps, "signer un texte déjà prêt")
    assert (p.party_id, p.speaker) == ("RU", "Dmitri Peskov")


def test_cleft_names_who_the_pronoun_after_the_colon_means() -> None:
    ps = extract(
        "Hakan Fidan a ouvert la séance. C'est Vladimir Medinski qui l'annonce le premier : il "
        "propose que chaque camp dépose « sa vision d'une trêve »."
    )
    p = one(ps, "sa vision d'une trêve")
    assert (p.party_id, p.speaker) == ("RU", "Vladimir Medinski")


def test_quant_a_topic_is_the_subject_of_its_pronoun() -> None:
    ps = extract(
        "Rasa Jankauskienė, vice-ministre lituanienne, a réclamé plus de troupes. Quant au "
        "président letton, Edgars Rinkēvičs, il a résumé sur X : « La force seule compte. »"
    )
    assert one(ps, "La force seule compte").party_id == "LV"


def test_pour_lui_after_a_colon_is_the_person_just_named() -> None:
    ps = extract(
        "Même ton chez le porte-parole de la diplomatie polonaise, Paweł Wroński, joint par "
        "téléphone : pour lui, les sanctions resteront « jusqu'au retrait complet »."
    )
    p = one(ps, "jusqu'au retrait complet")
    assert (p.party_id, p.speaker) == ("PL", "Paweł Wroński")


def test_unnamed_source_is_who_il_means_in_the_next_sentence_only() -> None:
    ps = extract(
        "Sergueï Lavrov a reçu la délégation. « Rien n'est réglé », confie un diplomate turc. "
        "Selon lui, le texte « manque de garanties »."
    )
    assert one(ps, "manque de garanties").party_id == "TR"


def test_name_in_a_leading_participle_is_not_the_subject() -> None:
    ps = extract(
        "Kyrylo Hrytsai, vice-ministre ukrainien, dirige la délégation. Issu d'une famille déportée sous "
        "Staline, l'ancien banquier a tout appris sur le tas. Il a répété que Kiev « ne "
        "cédera pas un mètre »."
    )
    assert one(ps, "ne cédera pas un mètre").party_id == "UA"


def test_collective_source_gives_way_to_the_named_subject_of_its_clause() -> None:
    ps = extract(
        "Vladimir Poutine a parlé à Donald Trump. Selon le compte rendu du Kremlin, le président "
        "russe a accepté de suspendre les frappes contre les centrales pendant un mois."
    )
    p = one(ps, "suspendre les frappes")
    assert (p.party_id, p.speaker) == ("RU", "Vladimir Poutine")


def test_role_apposition_between_subject_and_verb() -> None:
    ps = extract(
        "Maryna Hlib, vice-ministre ukrainienne des Affaires étrangères, réclame le retour de "
        "« tous les enfants déportés » avant toute signature."
    )
    p = one(ps, "tous les enfants déportés")
    assert (p.party_id, p.speaker) == ("UA", "Maryna Hlib")


def test_se_souvient_reports_speech() -> None:
    ps = extract(
        "« Ils nous ont dit : partez et nous cesserons le feu », se souvient un conseiller de "
        "la délégation ukrainienne."
    )
    assert one(ps, "partez et nous cesserons").party_id == "UA"


def test_impersonal_incise_gives_the_place_as_speaker() -> None:
    ps = extract(
        "« Nous sommes prêts, il manque un cessez-le-feu », estime-t-on à l'Élysée. « Pas de "
        "soldats sur la ligne de front », fait-on valoir à Downing Street."
    )
    assert one(ps, "il manque un cessez-le-feu").party_id == "FR"
    assert one(ps, "Pas de soldats").party_id == "GB"


def test_any_past_participle_after_a_quotation_is_an_incise() -> None:
    ps = extract(
        "« Maintenant, c'est au tour de Kiev ! », a posté le président américain sur son "
        "réseau. « Le dialogue fonctionne », a publié sur Telegram l'émissaire du Kremlin."
    )
    assert one(ps, "au tour de Kiev").party_id == "US"
    assert one(ps, "Le dialogue fonctionne").party_id == "RU"


def test_adverb_inside_a_two_word_verb_and_a_negated_modal() -> None:
    ps = extract(
        "La présidence ukrainienne fait toutefois valoir qu'une médiation ne remplace pas des "
        "garanties. Le président turc n'a pas manqué de rappeler que la Crimée restait "
        "ukrainienne."
    )
    assert one(ps, "ne remplace pas des garanties").party_id == "UA"
    assert one(ps, "la Crimée restait").party_id == "TR"


def test_a_en_croire_and_aux_dires_de_are_sources_with_particle_names() -> None:
    ps = extract(
        "À en croire Mohammed al-Khaled, ministre d'État qatari, Doha n'a « aucun agenda ». "
        "Aux dires du porte-parole de la diplomatie qatarie, Majid al-Ansi, l'émirat serait "
        "prêt à élargir sa médiation."
    )
    assert one(ps, "aucun agenda").party_id == "QA"
    p = one(ps, "élargir sa médiation")
    assert (p.party_id, p.speaker) == ("QA", "Majid al-Ansi")


def test_short_adjectival_lead_before_the_subject() -> None:
    ps = extract(
        "Plus policé, Kirill Dmitriev, l'émissaire économique du Kremlin, a diffusé un message "
        "en anglais : « Le dialogue porte ses fruits. »"
    )
    p = one(ps, "porte ses fruits")
    assert (p.party_id, p.speaker) == ("RU", "Kirill Dmitriev")


def test_title_subject_of_a_plain_sentence_is_who_il_means_next() -> None:
    ps = extract(
        "Hakan Fidan a ouvert la réunion. Le ministre polonais des Affaires étrangères a pris "
        "la parole ensuite. « Aucune frontière ne se négocie sous la menace », a-t-il lancé."
    )
    assert one(ps, "sous la menace").party_id == "PL"


def test_english_participle_after_a_titled_subject() -> None:
    ps = extract(
        "In Moscow, Foreign Ministry spokeswoman Maria Zakharova went further, writing on "
        'Telegram that Kyiv "cannot be trusted to keep its word."',
        lang="en",
    )
    p = one(ps, "cannot be trusted")
    assert (p.party_id, p.speaker) == ("RU", "Maria Zakharova")


def test_english_adjective_apposition_and_trailing_pronoun_subjects() -> None:
    ps = extract(
        "Marco Rubio, more cautious, told senators that Washington would not force a deal. "
        "Volodymyr Zelensky has refused. In interviews this month he has argued that a "
        "withdrawal would only help the next offensive.",
        lang="en",
    )
    assert one(ps, "would not force a deal").party_id == "US"
    assert one(ps, "help the next offensive").party_id == "UA"


def test_english_bare_title_after_an_unnamed_source() -> None:
    ps = extract(
        "According to a senior Ukrainian official, the talks moved forward. The official said "
        'Kyiv saw the offer as "a floor, not a ceiling."',
        lang="en",
    )
    assert one(ps, "a floor, not a ceiling").party_id == "UA"


def test_fini_par_and_obtenu_que_report_outcomes_of_a_party() -> None:
    ps = extract(
        "Kiev a obtenu que le plafond de son armée soit relevé. Washington a fini par concéder "
        "que les territoires seraient discutés plus tard."
    )
    assert one(ps, "plafond de son armée").party_id == "UA"
    assert one(ps, "discutés plus tard").party_id == "US"


def test_il_after_a_ministry_statement_is_the_ministry() -> None:
    ps = extract(
        "Marco Rubio a salué l'échange. Le ministère russe de la Défense a annoncé le retour de "
        "« 157 militaires ». Il accuse Kiev d'avoir « retardé l'échange »."
    )
    assert one(ps, "retardé l'échange").party_id == "RU"


def test_unmatched_definite_title_is_the_last_speaker_of_its_party() -> None:
    ps = extract(
        "Christopher Lander, haut responsable américain, a défendu le plan. "
        "Le secrétaire d'État adjoint a prévenu que les Européens devraient « payer l'essentiel »."
    )
    p = one(ps, "payer l'essentiel")
    assert (p.party_id, p.speaker) == ("US", "Christopher Lander")


def test_nationality_noun_points_back_to_the_person_just_named() -> None:
    ps = extract(
        "Le directeur général de l'AIEA, Rafael Grossi, juge la situation « fragile ». "
        "L'Argentin a plaidé mardi à Vienne pour des pauses locales dans les combats."
    )
    assert one(ps, "pauses locales").party_id == "UN"


def test_office_of_the_person_just_named_is_that_person() -> None:
    ps = extract(
        "Dmitri Medvedev, lui, a préféré Telegram. Dans un long message, le vice-président du "
        "Conseil de sécurité a menacé de représailles « dans tous les domaines »."
    )
    p = one(ps, "dans tous les domaines")
    assert (p.party_id, p.speaker) == ("RU", "Dmitri Medvedev")


def test_quoted_words_in_the_next_sentence_continue_the_statement() -> None:
    ps = extract(
        "Sergueï Lavrov a dénoncé le projet européen. Toute saisie des avoirs serait traitée "
        "« comme un acte de guerre économique », a-t-on ajouté à Moscou plus tard."
    )
    assert one(ps, "acte de guerre économique").party_id == "RU"


def test_verb_with_a_complement_before_its_que_clause() -> None:
    ps = extract(
        "La présidence ukrainienne a rappelé dans un communiqué qu'aucune frontière ne "
        "changerait sans référendum."
    )
    assert one(ps, "sans référendum").party_id == "UA"


def test_english_possessive_office_and_it_said() -> None:
    ps = extract(
        'Dmitry Peskov, Vladimir Putin\'s spokesman, said Russia had "long since adapted". '
        "Ukraine's General Staff denied the claim. \"The enemy's reports are false,\" it said "
        "in its evening update.",
        lang="en",
    )
    assert one(ps, "long since adapted").speaker == "Dmitry Peskov"
    assert one(ps, "reports are false").party_id == "UA"


def test_capitalised_interview_labels_and_a_role_stated_as_a_predicate() -> None:
    ps = extract(
        "Ancien officier, Marek Zielony est vice-ministre de la Défense de Pologne depuis 2024.\n\n"
        "LE JOURNAL. – Croyez-vous à un accord ?\n\n"
        "ZIELONY. – Pas cette année. Le Kremlin négocie pour gagner du temps."
    )
    p = one(ps, "négocie pour gagner du temps")
    assert (p.party_id, p.speaker) == ("PL", "Marek Zielony")
    assert not about(ps, "Croyez-vous")


def test_parties_named_inside_a_quotation_set_no_context() -> None:
    ps = extract(
        "« Les Russes ont reconstitué leurs stocks de drones », a déclaré le vice-ministre de "
        "l'Énergie, Mykola Ostap, joint à Kiev. Les autorités ukrainiennes font valoir que "
        "ces frappes violent la trêve."
    )
    assert one(ps, "reconstitué leurs stocks").party_id != "RU"
    assert one(ps, "violent la trêve").party_id == "UA"


def test_name_in_a_complement_of_the_subject_is_not_the_speaker() -> None:
    ps = extract(
        "Steve Witkoff vante des progrès. L'émissaire spécial de Donald Trump a affirmé que "
        "les pourparlers avaient « beaucoup avancé »."
    )
    assert one(ps, "beaucoup avancé").speaker == "Steve Witkoff"
