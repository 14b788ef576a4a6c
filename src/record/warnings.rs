//! What a checker must be told about a record before trusting its verdicts: no labels at all,
//! lines that look like labels but were not read as such, or labels ignored for `--speaker`.

use super::check::Record;
use super::turns::Turns;
use crate::text::clip;

/// How much of a missed label's line a warning quotes.
const EXCERPT: usize = 40;

/// The warnings on `record`, read as all of `speaker`'s words when given; `flag` is the option
/// that names the speaker (`--speaker` for `saidso check`, `--record-speaker` elsewhere).
pub fn warnings(record: &Record, speaker: Option<&str>, flag: &str) -> Vec<String> {
    let name = &record.name;
    if let Some(speaker) = speaker {
        let labelled = Turns::parse(&record.text);
        let Some(first) = labelled.speakers.first() else { return Vec::new() };
        return vec![format!(
            "{name}: has speaker labels ({first}: …), ignored: {flag} takes all of it as \
             {speaker}'s words"
        )];
    }
    let turns = &record.turns;
    if turns.turns.is_empty() {
        return vec![format!(
            "{name}: no speaker labels (`NAME:` at a line's start); give {flag} NAME when it \
             is one person's words"
        )];
    }
    let Some(&first) = turns.missed.first() else { return Vec::new() };
    let line_no = record.text.get(..first).map_or(0, |t| t.matches('\n').count()) + 1;
    let line = record.text.get(first..).and_then(|t| t.lines().next()).unwrap_or_default();
    let n = turns.missed.len();
    let (lines, start) = if n == 1 { ("line starts", "it") } else { ("lines start", "them") };
    vec![format!(
        "{name}: {n} {lines} like a speaker label but {} not read as one (line {line_no}: \
         “{}”); the words after {start} are nobody's, and a quotation whose speaker has no \
         turns is listed as no-turns",
        if n == 1 { "was" } else { "were" },
        clip(line.trim(), EXCERPT)
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str, speaker: Option<&str>) -> Record {
        Record::new("r.txt".into(), text.into(), speaker)
    }

    #[test]
    fn each_kind_of_record_trouble_is_told() {
        let none = record("We met. It rained.\n", None);
        assert!(warnings(&none, None, "--speaker")[0].contains("no speaker labels"));
        assert!(warnings(&none, None, "--record-speaker")[0].contains("give --record-speaker"));
        let missed = record("OKAFOR: One.\n\nMayor Okafor — Two.\n", None);
        let said = warnings(&missed, None, "--speaker");
        assert!(said[0].contains("1 line starts like a speaker label"), "{said:?}");
        assert!(said[0].contains("(line 3: “Mayor Okafor — Two.”)"), "{said:?}");
        let ignored = record("OKAFOR: One.\n", Some("Peter Marsh"));
        let said = warnings(&ignored, Some("Peter Marsh"), "--speaker");
        assert!(said[0].contains("has speaker labels (OKAFOR: …), ignored"), "{said:?}");
        assert!(warnings(&record("OKAFOR: One.\nQ: Why?\n", None), None, "--speaker").is_empty());
        assert!(warnings(&record("We met.\n", Some("Marsh")), Some("Marsh"), "-s").is_empty());
    }
}
