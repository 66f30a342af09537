//! What the benches share: a median of timed runs, and drawing the app's
//! screen into a test terminal as the event loop would.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use balcony::flow::Flow;
use balcony::ui::{Screen, theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The median of `runs` timed calls of `f`.
pub fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// One whole frame of the app, drawn from `flow`.
pub fn draw(term: &mut Terminal<TestBackend>, flow: &Flow) {
    term.draw(|f| {
        f.render_widget(
            &Screen {
                flow,
                theme: &theme::COLOR,
            },
            f.area(),
        )
    })
    .expect("draw");
}
