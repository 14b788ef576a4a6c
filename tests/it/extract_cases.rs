//! Short articles written for the tests, one case of news writing each.

use crate::common;

use common::{full, quotes};
use saidso::extract::{QuoteKind, SpeakerKind};

fn q(text: &str, speaker: Option<&str>) -> (String, Option<String>) {
    (text.to_string(), speaker.map(str::to_string))
}

#[test]
fn straight_quotes_with_speaker_after() {
    let t = "Maria Lopez runs the bakery.\n\n\"We sold out by noon,\" Lopez said.";
    assert_eq!(quotes(t), [q("We sold out by noon,", Some("Maria Lopez"))]);
}

#[test]
fn curly_quotes_with_inverted_speaker() {
    let t = "The mayor, Tom Reed, opened the bridge.\n\n“It took ten years,” said Reed.";
    assert_eq!(quotes(t), [q("It took ten years,", Some("Tom Reed"))]);
}

#[test]
fn mixed_marks_from_sloppy_editing() {
    let t = "Anna Berg spoke first.\n\n“We are ready,\" Berg said. \"Are they?”";
    assert_eq!(
        quotes(t),
        [q("We are ready,", Some("Anna Berg")), q("Are they?", Some("Anna Berg"))]
    );
}

#[test]
fn british_single_quotes_beside_apostrophes() {
    let t = "Finance minister Rachel Storm spoke on Monday.\n\n'The allies' plans don't \
             change Britain's view of the '90s rules,' she said, calling it 'rock 'n' roll \
             economics'.";
    assert_eq!(
        quotes(t),
        [
            q(
                "The allies' plans don't change Britain's view of the '90s rules,",
                Some("Rachel Storm")
            ),
            q("rock 'n' roll economics", Some("Rachel Storm")),
        ]
    );
}

#[test]
fn plural_possessive_is_not_a_closing_mark() {
    let t = "Gen. Omar Haddad briefed reporters.\n\nHe said the Russias' invasion was \
             'a disaster for the region'.";
    assert_eq!(quotes(t), [q("a disaster for the region", Some("Omar Haddad"))]);
}

#[test]
fn guillemets() {
    let t = "Le ministre Paul Martin a parlé.\n\n«Nous sommes prêts,» said Martin.";
    assert_eq!(quotes(t), [q("Nous sommes prêts,", Some("Paul Martin"))]);
}

#[test]
fn nested_quotes_stay_in_the_outer_one() {
    let t = "Senator Jane Ortiz criticised the bill.\n\n\"They call it 'reform', but it is \
             not,\" Ortiz said.";
    assert_eq!(quotes(t), [q("They call it 'reform', but it is not,", Some("Jane Ortiz"))]);
}

#[test]
fn quotation_over_several_paragraphs_is_one_quote() {
    let t = "Coach Ben Ali spoke after the match.\n\nHe said: \"We lost the ball too often.\n\n\
             \"Next week will be different.\"\n\nThe team plays on Sunday.";
    let (article, found) = full(t);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].pieces.len(), 2);
    assert_eq!(
        found[0].text(&article.text),
        "We lost the ball too often. Next week will be different."
    );
    assert_eq!(found[0].speaker.as_deref(), Some("Ben Ali"));
    assert_eq!(found[0].kind, QuoteKind::Direct);
}

/// In news style a quotation over paragraphs reopens at each paragraph and closes only at its
/// end; when the last paragraph's closing mark is followed by the attribution (`…," she said.`),
/// its speaker is the speaker of the paragraphs before it when nobody else is (see
/// `a_reopened_quotation_closed_before_a_new_cue_is_a_new_quotation`).
#[test]
fn a_quotation_continued_into_an_attributed_paragraph_keeps_its_speaker() {
    let t = "The storm reached the coast overnight.\n\n\"The river rose a metre in two hours. \
             Nobody expected it.\n\n\"We moved forty families before dawn,\" said Petra Lind, \
             the fire chief.\n\nRoads reopened at noon.";
    assert_eq!(
        quotes(t),
        [
            q("The river rose a metre in two hours. Nobody expected it.", Some("Petra Lind")),
            q("We moved forty families before dawn,", Some("Petra Lind")),
        ]
    );
    // Over three paragraphs.
    let t = "The storm reached the coast overnight.\n\n\"The shelters are open.\n\n\"The \
             buses run all night.\n\n\"Stay indoors,\" said Petra Lind, the fire chief.";
    assert_eq!(
        quotes(t),
        [
            q("The shelters are open. The buses run all night.", Some("Petra Lind")),
            q("Stay indoors,", Some("Petra Lind")),
        ]
    );
}

/// The quotation continued into an attributed paragraph takes that paragraph's mention and
/// cue with its speaker, as a row of `saidso quotes` shows them: a speaker with no words that
/// name them would have come from nowhere.
#[test]
fn a_continued_quotation_takes_the_mention_and_cue_of_its_speaker() {
    let texts = [
        "The storm reached the coast overnight.\n\n\"The river rose a metre. Nobody expected \
         it.\n\n\"We moved forty families,\" said Petra Lind, the fire chief.",
        "Petra Lind leads the fire service.\n\n\"The river rose a metre.\n\n\"We moved forty \
         families,\" she told reporters.",
        "The storm reached the coast overnight.\n\n“The shelters are open.\n\n“The buses run \
         all night.\n\n“Stay indoors,” Lind warned.",
    ];
    for t in texts {
        let (article, found) = full(t);
        let words = |r: &Option<std::ops::Range<usize>>| r.clone().map(|r| &article.text[r]);
        assert_eq!(found.len(), 2, "{t}");
        assert_eq!(found[0].speaker, found[1].speaker, "{t}");
        assert!(found[0].speaker.is_some(), "{t}");
        assert_eq!(words(&found[0].mention), words(&found[1].mention), "{t}");
        assert_eq!(words(&found[0].cue), words(&found[1].cue), "{t}");
        assert!(found[0].cue.is_some(), "{t}");
    }
}

#[test]
fn pronoun_chain_follows_the_last_subject() {
    let t = "Prime Minister Ingrid Solberg met the unions on Tuesday. Transport workers want \
             higher pay.\n\n\"We will find a deal,\" she said.\n\nShe added that talks would \
             resume \"within days\".";
    assert_eq!(
        quotes(t),
        [
            q("We will find a deal,", Some("Ingrid Solberg")),
            q("within days", Some("Ingrid Solberg"))
        ]
    );
}

#[test]
fn pronoun_never_resolves_to_a_name_inside_a_quote() {
    let t = "Governor Lee Park visited the flooded town.\n\n\"Mark Stone told me the dam would \
             hold,\" Park said.\n\n\"It did not,\" he said.";
    assert_eq!(
        quotes(t),
        [
            q("Mark Stone told me the dam would hold,", Some("Lee Park")),
            q("It did not,", Some("Lee Park")),
        ]
    );
}

#[test]
fn title_and_description_resolve_to_the_full_name() {
    let t = "Kremlin spokesman Dmitry Peskov spoke to reporters. Nothing was agreed.\n\n\
             The Kremlin spokesman said the talks were \"useful\".\n\n\"We will see,\" \
             Peskov added.";
    assert_eq!(
        quotes(t),
        [q("useful", Some("Dmitry Peskov")), q("We will see,", Some("Dmitry Peskov"))]
    );
}

#[test]
fn apposition_gives_the_role() {
    let t = "Anders Holm, a spokesman for the Port Authority, said ships would wait.\n\n\
             Later the spokesman said delays were \"unavoidable\".";
    assert_eq!(quotes(t), [q("unavoidable", Some("Anders Holm"))]);
}

#[test]
fn spelling_variants_are_one_speaker() {
    let t = "President Volodymyr Zelensky spoke overnight.\n\n\"We stand,\" Zelenskyy \
             said.\n\n\"We will win,\" Zelenskiy added.";
    let found = quotes(t);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|(_, s)| s.as_deref() == Some("Volodymyr Zelensky")), "{found:?}");
}

#[test]
fn according_to() {
    let t = "Prices rose again in May.\n\nThe rise was \"the steepest in a decade\", \
             according to Helen Marsh, an economist at the Central Bank.";
    assert_eq!(quotes(t), [q("the steepest in a decade", Some("Helen Marsh"))]);
}

#[test]
fn colon_introduces_the_quote() {
    let t = "CIA director William Burns warned: \"The risk is real.\"\n\nEnvoy Sam Kerr \
             told reporters: \"We are close.\"";
    assert_eq!(
        quotes(t),
        [q("The risk is real.", Some("William Burns")), q("We are close.", Some("Sam Kerr"))]
    );
}

#[test]
fn colon_at_the_end_of_a_paragraph_introduces_the_next() {
    let t = "Judge Alice Wong read the verdict. Then she said:\n\n\"This court has no doubt.\"";
    assert_eq!(quotes(t), [q("This court has no doubt.", Some("Alice Wong"))]);
}

#[test]
fn quoted_as_saying_and_statement() {
    let t = "Interfax quoted Oleg Ivanov as saying: \"There is no deal.\"\n\nThe company \
             wrote in a statement that it was \"deeply concerned\".";
    let found = quotes(t);
    assert_eq!(found[0], q("There is no deal.", Some("Oleg Ivanov")));
    assert_eq!(found[1].0, "deeply concerned");
}

#[test]
fn organisations_speak_and_it_resolves_to_them() {
    let t = "The Ministry of Defence said Russia would \"re-posture\" its forces.\n\n\"This \
             will include operations against the capital,\" it said in an update.";
    let (article, found) = full(t);
    assert_eq!(found.len(), 2);
    for quote in &found {
        assert_eq!(quote.speaker.as_deref(), Some("Ministry of Defence"));
        assert_eq!(quote.speaker_kind, Some(SpeakerKind::Organisation));
    }
    assert_eq!(found[0].kind, QuoteKind::Partial);
    let mention = found[1].mention.clone().unwrap();
    assert_eq!(&article.text[mention], "it");
}

#[test]
fn no_speaker_gives_none() {
    let t = "The sign on the door was simple.\n\n\"Closed until further notice, sorry for the \
             trouble.\"";
    assert_eq!(quotes(t), [q("Closed until further notice, sorry for the trouble.", None)]);
}

#[test]
fn stray_mark_recovers_at_the_paragraph() {
    let t = "The pipe is 5\" wide and the \"meeting was long.\n\nDirector Ruth Bell said \
             the fix was \"simple\".\n\n\"We start today,\" Bell said.";
    assert_eq!(
        quotes(t),
        [q("simple", Some("Ruth Bell")), q("We start today,", Some("Ruth Bell"))]
    );
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    let t = "The so-called \"experts\" were wrong again. She appeared on \"Good Morning \
             America\" last week and wrote \"The Long Road\", a memoir.\n\nSenator Kim Hale \
             said the plan was \"reckless\".";
    assert_eq!(quotes(t), [q("reckless", Some("Kim Hale"))]);
}

#[test]
fn a_show_named_after_a_possessive_is_a_title_even_beside_a_speech_verb() {
    let t = "Governor Ruth Alvarez told Channel Four’s “Morning Report” on Friday that the              budget was “balanced at last.”";
    assert_eq!(quotes(t), [q("balanced at last.", Some("Ruth Alvarez"))]);
}

#[test]
fn a_quote_alone_continues_the_previous_speaker() {
    let t = "\"We need more nurses,\" hospital chief Laura Finch said.\n\n\"And we need them \
             now.\"\n\nThe hospital has 400 beds.";
    assert_eq!(
        quotes(t),
        [
            q("We need more nurses,", Some("Laura Finch")),
            q("And we need them now.", Some("Laura Finch"))
        ]
    );
}

#[test]
fn partial_quote_speaker_is_the_reporting_subject() {
    let t = "On Thursday, foreign minister Sergei Lavrov had said Putin would not refuse a \
             meeting to discuss \"specific\" issues.";
    let (_, found) = full(t);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].speaker.as_deref(), Some("Sergei Lavrov"));
    assert_eq!(found[0].kind, QuoteKind::Partial);
}

#[test]
fn joined_verbs_share_their_subject() {
    let t = "Spokesman Dmitry Peskov confirmed talks were possible, but stressed that any \
             deal needed \"guarantees\". Vladimir Putin has said he is ready to meet Volodymyr \
             Zelensky, adding that the war should end \"as soon as possible\".";
    assert_eq!(
        quotes(t),
        [q("guarantees", Some("Dmitry Peskov")), q("as soon as possible", Some("Vladimir Putin"))]
    );
}

#[test]
fn dash_signature_after_a_quote() {
    let t = "Readers wrote in after the debate.\n\n\"It was a mess from start to finish.\" \
             ― Carla Diaz\n\n\"I changed my mind twice.\" ― Jorge Silva";
    assert_eq!(
        quotes(t),
        [
            q("It was a mess from start to finish.", Some("Carla Diaz")),
            q("I changed my mind twice.", Some("Jorge Silva")),
        ]
    );
}

#[test]
fn offsets_slice_the_original_text() {
    let t = "Intro line here.\n\n“Hard-wrapped quotes\n   keep their offsets,” said Ana Ruiz.";
    let (article, found) = full(t);
    assert_eq!(found.len(), 1);
    let span = found[0].span();
    assert_eq!(&t[span], "Hard-wrapped quotes\n   keep their offsets,");
    assert_eq!(found[0].text(&article.text), "Hard-wrapped quotes keep their offsets,");
}

#[test]
fn a_user_lexicon_file_extends_the_builtin_lists() {
    use saidso::extract::{Extractor, Lexicon, LexiconFile, lexicon::BUILTIN};
    let t = "Colonel Ada Frost inspected the troops. They were \"a credit to the nation\", \
             Frost harrumphed.";
    let article = common::article(t);
    let builtin = Extractor::builtin().extract(&article);
    assert!(builtin.is_empty(), "no speech verb in the built-in lists: {builtin:?}");
    let user = LexiconFile::parse("speech_verbs = [\"harrumphed\"]").unwrap();
    let lex = Lexicon::compile([LexiconFile::parse(BUILTIN).unwrap(), user]);
    let found = Extractor::from_lexicon(lex).extract(&article);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].speaker.as_deref(), Some("Ada Frost"));
}

#[test]
fn a_contracted_pronoun_is_still_a_pronoun() {
    let t = "Mayor Dana Whitfield toured the flooded streets on Sunday.\n\nShe’s calling the \
             repairs “the first priority” and says the city’s budget “can carry it.”";
    assert_eq!(
        quotes(t),
        [
            q("the first priority", Some("Dana Whitfield")),
            q("can carry it.", Some("Dana Whitfield"))
        ]
    );
}

#[test]
fn who_after_a_description_points_back_to_the_name_before_it() {
    let t = "The vote went to Harriet Vance, now the chamber's majority leader, who in 2019 said \
             the party's goal was a “smaller state.”";
    assert_eq!(quotes(t), [q("smaller state.", Some("Harriet Vance"))]);
}

#[test]
fn a_description_after_the_verb_gives_way_to_the_name_beside_it() {
    for (said, who) in [
        ("said the head librarian, Agnes Holm.", "Agnes Holm"),
        ("said the chief executive, Tomas Brandt.", "Tomas Brandt"),
        ("said the head of the union, Mary Jones.", "Mary Jones"),
        ("said the town’s mayor, Pia Lund.", "Pia Lund"),
    ] {
        let t = format!("The library will open on Sundays.\n\n“We found the money,” {said}");
        assert_eq!(quotes(&t), [q("We found the money,", Some(who))], "{said}");
    }
    // No name beside the description: the description speaks.
    let t = "The port reopened.\n\n“Ships are moving,” said the spokesman, adding more later.";
    assert_eq!(quotes(t), [q("Ships are moving,", Some("spokesman"))]);
}

#[test]
fn an_outlet_before_a_name_is_not_part_of_it() {
    for said in ["said CNN’s Lena Ortiz.", "CNN's Lena Ortiz said."] {
        let t = format!("The debate ended late.\n\n“Nobody won,” {said}");
        assert_eq!(quotes(&t), [q("Nobody won,", Some("Lena Ortiz"))], "{said}");
    }
    // Named so in reported speech, she is whom the pronoun after it means.
    let t = "Tom Fry called the debate a win.\n\nDebates rarely move votes, noted NBC’s Lena \
             Ortiz.\n\n“They come too late,” she wrote.";
    assert_eq!(quotes(t), [q("They come too late,", Some("Lena Ortiz"))]);
}

#[test]
fn a_participle_after_a_speech_noun_keeps_the_subject() {
    let t = "Senator Ruth Ames mocked the complaint, saying anyone who complains “is losing.”";
    assert_eq!(quotes(t), [q("is losing.", Some("Ruth Ames"))]);
}

#[test]
fn a_person_after_a_short_description_speaks() {
    for said in ["said 9/11 widow Ann Pike.", "said longtime resident Ann Pike,"] {
        let t = format!("The vote was close.\n\n“We will appeal,” {said}");
        assert_eq!(quotes(&t), [q("We will appeal,", Some("Ann Pike"))], "{said}");
    }
    // A day or a place after the verb is nobody.
    let t = "The vote was close.\n\n“We will appeal,” said on Tuesday Ann Pike of Leeds.";
    assert_eq!(quotes(t)[0].1, None);
}

#[test]
fn a_quote_after_reported_speech_continues_its_speaker() {
    let t = "Budgets may shrink while talks go on, Adam Kerr said. “The other factor is cost. \
             I don't think cost should decide.”\n\nKerr spoke to reporters.";
    assert_eq!(
        quotes(t),
        [q("The other factor is cost. I don't think cost should decide.", Some("Adam Kerr"))]
    );
    // Two paragraphs later, nobody is continued.
    let t = "Adam Kerr said budgets may shrink.\n\nThe talks resume in May.\n\nAll sides agree \
             on one thing.\n\n“The other factor is cost. Cost should not decide.”";
    assert_eq!(quotes(t)[0].1, None);
}

#[test]
fn she_passes_over_a_man_to_the_woman_before_him() {
    let t = "Mayor Ellen Price opened the session. Council leader John Webb spoke next.\n\n\
             “We have the votes,” she said.";
    assert_eq!(quotes(t), [q("We have the votes,", Some("Ellen Price"))]);
    // Nobody who fits: no speaker rather than the wrong one.
    let t = "John Webb spoke first.\n\n“We have the votes,” she said.";
    assert_eq!(quotes(t)[0].1, None);
}

#[test]
fn a_given_name_alone_is_a_person_pronouns_can_mean() {
    let t = "The rally was on television. “He loves us,” Nadia said, as Tom Ruiz waved.\n\n\
             “It’s over,” she said.";
    assert_eq!(quotes(t), [q("He loves us,", Some("Nadia")), q("It’s over,", Some("Nadia"))]);
}

#[test]
fn a_title_case_headline_names_nobody() {
    let t = "Voters Grill Keane Over Taxes\n\nThe mayor defended the plan.\n\n\
             “We stand by it,” Keane said.";
    assert_eq!(quotes(t), [q("We stand by it,", Some("Keane"))]);
}

#[test]
fn a_speech_noun_without_a_possessor_is_the_subjects() {
    let t = "On Monday, Senator Ruth Ames made the following comment:\n\n“We will not fold.”";
    assert_eq!(quotes(t), [q("We will not fold.", Some("Ruth Ames"))]);
    let t = "Worried about turnout in Leeds, Mayor Tom Webb is sharpening his message: “Vote.”";
    assert_eq!(quotes(t), [q("Vote.", Some("Tom Webb"))]);
}

#[test]
fn a_phrase_before_the_subject_is_passed_over() {
    let t = "Ann Pike arrived first.\n\nDuring his tour of Harbour Point, Tom Webb stopped to \
             make a remark, calling the pier “a marvel.”";
    assert_eq!(quotes(t), [q("a marvel.", Some("Tom Webb"))]);
}

#[test]
fn mr_and_mrs_with_one_surname_are_two_people() {
    let t = "John Reed and Mary Reed opened the shop in 1990.\n\n“We never closed,” Mrs. Reed \
             said.\n\n“Not even once,” Mr. Reed added.";
    assert_eq!(
        quotes(t),
        [q("We never closed,", Some("Mary Reed")), q("Not even once,", Some("John Reed"))]
    );
}

/// The speakers of `text`'s quotes, with their kinds.
fn speakers(text: &str) -> Vec<(Option<String>, Option<SpeakerKind>)> {
    full(text).1.into_iter().map(|q| (q.speaker, q.speaker_kind)).collect()
}

#[test]
fn initials_in_capitals_are_an_organisation_not_the_word_they_spell() {
    let t = "Clinics run short\n\n\"Supplies are critically low,\" the WHO said in a \
             statement. \"We are sending more,\" the US said.";
    let org = Some(SpeakerKind::Organisation);
    assert_eq!(speakers(t), [(Some("WHO".into()), org), (Some("US".into()), org)]);
}

#[test]
fn a_company_named_with_a_title_word_keeps_it() {
    let t = "Carmakers pull back\n\n\"We are monitoring the situation,\" General Motors \
             said. \"We agree,\" said Gen. Mark Milley.";
    assert_eq!(
        speakers(t),
        [
            (Some("General Motors".into()), Some(SpeakerKind::Organisation)),
            (Some("Mark Milley".into()), Some(SpeakerKind::Person)),
        ]
    );
}

#[test]
fn a_nationality_before_a_title_describes_the_speaker() {
    let t = "Talks stall\n\n\"We will not stop,\" said a Ukrainian official who asked not \
             to be named.";
    assert_eq!(speakers(t), [(Some("Ukrainian official".into()), Some(SpeakerKind::Person))]);
}

#[test]
fn a_surname_two_people_share_means_the_one_named_last() {
    let t = "Ports chief warns\n\nOlena Kovalenko, the economy minister, spoke first. Then \
             Taras Kovalenko, who runs the port authority, spoke.\n\n\"Without insurance \
             there is no trade,\" Kovalenko said.\n\nLater Olena Kovalenko returned to the \
             harvest. \"It is at risk,\" Kovalenko said.";
    assert_eq!(
        quotes(t),
        [
            q("Without insurance there is no trade,", Some("Taras Kovalenko")),
            q("It is at risk,", Some("Olena Kovalenko")),
        ]
    );
}

#[test]
fn a_surname_two_people_share_means_the_article_s_main_person_when_neither_was_just_named() {
    let t = "Senator speaks\n\nSen. Ted Cruz spoke in Houston. Ted Cruz has long opposed the \
             plan.\n\nHis wife, Heidi Cruz, was there.\n\nThe rally went on for hours.\n\n\
             Voters listened.\n\n\"I will tell the truth,\" Cruz said.";
    assert_eq!(quotes(t), [q("I will tell the truth,", Some("Ted Cruz"))]);
}

#[test]
fn a_reopened_quotation_closed_before_a_new_cue_is_a_new_quotation() {
    // The convention reopens a quotation that runs on; one that closes and is followed by its
    // own speaker is someone's new quotation (both styles of marks).
    for (open, close) in [("“", "”"), ("‘", "’")] {
        let t = format!(
            "Councillor Joan Pike spoke first.\n\n{open}The budget is fair,{close} Pike said. \
             {open}We cut nothing that matters.\n\n{open}The roads come first,{close} said \
             Councillor Amir Shah."
        );
        assert_eq!(
            quotes(&t),
            [
                q("The budget is fair,", Some("Joan Pike")),
                q("We cut nothing that matters.", Some("Joan Pike")),
                q("The roads come first,", Some("Amir Shah")),
            ],
            "marks {open}{close}"
        );
    }
}

#[test]
fn a_quotation_running_over_paragraphs_without_a_new_cue_stays_one() {
    let t = "Dr. Lena Ortiz said: “The ward is full.\n\n“We need two more nurses.”";
    assert_eq!(quotes(t), [q("The ward is full. We need two more nurses.", Some("Lena Ortiz"))]);
}

#[test]
fn a_possessive_typed_with_a_space_does_not_close_a_british_quotation() {
    let t = "Sam Kerr wrote to the board.\n\n'The future of America' s farms is at stake,' \
             Kerr wrote.";
    assert_eq!(quotes(t), [q("The future of America' s farms is at stake,", Some("Sam Kerr"))]);
}

#[test]
fn a_person_at_a_publication_is_the_speaker_a_pronoun_means() {
    let t = "Nora Quist at the Weekly Ledger agreed with the verdict.\n\n\
             \"It was the only fair outcome,\" she wrote.";
    assert_eq!(quotes(t), [q("It was the only fair outcome,", Some("Nora Quist"))]);
}

#[test]
fn a_participle_after_despite_reports_for_the_subject() {
    let t = "Senator Hugo Lind, despite admitting he had \"real doubts\" about the bill, \
             voted for it.";
    assert_eq!(quotes(t), [q("real doubts", Some("Hugo Lind"))]);
}

#[test]
fn a_party_name_before_a_speech_noun_does_not_speak() {
    let t = "FactDesk rated 30% of Labour claims as \"false\" last year.";
    assert_eq!(quotes(t), [q("false", Some("FactDesk"))]);
}

#[test]
fn a_speech_verb_after_a_preposition_reports_for_the_subject() {
    let t = "Dr. Ann Cole went on the radio and began by saying she would \"never\" sign it.";
    assert_eq!(quotes(t), [q("never", Some("Ann Cole"))]);
}

#[test]
fn a_participle_after_a_speech_word_does_not_start_its_speaker() {
    let t = "Senator Joan Avery says the mayor's late-night tweets targeting former \
             councillor Ben Ortiz were \"petty, even for him.\"";
    assert_eq!(quotes(t), [q("petty, even for him.", Some("Joan Avery"))]);
}

#[test]
fn a_surname_that_is_a_title_word_is_a_surname() {
    let t = "\"Turnout decides it,\" said Charlie King, a party organiser.\n\n\
             \"We start on Monday,\" Mr. King added.";
    assert_eq!(
        quotes(t),
        [
            q("Turnout decides it,", Some("Charlie King")),
            q("We start on Monday,", Some("Charlie King"))
        ]
    );
}

#[test]
fn a_quotation_listed_after_a_reported_one_is_reported_with_its_speaker() {
    let t = "Senator Ruth Vance has gone after the plan as a \"tax on the poor\" and a \
             \"gift to landlords.\"";
    assert_eq!(
        quotes(t),
        [q("tax on the poor", Some("Ruth Vance")), q("gift to landlords.", Some("Ruth Vance"))]
    );
}

#[test]
fn capitalised_words_with_a_full_stop_inside_are_sentences_not_a_title() {
    let t = "Nell Grey watched the stage.\n\n\"Here she comes,\" Grey said. \"The Boss. Big \
             Mama.\"";
    assert_eq!(
        quotes(t),
        [q("Here she comes,", Some("Nell Grey")), q("The Boss. Big Mama.", Some("Nell Grey"))]
    );
}

#[test]
fn a_capitalised_speech_noun_inside_a_sentence_is_a_name_and_reports_nothing() {
    let t = "The Post sent its \"chief village correspondent\" to the fair.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
}

#[test]
fn a_joined_verb_is_its_subjects_not_the_source_after_according_to() {
    let t = "Anna Berg lost her boat in the storm.\n\nBerg read the report on Friday, according \
             to the harbour lawyers, and said it left \"more questions than answers.\"";
    assert_eq!(quotes(t), [q("more questions than answers.", Some("Anna Berg"))]);
}

/// A quotation after a pronoun's verb in a sentence that a named speaker closes (`…, said Ann
/// Bell.`, `…," Ann Bell said.`) is the named speaker's: the pronoun may mean anybody talked
/// about before (here a person whose gender no word tells).
#[test]
fn a_named_speaker_closing_the_sentence_wins_over_a_pronoun_before_the_quotation() {
    let t = "\"We are ready,\" Cal Dunn said. She wrote \"a long report\", said Ann Bell.";
    assert_eq!(
        quotes(t),
        [q("We are ready,", Some("Cal Dunn")), q("a long report", Some("Ann Bell"))]
    );
    let t = "Cal Dunn chaired the meeting.\n\nHe called the plan \"a disgrace for the town,\" \
             Ann Bell said.";
    assert_eq!(quotes(t), [q("a disgrace for the town,", Some("Ann Bell"))]);
    let t = "Cal Dunn chaired the meeting.\n\nShe called the plan \"a disgrace,\" said Ann Bell, \
             who sat beside him.";
    assert_eq!(quotes(t), [q("a disgrace,", Some("Ann Bell"))]);
    // A named speaker who says words of her own later in the sentence leaves the pronoun's.
    let t = "Cal Dunn chaired the meeting.\n\nHe said the plan was \"a disgrace\" and Ann Bell \
             said it was \"a farce\".";
    assert_eq!(quotes(t), [q("a disgrace", Some("Cal Dunn")), q("a farce", Some("Ann Bell"))]);
}
