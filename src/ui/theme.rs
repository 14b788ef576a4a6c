//! Colours and text styles, in one struct so a light theme or `NO_COLOR` is one value away.

use ratatui::style::{Color, Modifier, Style};

/// Every style the reader draws with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Border of an unfocused panel.
    pub border: Style,
    /// Border of the focused panel.
    pub border_focused: Style,
    /// Panel titles.
    pub panel_title: Style,
    /// Laid over the focused panel's title: where focus is must show without colour too.
    pub title_focused: Style,
    /// The selected row of the focused list.
    pub selected: Style,
    /// The selected row of an unfocused list.
    pub selected_unfocused: Style,
    /// The unread mark.
    pub unread: Style,
    /// The star of a starred article.
    pub star: Style,
    /// A read article's title.
    pub read: Style,
    /// Counts and other secondary text.
    pub dim: Style,
    /// The article title in the reading pane.
    pub heading: Style,
    /// Direct quotes in the text.
    pub quote_direct: Style,
    /// Partial quotes in the text.
    pub quote_partial: Style,
    /// Reported speech in the text: never like a quotation; quoted words inside it are drawn
    /// over it as quotes.
    pub quote_reported: Style,
    /// The selected quote, in the text and in the quotes panel.
    pub quote_selected: Style,
    /// Search matches.
    pub search_match: Style,
    /// The current search match.
    pub search_current: Style,
    /// Words of a quote that another article's version words differently.
    pub word_changed: Style,
    /// Speaker names.
    pub speaker: Style,
    /// The status bar.
    pub status: Style,
    /// Keys in hints and help.
    pub key: Style,
    /// The prompt line.
    pub prompt: Style,
    /// Warnings and the too-small message.
    pub warning: Style,
}

impl Theme {
    /// Light text on a dark terminal.
    pub fn dark() -> Self {
        let fg = |c| Style::new().fg(c);
        Self {
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan),
            panel_title: Style::new().add_modifier(Modifier::BOLD),
            title_focused: Style::new(),
            selected: Style::new().bg(Color::Cyan).fg(Color::Black),
            selected_unfocused: Style::new().bg(Color::DarkGray).fg(Color::White),
            unread: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            star: fg(Color::LightYellow),
            read: fg(Color::Gray),
            dim: fg(Color::DarkGray),
            heading: Style::new().add_modifier(Modifier::BOLD),
            quote_direct: fg(Color::LightGreen),
            quote_partial: fg(Color::LightBlue).add_modifier(Modifier::ITALIC),
            quote_reported: fg(Color::LightCyan).add_modifier(Modifier::ITALIC),
            quote_selected: Style::new().bg(Color::Green).fg(Color::Black),
            search_match: Style::new().bg(Color::Yellow).fg(Color::Black),
            search_current: Style::new().bg(Color::LightRed).fg(Color::Black),
            word_changed: Style::new()
                .bg(Color::Magenta)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            speaker: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().bg(Color::Black).fg(Color::Gray),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            prompt: fg(Color::White),
            warning: fg(Color::Yellow).add_modifier(Modifier::BOLD),
        }
    }
}

impl Theme {
    /// Dark text on a light terminal.
    pub fn light() -> Self {
        let fg = |c| Style::new().fg(c);
        Self {
            // Grey (ANSI 7) is unreadable on white: a darker grey.
            border: fg(Color::Indexed(242)),
            border_focused: fg(Color::Blue),
            selected: Style::new().bg(Color::Blue).fg(Color::White),
            selected_unfocused: Style::new().bg(Color::Gray).fg(Color::Black),
            unread: fg(Color::Magenta).add_modifier(Modifier::BOLD),
            star: fg(Color::Rgb(180, 120, 0)),
            read: fg(Color::DarkGray),
            dim: fg(Color::Indexed(242)),
            quote_direct: fg(Color::Green),
            quote_partial: fg(Color::Blue).add_modifier(Modifier::ITALIC),
            quote_reported: fg(Color::Cyan).add_modifier(Modifier::ITALIC),
            quote_selected: Style::new().bg(Color::Green).fg(Color::White),
            search_match: Style::new().bg(Color::Yellow).fg(Color::Black),
            search_current: Style::new().bg(Color::Red).fg(Color::White),
            status: Style::new().bg(Color::White).fg(Color::Black),
            key: fg(Color::Blue).add_modifier(Modifier::BOLD),
            prompt: fg(Color::Black),
            warning: fg(Color::Red).add_modifier(Modifier::BOLD),
            ..Self::dark()
        }
    }

    /// No colour at all (`NO_COLOR`): emphasis by bold, italic, underline and reverse video only.
    pub fn no_color() -> Self {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Self {
            border: plain,
            border_focused: bold,
            panel_title: bold,
            title_focused: reversed,
            // Underlined is how a direct quote looks: a selection in an unfocused panel is
            // reversed too, and the focused one bold as well.
            selected: reversed.add_modifier(Modifier::BOLD),
            selected_unfocused: reversed,
            unread: bold,
            star: bold,
            read: plain,
            dim: plain,
            heading: bold,
            quote_direct: plain.add_modifier(Modifier::UNDERLINED),
            quote_partial: plain.add_modifier(Modifier::ITALIC),
            // Italic like a partial; the quoted words inside are underlined as quotes are.
            quote_reported: plain.add_modifier(Modifier::ITALIC),
            quote_selected: reversed,
            search_match: reversed,
            search_current: reversed.add_modifier(Modifier::BOLD),
            word_changed: bold.add_modifier(Modifier::UNDERLINED | Modifier::REVERSED),
            speaker: bold,
            status: reversed,
            key: bold,
            prompt: plain,
            warning: bold,
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}
