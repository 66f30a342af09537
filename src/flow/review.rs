//! Review: the browser of past sessions, a read-only session view and a
//! compare view. State and keys only; the app loads the files and hands the
//! results in (`Flow::show_review`, `review_loaded`, `review_compared`).

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Effect, Flow, Notice, Screen, Tone, error, info};
use crate::export::report::Rows;
use crate::keymap::{Action, Ctx};
use crate::review::compare::{self, Comparison};
use crate::review::compare_lines;
use crate::review::index::Hit;
use crate::review::lines;
use crate::review::outline::{self, CPart, Part};
use crate::review::recurring::Recurrence;
use crate::review::{Row, Summary};
use crate::session::{ItemKind, Session};
use crate::strings as s;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Newest first.
    Date,
    /// A to Z, ignoring case.
    Title,
}

#[derive(Debug, Clone)]
pub struct SessionView {
    pub path: PathBuf,
    pub session: Box<Session>,
    pub parts: Vec<Part>,
    /// The part at the top of the screen.
    pub scroll: usize,
    /// How many of that part's lines are above the screen.
    pub line: usize,
    /// Where the last page starts, for a screen's (width, rows), kept
    /// while they hold: a key need not measure the end again.
    pub end: Option<((usize, usize), (usize, usize))>,
    /// Its items raised in earlier sessions of the archive, once the
    /// index has been asked.
    pub recurring: Vec<Recurrence>,
}

#[derive(Debug, Clone)]
pub struct CompareView {
    pub cmp: Comparison,
    pub parts: Vec<CPart>,
    /// The part at the top of the screen.
    pub scroll: usize,
    /// How many of that part's lines are above the screen.
    pub line: usize,
}

impl CompareView {
    /// Its parts measured at `width` columns, only those passed over.
    pub fn measure(&self, width: usize) -> lines::Scroll<impl Fn(usize) -> usize + '_> {
        lines::Scroll {
            len: self.parts.len(),
            height: move |i| compare_lines::height(&self.cmp, self.parts[i], width),
        }
    }
}

#[derive(Debug, Clone)]
pub enum View {
    Session(SessionView),
    Compare(CompareView),
}

#[derive(Debug, Clone)]
pub struct Review {
    pub dir: PathBuf,
    /// Every folder read, `dir` first.
    pub folders: Vec<PathBuf>,
    pub rows: Vec<Row>,
    /// Indexes into `rows`: the filtered rows in the chosen order.
    pub shown: Vec<usize>,
    /// Index into `shown`.
    pub sel: usize,
    pub sort: Sort,
    pub filter: String,
    /// The filter is being typed.
    pub typing: bool,
    /// Indexes into `rows`, in the order they were marked.
    pub marked: Vec<usize>,
    pub view: Option<View>,
    /// Opened from the start screen: Esc goes back there.
    pub from_start: bool,
    /// The user has moved the selection: rows read later keep it on its file
    /// (until then, the top row stays selected).
    pub moved: bool,
    /// Sessions whose items hold every word of the filter: how many items,
    /// and the best one (the app searches the index as the filter changes).
    pub hits: std::collections::HashMap<PathBuf, (usize, Hit)>,
    /// The item to scroll to when the session being opened arrives.
    pub open_at: Option<Hit>,
}

impl Review {
    pub fn new(dir: PathBuf, rows: Vec<Row>, from_start: bool) -> Review {
        let mut r = Review {
            folders: vec![dir.clone()],
            dir,
            rows,
            shown: Vec::new(),
            sel: 0,
            sort: Sort::Date,
            filter: String::new(),
            typing: false,
            marked: Vec::new(),
            view: None,
            from_start,
            moved: false,
            hits: Default::default(),
            open_at: None,
        };
        r.refresh();
        r
    }

    pub fn ctx(&self) -> Ctx {
        match (&self.view, self.typing) {
            (Some(View::Session(_)), _) => Ctx::ReviewView,
            (Some(View::Compare(_)), _) => Ctx::ReviewCompare,
            (None, true) => Ctx::ReviewFilter,
            (None, false) => Ctx::Review,
        }
    }

    /// The selected row, if any.
    pub fn selected(&self) -> Option<&Row> {
        self.shown.get(self.sel).map(|&i| &self.rows[i])
    }

    /// Filters and sorts again, keeping the selected file selected if it is still shown.
    pub fn refresh(&mut self) {
        let keep = self.shown.get(self.sel).copied().filter(|_| self.moved);
        let needle = self.filter.to_lowercase();
        let rows = &self.rows;
        let hits = &self.hits;
        let mut shown: Vec<usize> = (0..rows.len())
            .filter(|&i| {
                needle.is_empty() || matches(&rows[i], &needle) || hits.contains_key(&rows[i].path)
            })
            .collect();
        let title = |i: usize| match &rows[i].entry {
            Ok(s) => s.title.to_lowercase(),
            Err(_) => String::new(),
        };
        match self.sort {
            Sort::Date => shown.sort_by(|&a, &b| match (&rows[a].entry, &rows[b].entry) {
                (Ok(x), Ok(y)) => y
                    .created
                    .cmp(&x.created)
                    .then_with(|| title(a).cmp(&title(b)))
                    .then_with(|| rows[a].path.cmp(&rows[b].path)),
                (Ok(_), Err(_)) => std::cmp::Ordering::Less,
                (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
                (Err(_), Err(_)) => rows[a].path.cmp(&rows[b].path),
            }),
            Sort::Title => shown.sort_by(|&a, &b| match (&rows[a].entry, &rows[b].entry) {
                (Ok(_), Ok(_)) => title(a)
                    .cmp(&title(b))
                    .then_with(|| rows[a].path.cmp(&rows[b].path)),
                (Ok(_), Err(_)) => std::cmp::Ordering::Less,
                (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
                (Err(_), Err(_)) => rows[a].path.cmp(&rows[b].path),
            }),
        }
        self.sel = keep
            .and_then(|k| shown.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.shown = shown;
    }

    fn move_sel(&mut self, action: Action, page: usize) {
        self.moved = true;
        let n = self.shown.len();
        let last = n.saturating_sub(1);
        self.sel = match action {
            Action::Up => self.sel.saturating_sub(1),
            Action::Down => (self.sel + 1).min(last),
            Action::PageUp => self.sel.saturating_sub(page),
            Action::PageDown => (self.sel + page).min(last),
            Action::First => 0,
            Action::Last => last,
            _ => self.sel,
        };
    }
}

/// Whether a row matches the (lower-case) filter: title, file name, mode or error.
fn matches(row: &Row, needle: &str) -> bool {
    let name = row.name().to_lowercase();
    if name.contains(needle) {
        return true;
    }
    match &row.entry {
        Ok(Summary { title, mode, .. }) => {
            title.to_lowercase().contains(needle) || mode.label().contains(needle)
        }
        Err(p) => p.message.to_lowercase().contains(needle),
    }
}

/// The line of the session view where a found item is shown.
fn part_of(s: &Session, parts: &[Part], hit: &Hit) -> Option<usize> {
    fn at(mut ids: impl Iterator<Item = u32>, id: u32) -> Option<usize> {
        ids.position(|x| x == id)
    }
    if hit.kind == "tension move" {
        let want = Part::Row(
            Rows::Readings,
            at(s.readings.iter().map(|x| x.id), hit.item)?,
        );
        return parts.iter().position(|p| *p == want);
    }
    // A sign found is shown with its map.
    let kind = match hit.kind.as_str() {
        crate::kinds::polarity::SIGN => ItemKind::Polarity,
        word => ItemKind::all().find(|k| k.label() == word)?,
    };
    let i = at(
        (0..s.count(kind)).filter_map(|i| s.stamp_of(kind, i).map(|x| x.0)),
        hit.item,
    )?;
    let want = match kind {
        ItemKind::Gadfly => Part::Row(Rows::Gadflies, i),
        ItemKind::Commitment => Part::Row(Rows::Commitments, i),
        ItemKind::Polarity => Part::Map(i),
        kind => Part::Item(kind, i),
    };
    parts.iter().position(|p| *p == want)
}

/// Rows a page key moves: the list's height on a normal screen.
fn page(size: (u16, u16)) -> usize {
    (size.1 as usize).saturating_sub(6).max(1)
}

/// The rows a session or compare view has for its parts, on a screen this
/// tall: two header lines, a notice line and the key bar are taken.
pub fn body_rows(height: u16) -> usize {
    (height as usize).saturating_sub(4)
}

/// Moves a view by lines of a screen, from `at` to at most `last`, so that
/// the last page stays full.
fn moved<F: Fn(usize) -> usize>(
    m: &lines::Scroll<F>,
    at: (usize, usize),
    last: (usize, usize),
    action: Action,
    rows: usize,
) -> (usize, usize) {
    let at = at.min(last);
    let at = match action {
        Action::Up => m.up(at, 1),
        Action::Down => m.down(at, 1),
        Action::PageUp => m.up(at, rows.max(1)),
        Action::PageDown => m.down(at, rows.max(1)),
        Action::First => (0, 0),
        Action::Last => last,
        _ => at,
    };
    at.min(last)
}

/// Moves a session view by lines of a screen `width` columns wide, its
/// parts wrapped there.
fn scroll_lines(v: &mut SessionView, action: Action, width: usize, rows: usize) {
    let last = last_page(v, width, rows);
    let at = moved(
        &measure(v, width).scroll(),
        (v.scroll, v.line),
        last,
        action,
        rows,
    );
    (v.scroll, v.line) = at;
}

/// Moves a compare view the same way.
fn scroll_compare(v: &mut CompareView, action: Action, width: usize, rows: usize) {
    let at = {
        let m = v.measure(width);
        moved(&m, (v.scroll, v.line), m.last(rows), action, rows)
    };
    (v.scroll, v.line) = at;
}

fn measure(v: &SessionView, width: usize) -> lines::Measure<'_> {
    lines::Measure {
        session: &v.session,
        recurring: &v.recurring,
        parts: &v.parts,
        width,
    }
}

/// Where a session view's last page starts on a screen `width` columns
/// wide with `rows` for it, measured once for that size.
fn last_page(v: &mut SessionView, width: usize, rows: usize) -> (usize, usize) {
    if let Some((size, at)) = v.end
        && size == (width, rows)
    {
        return at;
    }
    let at = measure(v, width).last(rows);
    v.end = Some(((width, rows), at));
    at
}

/// Puts the next section's heading (or the one before) at the top of a
/// session view, as far as the last page allows.
fn jump_section(v: &mut SessionView, next: bool, width: usize, rows: usize) {
    let last = last_page(v, width, rows);
    let at = (v.scroll, v.line).min(last);
    let mut heads = (0..v.parts.len()).filter(|&i| matches!(v.parts[i], Part::Heading(..)));
    let to = if next {
        heads.find(|&i| (i, 0) > at)
    } else {
        heads.rev().find(|&i| (i, 0) < at)
    };
    if let Some(i) = to {
        (v.scroll, v.line) = (i, 0).min(last);
    }
}

impl Flow {
    /// Review of a folder, as the first screen (`balcony review`).
    pub fn in_review(dir: PathBuf, rows: Vec<Row>, now: crate::session::Timestamp) -> Flow {
        let mut f = Flow::start(Vec::new(), now);
        f.screen = Screen::Review(Box::new(Review::new(dir, rows, false)));
        f
    }

    /// Review reads these folders (the first is where exports go).
    pub(super) fn review_folders(&mut self, folders: Vec<PathBuf>) {
        if let Screen::Review(r) = &mut self.screen
            && !folders.is_empty()
        {
            r.folders = folders;
        }
    }

    pub(super) fn show_review(&mut self, dir: PathBuf, rows: Vec<Row>, from_start: bool) {
        self.screen = Screen::Review(Box::new(Review::new(dir, rows, from_start)));
        self.notice = None;
    }

    /// The app loaded the session to view.
    pub(super) fn review_loaded(&mut self, path: PathBuf, session: Result<Session, String>) {
        let Screen::Review(r) = &mut self.screen else {
            return;
        };
        match session {
            Ok(session) => {
                let parts = outline::session(&session);
                let scroll = r
                    .open_at
                    .take()
                    .filter(|hit| hit.path == path)
                    .and_then(|hit| part_of(&session, &parts, &hit))
                    .unwrap_or(0);
                r.view = Some(View::Session(SessionView {
                    path,
                    session: Box::new(session),
                    parts,
                    scroll,
                    line: 0,
                    end: None,
                    recurring: Vec::new(),
                }));
            }
            Err(e) => self.notice = error(e),
        }
    }

    /// The app found items of the open session raised in earlier sessions:
    /// they are listed first.
    pub(super) fn review_recurring(&mut self, path: &Path, recurring: Vec<Recurrence>) {
        let Screen::Review(r) = &mut self.screen else {
            return;
        };
        let Some(View::Session(v)) = r.view.as_mut() else {
            return;
        };
        if v.path != path || recurring.is_empty() {
            return;
        }
        let extra = outline::recurring(recurring.len());
        v.scroll = if (v.scroll, v.line) == (0, 0) {
            0
        } else {
            v.scroll + extra.len()
        };
        v.parts.splice(0..0, extra);
        v.recurring = recurring;
        v.end = None;
    }

    /// The app loaded the marked sessions to compare.
    pub(super) fn review_compared(&mut self, loaded: Vec<(PathBuf, Result<Session, String>)>) {
        let Screen::Review(r) = &mut self.screen else {
            return;
        };
        let mut ok = Vec::new();
        let mut problems = Vec::new();
        for (path, s) in &loaded {
            match s {
                Ok(s) => ok.push((path.clone(), s)),
                Err(e) => problems.push(e.clone()),
            }
        }
        if ok.len() < 2 {
            self.notice = error(problems.first().cloned().unwrap_or_else(|| {
                s::compare_needs_two(&self.keymap.first_key(Ctx::Review, Action::Mark))
            }));
            return;
        }
        let cmp = compare::compare(&ok);
        let parts = outline::compare(&cmp);
        r.view = Some(View::Compare(CompareView {
            cmp,
            parts,
            scroll: 0,
            line: 0,
        }));
        if let Some(p) = problems.first() {
            self.notice = error(format!("{}: {p}", s::LEFT_OUT));
        }
    }

    /// The app searched the items for `query`: sessions with matching items
    /// join the list (when it is still the filter being typed).
    pub(super) fn review_found(&mut self, query: &str, hits: Vec<Hit>) {
        let Screen::Review(r) = &mut self.screen else {
            return;
        };
        if r.filter != query {
            return;
        }
        r.hits.clear();
        // Best first: the first hit of a session is its best.
        for hit in hits {
            r.hits
                .entry(hit.path.clone())
                .and_modify(|(n, _)| *n += 1)
                .or_insert((1, hit));
        }
        r.refresh();
    }

    /// Rows read in the background since the list was first shown.
    pub(super) fn review_update(&mut self, batch: Vec<(usize, Row)>) {
        let Screen::Review(r) = &mut self.screen else {
            return;
        };
        for (i, row) in batch {
            if let Some(slot) = r.rows.get_mut(i)
                && slot.path == row.path
            {
                *slot = row;
            }
        }
        r.refresh();
    }

    /// A follow-up session has begun: show what it carried over first.
    pub(super) fn follow_up_started(&mut self, text: impl Into<String>) {
        if let Screen::Live(live) = &mut self.screen {
            let s = &live.session;
            let first = [
                (ItemKind::Commitment, s.commitments.len()),
                (ItemKind::Gadfly, s.gadflies.len()),
                (ItemKind::Polarity, s.polarities.len()),
            ]
            .into_iter()
            .find(|(_, n)| *n > 0);
            if let Some((kind, _)) = first {
                live.kind = kind;
            }
        }
        self.notice = Some(Notice {
            text: text.into(),
            tone: Tone::Quiet,
        });
    }

    /// Something to say after a review action the app carried out.
    pub(super) fn review_said(&mut self, text: impl Into<String>, failed: bool) {
        self.notice = if failed { error(text) } else { info(text) };
    }

    pub(super) fn review_paste(&mut self, text: &str) {
        if let Screen::Review(r) = &mut self.screen
            && r.typing
        {
            r.filter.extend(text.chars().filter(|c| !c.is_control()));
            r.refresh();
        }
    }

    pub(super) fn review_key(
        &mut self,
        ctx: Ctx,
        action: Option<Action>,
        ev: KeyEvent,
    ) -> Vec<Effect> {
        let page = page(self.size);
        let width = self.size.0 as usize;
        let rows = body_rows(self.size.1);
        let Screen::Review(r) = &mut self.screen else {
            return Vec::new();
        };
        match ctx {
            Ctx::ReviewFilter => {
                match action {
                    Some(Action::Accept) => r.typing = false,
                    Some(Action::Cancel) => {
                        r.typing = false;
                        r.filter.clear();
                        r.hits.clear();
                        r.refresh();
                    }
                    Some(a @ (Action::Up | Action::Down)) => r.move_sel(a, page),
                    _ => match ev.code {
                        KeyCode::Backspace => {
                            r.filter.pop();
                            r.refresh();
                            return vec![Effect::ReviewSearch(r.filter.clone())];
                        }
                        KeyCode::Char(c)
                            if !ev
                                .modifiers
                                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                        {
                            r.filter.push(c);
                            r.refresh();
                            return vec![Effect::ReviewSearch(r.filter.clone())];
                        }
                        _ => {}
                    },
                }
                Vec::new()
            }
            Ctx::ReviewView | Ctx::ReviewCompare => {
                let Some(view) = &mut r.view else {
                    return Vec::new();
                };
                match (action, view) {
                    (Some(Action::Cancel), _) => r.view = None,
                    (
                        Some(
                            a @ (Action::Up
                            | Action::Down
                            | Action::PageUp
                            | Action::PageDown
                            | Action::First
                            | Action::Last),
                        ),
                        v,
                    ) => match v {
                        View::Session(v) => scroll_lines(v, a, width, rows),
                        View::Compare(v) => scroll_compare(v, a, width, rows),
                    },
                    (Some(a @ (Action::KindNext | Action::KindPrev)), View::Session(v)) => {
                        jump_section(v, a == Action::KindNext, width, rows)
                    }
                    (Some(Action::FollowUp), View::Session(v)) => {
                        return vec![Effect::FollowUp(v.path.clone())];
                    }
                    (Some(Action::Export), View::Session(v)) => {
                        return vec![Effect::Export(v.path.clone())];
                    }
                    _ => {}
                }
                Vec::new()
            }
            _ => {
                match action {
                    Some(Action::Cancel) if !r.filter.is_empty() => {
                        r.filter.clear();
                        r.hits.clear();
                        r.refresh();
                    }
                    Some(Action::Cancel) if r.from_start => self.screen = Screen::Start,
                    Some(Action::Cancel) => return vec![Effect::Quit],
                    Some(
                        a @ (Action::Up
                        | Action::Down
                        | Action::PageUp
                        | Action::PageDown
                        | Action::First
                        | Action::Last),
                    ) => r.move_sel(a, page),
                    Some(Action::Sort) => {
                        r.sort = match r.sort {
                            Sort::Date => Sort::Title,
                            Sort::Title => Sort::Date,
                        };
                        r.refresh();
                    }
                    Some(Action::Filter) => r.typing = true,
                    Some(Action::Mark) => {
                        if let Some(&i) = r.shown.get(r.sel) {
                            if let Some(at) = r.marked.iter().position(|&m| m == i) {
                                r.marked.remove(at);
                            } else if r.rows[i].reading {
                                self.notice = info(s::STILL_READING);
                                return Vec::new();
                            } else if r.rows[i].entry.is_ok() {
                                r.marked.push(i);
                            } else {
                                self.notice = info(s::CANNOT_MARK_BROKEN);
                                return Vec::new();
                            }
                            r.move_sel(Action::Down, page);
                        }
                    }
                    Some(Action::Compare) => {
                        if r.marked.len() < 2 {
                            self.notice = info(s::compare_needs_two(
                                &self.keymap.first_key(Ctx::Review, Action::Mark),
                            ));
                        } else {
                            let paths = r.marked.iter().map(|&i| r.rows[i].path.clone()).collect();
                            return vec![Effect::ReviewCompare(paths)];
                        }
                    }
                    Some(a @ (Action::Accept | Action::FollowUp | Action::Export)) => {
                        match r.selected() {
                            None => self.notice = info(s::NO_SESSIONS_SHOWN),
                            Some(row) if row.reading => self.notice = info(s::STILL_READING),
                            Some(row) if row.entry.is_err() => {
                                self.notice = error(row.error_line().unwrap_or_default())
                            }
                            Some(row) => {
                                let path = row.path.clone();
                                r.open_at = r.hits.get(&path).map(|(_, hit)| hit.clone());
                                return vec![match a {
                                    Action::Accept => Effect::ReviewOpen(path),
                                    Action::FollowUp => Effect::FollowUp(path),
                                    _ => Effect::Export(path),
                                }];
                            }
                        }
                    }
                    _ => {}
                }
                Vec::new()
            }
        }
    }
}
