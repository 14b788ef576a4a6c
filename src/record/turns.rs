//! Whose words a record holds: a transcript's labelled turns (`MAYOR HANNA LEE:`, `Mr Putin:`,
//! `Q:`), or the whole text one speaker's.

use std::ops::Range;

/// A record's speakers and the stretches of text each said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Turns {
    /// The speakers' labels as first written (`MAYOR HANNA LEE`), one a speaker.
    pub speakers: Vec<String>,
    /// The turns in reading order.
    pub turns: Vec<Turn>,
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
        }
    }

    /// The labelled turns of a transcript; none when no line starts with a label.
    pub fn parse(text: &str) -> Self {
        let mut out = Turns::default();
        // (speaker, start of its words) of the turn being read.
        let mut open: Option<(u32, usize)> = None;
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            if let Some((label, words_at)) = label(line) {
                if let Some((speaker, start)) = open.take() {
                    out.turns.push(Turn { speaker, range: start..line_start });
                }
                let speaker = out.speaker_id(label);
                open = Some((speaker, line_start + words_at));
            }
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
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    // Markdown emphasis around the label: `**PUTIN:**` or `**PUTIN**:`.
    let marks = trimmed.len() - trimmed.trim_start_matches(['*', '_']).len();
    let body = &trimmed[marks..];
    let colon = body.get(..body.len().min(80))?.find(':')?;
    let label = body[..colon].trim_end_matches(['*', '_']).trim();
    let mut after = colon + 1;
    let rest = &body[after..];
    after += rest.len() - rest.trim_start_matches(['*', '_']).len();
    let rest = &body[after..];
    // `PUTIN: words`, not `10:30` or `http://`.
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) || !is_label(label) {
        return None;
    }
    let words_at = indent + marks + after + (rest.len() - rest.trim_start().len());
    Some((label, words_at))
}

/// A speaker's label: one to a few words, each capitalised (or a joiner), letters only bar
/// an initial's full stop, an apostrophe or a hyphen.
fn is_label(label: &str) -> bool {
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
}
