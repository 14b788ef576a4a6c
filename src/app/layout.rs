//! Where each panel goes for a terminal size: three panels side by side, one panel at a time
//! when narrow, or nothing but a message when too small. Kept in the state, because scrolling,
//! wrapping and mouse clicks depend on it as much as drawing does.

use ratatui::layout::{Position, Rect};

use super::Focus;

/// Below this width the panels are shown one at a time.
pub(super) const NARROW_WIDTH: u16 = 70;
/// Below this size nothing useful fits.
pub(super) const MIN_WIDTH: u16 = 24;
/// Below this height nothing useful fits.
pub(super) const MIN_HEIGHT: u16 = 6;

/// How the screen is arranged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Three panels side by side.
    Wide,
    /// Only the focused panel.
    Narrow,
    /// Only a "terminal too small" message (also before the size is known).
    #[default]
    TooSmall,
}

/// How the user arranged the panels: kept in the state, applied to every size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Arrangement {
    /// The focused panel takes the whole width.
    pub zoomed: bool,
    /// The quotes panel is hidden; the list and the pane share its room.
    pub quotes_hidden: bool,
    /// Steps the list is widened (positive) or narrowed by, eight columns each.
    pub list_steps: i16,
}

/// Columns the list widens or narrows by at a time.
pub(crate) const LIST_STEP: u16 = 8;
/// The narrowest the list and the pane get when the list is resized.
const MIN_LIST: u16 = 16;
const MIN_READER: u16 = 30;

/// The screen areas, borders included. In the narrow layout every panel has the whole area
/// and only the focused one is shown; wrapping and paging use the areas either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScreenLayout {
    /// The whole screen.
    pub area: Rect,
    /// The arrangement.
    pub mode: Mode,
    /// The panel shown in the narrow layout.
    pub focus: Focus,
    /// The article list.
    pub list: Rect,
    /// The reading pane.
    pub reader: Rect,
    /// The quotes panel.
    pub quotes: Rect,
    /// The status bar (bottom row).
    pub status: Rect,
}

impl ScreenLayout {
    /// The layout of a screen `area` with `focus` on a panel, as `arrangement` asks.
    pub fn new(area: Rect, focus: Focus, arrangement: Arrangement) -> Self {
        let mut layout = Self { area, focus, ..Self::default() };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            layout.mode = Mode::TooSmall;
            return layout;
        }
        let panels = Rect { height: area.height - 1, ..area };
        layout.status = Rect { y: area.bottom() - 1, height: 1, ..area };
        // Zoomed: the focused panel alone, as in the narrow layout.
        if area.width < NARROW_WIDTH || arrangement.zoomed {
            layout.mode = Mode::Narrow;
            (layout.list, layout.reader, layout.quotes) = (panels, panels, panels);
            return layout;
        }
        layout.mode = Mode::Wide;
        // Titles need room to be told apart; the pane keeps the most, for reading.
        let quotes_width =
            if arrangement.quotes_hidden { 0 } else { (area.width * 26 / 100).clamp(20, 44) };
        let list_width = (area.width * 28 / 100).clamp(20, 48);
        let widened =
            i32::from(list_width) + i32::from(arrangement.list_steps) * i32::from(LIST_STEP);
        let widest = area.width.saturating_sub(quotes_width + MIN_READER).max(MIN_LIST);
        let list_width = u16::try_from(widened.max(0)).unwrap_or(u16::MAX).clamp(MIN_LIST, widest);
        let reader_width = area.width - list_width - quotes_width;
        layout.list = Rect { width: list_width, ..panels };
        layout.reader = Rect { x: area.x + list_width, width: reader_width, ..panels };
        layout.quotes =
            Rect { x: area.x + list_width + reader_width, width: quotes_width, ..panels };
        layout
    }

    /// The area of `panel` if it is on screen.
    pub fn shown(&self, panel: Focus) -> Option<Rect> {
        let area = match panel {
            Focus::List => self.list,
            Focus::Reader => self.reader,
            Focus::Quotes => self.quotes,
        };
        match self.mode {
            Mode::Wide => (area.width > 0).then_some(area),
            Mode::Narrow => (panel == self.focus).then_some(area),
            Mode::TooSmall => None,
        }
    }

    /// The panel under a screen cell.
    pub fn panel_at(&self, column: u16, row: u16) -> Option<(Focus, Rect)> {
        let at = Position { x: column, y: row };
        [Focus::List, Focus::Reader, Focus::Quotes]
            .into_iter()
            .find_map(|panel| self.shown(panel).filter(|a| a.contains(at)).map(|a| (panel, a)))
    }
}

/// A panel's area inside its border.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin { horizontal: 1, vertical: 1 })
}

/// The reading pane's text area: inside the border, one column of margin each side.
pub fn reader_text(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin { horizontal: 2, vertical: 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_panels_fill_the_width_and_leave_the_status_row() {
        let l = ScreenLayout::new(Rect::new(0, 0, 120, 40), Focus::List, Arrangement::default());
        let (a, b, c) = (l.list, l.reader, l.quotes);
        assert_eq!(l.mode, Mode::Wide);
        assert_eq!(a.width + b.width + c.width, 120);
        assert_eq!((a.height, l.status.y), (39, 39));
        assert_eq!(l.panel_at(a.width, 3).map(|p| p.0), Some(Focus::Reader));
    }

    #[test]
    fn narrow_shows_the_focused_panel_and_tiny_shows_none() {
        let l = ScreenLayout::new(Rect::new(0, 0, 60, 20), Focus::Quotes, Arrangement::default());
        assert_eq!((l.mode, l.shown(Focus::List), l.quotes.width), (Mode::Narrow, None, 60));
        assert_eq!(l.shown(Focus::Quotes), Some(l.quotes));
        for (w, h) in [(1, 1), (10, 3), (23, 40), (120, 5), (0, 0)] {
            assert_eq!(
                ScreenLayout::new(Rect::new(0, 0, w, h), Focus::List, Arrangement::default()).mode,
                Mode::TooSmall
            );
        }
    }
}

#[cfg(test)]
mod arrangement_tests {
    use super::*;

    #[test]
    fn the_list_widens_and_narrows_within_bounds_and_the_quotes_panel_hides() {
        let at = |a| ScreenLayout::new(Rect::new(0, 0, 120, 40), Focus::List, a);
        let plain = at(Arrangement::default());
        let wider = at(Arrangement { list_steps: 2, ..Arrangement::default() });
        assert_eq!(wider.list.width, plain.list.width + 2 * LIST_STEP);
        let widest = at(Arrangement { list_steps: 50, ..Arrangement::default() });
        assert_eq!(widest.reader.width, MIN_READER);
        let narrowest = at(Arrangement { list_steps: -50, ..Arrangement::default() });
        assert_eq!(narrowest.list.width, MIN_LIST);
        let hidden = at(Arrangement { quotes_hidden: true, ..Arrangement::default() });
        assert_eq!(hidden.shown(Focus::Quotes), None);
        assert_eq!(hidden.list.width + hidden.reader.width, 120);
        let zoomed = at(Arrangement { zoomed: true, ..Arrangement::default() });
        assert_eq!(zoomed.shown(Focus::List).map(|r| r.width), Some(120));
        assert_eq!(zoomed.shown(Focus::Reader), None);
    }
}
