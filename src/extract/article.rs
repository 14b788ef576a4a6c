//! One article through every stage: marks, tokens, names, attribution, resolution.
//!
//! Two passes over the article, both linear: the first gathers the names (so a bare surname
//! anywhere finds the full name), the second attributes quotations in reading order, keeping
//! track of who was talked about last.

use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::attribution::{Attribution, Mention, MentionAt, Reader, Reports, Sentence, Speakers};
use super::lexicon::{self, Lexicon, PronounKind, WordClass};
use super::marks::{self, Piece, Span};
use super::names::{self, Entity, NameRun, Registry};
use super::resolve::{Resolved, Salience, Scope, SpeakerKind, resolve};
use super::tokens::{Buffers, Kind, Paragraph, Token};
use super::{Quote, QuoteKind};

/// What was found for one quotation.
#[derive(Clone, Debug, Default)]
struct Found {
    attribution: Attribution,
    speaker: Option<Resolved>,
    mention: Option<Range<usize>>,
    cue: Option<Range<usize>>,
    /// Who spoke last before it, within a paragraph: whom a quotation with no cue continues.
    last_speaker: Option<Resolved>,
}

/// The longest quotation, in bytes with its marks, that reads as a name or a title rather than
/// speech when it stands alone after a verb (`nicknamed "King James"`).
const SHORT_QUOTE: usize = 24;

/// How many of the last reported clauses a `they` with nobody resolved may refer to.
const RECENT_REPORTS: usize = 3;

/// A reported clause found in a sentence, with its speaker.
#[derive(Clone, Debug)]
struct Reported {
    /// The clause's bytes: one range, or two around the cue (on the stack).
    content: SmallVec<[Range<usize>; 2]>,
    /// The quotations inside it, by index (on the stack: most hold none).
    quotes: SmallVec<[usize; 2]>,
    speaker: Option<Resolved>,
    mention: Option<Range<usize>>,
    cue: Range<usize>,
}

/// Every quotation of the article, in reading order; with `reported`, every attribution
/// (see [`super::Extractor::attributions`]).
pub(super) fn quotes(
    text: &str,
    paragraphs: &[Range<usize>],
    lex: &Lexicon,
    reported: bool,
) -> Vec<Quote> {
    let mut spans = marks::scan(text, paragraphs, lex, doubled_pairs(lex, reported));
    // Names and salience only serve attribution: an article without quotations needs neither,
    // unless reported speech is asked for.
    if spans.is_empty() && !reported {
        return Vec::new();
    }
    spans.sort_by_key(|s| s.pieces[0].outer.start);
    // Every quoted piece with its quotation's index, in one list ordered by paragraph and then
    // by place (a stable sort: as one list per paragraph would be, with one allocation).
    let mut pieces: Vec<(usize, &Piece)> = (spans.iter().enumerate())
        .flat_map(|(q, span)| span.pieces.iter().map(move |piece| (q, piece)))
        .filter(|(_, piece)| piece.para < paragraphs.len())
        .collect();
    pieces.sort_by_key(|(_, p)| (p.para, p.outer.start));
    let mut buffers = Buffers::with_capacity(text.len(), paragraphs.len());
    let mut rest: &[(usize, &Piece)] = &pieces;
    for (i, r) in paragraphs.iter().enumerate() {
        let n = rest.iter().take_while(|(_, p)| p.para == i).count();
        let (these, after) = rest.split_at(n);
        buffers.read(text, r.clone(), these, lex);
        rest = after;
    }
    let paras = buffers.paragraphs();
    // A headline in title case (`Mayor Slams Budget Plan`) runs every word into names.
    let headline = |i: usize, p: &Paragraph| i == 0 && title_case(text, p.tokens);
    // The name runs of all paragraphs in one buffer, each paragraph's a range of it.
    // About one name every sixty bytes of prose.
    let mut all_runs = Vec::with_capacity(text.len() / 60 + 4);
    let mut bounds = Vec::with_capacity(paras.len());
    for (i, p) in paras.iter().enumerate() {
        let start = all_runs.len();
        names::runs(text, p.tokens, &mut all_runs);
        if headline(i, p) {
            keep_headline_speakers(&mut all_runs, start, p.tokens);
        }
        bounds.push(start..all_runs.len());
    }
    let reg = {
        let mut rest: &mut [NameRun] = &mut all_runs;
        let mut both: Vec<(&[Token], &mut [NameRun])> = Vec::with_capacity(paras.len());
        for (p, b) in paras.iter().zip(&bounds) {
            let (these, after) = std::mem::take(&mut rest).split_at_mut(b.len());
            both.push((p.tokens, these));
            rest = after;
        }
        Registry::build(text, &mut both, lex)
    };
    let runs: Vec<&[NameRun]> = bounds.iter().map(|b| &all_runs[b.clone()]).collect();
    let (found, reports) = attribute_all(text, &spans, &paras, &runs, &reg, lex, reported);
    let mut quotes = assemble(text, &spans, found, lex);
    speak_on(&spans, &mut quotes);
    if !reported {
        return quotes.into_iter().map(|(_, q)| q).collect();
    }
    let mut out = merge(text, quotes, reports);
    if reported && !lex.doubled_apostrophe_quotes {
        for q in &mut out {
            doubled_as_reported(text, q);
        }
    }
    out
}

/// Whether two apostrophes pair as quote marks: where the lexicon says so, and always for
/// reported speech. Where they are no quote mark (the default), `''It's anti-reform,'' said
/// Burman` is still Burman's speech, written as linguistic corpora write `"`: the pair is read
/// as marks so that the sentence and its cue are found, and what it holds is given as reported
/// speech (see [`doubled_as_reported`]).
pub(super) fn doubled_pairs(lex: &Lexicon, reported: bool) -> bool {
    lex.doubled_apostrophe_quotes || reported
}

/// Words set off by two apostrophes (`''It's anti-reform,'' he said`) read as reported speech,
/// where the lexicon takes no such pair for a quotation: they are no quoted words.
fn doubled_as_reported(text: &str, q: &mut Quote) {
    let doubled = |r: &Range<usize>| {
        text.get(..r.start).is_some_and(|before| before.trim_end().ends_with("''"))
    };
    if q.quoted.iter().any(doubled) {
        q.quoted.retain(|r| !doubled(r));
        if q.quoted.is_empty() {
            q.kind = QuoteKind::Indirect;
        }
    }
}

/// Quotations and reported clauses in one list, in reading order: a quotation inside a
/// reported clause becomes that clause's quoted words (`said the talks were "useful"`).
fn merge(text: &str, quotes: Vec<(usize, Quote)>, reports: Vec<Reported>) -> Vec<Quote> {
    let mut absorbed = vec![false; quotes.iter().map(|(q, _)| q + 1).max().unwrap_or(0)];
    let mut out = Vec::with_capacity(quotes.len() + reports.len());
    for r in reports {
        // Most reported clauses hold no quotation: the list of quotations is not read for them.
        let inside: Vec<&Quote> = match r.quotes.is_empty() {
            true => Vec::new(),
            false => (quotes.iter())
                .filter(|(q, _)| r.quotes.contains(q))
                .map(|(_, quote)| quote)
                .collect(),
        };
        for &q in &r.quotes {
            if let Some(a) = absorbed.get_mut(q) {
                *a = true;
            }
        }
        let quoted: Vec<Range<usize>> =
            inside.iter().flat_map(|q| q.quoted.iter().cloned()).collect();
        let (mut speaker, mut speaker_kind) = (
            r.speaker.as_ref().map(|s| String::from(&*s.name)),
            r.speaker.as_ref().map(|s| s.kind),
        );
        if speaker.is_none()
            && let Some(q) = inside.iter().find(|q| q.speaker.is_some())
        {
            speaker = q.speaker.clone();
            speaker_kind = q.speaker_kind;
        }
        let pieces: Vec<Range<usize>> =
            r.content.into_iter().map(|c| trim(text, c)).filter(|c| !c.is_empty()).collect();
        if pieces.is_empty() {
            continue;
        }
        out.push(Quote {
            pieces,
            kind: if quoted.is_empty() { QuoteKind::Indirect } else { QuoteKind::Partial },
            quoted,
            speaker,
            speaker_kind,
            mention: r.mention,
            cue: Some(r.cue),
        });
    }
    let mut out = without_nested_repeats(out);
    out.extend(
        quotes
            .into_iter()
            .filter(|(q, _)| !absorbed.get(*q).copied().unwrap_or(false))
            .map(|(_, q)| q),
    );
    out.sort_by_key(|q| q.span().start);
    out
}

/// The reported clauses less those inside another clause of the same speaker: `Lavrov said
/// [Putin would not refuse a meeting to discuss ["specific" issues]]` reports Lavrov once. A
/// clause inside another speaker's is a statement of its own, and stays.
fn without_nested_repeats(mut reports: Vec<Quote>) -> Vec<Quote> {
    if reports.len() < 2 {
        return reports;
    }
    // Outer clauses first: by start, then the longest.
    reports.sort_by_key(|q| (q.span().start, std::cmp::Reverse(q.span().end)));
    // How far each speaker's clauses seen so far reach, by name (borrowed: nothing copied).
    let keep: Vec<bool> = {
        let mut reach: FxHashMap<Option<&str>, usize> = FxHashMap::default();
        (reports.iter())
            .map(|q| {
                let end = q.span().end;
                let far = reach.entry(q.speaker.as_deref()).or_insert(0);
                let outside = end > *far;
                *far = (*far).max(end);
                outside
            })
            .collect()
    };
    let mut keep = keep.into_iter();
    reports.retain(|_| keep.next().unwrap_or(true));
    reports
}

/// `range` of `text` less white space at either end.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(range.clone()) else { return range.start..range.start };
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// The second pass: each quotation attributed in its sentence, in reading order.
fn attribute_all(
    text: &str,
    spans: &[Span],
    paras: &[Paragraph],
    runs: &[&[NameRun]],
    reg: &Registry,
    lex: &Lexicon,
    reported: bool,
) -> (Vec<Found>, Vec<Reported>) {
    let mut found = vec![Found::default(); spans.len()];
    // About one reported clause a sentence: room for them all at once, rather than grown and
    // copied as they come.
    let mut reports = Vec::with_capacity(paras.iter().map(|p| p.sentences.len()).sum());
    // A sentence's reports as attribution finds them: one buffer for the article.
    let mut sentence_reports = Reports::new();
    let mut salience = Salience::default();
    let mut colon_intro: Option<Found> = None;
    // Who spoke last (in a quotation or in reported speech) and in which paragraph.
    let mut last_speaker: Option<(Resolved, usize)> = None;
    // One buffer for the whole article, refilled for each paragraph.
    let mut run_at = Vec::new();
    // The speakers of the paragraph's cues: one buffer for the whole article.
    let speakers = RefCell::new(Speakers::default());
    for (i, (p, runs)) in paras.iter().zip(runs).enumerate() {
        run_index(&mut run_at, p.tokens.len(), runs);
        speakers.borrow_mut().clear();
        let reader =
            Reader { text, tokens: p.tokens, runs, run_at: &run_at, lex, speakers: &speakers };
        let cx = Scope { text, tokens: p.tokens, runs, reg, lex };
        let mut next_run = 0;
        let intro = colon_intro.take();
        // `The governor added:` closing a paragraph, and a paragraph with no quote marks after
        // it: the paragraph is what he said, reported.
        if reported
            && let Some(intro) = &intro
            && let (Some(speaker), Some(first), Some(last)) =
                (&intro.speaker, p.tokens.first(), p.tokens.last())
            && let Some(cue) = intro.cue.clone().or_else(|| intro.mention.clone())
            && !p.tokens.iter().any(|t| matches!(t.kind, Kind::Quote(_)))
        {
            reports.push(Reported {
                content: std::iter::once(first.range.start..last.range.end).collect(),
                quotes: SmallVec::new(),
                speaker: Some(speaker.clone()),
                mention: intro.mention.clone(),
                cue,
            });
        }
        let headline = reported && i == 0 && title_case(text, p.tokens);
        for s in p.sentences {
            let mut sentence = reader.sentence(s.clone());
            sentence.headline = headline;
            sentence.opening = i == 0;
            // On the stack: one list for every sentence.
            let mut spoke: SmallVec<[Entity; 4]> = SmallVec::new();
            let mut has_quote = false;
            // The sentence's quote marks, picked off the slice (if the paragraph has any).
            let marks = p.tokens.get(s.clone()).filter(|_| p.quoted);
            let marks = marks.unwrap_or_default().iter().enumerate();
            let marks = marks.filter_map(|(i, t)| match t.kind {
                Kind::Quote(q) => Some((s.start + i, q as usize)),
                _ => None,
            });
            for (k, q) in marks {
                has_quote = true;
                let span = &spans[q];
                let start = p.tokens[k].range.start;
                let first = span.pieces[0].para == i && span.pieces[0].outer.start == start;
                let last =
                    span.pieces.last().is_some_and(|l| l.para == i && l.outer.start == start);
                // A quotation over paragraphs is attributed where it starts, or where it ends
                // (`…," he said.`) when its start says nothing.
                if !(first || last && found[q].speaker.is_none()) {
                    continue;
                }
                // `He said:` closing the last paragraph introduces this one.
                if first
                    && k == 0
                    && let Some(intro) = &intro
                    && reader.attribute(k, &sentence).cue.is_none()
                {
                    found[q] = intro.clone();
                    continue;
                }
                let here = Here { reader: &reader, cx: &cx, sentence: &sentence, tokens: p.tokens };
                if let Some((f, entity)) = here.quote(k, first, &salience) {
                    spoke.extend(entity);
                    found[q] = f;
                }
                let f = &mut found[q];
                match &f.speaker {
                    Some(speaker) => last_speaker = Some((speaker.clone(), i)),
                    None if f.cue.is_none() => {
                        // Continued, the speaker goes on for the paragraph after this one.
                        last_speaker = last_speaker.take().filter(|(_, para)| para + 1 >= i);
                        f.last_speaker = last_speaker.as_mut().map(|(speaker, para)| {
                            *para = i;
                            speaker.clone()
                        });
                    }
                    None => {}
                }
            }
            if reported {
                sentence.quoted = has_quote;
                let here = Here { reader: &reader, cx: &cx, sentence: &sentence, tokens: p.tokens };
                here.reports(&found, spans, &salience, &mut sentence_reports, &mut reports);
            }
            let end = runs[next_run..].iter().take_while(|r| r.tokens.start < s.end).count();
            if !sentence.about_pronoun {
                salience.read_sentence(runs[next_run..next_run + end].iter(), reg);
            }
            next_run += end;
            if !has_quote
                && let Some(m) = reader.sentence_speaker(&sentence)
                && let Some((speaker, entity)) = resolve(&m.what, &cx, &salience)
            {
                spoke.push(entity);
                last_speaker = Some((speaker, i));
            }
            for entity in spoke {
                salience.spoke(entity);
            }
            let ends_paragraph = s.end == p.tokens.len();
            if ends_paragraph
                && p.tokens[s.clone()].last().is_some_and(|t| t.kind == Kind::Punct(':'))
            {
                colon_intro = introduction(&reader, &cx, &salience, s.clone(), p.tokens);
            }
        }
    }
    (found, reports)
}

/// One sentence being read, with what reading it needs.
struct Here<'a> {
    reader: &'a Reader<'a>,
    cx: &'a Scope<'a>,
    sentence: &'a Sentence,
    tokens: &'a [Token],
}

impl Here<'_> {
    /// What the sentence says about the quotation token `k`: where the quotation starts
    /// (`first`), its attribution whatever it is; where it ends, only a named speaker. Also
    /// returns who spoke, for the pronouns that follow.
    fn quote(&self, k: usize, first: bool, salience: &Salience) -> Option<(Found, Option<Entity>)> {
        let mut attribution = self.reader.attribute(k, self.sentence);
        if !first && attribution.mention.is_none() {
            attribution.cue = None;
        }
        let resolved = attribution
            .mention
            .as_ref()
            .and_then(|m| resolve_in(m, self.reader, self.sentence, self.cx, salience));
        if !first && resolved.is_none() {
            return None;
        }
        let bytes =
            |r: &Range<usize>| self.tokens[r.start].range.start..self.tokens[r.end - 1].range.end;
        let mut f = Found {
            mention: attribution.mention.as_ref().map(|m| bytes(&m.tokens)),
            cue: attribution.cue.as_ref().map(bytes),
            speaker: None,
            last_speaker: None,
            attribution,
        };
        if !first {
            f.attribution.direct = true;
            f.attribution.reported = true;
        }
        let entity = resolved.map(|(speaker, entity)| {
            f.speaker = Some(speaker);
            entity
        });
        Some((f, entity))
    }
}

impl Here<'_> {
    /// The sentence's reported clauses, each with its speaker, added to `out` (`reports` is a
    /// buffer for them as attribution finds them).
    fn reports(
        &self,
        found: &[Found],
        spans: &[Span],
        salience: &Salience,
        reports: &mut Reports,
        out: &mut Vec<Reported>,
    ) {
        let quote_of = |k: usize| match self.tokens.get(k).map(|t| t.kind) {
            Some(Kind::Quote(q)) => Some(q as usize),
            _ => None,
        };
        // A short quotation (`nicknamed "King James"`) is a name or a title, not the
        // sentence's speech, however it stands.
        let short = |k: usize| self.tokens.get(k).is_some_and(|t| t.range.len() <= SHORT_QUOTE);
        let direct = |k: usize| {
            quote_of(k).is_some_and(|q| {
                let a = found.get(q).map(|f| &f.attribution);
                a.is_some_and(|a| a.direct && !(a.object_of_cue && short(k)))
                    || spans.get(q).is_some_and(|s| s.pieces.len() > 1)
            })
        };
        let bytes =
            |r: &Range<usize>| self.tokens[r.start].range.start..self.tokens[r.end - 1].range.end;
        self.reader.reports(self.sentence, direct, reports);
        for report in reports.iter() {
            let speaker = report.mention.as_ref().and_then(|m| {
                resolve_in(m, self.reader, self.sentence, self.cx, salience).map(|(s, _)| s)
            });
            // `they say` after `officials said`: a group pronoun the resolver leaves open is
            // the group (a plural) or body among the last few reported speakers.
            let they = report
                .mention
                .as_ref()
                .is_some_and(|m| m.what == Mention::Pronoun(PronounKind::Group));
            let speaker = speaker.or_else(|| {
                let recent = out.iter().rev().take(RECENT_REPORTS);
                they.then(|| {
                    recent.filter_map(|r| r.speaker.clone()).find(|s| {
                        s.kind == SpeakerKind::Organisation
                            || (s.kind == SpeakerKind::Unknown && s.name.ends_with('s'))
                    })
                })?
            });
            // Reported speech nobody can be named for is left out: `we talked` in a
            // transcript, a pronoun with nobody before it.
            if speaker.is_none() {
                continue;
            }
            // A sentence with no quotation needs no search for one.
            let quoted =
                |r: &Range<usize>| if self.sentence.quoted { r.clone() } else { r.start..r.start };
            let mut quotes: SmallVec<[usize; 2]> =
                quoted(&report.content).filter_map(quote_of).collect();
            let mut content: SmallVec<[Range<usize>; 2]> = SmallVec::new();
            content.push(bytes(&report.content));
            if let Some(rest) = report.rest.as_ref().filter(|r| !r.is_empty()) {
                quotes.extend(quoted(rest).filter_map(quote_of));
                content.push(bytes(rest));
            }
            out.push(Reported {
                content,
                quotes,
                speaker,
                mention: report.mention.as_ref().map(|m| bytes(&m.tokens)),
                cue: bytes(&report.cue),
            });
        }
    }
}

/// What a sentence ending in a colon (`He said:`) says about the quotation opening the next
/// paragraph.
fn introduction(
    reader: &Reader,
    cx: &Scope,
    salience: &Salience,
    sentence: Range<usize>,
    tokens: &[Token],
) -> Option<Found> {
    let sentence_end = sentence.end;
    let sentence = reader.sentence(sentence);
    let mut attribution = reader.attribute(sentence_end, &sentence);
    // `The opposition leader, Sarah Ng, was scathing:` names no cue, but its subject speaks.
    if attribution.mention.is_none() && attribution.cue.is_none() {
        attribution.mention = reader.named_person(&sentence, sentence_end);
    }
    let m = attribution.mention.as_ref()?;
    let (speaker, _) = resolve(&m.what, cx, salience)?;
    let bytes = |r: &Range<usize>| tokens[r.start].range.start..tokens[r.end - 1].range.end;
    Some(Found {
        mention: Some(bytes(&m.tokens)),
        cue: attribution.cue.as_ref().map(bytes),
        speaker: Some(speaker),
        last_speaker: None,
        attribution: Attribution { direct: true, reported: true, ..attribution },
    })
}

/// Resolves a mention in its sentence: a pronoun after the name the sentence starts with
/// means that name when it fits (`the Council pledged … what it called`), else whom the last
/// sentences were about.
fn resolve_in(
    m: &MentionAt,
    reader: &Reader,
    sentence: &Sentence,
    cx: &Scope,
    salience: &Salience,
) -> Option<(Resolved, Entity)> {
    // Whether the name's entity fits the pronoun is asked before resolving it, which copies
    // its name.
    if let Mention::Pronoun(kind) = m.what
        && let Some(subject) = reader.named_subject(sentence, m.tokens.start)
        && let Mention::Name(r) = subject.what
        && let Some(run) = cx.runs.get(r)
        && match (kind, run.entity) {
            (PronounKind::Person(gender), Entity::Person(id)) => {
                cx.reg.persons.get(id).is_some_and(|p| lexicon::fits(p.gender, gender))
            }
            (PronounKind::Organisation, Entity::Org(_) | Entity::Other) => true,
            _ => false,
        }
        && let Some(found) = resolve(&subject.what, cx, salience)
    {
        return Some(found);
    }
    resolve(&m.what, cx, salience)
}

/// Fills `at` with, for each of `len` tokens, the run it belongs to.
fn run_index(at: &mut Vec<Option<usize>>, len: usize, runs: &[NameRun]) {
    at.clear();
    at.resize(len, None);
    for (r, run) in runs.iter().enumerate() {
        for slot in &mut at[run.tokens.clone()] {
            *slot = Some(r);
        }
    }
}

/// Puts the words of `s` into `out` from `out[*n]` on, counting them in `n`, until `out` is
/// full: the words `split_whitespace` gives, with ASCII bytes told apart without decoding
/// (this runs for every quotation, and the library's splitter decodes every character).
fn push_words<'t>(s: &'t str, out: &mut [&'t str], n: &mut usize) {
    let mut i = 0;
    while *n < out.len() {
        // White space, then a word: each read in a loop of its own.
        while let Some((true, len)) = white_at(s, i) {
            i += len;
        }
        let from = i;
        while let Some((false, len)) = white_at(s, i) {
            i += len;
        }
        if from == i {
            return;
        }
        out[*n] = s.get(from..i).unwrap_or_default();
        *n += 1;
    }
}

/// Whether the character at byte `i` of `s` is white space (`char::is_whitespace`), and its
/// length; `None` at the end.
#[inline]
fn white_at(s: &str, i: usize) -> Option<(bool, usize)> {
    match *s.as_bytes().get(i)? {
        b' ' | b'\t'..=b'\r' => Some((true, 1)),
        b if b.is_ascii() => Some((false, 1)),
        _ => s.get(i..)?.chars().next().map(|c| (c.is_whitespace(), c.len_utf8())),
    }
}

/// Turns what was found into quotes: scare quotes and titles dropped, a quotation with no
/// attribution of its own continuing the speaker of the one just before it.
fn assemble(text: &str, spans: &[Span], found: Vec<Found>, lex: &Lexicon) -> Vec<(usize, Quote)> {
    // At most one quote a span.
    let mut out: Vec<(usize, Quote)> = Vec::with_capacity(spans.len());
    for (q, (span, f)) in spans.iter().zip(found).enumerate() {
        // The words are asked for their number up to three, for a title's at most eight, and
        // for the last one: a long quotation is not split from end to end.
        // On the stack: there is one such list for every quotation.
        let mut first_words = [""; TITLE_WORDS + 1];
        let mut n = 0;
        for p in &span.pieces {
            push_words(text.get(p.inner.clone()).unwrap_or_default(), &mut first_words, &mut n);
        }
        let words = &first_words[..n];
        let last_word = if words.len() <= TITLE_WORDS {
            words.last().copied()
        } else {
            span.pieces
                .iter()
                .rev()
                .find_map(|p| text[p.inner.clone()].split_whitespace().next_back())
        };
        let multi = span.pieces.len() > 1;
        let joined = coordinated(text, out.last(), span);
        let a = &f.attribution;
        let direct = a.direct || multi;
        let report = if multi {
            true
        } else if is_title(words, lex) {
            // A name or title in quote marks is quoted speech only inside what is reported
            // (`called her "Miss Piggy"`), never as the frame or a work's title, which a
            // possessive gives away (`told MSNBC's "Morning Joe"`).
            !after_possessive(text, span.pieces[0].outer.start)
                && ((a.cue_before && !a.object_of_cue) || (direct && f.speaker.is_some()))
        } else if direct {
            a.reported
                || words.len() >= 3
                || last_word.is_some_and(|w| w.ends_with(['.', '?', '!', ',']))
        } else {
            a.reported || joined
        };
        if !report {
            continue;
        }
        let pieces: Vec<Range<usize>> = span.pieces.iter().map(|p| p.inner.clone()).collect();
        let mut quote = Quote {
            quoted: pieces.clone(),
            pieces,
            kind: if direct { QuoteKind::Direct } else { QuoteKind::Partial },
            speaker_kind: f.speaker.as_ref().map(|s| s.kind),
            speaker: f.speaker.map(|s| String::from(&*s.name)),
            mention: f.mention,
            cue: f.cue,
        };
        // In a list of quotations, one with no speaker of its own is the list's speaker's.
        if quote.speaker.is_none()
            && joined
            && let Some((_, prev)) = out.last()
        {
            quote.speaker.clone_from(&prev.speaker);
            quote.speaker_kind = prev.speaker_kind;
        }
        // A quotation with no cue of its own continues whoever spoke just before it.
        if quote.speaker.is_none() && quote.cue.is_none() && direct {
            quote.speaker_kind = f.last_speaker.as_ref().map(|s| s.kind);
            quote.speaker = f.last_speaker.map(|s| String::from(&*s.name));
        }
        out.push((q, quote));
    }
    out
}

/// A quotation with no speaker that goes on in the next paragraph and is attributed there
/// (`“…` ¶ `“…,” she said.`, see [`Span::continues`]) is that speaker's, with the words that
/// name them and the cue: a row with a speaker shows where the text names them, though that
/// is in the next paragraph. One that continues someone (`“…,” Pike said. “…` ¶ `“…,” said
/// Shah.`) stays theirs.
fn speak_on(spans: &[Span], quotes: &mut [(usize, Quote)]) {
    for i in 1..quotes.len() {
        let (before, after) = quotes.split_at_mut(i);
        let ((q, next), Some((p, prev))) = (&after[0], before.last_mut()) else { continue };
        let goes_on = spans.get(*q).is_some_and(|s| s.continues) && *p + 1 == *q;
        if goes_on && next.speaker.is_some() && prev.speaker.is_none() {
            prev.speaker.clone_from(&next.speaker);
            prev.speaker_kind = next.speaker_kind;
            prev.mention.clone_from(&next.mention);
            prev.cue.clone_from(&next.cue);
        }
    }
}

/// True when `span` follows the quotation kept just before it in a list (`as a "human leech"
/// and a "spoiled brat"`, `"false" or "pants on fire"`): it is reported as that one is.
fn coordinated(text: &str, before: Option<&(usize, Quote)>, span: &Span) -> bool {
    let Some((_, prev)) = before else { return false };
    let (Some(end), Some(first)) = (prev.quoted.last(), span.pieces.first()) else { return false };
    // From after the last quoted word to the opening mark: the closing mark, and then only
    // a comma, `and`, `or`, an article.
    let Some(between) = text.get(end.end..first.outer.start) else { return false };
    between.len() <= 16
        && between.split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(w.to_ascii_lowercase().as_str(), "" | "and" | "or" | "a" | "an" | "the")
        })
}

/// The names of a headline in title case that read as its speaker: the name it opens with
/// before a colon (`Pat Doyle: Voters Are Worried`), or a name before a speech verb (`…, Ruth
/// Evans Says`). Its other capitalised words would run into false names.
fn keep_headline_speakers(runs: &mut Vec<NameRun>, from: usize, tokens: &[Token]) {
    let opens = |r: &NameRun| tokens[..r.tokens.start].iter().all(|t| t.kind != Kind::Word);
    let headline = runs.split_off(from);
    runs.extend(headline.into_iter().filter(|r| match tokens.get(r.tokens.end) {
        Some(t) if t.kind == Kind::Punct(':') => opens(r),
        Some(t) => t.class.contains(WordClass::SPEECH_VERB),
        None => false,
    }));
}

/// True for a paragraph of a few words, nearly all capitalised: a headline in title case.
fn title_case(text: &str, tokens: &[Token]) -> bool {
    let (mut n, mut capitalised) = (0, 0);
    for t in tokens {
        match t.kind {
            Kind::Word => {
                n += 1;
                capitalised += usize::from(t.is_capitalised());
            }
            // A quotation's words count too: a headline quotes in title case (`Clinton Speaks
            // 'Directly To White People'`), a sentence in prose (`Residents "want answers now,"
            // said Mayor Jane Okafor`, which is mostly names without them).
            Kind::Quote(_) => {
                for word in text.get(t.range.clone()).unwrap_or_default().split_whitespace() {
                    let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else { continue };
                    n += 1;
                    capitalised += usize::from(first.is_uppercase() || first.is_numeric());
                }
            }
            Kind::Punct(_) => {}
        }
        // Past twenty words no headline: a paragraph that is a whole book need not be counted.
        if n > 20 {
            return false;
        }
    }
    (4..=20).contains(&n) && capitalised * 5 >= n * 4
}

/// True when the text just before byte `at` ends in a possessive (`MSNBC's`, `the network’s`).
fn after_possessive(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default().trim_end();
    ["'s", "’s", "s'", "s’"].iter().any(|p| before.ends_with(p))
}

/// The most words a title (see [`is_title`]) has.
const TITLE_WORDS: usize = 8;

/// Words that read as a title (`Fox News Sunday`, `Shark Tank`): every main word capitalised,
/// a few words, no sentence punctuation.
fn is_title(words: &[&str], lex: &Lexicon) -> bool {
    if words.is_empty() || words.len() > TITLE_WORDS {
        return false;
    }
    let last = words[words.len() - 1];
    if last.ends_with(['?', '!', ':', ';']) {
        return false;
    }
    // A full stop after a whole word before the last ends a sentence (`The Donald. Big
    // Daddy.`); an initial or a short abbreviation (`George W. Bush`, `St. Louis`) does not.
    let sentence_end =
        |w: &&str| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 3;
    if words[..words.len() - 1].iter().any(sentence_end) {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        // A full stop after a small word ends a sentence, not a title.
        let small = !w.ends_with('.') && lex.class_of(w).contains(WordClass::TITLE_SMALL);
        small || w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_words_splits_as_split_whitespace_does() {
        let texts = [
            "",
            "   ",
            "one",
            " We will  not\tgo,\r\n he said ",
            "a\u{a0}b\u{2003}c\u{85}d\u{1c}e\u{b}f\u{c}g",
            "Zelenskyy’s «words» — «ours»\u{3000}end",
            "one two three four five six seven eight nine ten eleven",
        ];
        for text in texts {
            let all: Vec<&str> = text.split_whitespace().collect();
            for room in 0..12 {
                let mut out = vec![""; room];
                let mut n = 0;
                push_words(text, &mut out, &mut n);
                assert_eq!(&out[..n], &all[..all.len().min(room)], "{text:?}, room {room}");
            }
        }
        // From a later piece on: the words follow those already there.
        let mut out = [""; 4];
        let mut n = 0;
        push_words("a b", &mut out, &mut n);
        push_words(" c d e", &mut out, &mut n);
        assert_eq!(out, ["a", "b", "c", "d"]);
    }
}
