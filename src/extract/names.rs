//! Names in an article's own words (never inside quotes): runs of capitalised words, told apart
//! as people and organisations, and gathered into one registry entry per person, so that a bare
//! surname, a spelling variant or a role (`the Kremlin spokesman`) leads to the fullest name.

use std::cell::OnceCell;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;
use std::rc::Rc;

use smallvec::SmallVec;

use super::lexicon::{Gender, Lexicon, WordClass, fits, gender_of};
use super::tokens::{Kind, Token};

/// A map keyed by short words, with the lexicon's fast hash.
type Map<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

/// People filed under one key (a surname, a given name, a role): on the stack, as most keys
/// have one or two.
type Ids = SmallVec<[usize; 2]>;

/// Whom a run of capitalised words names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Entity {
    /// A person in the registry.
    Person(usize),
    /// An organisation in the registry.
    Org(usize),
    /// A single word nobody else is called (a place, a surname met once).
    Other,
}

/// A run of capitalised words naming someone.
#[derive(Clone, Debug)]
pub(super) struct NameRun {
    /// Every token of the run, titles included (`Russian President Vladimir Putin`).
    pub tokens: Range<usize>,
    /// The name proper (`Vladimir Putin`).
    pub name: Range<usize>,
    /// Whom it names (set once the whole article is read).
    pub entity: Entity,
}

/// A role a person is given: `spokesman` with `kremlin`.
#[derive(Clone, Debug, Default)]
pub(super) struct Role {
    head: String,
    modifiers: Vec<String>,
}

/// One person of the article.
#[derive(Clone, Debug)]
pub(super) struct Person {
    /// The fullest name the article gives (shared with every quotation given to it).
    pub name: Rc<str>,
    words: usize,
    first: Option<String>,
    roles: Vec<Role>,
    /// As a title or given name tells it (`Mr.`, `Mary`).
    pub gender: Option<Gender>,
}

/// One organisation of the article.
#[derive(Clone, Debug)]
pub(super) struct Org {
    /// The name as first written (shared with every quotation given to it).
    pub name: Rc<str>,
}

/// The people and organisations an article names.
#[derive(Debug, Default)]
pub(super) struct Registry {
    /// People, in order of first mention.
    pub persons: Vec<Person>,
    /// Organisations, in order of first mention.
    pub orgs: Vec<Org>,
    by_surname: Map<String, Ids>,
    by_first: Map<String, Ids>,
    org_by_key: Map<String, usize>,
    /// The last organisation whose name holds each word (`ministry`): a description's head is
    /// looked up here rather than in every organisation's name. Made the first time it is
    /// asked for, as most articles never ask.
    org_by_word: OnceCell<Map<String, usize>>,
    /// The people holding each role, by [`role_key`]: a description is looked up here rather
    /// than against every person, which an article with thousands of names makes quadratic.
    by_role: Map<String, Ids>,
}

/// The text from the first token to the last.
fn span_text<'t>(text: &'t str, tokens: &[Token]) -> &'t str {
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => &text[a.range.start..b.range.end],
        _ => "",
    }
}

/// The words of `name` with their possessives dropped, joined by one space: straight into one
/// string, with no list of the words first.
pub(super) fn joined(text: &str, name: &[Token]) -> String {
    // The words with what stands between them: room enough.
    let room = match (name.first(), name.last()) {
        (Some(a), Some(b)) => b.range.end.saturating_sub(a.range.start),
        _ => 0,
    };
    let mut out = String::with_capacity(room);
    for (i, t) in name.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(bare(text, t));
    }
    out
}

/// [`joined`] as a shared name: a one-word name (most of them) is shared straight from the
/// text, with no string made first.
pub(super) fn joined_shared(text: &str, name: &[Token]) -> Rc<str> {
    match name {
        [one] => Rc::from(bare(text, one)),
        _ => joined(text, name).into(),
    }
}

/// The text of a token with a possessive `'s` dropped.
pub(super) fn bare<'t>(text: &'t str, t: &Token) -> &'t str {
    let w = &text[t.range.clone()];
    // A plain word has no apostrophe.
    if t.plain {
        return w;
    }
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
}

/// Finds the name runs among a paragraph's tokens, and adds them to `out` (one buffer for
/// the article's paragraphs).
pub(super) fn runs(text: &str, tokens: &[Token], out: &mut Vec<NameRun>) {
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_capitalised() {
            i += 1;
            continue;
        }
        // `New` starts no name (`New figures show`), but `New York` is one: a place word
        // before another capitalised word belongs to the name.
        let named = |k: usize| {
            !tokens[k].class.contains(WordClass::NOT_NAME)
                || (tokens[k].class.contains(WordClass::PLACE)
                    && tokens.get(k + 1).is_some_and(Token::is_capitalised))
        };
        let mut end = i + 1;
        let mut has_org = tokens[i].class.contains(WordClass::ORGANISATION);
        while let Some(t) = tokens.get(end) {
            if t.is_capitalised() && named(end) {
                has_org |= t.class.contains(WordClass::ORGANISATION);
                end += 1;
                continue;
            }
            // `von der Leyen`, `Ministry of Defence`: a small word between capitalised ones.
            let joins = t.kind == Kind::Word && {
                let w = &text[t.range.clone()];
                t.class.contains(WordClass::JOINER) || (has_org && (w == "of" || w == "for"))
            };
            if joins && tokens.get(end + 1).is_some_and(|n| n.is_capitalised()) {
                end += 2;
                continue;
            }
            break;
        }
        // Drop the sentence-initial and other non-name words at the start (`However`, `The`).
        let mut start = i;
        let place_starts = |k: usize| tokens[k].class.contains(WordClass::PLACE) && k + 1 < end;
        while start < end
            && tokens[start].class.contains(WordClass::NOT_NAME)
            && !place_starts(start)
        {
            start += 1;
        }
        if start < end {
            // `Mr. King`, `Rep. King`, `Charlie King`: after a shortened title or a given name,
            // a title word ending the run is a surname.
            let surname_titled = end - start >= 2
                && tokens[end - 1].class.contains(WordClass::TITLE)
                && (short_title(text, &tokens[end - 2]) || given_name(&tokens[end - 2]));
            let titles_end = if surname_titled { end - 1 } else { end };
            let title_end = (start..titles_end)
                .rev()
                .find(|&k| tokens[k].class.contains(WordClass::TITLE))
                .map_or(start, |k| k + 1)
                .max(start + usize::from(role_before_name(text, &tokens[start..end])));
            let name_start = title_end.max(after_possessor(text, &tokens[..end], start));
            if name_start < end {
                out.push(NameRun {
                    tokens: start..end,
                    name: name_start..end,
                    entity: Entity::Other,
                });
            }
        }
        i = end;
    }
}

/// Whether `t` is a title shortened with a full stop (`Mr.`, `Sen.`, `Gov.`).
fn short_title(text: &str, t: &Token) -> bool {
    let w = &text[t.range.clone()];
    t.class.contains(WordClass::TITLE) && w.ends_with('.') && w.len() <= 5
}

/// Whether `t` is a given name that tells a gender (`Charlie`), and no title.
fn given_name(t: &Token) -> bool {
    t.class.intersects(WordClass::MALE | WordClass::FEMALE) && !t.class.contains(WordClass::TITLE)
}

/// Whether the first word of a run of three or more is a role rather than a given name
/// (`Headteacher Ruth Evans`, `Ombudsman Jo Peel`): a word formed like a role (`-er`, `-or`,
/// `-ist`, `-man`…) that is no known given name, before a person's two names.
fn role_before_name(text: &str, run: &[Token]) -> bool {
    const ROLE_ENDINGS: [&str; 8] = ["er", "or", "ist", "ian", "man", "woman", "ess", "ant"];
    let [first, rest @ ..] = run else { return false };
    // Asked of every run: the ending is compared in any case, without a lower-case copy.
    let word = text.as_bytes().get(first.range.clone()).unwrap_or_default();
    let ends_with = |e: &str| {
        word.len() >= e.len() && word[word.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
    };
    let gendered = first.class.intersects(WordClass::MALE | WordClass::FEMALE);
    rest.len() >= 2
        && !gendered
        && rest.iter().all(|t| !t.class.intersects(WordClass::ORGANISATION | WordClass::PLACE))
        && word.len() > 5
        && ROLE_ENDINGS.iter().any(|e| ends_with(e))
}

/// Where the name after a possessor starts in the run `tokens[start..]` (`CNN’s Jake Tapper`):
/// after the last possessive word, when at least two words without an organisation word follow
/// it; otherwise `start`. A possessed organisation (`Ukraine’s Border Service`) or a single
/// word (`Women's March`) stays one name with its possessor.
fn after_possessor(text: &str, tokens: &[Token], start: usize) -> usize {
    let possessive = |t: &Token| {
        // A plain word, as most are, has no apostrophe: its text is not even sliced.
        !t.plain && {
            let w = &text[t.range.clone()];
            w.ends_with("'s") || w.ends_with("’s")
        }
    };
    let Some(p) = (start..tokens.len()).rev().find(|&k| possessive(&tokens[k])) else {
        return start;
    };
    let rest = &tokens[p + 1..];
    let person = rest.len() >= 2 && rest.iter().all(|t| !t.class.contains(WordClass::ORGANISATION));
    if person { p + 1 } else { start }
}

/// The people or organisations the registry's maps have room for at first (see
/// [`Registry::sized`]).
const ROOM: usize = 8;

/// What kind of entity a run names, from its words alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Person,
    Org,
    Single,
}

fn shape(text: &str, tokens: &[Token], run: &NameRun, lex: &Lexicon) -> Shape {
    let name = &tokens[run.name.clone()];
    // The words as written, full stops dropped: the lexicon ignores case, and a possessive
    // `'S` is one in any case.
    let words = name.iter().map(|t| text[t.range.clone()].trim_end_matches('.'));
    let possessive = |w: &str| ["'s", "'S", "’s", "’S"].iter().any(|p| w.ends_with(p));
    let organisation = |t: &Token| match classes_as_written(text, t) {
        Some(classes) => classes.contains(WordClass::ORGANISATION),
        None => {
            let w = text[t.range.clone()].trim_end_matches('.');
            lex.is_organisation_word(without_possessives(w))
        }
    };
    if name.iter().any(organisation) {
        return Shape::Org;
    }
    let first = &text[name[0].range.clone()];
    // Initials are short: a long word in capitals is a dateline or a label (`WASHINGTON`,
    // `LETTERS`), not an organisation. Counted for one-word names only.
    // (Capitals first: most names fail there at their second letter. An ASCII word is read
    // byte by byte, without the Unicode tables.)
    let acronym = || match first.is_ascii() {
        true => {
            let b = first.as_bytes();
            b.iter().all(|&c| c.is_ascii_uppercase() || c == b'.')
                && (2..=6).contains(&b.iter().filter(|c| c.is_ascii_alphabetic()).count())
        }
        false => {
            first.chars().all(|c| c.is_uppercase() || c == '.')
                && (2..=6).contains(&first.chars().filter(|c| c.is_alphabetic()).count())
        }
    };
    if name.len() == 1 && acronym() {
        return Shape::Org;
    }
    if words.clone().any(possessive) && name.len() > 1 {
        // `Ukraine's Border Service` without an organisation word: not one name.
        return Shape::Single;
    }
    // `LOS ANGELES` datelines, `South Asia`, `New Jersey`: places, not people.
    let shouting = name.len() >= 2
        && name.iter().all(|t| !text[t.range.clone()].chars().any(char::is_lowercase));
    let place = |t: &Token| match classes_as_written(text, t) {
        Some(classes) => classes.contains(WordClass::PLACE),
        None => lex.is_place_word(text[t.range.clone()].trim_end_matches('.')),
    };
    if shouting || name.first().is_some_and(place) {
        return Shape::Single;
    }
    if name.len() >= 2 || run.tokens.start < run.name.start { Shape::Person } else { Shape::Single }
}

/// The lexicon classes of a word token as [`shape`] asks for them (full stops and possessives
/// dropped), when the tokenizer's are those: the word has no apostrophe and no final full stop.
/// Most names are such words, and need no second lookup.
fn classes_as_written(text: &str, t: &Token) -> Option<WordClass> {
    let w = text[t.range.clone()].as_bytes();
    // 0xE2 leads `’` (and other characters, which only send the word to the lookup). Most
    // words are plain, with no apostrophe to search for.
    let plain = !w.ends_with(b".") && (t.plain || !w.iter().any(|&b| b == b'\'' || b == 0xE2));
    plain.then_some(t.class)
}

/// `word` without the possessives at its end (`'s`, `’s`, in any case).
fn without_possessives(word: &str) -> &str {
    fn strip(mut w: &str, apostrophe: char) -> &str {
        while let Some(stem) = w.strip_suffix(['s', 'S']).and_then(|w| w.strip_suffix(apostrophe)) {
            w = stem;
        }
        w
    }
    strip(strip(word, '\''), '’')
}

/// Where a title's gender stands in a spelling's entry of [`Registry::build`]'s second pass.
fn gender_slot(gender: Option<Gender>) -> usize {
    match gender {
        None => 0,
        Some(Gender::Male) => 1,
        Some(Gender::Female) => 2,
    }
}

/// How a person has been named in full so far in an article.
#[derive(Clone, Copy, Debug, Default)]
struct Named {
    /// How many times.
    times: usize,
    /// When last (a running count of name runs).
    last: usize,
    /// In which paragraph last.
    para: usize,
}

impl Named {
    /// How strongly a bare surname in paragraph `para` means this person (person `id`): one
    /// named in this paragraph or the one before, the latest such; else the one named most
    /// often, the first of them on a tie: `Kovalenko said` right after `Taras Kovalenko` is
    /// Taras, but `Cruz said` long after a passing `Heidi Cruz` is the article's Ted Cruz.
    fn claim(self, para: usize, id: usize) -> (bool, usize, usize, Reverse<usize>) {
        let recent = self.times > 0 && self.para + 1 >= para;
        (recent, if recent { self.last } else { 0 }, self.times, Reverse(id))
    }
}

impl Registry {
    /// Registers the runs of every paragraph (`paras[i]` = tokens and runs of paragraph `i`),
    /// setting each run's entity.
    pub(super) fn build(
        text: &str,
        paras: &mut [(&[Token], &mut [NameRun])],
        lex: &Lexicon,
    ) -> Self {
        // A name written the same way again is the same entity: looked up once per spelling.
        let runs: usize = paras.iter().map(|(_, runs)| runs.len()).sum();
        let mut reg = Registry::sized(runs);
        // Each spelling is numbered as it is first met, and each run's number kept in reading
        // order, so that the second pass looks a spelling up by its number, not by its text.
        let mut seen: Map<(&str, bool), (Entity, usize)> =
            Map::with_capacity_and_hasher(runs, <_>::default());
        let mut spellings = Vec::with_capacity(runs);
        // Full names first, so that a bare surname anywhere finds its person.
        for (tokens, runs) in paras.iter_mut() {
            for k in 0..runs.len() {
                let run = &runs[k];
                let written = span_text(text, &tokens[run.name.clone()]);
                let titled = run.tokens.start < run.name.start;
                let number = seen.len();
                // One hash of the key whether it is new or not.
                let (entity, spelling) = match seen.entry((written, titled)) {
                    Entry::Occupied(e) => *e.get(),
                    Entry::Vacant(slot) => *slot.insert((
                        match shape(text, tokens, run, lex) {
                            Shape::Person if run.name.len() >= 2 => {
                                Entity::Person(reg.add_person(text, tokens, run, lex))
                            }
                            // `General Motors`: what reads as a title is part of the name.
                            Shape::Org => {
                                Entity::Org(reg.add_org(text, &tokens[run.tokens.clone()]))
                            }
                            _ => Entity::Other,
                        },
                        number,
                    )),
                };
                spellings.push(spelling);
                if entity == Entity::Other {
                    continue;
                }
                if let Entity::Person(id) = entity {
                    let roles = roles_around(text, tokens, run, lex);
                    for role in &roles {
                        // The key is copied only for a role met for the first time.
                        let key = role_key(&role.head);
                        if !reg.by_role.contains_key(key) {
                            reg.by_role.insert(key.to_string(), Ids::new());
                        }
                        // Kept in order of first mention, each person once.
                        if let Some(holders) = reg.by_role.get_mut(key)
                            && let Err(at) = holders.binary_search(&id)
                        {
                            holders.insert(at, id);
                        }
                    }
                    reg.persons[id].roles.extend(roles);
                }
                runs[k].entity = entity;
            }
        }
        // What a spelling met alone names, by its number and the title's gender: `Mr. Obama`
        // and `Mrs. Obama` are two people.
        let mut singles: Vec<[Option<Entity>; 3]> = vec![[None; 3]; seen.len()];
        let mut spellings = spellings.into_iter();
        // How each person has been named in full so far, for a bare surname two people share.
        let mut named = vec![Named::default(); reg.persons.len()];
        let mut clock = 0;
        // The key of a mention's last word, only looked up: one buffer for them all.
        let mut key = String::new();
        for (para, (tokens, runs)) in paras.iter_mut().enumerate() {
            for run in runs.iter_mut() {
                clock += 1;
                let spelling = spellings.next().unwrap_or_default();
                if let Entity::Person(id) = run.entity {
                    if named.len() <= id {
                        named.resize(id + 1, Named::default());
                    }
                    let n = &mut named[id];
                    *n = Named { times: n.times + 1, last: clock, para };
                    continue;
                }
                if run.entity != Entity::Other {
                    continue;
                }
                let titles = &tokens[run.tokens.start..run.name.start];
                let titled = !titles.is_empty();
                let gender = titles.iter().find_map(|t| gender_of(t.class));
                let Some(slot) = singles.get_mut(spelling).map(|s| &mut s[gender_slot(gender)])
                else {
                    continue;
                };
                if let Some(entity) = *slot {
                    run.entity = entity;
                    continue;
                }
                let last = &tokens[run.name.end - 1];
                lex.name_key_into(bare(text, last), &mut key);
                run.entity = match (reg.by_surname.get(&key), reg.by_first.get(&key)) {
                    (Some(ids), _) => {
                        let fitting = || {
                            ids.iter().copied().filter(|&id| fits(reg.persons[id].gender, gender))
                        };
                        if fitting().nth(1).is_some() {
                            // Two people share the surname: decided at each mention, not once
                            // for its spelling.
                            let named = |id: usize| named.get(id).copied().unwrap_or_default();
                            run.entity = fitting()
                                .max_by_key(|&id| named(id).claim(para, id))
                                .map_or(run.entity, Entity::Person);
                            continue;
                        }
                        Entity::Person(fitting().next().unwrap_or(ids[0]))
                    }
                    (None, Some(ids)) if ids.len() == 1 && run.name.len() == 1 => {
                        Entity::Person(ids[0])
                    }
                    // `Mr. Reed`, or a given name alone (`Nadia`): a person.
                    _ if run.name.len() == 1 && (titled || gender_of(last.class).is_some()) => {
                        Entity::Person(reg.add_person(text, tokens, run, lex))
                    }
                    _ => Entity::Other,
                };
                *slot = Some(run.entity);
            }
        }
        reg
    }

    /// An empty registry for an article of `runs` name runs: its maps made large enough for
    /// the few people and organisations of most articles at once, rather than grown twice.
    fn sized(runs: usize) -> Self {
        let room = runs.min(ROOM);
        Self {
            by_surname: Map::with_capacity_and_hasher(room, <_>::default()),
            by_first: Map::with_capacity_and_hasher(room, <_>::default()),
            org_by_key: Map::with_capacity_and_hasher(room, <_>::default()),
            ..Self::default()
        }
    }

    fn add_person(&mut self, text: &str, tokens: &[Token], run: &NameRun, lex: &Lexicon) -> usize {
        let name = &tokens[run.name.clone()];
        let surname = lex.name_key(bare(text, &name[name.len() - 1]));
        let first = (name.len() >= 2).then(|| lex.name_key(&text[name[0].range.clone()]));
        let compatible = |p: &Person| match (&p.first, &first) {
            (Some(a), Some(b)) => a == b || a.starts_with(b.as_str()) || b.starts_with(a.as_str()),
            _ => true,
        };
        let found = self
            .by_surname
            .get(&surname)
            .and_then(|ids| ids.iter().copied().find(|&id| compatible(&self.persons[id])));
        // Joined only when it is kept: a person met again mostly keeps the name it has.
        let display = || joined_shared(text, name);
        // The titles and the first name: `Mrs. Reed`, `Mary Reed`.
        let gender =
            tokens[run.tokens.start..=run.name.start].iter().find_map(|t| gender_of(t.class));
        match found {
            Some(id) => {
                let p = &mut self.persons[id];
                p.gender = p.gender.or(gender);
                if name.len() > p.words {
                    p.name = display();
                    p.words = name.len();
                }
                if p.first.is_none() {
                    p.first.clone_from(&first);
                }
                id
            }
            None => {
                let id = self.persons.len();
                self.persons.push(Person {
                    name: display(),
                    words: name.len(),
                    first: first.clone(),
                    roles: Vec::new(),
                    gender,
                });
                self.by_surname.entry(surname).or_default().push(id);
                if let Some(f) = first {
                    self.by_first.entry(f).or_default().push(id);
                }
                id
            }
        }
    }

    fn add_org(&mut self, text: &str, name: &[Token]) -> usize {
        let display = joined_shared(text, name);
        // Most names are ASCII: lower-cased without the Unicode tables.
        let key =
            if display.is_ascii() { display.to_ascii_lowercase() } else { display.to_lowercase() };
        if let Some(&id) = self.org_by_key.get(&key) {
            return id;
        }
        let id = self.orgs.len();
        self.orgs.push(Org { name: display });
        self.org_by_key.insert(key, id);
        id
    }

    /// The people who hold the role `head` with all `modifiers` (`spokesman`, [`kremlin`]), in
    /// order of first mention.
    pub(super) fn with_role<'a>(
        &'a self,
        head: &'a str,
        modifiers: &'a [String],
    ) -> impl Iterator<Item = usize> + 'a {
        let holders = self.by_role.get(role_key(head)).into_iter().flatten().copied();
        holders.filter(move |&id| {
            self.persons[id].roles.iter().any(|r| {
                same_role(&r.head, head) && modifiers.iter().all(|m| r.modifiers.contains(m))
            })
        })
    }

    /// The last organisation whose name holds the word `head` (`ministry`).
    pub(super) fn last_org_with_word(&self, head: &str) -> Option<usize> {
        let by_word = self.org_by_word.get_or_init(|| {
            let mut by_word = Map::default();
            for (key, &id) in &self.org_by_key {
                for word in key.split_whitespace() {
                    let last = by_word.entry(word.to_string()).or_insert(id);
                    *last = id.max(*last);
                }
            }
            by_word
        });
        by_word.get(head).copied()
    }
}

/// `spokesman`, `spokeswoman` and `spokesperson` are one role.
fn same_role(a: &str, b: &str) -> bool {
    role_key(a) == role_key(b)
}

/// The key a role is filed under: `spokes` for every spokesperson, else the word itself.
fn role_key(head: &str) -> &str {
    if head.starts_with("spokes") { "spokes" } else { head }
}

/// The roles given to the person of `run`: its own titles (`Russian President`), the words just
/// before it (`Kremlin spokesman Dmitry Peskov`) and an apposition after it (`Andriy Demchenko,
/// a spokesman for the Border Service`).
fn roles_around(text: &str, tokens: &[Token], run: &NameRun, lex: &Lexicon) -> Vec<Role> {
    let mut roles = Vec::new();
    let before_start = run.tokens.start.saturating_sub(4);
    // Most mentions have no role around them: look at the word classes before building one.
    let titled = |ts: &[Token]| ts.iter().any(|t| t.class.contains(WordClass::TITLE));
    let after_end = (run.tokens.end + 9).min(tokens.len());
    if !titled(&tokens[before_start..run.name.start])
        && !titled(&tokens[run.tokens.end.min(tokens.len())..after_end])
    {
        return roles;
    }
    // The words back from the name, keyed, then put in reading order.
    let mut before: Vec<String> = tokens[before_start..run.name.start]
        .iter()
        .rev()
        .take_while(|t| t.kind == Kind::Word)
        .map(|t| lex.name_key(text[t.range.clone()].trim_end_matches('.')))
        .collect();
    before.reverse();
    roles.extend(role_of(before, lex));
    let after = &tokens[run.tokens.end.min(tokens.len())..];
    if after.first().is_some_and(|t| t.kind == Kind::Punct(',')) {
        let mut keys = after[1..]
            .iter()
            .take(8)
            .take_while(|t| t.kind == Kind::Word)
            .map(|t| lex.name_key(text[t.range.clone()].trim_end_matches('.')));
        // Only an apposition with an article (`, a spokesman for`) gives a role: the other
        // words' keys are made only then.
        let words: Vec<String> = match keys.next() {
            Some(a) if a == "a" || a == "an" || a == "the" => {
                std::iter::once(a).chain(keys).collect()
            }
            _ => Vec::new(),
        };
        // The article (`a`) is no title, whatever a user's lexicon says.
        if let Some(h) = words.iter().skip(1).position(|w| lex.is_title(w)).map(|h| h + 1) {
            // The words are moved into the role, not copied: the article goes first.
            let mut modifiers = words;
            let head = modifiers.remove(h);
            modifiers.remove(0);
            roles.push(Role { head, modifiers });
        }
    }
    roles
}

/// The role of a run of words ending in a title, if any: its last title is the head. The words
/// are moved into the role, not copied.
fn role_of(mut words: Vec<String>, lex: &Lexicon) -> Option<Role> {
    let h = words.iter().rposition(|w| lex.is_title(w))?;
    words.truncate(h + 1);
    let head = words.pop()?;
    words.retain(|w| !lex.is_not_name(w));
    Some(Role { head, modifiers: words })
}
