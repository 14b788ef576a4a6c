//! `update`: the one place the state changes. Each action goes to the module of its concern;
//! the panels never talk to each other, [`panels`] keeps them in sync.

mod arrange;
mod cross_article;
mod export;
mod loading;
mod marks;
mod navigation;
mod panels;
mod prompt;

use super::{Action, App, Command, Effect, Focus, Motion, PromptKind, strings};
use arrange::{resize_list, toggle_quotes, toggle_zoom};
use cross_article::{compare_selected_quote, next_same_quote, toggle_passage, toggle_speakers};
use export::{copy_quote, export, open_link, page};
use loading::{add_batch, loading_done, refresh_done, start_refresh};
use marks::{Flag, mark_all_read, mark_read, save_position, toggle, undo_marks};
use navigation::{
    click, motion, next_unread, open, step_article, step_quote, toggle_help, toggle_messages,
    toggle_sources, wheel,
};
use panels::{resize, set_focus, show_selected};
use prompt::{
    cancel, cycle_speaker, edit_prompt, open_prompt, step_search, submit_prompt, toggle_partials,
    toggle_reported,
};

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) {
    let (shown, focus) = (app.reader.entry, app.focus);
    // A warning stays until the user does something, however long that takes.
    if app.status.sticky && action.is_input() {
        app.status.message = None;
        app.status.sticky = false;
    }
    match action {
        Action::Command(command) => run_command(app, command),
        Action::Type(c) => edit_prompt(app, |input| input.push(c)),
        Action::Backspace => edit_prompt(app, |input| {
            input.pop();
        }),
        Action::DeleteWord => edit_prompt(app, |input| {
            let kept = input.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
            input.truncate(kept);
        }),
        Action::ClearPrompt => edit_prompt(app, String::clear),
        Action::Submit => submit_prompt(app),
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Resize { width, height } => resize(app, width, height),
        Action::Tick => {
            if !app.status.sticky {
                app.status.message = None;
            }
        }
        Action::Discovered(n) => app.library.expected = Some(n),
        Action::Loaded(batch) => add_batch(app, batch),
        Action::LoadingDone => loading_done(app),
        Action::RefreshProgress { done, total } => {
            // A late progress report must not bring back a refresh that is over.
            if app.library.refreshing.is_some() {
                app.library.refreshing = Some((done, total));
            }
        }
        Action::RefreshDone(report) => refresh_done(app, *report),
    }
    // Looking at an article in the pane or its quotes is reading it: marked as it gets there
    // (shown, or focus come from the list), so that marking it unread while reading sticks;
    // one marked unread stays so until it is opened again.
    let arrived = focus == Focus::List && !app.reader.kept_unread;
    if app.focus != Focus::List && (app.reader.entry != shown || arrived) {
        mark_read(app);
    }
    compare_selected_quote(app);
}

/// Does what a key bound to `command` asks.
fn run_command(app: &mut App, command: Command) {
    match command {
        Command::Quit => {
            save_position(app);
            app.quit = true;
        }
        Command::ToggleStar => toggle(app, Flag::Starred),
        Command::ToggleRead => toggle(app, Flag::Read),
        Command::Copy => copy_quote(app),
        Command::Export => export(app, app.reader.entry.into_iter().collect()),
        Command::ExportAll => export(app, app.list.visible.clone()),
        Command::OpenLink => open_link(app),
        Command::CycleOrder => {
            app.list.set_order(&app.library.entries, app.list.order.next());
            app.status.say(strings::order(app.list.order));
        }
        Command::UnreadOnly => {
            app.list.set_unread_only(&app.library.entries, !app.list.unread_only);
            app.status.say(strings::unread_only(app.list.unread_only));
            show_selected(app);
        }
        Command::Help => toggle_help(app),
        Command::Messages => toggle_messages(app),
        Command::Suspend => app.effects.push(Effect::Suspend),
        Command::FocusNext => set_focus(app, arrange::next_shown(app, Focus::next)),
        Command::FocusPrev => set_focus(app, arrange::next_shown(app, Focus::prev)),
        Command::NextArticle => step_article(app, 1),
        Command::PrevArticle => step_article(app, -1),
        Command::NextUnread => next_unread(app),
        Command::MarkAllRead => mark_all_read(app),
        Command::UndoMark => undo_marks(app),
        Command::Sources => toggle_sources(app),
        Command::Pager => page(app),
        Command::Zoom => toggle_zoom(app),
        Command::ToggleQuotes => toggle_quotes(app),
        Command::WidenList => resize_list(app, 1),
        Command::NarrowList => resize_list(app, -1),
        Command::Down => motion(app, Motion::Lines(1)),
        Command::Up => motion(app, Motion::Lines(-1)),
        Command::PageDown => motion(app, Motion::Pages(1)),
        Command::PageUp => motion(app, Motion::Pages(-1)),
        Command::HalfPageDown => motion(app, Motion::HalfPages(1)),
        Command::HalfPageUp => motion(app, Motion::HalfPages(-1)),
        Command::Top => motion(app, Motion::Top),
        Command::Bottom => motion(app, Motion::Bottom),
        Command::Open => open(app),
        Command::Search => open_prompt(app, PromptKind::Search),
        Command::Filter => open_prompt(app, PromptKind::Filter),
        Command::SearchNext => step_search(app, true),
        Command::SearchPrev => step_search(app, false),
        Command::Cancel => cancel(app),
        Command::SpeakerFilter => cycle_speaker(app),
        Command::TogglePartials => toggle_partials(app),
        Command::ToggleReported => toggle_reported(app),
        Command::NextQuote => step_quote(app, 1),
        Command::PrevQuote => step_quote(app, -1),
        Command::Speakers => toggle_speakers(app),
        Command::NextSameQuote => next_same_quote(app),
        Command::RecordPassage => toggle_passage(app),
        Command::Refresh => start_refresh(app),
    }
}
