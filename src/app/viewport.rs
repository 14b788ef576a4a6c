//! What part of a panel's rows is in view: one type for the list, the quotes panel, the speakers
//! view and the reading pane, so the clamping and scrolling are written once.

use std::ops::Range;

use super::Motion;

/// A window of `height` rows onto a longer list of rows, from row `offset` on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Viewport {
    /// First row in view.
    pub offset: usize,
    /// Rows in view (0 before the size is known).
    pub height: usize,
}

impl Viewport {
    /// Rows in view, at least one: a page, for moving and scrolling.
    pub fn page(&self) -> usize {
        self.height.max(1)
    }

    /// The furthest the view scrolls over `len` rows: the last row at the bottom.
    pub fn max_offset(&self, len: usize) -> usize {
        len.saturating_sub(self.page())
    }

    /// The rows in view.
    pub fn rows(&self) -> Range<usize> {
        self.offset..self.offset + self.page()
    }

    /// Scrolls back so that no row past the last of `len` rows is needed to fill the view.
    pub fn clamp(&mut self, len: usize) {
        self.offset = self.offset.min(self.max_offset(len));
    }

    /// Scrolls as little as possible to bring `rows` into view; rows taller than the view
    /// start at its top.
    pub fn show(&mut self, rows: Range<usize>) {
        let page = self.page();
        if rows.start < self.offset || rows.len() > page {
            self.offset = rows.start;
        } else if rows.end > self.offset + page {
            self.offset = rows.end - page;
        }
    }

    /// Scrolls `by` rows down (not past the end of `len` rows) or up (not past the start).
    pub fn scroll(&mut self, down: bool, by: usize, len: usize) {
        self.offset = if down {
            (self.offset + by).min(self.max_offset(len))
        } else {
            self.offset.saturating_sub(by)
        };
    }

    /// Scrolls by a motion over `len` rows, a page being the rows in view.
    pub fn scroll_by(&mut self, motion: Motion, len: usize) {
        self.offset = motion.apply(self.offset, self.max_offset(len), self.height);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(offset: usize, height: usize) -> Viewport {
        Viewport { offset, height }
    }

    #[test]
    fn show_moves_as_little_as_it_can() {
        let mut v = view(10, 5);
        v.show(12..13);
        assert_eq!(v.offset, 10, "already in view");
        v.show(16..17);
        assert_eq!(v.offset, 12, "below: it becomes the last row");
        v.show(3..4);
        assert_eq!(v.offset, 3, "above: it becomes the first row");
        v.show(5..9);
        assert_eq!(v.offset, 4, "several rows: all of them in view");
        v.show(20..30);
        assert_eq!(v.offset, 20, "taller than the view: its start at the top");
    }

    #[test]
    fn an_unsized_view_still_shows_one_row() {
        let mut v = view(0, 0);
        assert_eq!((v.page(), v.rows()), (1, 0..1));
        v.show(7..8);
        assert_eq!(v.offset, 7);
        assert_eq!(v.max_offset(10), 9);
    }

    #[test]
    fn scrolling_stops_at_either_end() {
        let mut v = view(0, 4);
        v.scroll(true, 3, 10);
        assert_eq!(v.offset, 3);
        v.scroll(true, 30, 10);
        assert_eq!(v.offset, 6, "the last row at the bottom");
        v.scroll(false, 4, 10);
        assert_eq!(v.offset, 2);
        v.scroll(false, 4, 10);
        assert_eq!(v.offset, 0);
        v.scroll(true, 3, 2);
        assert_eq!(v.offset, 0, "fewer rows than the view: nothing to scroll");
    }

    #[test]
    fn clamp_brings_back_a_view_past_the_end() {
        let mut v = view(8, 4);
        v.clamp(20);
        assert_eq!(v.offset, 8);
        v.clamp(10);
        assert_eq!(v.offset, 6);
        v.clamp(0);
        assert_eq!(v.offset, 0);
    }

    #[test]
    fn motions_page_by_the_height() {
        let mut v = view(0, 10);
        v.scroll_by(Motion::Pages(1), 100);
        assert_eq!(v.offset, 10);
        v.scroll_by(Motion::HalfPages(1), 100);
        assert_eq!(v.offset, 15);
        v.scroll_by(Motion::Bottom, 100);
        assert_eq!(v.offset, 90);
        v.scroll_by(Motion::Lines(5), 100);
        assert_eq!(v.offset, 90);
        v.scroll_by(Motion::Pages(-3), 100);
        assert_eq!(v.offset, 60);
        v.scroll_by(Motion::Top, 100);
        assert_eq!(v.offset, 0);
    }
}
