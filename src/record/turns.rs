//! Whose words a record holds: a transcript's labelled turns (`MAYOR HANNA LEE:`, `Mr Putin:`,
//! `Q:`, and the forms transcription services write: `[00:01:02] LEE:`, `>> LEE:`,
//! `Lee (Mayor):`, `Hanna Lee (00:00:05):`, `Speaker 1 (Hanna Lee):`, `Q.`), or the whole text
//! one speaker's.

use std::ops::Range;

/// A record's speakers and the stretches of text each said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Turns {
    /// The speakers' labels as first written (`MAYOR HANNA LEE`), one a speaker.
    pub speakers: Vec<String>,
    /// The turns in reading order.
    pub turns: Vec<Turn>,
    /// Byte offsets of the paragraphs that start like a label but were not read as one
    /// (`Mayor Lee —`): their words, to the next label, are in no turn.
    pub missed: Vec<usize>,
}

/// One speaker's words, from after the label to the next label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// The speaker: an index into [`Turns::speakers`].
    pub speaker: u32,
    /// Byte range of the words in the record.
    pub range: Range<usize>,
}

/// The most words a label has (`FOREIGN MINISTER SERGEI LAVROV` is four).
const MAX_LABEL_WORDS: usize = 6;

/// Title-case words that end in a colon at a line's start without naming anyone.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "update",
    "editor's note",
    "watch",
    "read",
    "read more",
    "source",
    "sources",
    "photo",
    "video",
    "related",
    "correction",
    "listen",
    "transcript",
    "see also",
    "warning",
    "location",
    "date",
    "time",
    "subject",
    "title",
];

/// Small words a name may hold in lower case (`Ursula von der Leyen`).
const JOINERS: &[&str] = &["von", "van", "der", "de", "da", "del", "la", "le", "bin", "al", "el"];

/// Labels of the questioners of a press conference: turns of their own, never a named person.
const ANONYMOUS: &[&str] =
    &["q", "question", "reporter", "journalist", "audience", "audience member", "unidentified"];

/// True when `label` names nobody in particular (`Q`, `REPORTER`).
pub fn is_anonymous(label: &str) -> bool {
    let lower = label.to_lowercase();
    ANONYMOUS.contains(&lower.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

impl Turns {
    /// The whole of `text` as the words of `speaker` (a speech, a statement).
    pub fn whole(text: &str, speaker: &str) -> Self {
        Turns {
            speakers: vec![speaker.to_string()],
            turns: vec![Turn { speaker: 0, range: 0..text.len() }],
            missed: Vec::new(),
        }
    }

    /// The labelled turns of a transcript; none when no line starts with a label.
    pub fn parse(text: &str) -> Self {
        let mut out = Turns::default();
        // (speaker, start of its words) of the turn being read.
        let mut open: Option<(u32, usize)> = None;
        let mut line_start = 0;
        // Only a paragraph's first line is suspected of a label: a hard-wrapped turn's lines
        // start anywhere in a sentence (`Ukraine — and I mean it — …`).
        let mut paragraph_start = true;
        for line in text.split_inclusive('\n') {
            if let Some((label, words_at)) = label(line) {
                if let Some((speaker, start)) = open.take() {
                    out.turns.push(Turn { speaker, range: start..line_start });
                }
                let speaker = out.speaker_id(label);
                open = Some((speaker, line_start + words_at));
            } else if paragraph_start && looks_like_label(line) {
                // Maybe another speaker's words: the turn before ends, and they are nobody's.
                if let Some((speaker, start)) = open.take() {
                    out.turns.push(Turn { speaker, range: start..line_start });
                }
                out.missed.push(line_start);
            }
            paragraph_start = line.trim().is_empty();
            line_start += line.len();
        }
        if let Some((speaker, start)) = open {
            out.turns.push(Turn { speaker, range: start..text.len() });
        }
        out
    }

    /// The id of `label`'s speaker, added if new; labels differing only in case and spacing
    /// (`PUTIN`, `Putin`) are one speaker.
    fn speaker_id(&mut self, label: &str) -> u32 {
        let key = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let wanted = key(label);
        let found = self.speakers.iter().position(|s| key(s) == wanted);
        let id = found.unwrap_or_else(|| {
            self.speakers.push(label.split_whitespace().collect::<Vec<_>>().join(" "));
            self.speakers.len() - 1
        });
        u32::try_from(id).unwrap_or(u32::MAX)
    }

    /// The label of speaker `id`.
    pub fn speaker(&self, id: u32) -> Option<&str> {
        self.speakers.get(id as usize).map(String::as_str)
    }
}

/// The label a line starts with, and where the words after it start in the line.
fn label(line: &str) -> Option<(&str, usize)> {
    let at = label_start(line);
    let rest = &line[at..];
    // Markdown emphasis around the label: `**PUTIN:**` or `**PUTIN**:`.
    let marks = rest.len() - rest.trim_start_matches(['*', '_']).len();
    let body = &rest[marks..];
    if let Some(words_at) = questioner(body) {
        return Some(("Q", at + marks + words_at));
    }
    let colon = label_end(head(body))?;
    let label = named(body[..colon].trim_end_matches(['*', '_']).trim())?;
    let mut after = colon + 1;
    let tail = &body[after..];
    after += tail.len() - tail.trim_start_matches(['*', '_']).len();
    let tail = &body[after..];
    // `PUTIN: words`, not `10:30` or `http://`.
    if !(tail.is_empty() || tail.starts_with(char::is_whitespace)) || !is_label(label) {
        return None;
    }
    let words_at = at + marks + after + (tail.len() - tail.trim_start().len());
    Some((label, words_at))
}

/// Where a line's label would start: after its indent, a caption's `>>` and a timestamp
/// (`[00:01:02]`, `(00:01:02)`, `00:01:02`).
fn label_start(line: &str) -> usize {
    let skip_space = |at: usize| line.len() - line[at..].trim_start().len();
    let mut at = skip_space(0);
    if line[at..].starts_with(">>") {
        at = skip_space(at + 2);
    }
    if let Some(len) = timestamp_len(&line[at..]) {
        let after = at + len;
        if line[after..].starts_with(char::is_whitespace) {
            at = skip_space(after);
        }
    }
    at
}

/// The length of the timestamp `s` starts with: `1:02`, `00:01:02`, `00:01:02.5`, bare or in
/// brackets or parentheses.
fn timestamp_len(s: &str) -> Option<usize> {
    let close = match s.chars().next()? {
        '[' => Some(']'),
        '(' => Some(')'),
        _ => None,
    };
    let open = usize::from(close.is_some());
    let digits = |from: usize| {
        s[from..].len() - s[from..].trim_start_matches(|c: char| c.is_ascii_digit()).len()
    };
    let mut at = open;
    let first = digits(at);
    if !(1..=2).contains(&first) {
        return None;
    }
    at += first;
    let mut groups = 0;
    while s[at..].starts_with(':') && digits(at + 1) == 2 && groups < 2 {
        at += 3;
        groups += 1;
    }
    if groups == 0 {
        return None;
    }
    if s[at..].starts_with(['.', ',']) && digits(at + 1) > 0 {
        at += 1 + digits(at + 1);
    }
    match close {
        Some(c) if s[at..].starts_with(c) => Some(at + 1),
        Some(_) => None,
        None => Some(at),
    }
}

/// True when all of `s` is a timestamp.
fn is_timestamp(s: &str) -> bool {
    timestamp_len(s) == Some(s.len())
}

/// Where the words after a questioner's `Q.` or `Q` (`Q. What about the wall?`) start in
/// `rest`, when it starts with one.
fn questioner(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix('Q')?;
    let dotted = after.strip_prefix('.');
    // `**Q.** What…`: the emphasis closes after the dot.
    let after = dotted.map_or(after, |a| a.trim_start_matches(['*', '_']));
    let words = after.trim_start();
    let spaced = words.len() < after.len() || words.is_empty();
    // `Q What…` or `Q. what…`, never `Quite` or `Q is for…`.
    let question = dotted.is_some() || words.starts_with(|c: char| !c.is_lowercase());
    (spaced && question).then_some(rest.len() - words.len())
}

/// The byte offset of the colon that ends the label `s` starts with: the first outside
/// parentheses and brackets (`Hanna Lee (00:00:05):`).
fn label_end(s: &str) -> Option<usize> {
    let mut depth = 0u32;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ':' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// The speaker a label names, once what follows the name in parentheses is read: a timestamp
/// (`Hanna Lee (00:00:05)`) or a role (`Lee (Mayor)`) is left out, and an unnamed speaker's
/// number gives way to the name beside it (`Speaker 1 (Hanna Lee)`).
fn named(label: &str) -> Option<&str> {
    let mut label = label;
    // At most a name and a timestamp: `Speaker 1 (Hanna Lee) [00:00:05]`.
    for _ in 0..2 {
        let Some(open) = label.strip_suffix([')', ']']).and_then(|l| l.rfind(['(', '['])) else {
            break;
        };
        let outer = label[..open].trim_end();
        let inner = label[open + 1..label.len() - 1].trim();
        if outer.is_empty() {
            return None;
        }
        label = if is_timestamp(inner) || !is_numbered_speaker(outer) { outer } else { inner };
    }
    Some(label)
}

/// `Speaker 1`, `SPEAKER 2`: a transcription service's name for a voice it could not name.
fn is_numbered_speaker(label: &str) -> bool {
    let mut words = label.split_whitespace();
    let (Some(word), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let letter = number.len() == 1 && number.starts_with(|c: char| c.is_ascii_uppercase());
    word.eq_ignore_ascii_case("speaker") && (letter || number.chars().all(|c| c.is_ascii_digit()))
}

/// The first 80 bytes or so of `s`, where a label must end.
fn head(s: &str) -> &str {
    let cut = (0..=s.len().min(80)).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
    &s[..cut]
}

/// True when `line`, not read as a label, starts like one: a few capitalised words (beside
/// numbers or words in parentheses) before a colon or a dash (`Mayor Lee —`, `Lee, Mayor:`).
fn looks_like_label(line: &str) -> bool {
    let rest = line[label_start(line)..].trim_start_matches(['*', '_']);
    let head = head(rest).trim_end();
    let seps = [": ", ":\t", " — ", " – ", " -- ", " - "];
    let last = head.ends_with(':').then(|| head.len() - 1);
    let Some(end) = seps.iter().filter_map(|sep| head.find(sep)).chain(last).min() else {
        return false;
    };
    let before = head[..end].trim_end_matches(['*', '_']);
    // The words outside parentheses and brackets, numbers left out.
    let mut depth = 0u32;
    let outside: String = before
        .chars()
        .map(|c| {
            let inside = depth > 0 || matches!(c, '(' | '[');
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if inside || matches!(c, ')' | ']') { ' ' } else { c }
        })
        .collect();
    let words: Vec<&str> = outside
        .split_whitespace()
        .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase) || JOINERS.contains(w);
    let name = words.join(" ").to_lowercase();
    (1..=MAX_LABEL_WORDS).contains(&words.len())
        && words.iter().all(capitalised)
        && !NOT_SPEAKERS.contains(&name.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// A speaker's label: one to a few words, each capitalised (or a joiner), letters only bar
/// an initial's full stop, an apostrophe or a hyphen; or an unnamed speaker (`Speaker 1`).
fn is_label(label: &str) -> bool {
    if is_numbered_speaker(label) {
        return true;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_LABEL_WORDS {
        return false;
    }
    let lower = label.to_lowercase();
    if NOT_SPEAKERS.contains(&lower.as_str()) {
        return false;
    }
    let letters = |w: &str| {
        w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
            && w.chars().any(char::is_alphabetic)
    };
    let named = |w: &str| w.starts_with(char::is_uppercase) || JOINERS.contains(&w);
    words.iter().all(|w| letters(w) && named(w)) && words[0].starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> Vec<(String, String)> {
        let t = Turns::parse(text);
        t.turns
            .iter()
            .map(|turn| {
                let who = t.speaker(turn.speaker).unwrap_or_default().to_string();
                (who, text[turn.range.clone()].trim().to_string())
            })
            .collect()
    }

    #[test]
    fn labels_start_turns() {
        let text = "Press conference\n\nMAYOR HANNA LEE: We will open the bridge.\n\
                    Q: When?\n\n**Mr Putin:** Not yet.\nStill not.\nPUTIN: Later.\n";
        let got = said(text);
        assert_eq!(
            got,
            [
                ("MAYOR HANNA LEE".into(), "We will open the bridge.".into()),
                ("Q".into(), "When?".into()),
                ("Mr Putin".into(), "Not yet.\nStill not.".into()),
                ("PUTIN".into(), "Later.".into()),
            ]
        );
    }

    #[test]
    fn prose_times_and_links_are_not_labels() {
        let text = "He said: no.\nAt 10:30 we met.\nhttps://example.com\nNote: see below.\n";
        assert!(Turns::parse(text).turns.is_empty());
    }

    #[test]
    fn one_speaker_under_two_spellings_of_the_label() {
        let t = Turns::parse("PUTIN: a\nQ: b\nPutin: c\n");
        assert_eq!(t.speakers, ["PUTIN", "Q"]);
        assert!(is_anonymous("Q") && is_anonymous("REPORTER") && !is_anonymous("PUTIN"));
    }

    #[test]
    fn transcription_services_labels_start_turns() {
        let text = "[00:01:02] OKAFOR: One.\n00:01:05 OKAFOR: Two.\n(00:01:07) Q: Why?\n\
                    >> OKAFOR: Three.\nOkafor (Mayor): Four.\nJane Okafor (00:00:05): Five.\n\
                    Speaker 1 (Jane Okafor): Six.\nQ. What about the wall?\n\
                    Speaker 2 (00:02:01): Seven.\nQ What now?\n[00:03:00.5] **OKAFOR:** Eight.\n\
                    **Q.** And then?\n";
        let got = said(text);
        let want = [
            ("OKAFOR", "One."),
            ("OKAFOR", "Two."),
            ("Q", "Why?"),
            ("OKAFOR", "Three."),
            // One speaker however the label is written.
            ("OKAFOR", "Four."),
            ("Jane Okafor", "Five."),
            ("Jane Okafor", "Six."),
            ("Q", "What about the wall?"),
            ("Speaker 2", "Seven."),
            ("Q", "What now?"),
            ("OKAFOR", "Eight."),
            ("Q", "And then?"),
        ];
        let want: Vec<(String, String)> =
            want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, want);
        assert!(Turns::parse(text).missed.is_empty());
    }

    #[test]
    fn todays_labels_still_start_turns() {
        let text = "OKAFOR: a\n**OKAFOR:** b\nMs Okafor: c\nMAYOR OKAFOR : d\nMR. OKAFOR: e\n";
        let got: Vec<String> = said(text).into_iter().map(|(who, _)| who).collect();
        assert_eq!(got, ["OKAFOR", "OKAFOR", "Ms Okafor", "MAYOR OKAFOR", "MR. OKAFOR"]);
    }

    #[test]
    fn sentences_with_a_colon_or_a_q_are_not_labels() {
        let text = "OKAFOR: We met.\nHe said: no.\nThe plan (draft): build it.\n\
                    At 10:30 we met.\nQ is for quality.\nQuite so: yes.\n\
                    Update (Monday): none.\n(Mayor): none.\n[00:01] the end: near.\n";
        let t = Turns::parse(text);
        assert_eq!(t.turns.len(), 1, "{:?}", said(text));
        assert!(t.missed.is_empty(), "{:?}", t.missed);
    }

    #[test]
    fn lines_that_look_like_labels_but_are_not_read_are_kept() {
        let text = "OKAFOR: One.\n\nMayor Okafor — Two.\n\nOkafor, Mayor: Three.\nAnd so: on.\n\
                    Paris — a wrapped line.\n";
        let t = Turns::parse(text);
        assert_eq!(t.turns.len(), 1);
        assert_eq!(t.missed, [14, 37]);
    }

    proptest::proptest! {
        #[test]
        fn any_lines_parse_without_panicking_and_turns_stay_in_the_text(
            lines in proptest::collection::vec(
                "(\\[?[0-9:.,]{0,9}\\]? ?)?(>> ?)?[*_]{0,2}[A-Za-zÉé1 .()\\[\\]:—-]{0,24}[:—]? ?[^\n]{0,12}",
                0..8,
            )
        ) {
            let text = lines.join("\n");
            let t = Turns::parse(&text);
            for turn in &t.turns {
                proptest::prop_assert!(text.get(turn.range.clone()).is_some());
            }
            for &at in &t.missed {
                proptest::prop_assert!(text.is_char_boundary(at));
            }
        }
    }
}
