//! `balcony_rank(items)`: FTS5's own bm25 (the same constants, IDF and
//! average length), except that an item's length in tokens is read from its
//! row id rather than looked up in a table. Ranking a common word's tens of
//! thousands of matches was two thirds of a search: one lookup per match.
//! Registered on every connection to an index through FTS5's C interface,
//! which rusqlite does not wrap.

use std::ffi::{c_int, c_void};
use std::ptr;

use rusqlite::{Connection, ffi};

/// Bits of an item's row id that hold its length in tokens (capped).
pub const LEN_BITS: u32 = 14;
const LEN_MASK: i64 = (1 << LEN_BITS) - 1;

/// An item's length as the row id holds it: words (runs of letters and
/// digits, as FTS5's unicode61 tokenizer counts them), capped.
pub fn length(text: &str) -> i64 {
    let words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    (words as i64).min(LEN_MASK)
}

/// The length bits of a row id.
fn length_of(rowid: i64) -> f64 {
    (rowid & LEN_MASK) as f64
}

/// Makes `balcony_rank` known to this connection.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let api = fts5_api(conn)?;
    // SAFETY: `api` is the live FTS5 interface of this connection (checked
    // non-null), and the function keeps no pointer to anything of ours.
    let rc = unsafe {
        match (*api).xCreateFunction {
            Some(create) => create(
                api,
                c"balcony_rank".as_ptr(),
                ptr::null_mut(),
                Some(rank),
                None,
            ),
            None => ffi::SQLITE_ERROR,
        }
    };
    check(rc)
}

fn check(rc: c_int) -> rusqlite::Result<()> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), None))
    }
}

/// The connection's FTS5 interface, as SQLite documents getting it:
/// `SELECT fts5(?)` with a pointer bound to the parameter.
fn fts5_api(conn: &Connection) -> rusqlite::Result<*mut ffi::fts5_api> {
    let mut api: *mut ffi::fts5_api = ptr::null_mut();
    // SAFETY: the statement is prepared, bound, stepped and finalised here,
    // on this connection's handle, and `api` outlives it.
    let rc = unsafe {
        let db = conn.handle();
        let mut stmt = ptr::null_mut();
        let rc = ffi::sqlite3_prepare_v2(
            db,
            c"SELECT fts5(?1)".as_ptr(),
            -1,
            &mut stmt,
            ptr::null_mut(),
        );
        if rc == ffi::SQLITE_OK {
            ffi::sqlite3_bind_pointer(
                stmt,
                1,
                (&raw mut api).cast(),
                c"fts5_api_ptr".as_ptr(),
                None,
            );
            ffi::sqlite3_step(stmt);
            ffi::sqlite3_finalize(stmt)
        } else {
            rc
        }
    };
    check(rc)?;
    if api.is_null() {
        return Err(rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_ERROR),
            Some("FTS5 is not available".into()),
        ));
    }
    Ok(api)
}

/// What one query's ranking computes once: as in FTS5's bm25.
struct Query {
    avgdl: f64,
    idf: Vec<f64>,
    freq: Vec<f64>,
}

const K1: f64 = 1.2;
const B: f64 = 0.75;

unsafe extern "C" fn count(
    _api: *const ffi::Fts5ExtensionApi,
    _fts: *mut ffi::Fts5Context,
    n: *mut c_void,
) -> c_int {
    // SAFETY: `n` is the `i64` handed to xQueryPhrase below.
    unsafe { *n.cast::<i64>() += 1 };
    ffi::SQLITE_OK
}

unsafe extern "C" fn drop_query(p: *mut c_void) {
    // SAFETY: made by Box::into_raw in `query`, dropped once by FTS5.
    drop(unsafe { Box::from_raw(p.cast::<Query>()) });
}

/// The query's figures, computed on the first row and kept by FTS5.
///
/// SAFETY: `api` and `fts` are those FTS5 passed to `rank`.
unsafe fn query(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
) -> Result<*mut Query, c_int> {
    let (Some(get), Some(set), Some(phrases), Some(rows), Some(total), Some(each)) = (
        api.xGetAuxdata,
        api.xSetAuxdata,
        api.xPhraseCount,
        api.xRowCount,
        api.xColumnTotalSize,
        api.xQueryPhrase,
    ) else {
        return Err(ffi::SQLITE_ERROR);
    };
    // SAFETY: the calls FTS5 offers a ranking function, on its context.
    unsafe {
        let kept = get(fts, 0).cast::<Query>();
        if !kept.is_null() {
            return Ok(kept);
        }
        let n = phrases(fts).max(0) as usize;
        let (mut rows_n, mut tokens) = (0i64, 0i64);
        let rc = rows(fts, &mut rows_n);
        if rc != ffi::SQLITE_OK {
            return Err(rc);
        }
        let rc = total(fts, -1, &mut tokens);
        if rc != ffi::SQLITE_OK {
            return Err(rc);
        }
        let mut idf = Vec::with_capacity(n);
        for i in 0..n {
            let mut hits = 0i64;
            let rc = each(fts, i as c_int, (&raw mut hits).cast(), Some(count));
            if rc != ffi::SQLITE_OK {
                return Err(rc);
            }
            let x = ((rows_n - hits) as f64 + 0.5) / (hits as f64 + 0.5);
            let x = x.ln();
            idf.push(if x <= 0.0 { 1e-6 } else { x });
        }
        let q = Box::into_raw(Box::new(Query {
            avgdl: tokens as f64 / (rows_n.max(1) as f64),
            idf,
            freq: vec![0.0; n],
        }));
        let rc = set(fts, q.cast(), Some(drop_query));
        if rc != ffi::SQLITE_OK {
            // FTS5 has already called drop_query on it.
            return Err(rc);
        }
        Ok(q)
    }
}

/// bm25 of the current row, negated (lower is better), as FTS5's `bm25`.
unsafe extern "C" fn rank(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    _n: c_int,
    _args: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: FTS5 calls this with its interface and context, valid for the
    // call; the Query is FTS5's auxiliary data for this query, used only on
    // this thread while the statement steps.
    unsafe {
        let api = &*api;
        let score = (|| -> Result<f64, c_int> {
            let (Some(insts), Some(inst), Some(rowid)) = (api.xInstCount, api.xInst, api.xRowid)
            else {
                return Err(ffi::SQLITE_ERROR);
            };
            let q = &mut *query(api, fts)?;
            q.freq.iter_mut().for_each(|f| *f = 0.0);
            let mut n = 0;
            let rc = insts(fts, &mut n);
            if rc != ffi::SQLITE_OK {
                return Err(rc);
            }
            for i in 0..n {
                let (mut phrase, mut col, mut off) = (0, 0, 0);
                let rc = inst(fts, i, &mut phrase, &mut col, &mut off);
                if rc != ffi::SQLITE_OK {
                    return Err(rc);
                }
                if let Some(f) = q.freq.get_mut(phrase.max(0) as usize) {
                    *f += 1.0;
                }
            }
            let d = length_of(rowid(fts));
            let norm = K1 * (1.0 - B + B * d / q.avgdl);
            Ok(q.idf
                .iter()
                .zip(&q.freq)
                .map(|(idf, f)| idf * (f * (K1 + 1.0)) / (f + norm))
                .sum())
        })();
        match score {
            Ok(s) => ffi::sqlite3_result_double(ctx, -s),
            Err(rc) => ffi::sqlite3_result_error_code(ctx, rc),
        }
    }
}
