//! Choosing from a list: tactics, fates, reactions, statuses, the road, the
//! checkpoint to jump to. Building each picker, and what Enter does.

use crossterm::event::KeyEvent;

use super::live::Undo;
use super::{Effect, Flow, Focus, Notice, Pick, Picker, Screen, Tone, capital, error, form};
use crate::keymap::{Action, Ctx, Keymap};
use crate::kinds::{with_item, with_kind};
use crate::session::validate::MAX_TEXT_CHARS;
use crate::session::*;
use crate::strings as s;

/// The kinds an adopted gadfly idea can become, in the list's order.
pub fn work_kinds() -> Vec<ItemKind> {
    ItemKind::all().filter(|k| k.takes_ideas()).collect()
}

/// A plain list of labels, without hints or ids.
fn plain(labels: impl Iterator<Item = String>) -> (Vec<(String, String)>, Vec<Option<String>>) {
    let options: Vec<(String, String)> = labels.map(|l| (l, String::new())).collect();
    let ids = vec![None; options.len()];
    (options, ids)
}

impl Picker {
    fn new(
        pick: Pick,
        title: String,
        list: (Vec<(String, String)>, Vec<Option<String>>),
        sel: usize,
    ) -> Picker {
        let (options, ids) = list;
        Picker {
            pick,
            title,
            options,
            ids,
            sel,
            reason: None,
            reason_label: "",
            info: Vec::new(),
            readiness: None,
            unripe: false,
        }
    }

    /// A raise's tactic picker with the readiness check: `fresh`, just
    /// answered and to be recorded, or `holding`, an earlier answer here.
    /// An unripe issue makes the reason required.
    pub fn with_readiness(
        mut self,
        fresh: Option<Readiness>,
        holding: Option<&Readiness>,
    ) -> Picker {
        if self.pick != Pick::Tactic(Move::Raise) {
            return self;
        }
        let Some(r) = fresh.as_ref().or(holding) else {
            return self;
        };
        self.info
            .push(format!("{}: {}", s::READINESS, r.describe()));
        if r.is_unripe() {
            self.unripe = true;
            self.reason_label = s::UNRIPE_REASON;
            self.info.push(s::UNRIPE_ASKS.to_string());
        }
        self.readiness = fresh;
        self
    }

    /// The end: what was captured, the commitments still open, then export,
    /// quit or keep working.
    pub fn close(ses: &Session) -> Picker {
        let counts: Vec<String> = ItemKind::all()
            .filter(|k| ses.count(*k) > 0)
            .map(|k| format!("{} ({})", k.heading(), ses.count(k)))
            .collect();
        let mut info = vec![if counts.is_empty() {
            s::CLOSE_NOTHING.to_string()
        } else {
            format!("{}: {}", s::CLOSE_CAPTURED, counts.join(", "))
        }];
        let open: Vec<_> = ses
            .work_items()
            .into_iter()
            .filter(|w| w.work.open)
            .collect();
        info.push(s::close_open(open.len()));
        for w in open {
            info.push(format!(
                "  #{} {} — {}, {}",
                w.id,
                w.work.what.replace('\n', " "),
                w.work.owner,
                w.work.review
            ));
        }
        let list = plain(s::CLOSE_CHOICES.iter().map(|x| x.to_string()));
        let mut p = Picker::new(Pick::Close, s::CLOSE_TITLE.to_string(), list, 0);
        p.info = info;
        p
    }

    /// The workshop's tactics for a move, then "no tactic". The first is the default.
    pub fn tactic(ses: &Session, mv: Move) -> Picker {
        let w = &ses.workshop;
        let mut options: Vec<(String, String)> = w
            .tactics_for(mv)
            .map(|t| (t.name.clone(), t.hint.clone()))
            .collect();
        let mut ids: Vec<Option<String>> = w.tactics_for(mv).map(|t| Some(t.id.clone())).collect();
        options.push((s::NO_TACTIC.to_string(), String::new()));
        ids.push(None);
        let level = ses.level();
        let to = match mv {
            Move::Raise => (level + 1).min(SCALE_MAX),
            Move::Lower => level.saturating_sub(1),
            Move::Hold => level,
        };
        let title = s::tactic_title(&capital(mv.label()), level, to);
        let mut p = Picker::new(Pick::Tactic(mv), title, (options, ids), 0);
        p.reason = Some(form::text_area(""));
        p.reason_label = s::REASON;
        p
    }

    pub fn jump(ses: &Session) -> Picker {
        let labels = ses
            .workshop
            .checkpoints
            .iter()
            .zip(&ses.progress.checkpoints)
            .enumerate()
            .map(|(i, (c, p))| {
                (
                    format!("{:>2}. {:<11} {}", i + 1, c.place.label(), c.title),
                    p.status.label().to_string(),
                )
            })
            .collect::<Vec<_>>();
        let ids = vec![None; labels.len()];
        Picker::new(
            Pick::Jump,
            s::JUMP_TITLE.to_string(),
            (labels, ids),
            ses.progress.current,
        )
    }

    /// Declining keeps a reason: the reason field is filled with the old one.
    pub fn fate(g: &Gadfly, i: usize) -> Picker {
        let sel = match g.fate {
            Fate::Parked => 0,
            Fate::Exploring => 1,
            Fate::Adopted => 2,
            Fate::Declined(_) => 3,
        };
        let reason = match &g.fate {
            Fate::Declined(r) => r.as_str(),
            _ => "",
        };
        let list = plain(s::FATES.iter().map(|f| f.to_string()));
        let mut p = Picker::new(Pick::Fate(i), s::fate_title(g.id), list, sel);
        p.reason = Some(form::text_area(reason));
        p.reason_label = s::DECLINE_REASON;
        p
    }

    pub fn reaction(g: &Gadfly, i: usize) -> Picker {
        let sel = Reaction::ALL
            .iter()
            .position(|r| *r == g.reaction)
            .unwrap_or(0);
        let list = plain(Reaction::ALL.iter().map(|r| r.label().to_string()));
        Picker::new(Pick::Reaction(i), s::reaction_title(g.id), list, sel)
    }

    /// Where a piece of work stands: a commitment's status, an
    /// experiment's result.
    pub fn status(w: &WorkItem) -> Picker {
        let list = plain(w.kind.statuses().iter().map(|x| x.to_string()));
        let title = s::status_title(w.kind.status_word(), w.kind.label(), w.id);
        Picker::new(Pick::Status(w.kind, w.index), title, list, w.work.status)
    }

    /// What an adopted gadfly idea (index `i`) becomes: each kind of work
    /// an idea can become. `prefer` is chosen first when it is one.
    pub fn to_work(g: &Gadfly, i: usize, prefer: &[ItemKind]) -> Picker {
        let kinds = work_kinds();
        let sel = kinds.iter().position(|k| prefer.contains(k)).unwrap_or(0);
        let list = plain(kinds.iter().map(|k| s::a(k.label())));
        Picker::new(Pick::ToWork(i), s::to_work_pick(g.id), list, sel)
    }

    /// The signs of a polarity map, to record that one was seen now.
    pub fn fired(p: &Polarity, i: usize) -> Picker {
        let options = p
            .warnings
            .iter()
            .map(|w| {
                let pole = p.pole_name(w.overdone);
                (
                    w.sign.clone(),
                    format!(
                        "{} overdone · watcher {} · seen {}×",
                        pole,
                        w.watcher,
                        w.fired.len()
                    ),
                )
            })
            .collect::<Vec<_>>();
        let ids = vec![None; options.len()];
        Picker::new(
            Pick::Fired(i),
            s::FIRED_TITLE.to_string(),
            (options, ids),
            0,
        )
    }

    /// Skipping asks why; Enter with nothing typed skips all the same.
    pub fn skip(keys: &Keymap) -> Picker {
        let list = plain(std::iter::once(s::SKIP_CHOICE.to_string()));
        let title = s::skip_title(&keys.first_key(Ctx::Picker, Action::Accept));
        let mut p = Picker::new(Pick::Skip, title, list, 0);
        p.reason = Some(form::text_area(""));
        p.reason_label = s::SKIP_REASON;
        p
    }

    /// After the band moved: why, kept with the move.
    pub fn band_why(band: Band, keys: &Keymap) -> Picker {
        let list = plain(std::iter::once(s::BAND_WHY_CHOICE.to_string()));
        let accept = keys.first_key(Ctx::Picker, Action::Accept);
        let title = s::band_why_title(band.low, band.high, &accept);
        let mut p = Picker::new(Pick::BandWhy, title, list, 0);
        p.reason = Some(form::text_area(""));
        p.reason_label = s::BAND_REASON;
        p
    }

    pub fn road(ses: &Session) -> Picker {
        let sel = ses
            .road
            .and_then(|r| Road::ALL.iter().position(|x| *x == r))
            .unwrap_or(0);
        let list = plain(Road::ALL.iter().map(|r| r.label().to_string()));
        Picker::new(Pick::Road, s::ROAD_TITLE.to_string(), list, sel)
    }
}

impl Flow {
    pub(super) fn picker_key(
        &mut self,
        action: Option<Action>,
        ev: KeyEvent,
        now: Timestamp,
    ) -> Vec<Effect> {
        let Screen::Live(live) = &mut self.screen else {
            return Vec::new();
        };
        let Focus::Picker(p) = &mut live.mode else {
            return Vec::new();
        };
        let n = p.options.len().max(1);
        match action {
            Some(Action::Cancel) => live.mode = Focus::Browse,
            Some(Action::Up) => p.sel = p.sel.saturating_sub(1),
            Some(Action::Down) => p.sel = (p.sel + 1).min(n - 1),
            Some(Action::Accept) => {
                let p = p.clone();
                let reason = p
                    .reason
                    .as_ref()
                    .map(|a| a.lines().join(" ").trim().to_string())
                    .unwrap_or_default();
                match p.pick {
                    Pick::Tactic(mv) => {
                        if p.unripe && crate::clean::is_blank(&reason) {
                            self.notice = error(s::unripe_needs_reason(
                                &self.keymap.first_key(Ctx::Form, Action::Cancel),
                            ));
                            return Vec::new();
                        }
                        let tactic = p.ids.get(p.sel).cloned().flatten();
                        live.mode = Focus::Browse;
                        if live.record_reading(mv, tactic, reason, p.readiness, now) {
                            self.notice = Some(Notice {
                                text: s::SILENCING.to_string(),
                                tone: Tone::Quiet,
                            });
                        }
                        return vec![Effect::Save];
                    }
                    Pick::Fate(i) => {
                        let fate = match p.sel {
                            0 => Fate::Parked,
                            1 => Fate::Exploring,
                            2 => Fate::Adopted,
                            _ if reason.is_empty() => {
                                self.notice = error(s::DECLINE_NEEDS_REASON);
                                return Vec::new();
                            }
                            _ => Fate::Declined(reason),
                        };
                        live.mode = Focus::Browse;
                        if let Some(old) = live.session.gadflies.get(i).cloned()
                            && old.fate != fate
                        {
                            live.s_mut(now).gadflies[i].fate = fate;
                            live.push_undo(Undo::Gadfly(i, Box::new(old)));
                            return vec![Effect::Save];
                        }
                    }
                    Pick::Reaction(i) => {
                        live.mode = Focus::Browse;
                        let reaction = Reaction::ALL[p.sel % Reaction::ALL.len()];
                        if let Some(old) = live.session.gadflies.get(i).cloned()
                            && old.reaction != reaction
                        {
                            live.s_mut(now).gadflies[i].react(reaction, now);
                            live.push_undo(Undo::Gadfly(i, Box::new(old)));
                            return vec![Effect::Save];
                        }
                    }
                    Pick::Status(kind, i) => {
                        live.mode = Focus::Browse;
                        let old = with_kind!(kind, K => K::list(&live.session)
                            .get(i)
                            .cloned()
                            .map(AnyItem::from));
                        let mut new = old.clone();
                        if let Some(x) = &mut new {
                            with_item!(x, x => x.set_status(p.sel));
                        }
                        if let (Some(old), Some(new)) = (old, new)
                            && old != new
                        {
                            live.s_mut(now).put_item(i, new);
                            live.push_undo(Undo::Replaced(i, Box::new(old)));
                            return vec![Effect::Save];
                        }
                    }
                    Pick::ToWork(i) => {
                        live.mode = Focus::Browse;
                        let kind = work_kinds()[p.sel % work_kinds().len()];
                        let mode = live.session.meta.mode;
                        if let Some(g) = live.session.gadflies.get(i).cloned()
                            && live.open_form(form::Form::to_work(kind, &g, mode, now.date_naive()))
                        {
                            self.notice = Some(Notice {
                                text: s::DRAFT_BACK.to_string(),
                                tone: Tone::Info,
                            });
                        }
                    }
                    Pick::Fired(i) => {
                        live.mode = Focus::Browse;
                        if let Some(old) = live.session.polarities.get(i).cloned()
                            && p.sel < old.warnings.len()
                        {
                            live.s_mut(now).polarities[i].warnings[p.sel]
                                .fired
                                .push(now);
                            let old = Box::new(AnyItem::Polarity(old));
                            live.push_undo(Undo::Replaced(i, old));
                            live.worked_here(now);
                            self.notice = Some(Notice {
                                text: s::FIRED_NOTED.to_string(),
                                tone: Tone::Info,
                            });
                            return vec![Effect::Save];
                        }
                    }
                    Pick::Road => {
                        live.mode = Focus::Browse;
                        let road = Some(Road::ALL[p.sel % Road::ALL.len()]);
                        let old = live.session.road;
                        if old != road {
                            live.s_mut(now).road = road;
                            live.push_undo(Undo::Road(old));
                            live.worked_here(now);
                            return vec![Effect::Save];
                        }
                    }
                    Pick::Skip => {
                        live.mode = Focus::Browse;
                        live.commit_time(now);
                        live.skip(reason, now);
                        let cur = live.session.progress.current;
                        if cur + 1 < live.session.workshop.checkpoints.len() {
                            live.s_mut(now).progress.current = cur + 1;
                            live.enter(now);
                        }
                        self.notice = Some(Notice {
                            text: s::SKIPPED.to_string(),
                            tone: Tone::Info,
                        });
                        return vec![Effect::Save];
                    }
                    Pick::BandWhy => {
                        live.mode = Focus::Browse;
                        if !reason.is_empty()
                            && let Some(m) = live.s_mut(now).band_moves.last_mut()
                        {
                            m.reason = reason;
                            return vec![Effect::Save];
                        }
                    }
                    Pick::Close => {
                        live.mode = Focus::Browse;
                        match p.sel {
                            0 => return vec![Effect::ExportLive],
                            1 => return self.quit(now, true),
                            _ => {}
                        }
                    }
                    Pick::Jump => {
                        live.mode = Focus::Browse;
                        let target = p.sel.min(live.session.workshop.checkpoints.len() - 1);
                        if target != live.session.progress.current {
                            live.go_to(target, now);
                            return vec![Effect::Save];
                        }
                    }
                }
            }
            _ => {
                if let Some(area) = p.reason.as_mut() {
                    if form::input_capped(area, ev).is_none() {
                        self.notice = error(s::FIELD_FULL);
                    } else {
                        if area.lines().len() > 1 {
                            // One line, and still within a field's limit:
                            // the space that joins counts too.
                            let one: String = area
                                .lines()
                                .join(" ")
                                .chars()
                                .take(MAX_TEXT_CHARS)
                                .collect();
                            **area = *form::text_area(&one);
                        }
                    }
                }
            }
        }
        Vec::new()
    }
}
