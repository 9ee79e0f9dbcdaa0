//! The dynamic programme: best path of beads through a band of the alignment matrix.
//!
//! Short texts are searched exactly (the band is the whole matrix). Longer ones are searched
//! coarse to fine, as Vecalign does: adjacent segments are merged in runs of four (then pairs
//! at each coarser level), the smaller problem is aligned (recursively), and the full-size
//! search runs only in a band of [`BAND_WIDTH`] segments around the projected coarse path. A
//! path that runs along the band's edge may have been cut off there: the band is widened to
//! twice the width around those rows and searched again.
//! Each level costs time linear in its length, so the whole search is linear, and memory is
//! (segments x band width).

use rayon::prelude::*;

use super::features::{CoarseScratch, Unit};
use super::model::Model;

/// Bead shapes the search considers: (source segments, target segments).
pub const BEADS: [(usize, usize); 8] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
];

/// Widest a bead reaches on either side.
const MAX_SPAN: usize = 3;

/// A text is searched exactly when (source + 1) x (target + 1) is at most this.
pub const FULL_SEARCH_CELLS: usize = 15_000;

/// A coarse level (which only locates the path) is searched exactly up to this size: below it,
/// one more halving costs less than the exact search it replaces.
const COARSE_FULL_SEARCH_CELLS: usize = 4_000;

/// Half-width, in segments, of the band around a projected coarse path. Where a path comes
/// within a segment of the band's edge, the band is widened there to twice this.
pub const BAND_WIDTH: usize = 4;

/// Half-width, in segments, of the second pass's band around the first pass's path (widened
/// the same way).
pub const REFINE_WIDTH: usize = 2;

/// How close to a band's edge a path may come before the band is taken to have cut it off.
const EDGE_MARGIN: usize = 1;

/// How far, in band widths, around a row where the path touched the edge the band is widened.
const WIDEN_REACH: usize = 16;

/// Most searches of one band, the first included.
const MAX_SEARCHES: usize = 3;

/// A bead of a found path: segment ranges on both sides and the bead's index in [`BEADS`].
#[derive(Debug, Clone, PartialEq)]
pub struct PathBead {
    pub source: std::ops::Range<usize>,
    pub target: std::ops::Range<usize>,
    pub score: f64,
    pub posterior: f64,
}

/// The allowed target range of each source row: `lo[i]..=hi[i]`, both non-decreasing.
#[derive(Debug, Clone)]
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl Band {
    fn full(ns: usize, nt: usize) -> Self {
        Band {
            lo: vec![0; ns + 1],
            hi: vec![nt; ns + 1],
        }
    }

    fn contains(&self, i: usize, j: usize) -> bool {
        j >= self.lo[i] && j <= self.hi[i]
    }

    fn width(&self, i: usize) -> usize {
        self.hi[i] - self.lo[i] + 1
    }

    /// The rows where `path` passes within [`EDGE_MARGIN`] of an edge of the band that is not
    /// an edge of the matrix.
    fn touched_rows(&self, path: &[PathBead]) -> Vec<usize> {
        let nt = self.hi[self.hi.len() - 1];
        path.iter()
            .map(|bead| (bead.source.end, bead.target.end))
            .filter(|&(i, j)| {
                (self.lo[i] > 0 && j <= self.lo[i] + EDGE_MARGIN)
                    || (self.hi[i] < nt && j + EDGE_MARGIN >= self.hi[i])
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// This band with `wide` (a band around the same path) taken in at the marked rows, kept
    /// monotone.
    fn widened_at(&self, wide: &Band, rows: &[bool]) -> Band {
        let mut band = self.clone();
        let n = band.lo.len();
        for i in (0..n).filter(|&i| rows[i]) {
            band.lo[i] = band.lo[i].min(wide.lo[i]);
            band.hi[i] = band.hi[i].max(wide.hi[i]);
        }
        for i in (0..n - 1).rev() {
            band.lo[i] = band.lo[i].min(band.lo[i + 1]);
        }
        for i in 1..n {
            band.hi[i] = band.hi[i].max(band.hi[i - 1]);
        }
        band
    }

    /// The band around a coarse path, projected to `ns` x `nt` segments.
    fn around(coarse: &[PathBead], factor: usize, ns: usize, nt: usize, width: usize) -> Self {
        let mut lo = vec![usize::MAX; ns + 1];
        let mut hi = vec![0usize; ns + 1];
        for bead in coarse {
            let (i0, i1) = (
                (bead.source.start * factor).min(ns),
                (bead.source.end * factor).min(ns),
            );
            let (j0, j1) = (
                (bead.target.start * factor).min(nt),
                (bead.target.end * factor).min(nt),
            );
            // Rows of the bead (and one either side, for a coarse boundary one segment off),
            // columns widened by `width`: the fine path may stray that far from the coarse one.
            for i in i0.saturating_sub(1)..=(i1 + 1).min(ns) {
                lo[i] = lo[i].min(j0.saturating_sub(width));
                hi[i] = hi[i].max((j1 + width).min(nt));
            }
        }
        lo[0] = 0;
        hi[ns] = nt;
        for i in (0..ns).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=ns {
            hi[i] = hi[i].max(hi[i - 1]);
        }
        for i in 0..=ns {
            if lo[i] > hi[i] {
                lo[i] = hi[i];
            }
        }
        Band { lo, hi }
    }
}

/// The rows of a run of source units of a [`PairTable`]: each unit's first target, its offset
/// in the run's values, and the values.
type TableRun = (Vec<usize>, Vec<usize>, Vec<(f32, f32)>);

/// Overlaps (source-side weight, target-side weight) of segment pairs near the band.
struct PairTable {
    start: Vec<usize>,
    offset: Vec<usize>,
    values: Vec<(f32, f32)>,
}

impl PairTable {
    /// Computes the overlaps through an inverted index of the target side's concepts: for each
    /// source unit, only the postings inside its band are visited, so the cost follows the
    /// number of links, not (band width x entries).
    fn new(source: &[Unit], target: &[Unit], postings: &Postings, band: &Band) -> Self {
        let ns = source.len();
        let nt = target.len();
        // Source segment s ends beads at rows s+1 ..= s+MAX_SPAN: the targets it can meet.
        let reach = |s: usize| {
            let lo = band.lo[(s + 1).min(ns)].saturating_sub(MAX_SPAN);
            let hi = band.hi[(s + MAX_SPAN).min(ns)].min(nt).max(lo);
            lo..hi
        };
        let cells: usize = (0..ns).map(|s| reach(s).len()).sum();
        // On a large band each run of source units is computed on its own (its own scratch
        // and cursors), on every core; the runs are joined in order, so the table is the same
        // either way.
        let parts: Vec<TableRun> = if cells < PARALLEL_CELLS {
            vec![Self::run(source, target, postings, 0..ns, &reach)]
        } else {
            row_runs(ns, parallel_parts(), |s| reach(s).len())
                .into_par_iter()
                .map(|run| Self::run(source, target, postings, run, &reach))
                .collect()
        };
        let mut table = PairTable {
            start: Vec::with_capacity(ns),
            offset: Vec::with_capacity(ns + 1),
            values: Vec::with_capacity(cells),
        };
        for (start, offset, values) in parts {
            let base = table.values.len();
            table.start.extend(start);
            table.offset.extend(offset.into_iter().map(|o| o + base));
            table.values.extend(values);
        }
        table.offset.push(table.values.len());
        table
    }

    /// The rows of source units `run`: each unit's first target, its offset in the run's
    /// values, and the values.
    fn run(
        source: &[Unit],
        target: &[Unit],
        postings: &Postings,
        run: std::ops::Range<usize>,
        reach: &impl Fn(usize) -> std::ops::Range<usize>,
    ) -> TableRun {
        let nt = target.len();
        // A concept in more than a quarter of the target units (a shape mark, a word of every
        // sentence) is skipped on long texts: it costs a link per unit and locates nothing.
        let limit = if nt >= 64 { nt / 4 } else { usize::MAX };
        let mut start = Vec::with_capacity(run.len());
        let mut offset = Vec::with_capacity(run.len());
        let mut values = Vec::new();
        let mut scratch = LinkScratch::default();
        // Band starts only move forward, so each concept's postings are walked by a cursor.
        let mut cursors = postings.start.clone();
        for s in run {
            let unit = &source[s];
            let std::ops::Range { start: lo, end: hi } = reach(s);
            start.push(lo);
            offset.push(values.len());
            let first = values.len();
            values.resize(first + (hi - lo), (0.0, 0.0));
            scratch.reset(unit, &target[lo..hi]);
            for entry in &unit.entries {
                for posting in
                    postings.within(entry.concept, lo as u32, hi as u32, limit, &mut cursors)
                {
                    scratch.link(
                        posting.unit as usize - lo,
                        entry.token as usize,
                        posting.token as usize,
                        entry.strength.min(posting.strength),
                    );
                }
            }
            scratch.sum_into(unit, &target[lo..hi], &mut values[first..]);
        }
        (start, offset, values)
    }

    fn get(&self, s: usize, t: usize) -> (f32, f32) {
        let lo = self.start[s];
        let k = self.offset[s] + t.wrapping_sub(lo);
        if t >= lo && k < self.offset[s + 1] {
            self.values[k]
        } else {
            (0.0, 0.0)
        }
    }
}

/// The strongest link of every (target unit, token) pair of one source unit against the
/// target units of its band, in dense arrays; only touched cells are summed and cleared.
#[derive(Default)]
struct LinkScratch {
    source_tokens: usize,
    source_best: Vec<f32>,
    source_touched: Vec<u32>,
    target_offset: Vec<usize>,
    target_best: Vec<f32>,
    /// Touched target cells with the target unit they belong to.
    target_touched: Vec<(u32, u32)>,
}

impl LinkScratch {
    fn reset(&mut self, unit: &Unit, targets: &[Unit]) {
        self.source_tokens = unit.weights.len();
        let source_cells = targets.len() * self.source_tokens;
        if self.source_best.len() < source_cells {
            self.source_best.resize(source_cells, 0.0);
        }
        self.target_offset.clear();
        let mut total = 0;
        for t in targets {
            self.target_offset.push(total);
            total += t.weights.len();
        }
        if self.target_best.len() < total {
            self.target_best.resize(total, 0.0);
        }
    }

    fn link(&mut self, t: usize, x: usize, y: usize, strength: f32) {
        // Strengths are positive and a cell starts at 0: plain comparisons do what `max` does
        // without its NaN cases.
        let s = t * self.source_tokens + x;
        let best = &mut self.source_best[s];
        if *best == 0.0 {
            self.source_touched.push(s as u32);
        }
        if strength > *best {
            *best = strength;
        }
        let g = self.target_offset[t] + y;
        let best = &mut self.target_best[g];
        if *best == 0.0 {
            self.target_touched.push((g as u32, t as u32));
        }
        if strength > *best {
            *best = strength;
        }
    }

    fn sum_into(&mut self, unit: &Unit, targets: &[Unit], out: &mut [(f32, f32)]) {
        for &s in &self.source_touched {
            let s = s as usize;
            let (t, x) = (s / self.source_tokens, s % self.source_tokens);
            out[t].0 += unit.weights[x] * self.source_best[s];
            self.source_best[s] = 0.0;
        }
        self.source_touched.clear();
        for &(g, t) in &self.target_touched {
            let (g, t) = (g as usize, t as usize);
            let y = g - self.target_offset[t];
            out[t].1 += targets[t].weights[y] * self.target_best[g];
            self.target_best[g] = 0.0;
        }
        self.target_touched.clear();
    }
}

#[derive(Debug, Clone, Copy)]
struct Posting {
    unit: u32,
    token: u32,
    strength: f32,
}

/// Target-side postings per concept, sorted by unit.
struct Postings {
    start: Vec<u32>,
    postings: Vec<Posting>,
}

impl Postings {
    fn new(units: &[Unit]) -> Self {
        let concepts = units
            .iter()
            .flat_map(|u| u.entries.iter().map(|e| e.concept as usize + 1))
            .max()
            .unwrap_or(0);
        let mut count = vec![0u32; concepts + 1];
        for unit in units {
            for entry in &unit.entries {
                count[entry.concept as usize + 1] += 1;
            }
        }
        for c in 1..count.len() {
            count[c] += count[c - 1];
        }
        let start = count.clone();
        let mut fill = count;
        let mut postings = vec![
            Posting {
                unit: 0,
                token: 0,
                strength: 0.0
            };
            start.last().copied().unwrap_or(0) as usize
        ];
        for (k, unit) in units.iter().enumerate() {
            for entry in &unit.entries {
                let slot = &mut fill[entry.concept as usize];
                postings[*slot as usize] = Posting {
                    unit: k as u32,
                    token: entry.token,
                    strength: entry.strength,
                };
                *slot += 1;
            }
        }
        Postings { start, postings }
    }

    /// The postings of `concept` in units `lo..hi`; none for a concept so common (in more
    /// than `limit` postings) that it says nothing about where a segment belongs. `lo` must not
    /// decrease between calls for the same `cursors`.
    fn within(
        &self,
        concept: u32,
        lo: u32,
        hi: u32,
        limit: usize,
        cursors: &mut [u32],
    ) -> &[Posting] {
        let c = concept as usize;
        if c + 1 >= self.start.len() {
            return &[];
        }
        let (begin, end) = (self.start[c] as usize, self.start[c + 1] as usize);
        if end - begin > limit {
            return &[];
        }
        let mut from = cursors[c] as usize;
        while from < end && self.postings[from].unit < lo {
            from += 1;
        }
        cursors[c] = from as u32;
        let mut to = from;
        while to < end && self.postings[to].unit < hi {
            to += 1;
        }
        &self.postings[from..to]
    }
}

/// Scores beads: the model's costs over the units of one level.
struct Scorer<'a> {
    /// What the beads ending at each boundary need of the units before it, per side.
    source_spans: Vec<Spans>,
    target_spans: Vec<Spans>,
    /// Whether the units know their paragraphs (raw text), so the paragraph terms apply.
    paragraphs: bool,
    pairs: PairTable,
    model: &'a Model,
    tail: &'static super::model::TailTable,
}

/// The terms of the spans of one to [`MAX_SPAN`] units ending at one boundary of one side,
/// computed once per boundary instead of once per bead shape and cell. Index `d` is the span of
/// the last `d` units (`total` and index 0 aside); spans reaching before the first unit are
/// left at zero (no bead shape asks for them).
#[derive(Debug, Clone, Copy, Default)]
struct Spans {
    /// Characters in the span.
    len: [f64; MAX_SPAN + 1],
    /// Anchor weight of the span, summed in f64 over the units' totals.
    weight: [f64; MAX_SPAN + 1],
    /// `total[d]`: the anchor weight of the unit `d` places before the boundary's last.
    total: [f32; MAX_SPAN],
    /// Whether the span's first unit starts a paragraph.
    first_starts: [bool; MAX_SPAN + 1],
    /// Whether a unit after the span's first starts a paragraph (a break inside the bead).
    inside: [bool; MAX_SPAN + 1],
    /// Furniture segments in the span.
    furniture: [u8; MAX_SPAN + 1],
}

/// Prefix sums with a leading zero: the sum over `a..b` is `prefix[b] - prefix[a]`.
fn prefix_sums(values: impl Iterator<Item = f64>) -> Vec<f64> {
    std::iter::once(0.0)
        .chain(values.scan(0.0, |sum, v| {
            *sum += v;
            Some(*sum)
        }))
        .collect()
}

impl Spans {
    /// The spans ending at every boundary `0..=units.len()`.
    fn of(units: &[Unit]) -> Vec<Spans> {
        let totals: Vec<f32> = units.iter().map(Unit::total).collect();
        let len = prefix_sums(units.iter().map(|u| u.len as f64));
        let weight = prefix_sums(totals.iter().map(|&t| t as f64));
        let starts: Vec<bool> = units
            .iter()
            .map(|u| u.paragraph_start == Some(true))
            .collect();
        (0..=units.len())
            .map(|end| {
                let mut spans = Spans::default();
                for d in 1..=MAX_SPAN.min(end) {
                    spans.len[d] = len[end] - len[end - d];
                    spans.weight[d] = weight[end] - weight[end - d];
                    spans.total[d - 1] = totals[end - d];
                    spans.first_starts[d] = starts[end - d];
                    spans.inside[d] = starts[end - d + 1..end].iter().any(|&s| s);
                    spans.furniture[d] = units[end - d..end]
                        .iter()
                        .map(|u| u.furniture)
                        .fold(0, u8::saturating_add);
                }
                spans
            })
            .collect()
    }
}

impl<'a> Scorer<'a> {
    fn new(
        source: &[Unit],
        target: &[Unit],
        postings: &Postings,
        model: &'a Model,
        band: &Band,
    ) -> Self {
        Scorer {
            source_spans: Spans::of(source),
            target_spans: Spans::of(target),
            paragraphs: source
                .iter()
                .chain(target)
                .all(|u| u.paragraph_start.is_some()),
            pairs: PairTable::new(source, target, postings, band),
            model,
            tail: super::model::tail_table(),
        }
    }

    /// The log-scores of the eight bead shapes ending at (i, j), in the order of [`BEADS`];
    /// `-inf` for shapes that do not fit. The pair overlaps are fetched once for all shapes.
    fn score_cell(&self, i: usize, j: usize, band: &Band, out: &mut [f32; 8]) {
        // overlap[da][db]: source unit i-1-da with target unit j-1-db (da + db <= 2 is all
        // that the bead shapes reach).
        let mut overlap = [[(0.0f32, 0.0f32); MAX_SPAN]; MAX_SPAN];
        let mut linked = false;
        for (da, row) in overlap.iter_mut().enumerate().take(i) {
            for (db, cell) in row.iter_mut().enumerate().take(j.min(MAX_SPAN - da)) {
                *cell = self.pairs.get(i - 1 - da, j - 1 - db);
                linked |= cell.0 > 0.0 || cell.1 > 0.0;
            }
        }
        // One call per shape, in the order of BEADS, each compiled for its sizes.
        let cell = Cell {
            i,
            j,
            band,
            source: &self.source_spans[i],
            target: &self.target_spans[j],
            overlap: &overlap,
            linked,
        };
        *out = [
            self.shape::<1, 1>(0, &cell),
            self.shape::<1, 0>(1, &cell),
            self.shape::<0, 1>(2, &cell),
            self.shape::<1, 2>(3, &cell),
            self.shape::<2, 1>(4, &cell),
            self.shape::<2, 2>(5, &cell),
            self.shape::<1, 3>(6, &cell),
            self.shape::<3, 1>(7, &cell),
        ];
    }

    /// The log-score of the bead of `A` source and `B` target units ending at (i, j), the
    /// `kind`-th of [`BEADS`]; `-inf` when it does not fit.
    #[inline(always)]
    fn shape<const A: usize, const B: usize>(&self, kind: usize, cell: &Cell) -> f32 {
        let Cell {
            i,
            j,
            band,
            source,
            target,
            overlap,
            linked,
        } = *cell;
        debug_assert_eq!(BEADS[kind], (A, B));
        if A > i || B > j || !band.contains(i - A, j - B) {
            return f32::NEG_INFINITY;
        }
        let model = self.model;
        let mut score = model.log_prior[kind];
        if A > 0 && B > 0 {
            score -= model.length_cost_in(self.tail, source.len[A], target.len[B]);
            // Matched anchor weight, each token counted at most once, less what chance would
            // match: a token facing k segments on the other side meets k times the chance of a
            // link. Most cells of a band link nothing.
            let mut lexical = 0.0f32;
            if linked {
                for (row, &total) in overlap.iter().zip(&source.total).take(A) {
                    let sum: f32 = row[..B].iter().map(|p| p.0).sum();
                    lexical += sum.min(total);
                }
                for (db, &total) in target.total.iter().enumerate().take(B) {
                    let sum: f32 = overlap[..A].iter().map(|row| row[db].1).sum();
                    lexical += sum.min(total);
                }
            }
            let chance =
                model.chance_overlap * (source.weight[A] * B as f64 + target.weight[B] * A as f64);
            score += model.lexical_weight * (lexical as f64 - chance);
            if self.paragraphs {
                score += model.paragraph_score(
                    Some(source.first_starts[A]),
                    Some(target.first_starts[B]),
                    source.inside[A],
                    target.inside[B],
                );
            }
            // Page furniture paired with text: unlikely, whatever its anchors. Furniture with
            // furniture (a credit and its translation) is a pair like any other.
            let unmatched = source.furniture[A].abs_diff(target.furniture[B]);
            if unmatched > 0 {
                score -= model.furniture_paired * f64::from(unmatched);
            }
        } else if source.furniture[A] + target.furniture[B] > 0 {
            // A furniture line alone: what it usually is.
            score += model.furniture_alone;
        }
        score as f32
    }
}

/// A cell of the band as [`Scorer::shape`] needs it: (i, j), the band, the span terms of
/// row i and column j, the pair overlaps around the cell and whether any of them links.
struct Cell<'b> {
    i: usize,
    j: usize,
    band: &'b Band,
    source: &'b Spans,
    target: &'b Spans,
    overlap: &'b [[(f32, f32); MAX_SPAN]; MAX_SPAN],
    linked: bool,
}

/// Finds the best path of beads aligning `source` with `target`, with posteriors.
pub(crate) fn search(source: &[Unit], target: &[Unit], model: &Model) -> Vec<PathBead> {
    search_level(source, target, model, &FINEST)
}

/// How one level of the search runs: exactly when its matrix has at most `exact_cells` cells,
/// else in a band around the path of the level above, whose units merge runs of `factor`.
struct Level {
    exact_cells: usize,
    factor: usize,
}

/// The level of the segments themselves. Its coarse level merges runs of four segments: a
/// level of half the size between them costs as much as this one and locates no better (same
/// eval scores, same result on a text repeated or with 60 beads left out).
const FINEST: Level = Level {
    exact_cells: FULL_SEARCH_CELLS,
    factor: 4,
};

/// Every coarser level: it only locates the path, so it is searched exactly only when small.
const COARSE: Level = Level {
    exact_cells: COARSE_FULL_SEARCH_CELLS,
    factor: 2,
};

/// [`search`] at one level.
fn search_level(source: &[Unit], target: &[Unit], model: &Model, level: &Level) -> Vec<PathBead> {
    let ns = source.len();
    let nt = target.len();
    if (ns + 1) * (nt + 1) <= level.exact_cells || ns < 4 || nt < 4 {
        let postings = Postings::new(target);
        return best_path(source, target, &postings, model, &Band::full(ns, nt));
    }
    let factor = level.factor;
    let (coarse_source, coarse_target) = join_if(
        (ns + nt) * factor >= PARALLEL_CELLS,
        || merge_runs(source, factor),
        || merge_runs(target, factor),
    );
    // A coarse bead stands for about `factor` beads of this level: its prior counts that many
    // times, or skipping a coarse unit would cost what skipping one segment does. The chance
    // correction is calibrated on sentences; coarse units straddle translation boundaries, and
    // with it a repetitive text slips by a whole period. The coarse levels only locate the
    // path; the finest level decides the beads.
    let quiet = Model {
        posteriors: false,
        log_prior: model.log_prior.map(|p| factor as f64 * p),
        chance_overlap: 0.0,
        ..model.clone()
    };
    let coarse = search_level(&coarse_source, &coarse_target, &quiet, &COARSE);
    widening(
        source,
        target,
        model,
        |width| Band::around(&coarse, factor, ns, nt, width),
        BAND_WIDTH,
    )
}

/// The best path in the band `band(width)`. Where the path runs along the band's edge, the band
/// may have cut a better path off: the rows around there take the band of twice the width and
/// the search runs again, until the path touches no edge it has not been widened at (at most
/// [`MAX_SEARCHES`] searches: where every path ties, a text of identical sentences, a path
/// touches every band).
fn widening(
    source: &[Unit],
    target: &[Unit],
    model: &Model,
    band: impl Fn(usize) -> Band,
    width: usize,
) -> Vec<PathBead> {
    let mut current = band(width);
    let rows = current.lo.len();
    // The target side's index, the same for every search of the band.
    let postings = Postings::new(target);
    let mut wide: Option<Band> = None;
    let mut widened = vec![false; rows];
    let reach = WIDEN_REACH * width;
    let mut searches = 1;
    loop {
        let path = best_path(source, target, &postings, model, &current);
        let fresh: Vec<usize> = current
            .touched_rows(&path)
            .into_iter()
            .filter(|&i| !widened[i])
            .collect();
        if fresh.is_empty() || searches == MAX_SEARCHES {
            return path;
        }
        for &i in &fresh {
            for row in &mut widened[i.saturating_sub(reach)..(i + reach + 1).min(rows)] {
                *row = true;
            }
        }
        let wide = wide.get_or_insert_with(|| band(2 * width));
        current = current.widened_at(wide, &widened);
        searches += 1;
    }
}

/// Searches again in a narrow band around a path found before (the second pass).
pub(crate) fn refine(
    source: &[Unit],
    target: &[Unit],
    model: &Model,
    path: &[PathBead],
) -> Vec<PathBead> {
    let (ns, nt) = (source.len(), target.len());
    widening(
        source,
        target,
        model,
        |width| Band::around(path, 1, ns, nt, width),
        REFINE_WIDTH,
    )
}

/// Merges segments in runs of `factor`: the coarse problem of 1/`factor` the size.
fn merge_runs(units: &[Unit], factor: usize) -> Vec<Unit> {
    let mut scratch = CoarseScratch::default();
    units
        .chunks(factor)
        .map(|pair| Unit::coarsen(pair, &mut scratch))
        .collect()
}

/// The best path within `band`, with posteriors when the model asks for them. On a large band
/// the Viterbi and the forward and backward sums, which only read the scores, run side by side.
fn best_path(
    source: &[Unit],
    target: &[Unit],
    postings: &Postings,
    model: &Model,
    band: &Band,
) -> Vec<PathBead> {
    let scorer = Scorer::new(source, target, postings, model, band);
    let scores = BeadScores::new(&scorer, band);
    let viterbi = || {
        let (_, back) = forward_pass(&scores, band, false);
        trace_back(&scores, band, &back, source.len(), target.len())
    };
    if !model.posteriors {
        return viterbi();
    }
    let sums = || {
        join_if(
            scores.scores.len() >= PARALLEL_CELLS,
            || forward_pass(&scores, band, true).0,
            || backward_pass(&scores, band),
        )
    };
    let (mut path, (alpha, beta)) = join_if(scores.scores.len() >= PARALLEL_CELLS, viterbi, sums);
    let total = alpha.get(band, source.len(), target.len());
    for bead in &mut path {
        let a = alpha.get(band, bead.source.start, bead.target.start);
        let b = beta.get(band, bead.source.end, bead.target.end);
        bead.posterior = (a + bead.score + b - total).exp().clamp(0.0, 1.0);
    }
    path
}

/// Below this many cells a band is searched on one thread: splitting the work costs more than
/// it saves (and a short article should not wake a thread pool).
const PARALLEL_CELLS: usize = 40_000;

/// `a` and `b`, on two threads when `parallel`; the results are the same either way.
fn join_if<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// Rows `0..rows` cut into about `parts` runs of similar cost (`cost(i)` for row `i`), as
/// ranges of rows: how a band's rows are shared among threads.
fn row_runs(
    rows: usize,
    parts: usize,
    cost: impl Fn(usize) -> usize,
) -> Vec<std::ops::Range<usize>> {
    let total: usize = (0..rows).map(&cost).sum();
    let share = total.div_ceil(parts.max(1)).max(1);
    let mut runs = Vec::with_capacity(parts);
    let (mut start, mut sum) = (0, 0);
    for i in 0..rows {
        sum += cost(i);
        if sum >= share {
            runs.push(start..i + 1);
            (start, sum) = (i + 1, 0);
        }
    }
    if start < rows {
        runs.push(start..rows);
    }
    runs
}

/// How many runs the rows of a large band are cut into: a few per thread, so that a run that
/// turns out slower does not leave the other threads idle.
fn parallel_parts() -> usize {
    4 * rayon::current_num_threads()
}

/// Scores over a band, row by row.
struct Grid {
    offset: Vec<usize>,
    values: Vec<f64>,
}

impl Grid {
    fn new(band: &Band, fill: f64) -> Self {
        let mut offset = Vec::with_capacity(band.lo.len() + 1);
        let mut total = 0;
        for i in 0..band.lo.len() {
            offset.push(total);
            total += band.width(i);
        }
        offset.push(total);
        Grid {
            offset,
            values: vec![fill; total],
        }
    }

    fn index(&self, band: &Band, i: usize, j: usize) -> usize {
        self.offset[i] + (j - band.lo[i])
    }

    fn get(&self, band: &Band, i: usize, j: usize) -> f64 {
        if i < band.lo.len() && band.contains(i, j) {
            self.values[self.index(band, i, j)]
        } else {
            f64::NEG_INFINITY
        }
    }
}

/// The score of every bead ending in every cell of the band, computed once and shared by the
/// Viterbi, forward and backward passes. `-inf` where the bead would start outside the band.
struct BeadScores {
    grid: Grid,
    scores: Vec<[f32; 8]>,
}

impl BeadScores {
    fn new(scorer: &Scorer, band: &Band) -> Self {
        let grid = Grid::new(band, 0.0);
        let mut scores = vec![[f32::NEG_INFINITY; 8]; grid.values.len()];
        // The cells of rows `rows`, which start at `out[0]`.
        let fill = |rows: std::ops::Range<usize>, out: &mut [[f32; 8]]| {
            let base = grid.offset[rows.start];
            for i in rows {
                for j in band.lo[i]..=band.hi[i] {
                    let k = grid.index(band, i, j) - base;
                    scorer.score_cell(i, j, band, &mut out[k]);
                }
            }
        };
        let rows = band.lo.len();
        if scores.len() < PARALLEL_CELLS {
            fill(0..rows, &mut scores);
        } else {
            // Each run of rows owns its slice of the cells: the same scores, on every core.
            let mut work = Vec::new();
            let mut rest = scores.as_mut_slice();
            for run in row_runs(rows, parallel_parts(), |i| band.width(i)) {
                let cells = grid.offset[run.end] - grid.offset[run.start];
                let (head, tail) = rest.split_at_mut(cells);
                work.push((run, head));
                rest = tail;
            }
            work.into_par_iter().for_each(|(run, out)| fill(run, out));
        }
        BeadScores { grid, scores }
    }

    fn get(&self, band: &Band, i: usize, j: usize, kind: usize) -> f64 {
        self.scores[self.grid.index(band, i, j)][kind] as f64
    }
}

/// ln(sum(exp(values))), given their maximum: one logarithm per cell.
fn log_sum_exp(values: &[f64; 8], max: f64) -> f64 {
    if max == f64::NEG_INFINITY {
        return max;
    }
    // A term below e^-40 of the largest is under half an ulp of the sum (which is at least
    // 1): it cannot change the result, so its exponential is not taken (nor that of -inf).
    let sum: f64 = values
        .iter()
        .filter(|v| **v - max > -40.0)
        .map(|v| (v - max).exp())
        .sum();
    max + sum.ln()
}

/// Where the cells of rows `i - a` (or `i + a` when `down`; `a` = 0 ..= [`MAX_SPAN`], rows that
/// exist) lie in a grid of `band`: cell (i -/+ a, j) is at `starts[a] + j`. Wrapping, as a
/// row's offset may be below its first column; only cells inside the band are looked up.
fn row_starts(grid: &Grid, band: &Band, i: usize, down: bool) -> [usize; MAX_SPAN + 1] {
    let rows = band.lo.len();
    let mut starts = [0; MAX_SPAN + 1];
    for (a, start) in starts.iter_mut().enumerate() {
        let row = if down {
            i.checked_add(a)
        } else {
            i.checked_sub(a)
        };
        if let Some(row) = row.filter(|&r| r < rows) {
            *start = grid.offset[row].wrapping_sub(band.lo[row]);
        }
    }
    starts
}

/// Viterbi (best score, with back-pointers) or, with `sum`, the forward log-sum.
fn forward_pass(scores: &BeadScores, band: &Band, sum: bool) -> (Grid, Vec<u8>) {
    let ns = band.lo.len() - 1;
    let mut grid = Grid::new(band, f64::NEG_INFINITY);
    let mut back = if sum {
        Vec::new()
    } else {
        vec![u8::MAX; grid.values.len()]
    };
    let origin = grid.index(band, 0, 0);
    grid.values[origin] = 0.0;
    for i in 0..=ns {
        let rows = row_starts(&grid, band, i, false);
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            // The scores grid has this band's layout: cell (i, j) is at the same index.
            let k = rows[0].wrapping_add(j);
            let cell = &scores.scores[k];
            let mut best = f64::NEG_INFINITY;
            let mut best_kind = u8::MAX;
            let mut candidates = [f64::NEG_INFINITY; 8];
            for (kind, &(a, b)) in BEADS.iter().enumerate() {
                let score = cell[kind];
                // A finite score means the bead fits: its start (i - a, j - b) is in the band.
                if score == f32::NEG_INFINITY {
                    continue;
                }
                let previous = grid.values[rows[a].wrapping_add(j - b)];
                if previous == f64::NEG_INFINITY {
                    continue;
                }
                let candidate = previous + score as f64;
                candidates[kind] = candidate;
                if candidate > best {
                    best = candidate;
                    best_kind = kind as u8;
                }
            }
            if sum {
                best = log_sum_exp(&candidates, best);
            }
            grid.values[k] = best;
            if !sum {
                back[k] = best_kind;
            }
        }
    }
    (grid, back)
}

/// The backward log-sum: the mass of all paths from (i, j) to the end.
fn backward_pass(scores: &BeadScores, band: &Band) -> Grid {
    let ns = band.lo.len() - 1;
    let nt = band.hi[ns];
    let mut grid = Grid::new(band, f64::NEG_INFINITY);
    let end = grid.index(band, ns, nt);
    grid.values[end] = 0.0;
    for i in (0..=ns).rev() {
        let rows = row_starts(&grid, band, i, true);
        for j in (band.lo[i]..=band.hi[i]).rev() {
            if i == ns && j == nt {
                continue;
            }
            let mut candidates = [f64::NEG_INFINITY; 8];
            let mut best = f64::NEG_INFINITY;
            for (kind, &(a, b)) in BEADS.iter().enumerate() {
                if i + a > ns || j + b > nt || !band.contains(i + a, j + b) {
                    continue;
                }
                // The bead from (i, j) to (i + a, j + b): its score and what follows it.
                let at = rows[a].wrapping_add(j + b);
                let score = scores.scores[at][kind] as f64;
                if score == f64::NEG_INFINITY {
                    continue;
                }
                let next = grid.values[at];
                if next == f64::NEG_INFINITY {
                    continue;
                }
                candidates[kind] = next + score;
                best = best.max(next + score);
            }
            let k = rows[0].wrapping_add(j);
            grid.values[k] = log_sum_exp(&candidates, best);
        }
    }
    grid
}

fn trace_back(
    scores: &BeadScores,
    band: &Band,
    back: &[u8],
    ns: usize,
    nt: usize,
) -> Vec<PathBead> {
    let (mut i, mut j) = (ns, nt);
    let mut path = Vec::new();
    while i > 0 || j > 0 {
        let kind = back[scores.grid.index(band, i, j)] as usize;
        let Some(&(a, b)) = BEADS.get(kind) else {
            // Unreachable cell: the band always holds a path (1-0 and 0-1 beads reach every
            // cell), so this cannot happen; end the path rather than loop.
            break;
        };
        path.push(PathBead {
            source: i - a..i,
            target: j - b..j,
            score: scores.get(band, i, j, kind),
            posterior: 1.0,
        });
        i -= a;
        j -= b;
    }
    path.reverse();
    path
}

#[cfg(test)]
pub(crate) fn pair_overlaps_for_test(source: &[Unit], target: &[Unit]) -> Vec<Vec<(f32, f32)>> {
    let band = Band::full(source.len(), target.len());
    let table = PairTable::new(source, target, &Postings::new(target), &band);
    (0..source.len())
        .map(|s| (0..target.len()).map(|t| table.get(s, t)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::Entry;
    use std::ops::Range;

    /// `n` segments of equal length, the k-th carrying concept k: the diagonal is the path.
    fn diagonal_units(n: usize) -> Vec<Unit> {
        (0..n)
            .map(|k| Unit {
                len: 40.0,
                weights: vec![2.0],
                entries: vec![Entry {
                    concept: k as u32,
                    token: 0,
                    strength: 1.0,
                }],
                paragraph_start: None,
                furniture: 0,
            })
            .collect()
    }

    /// A path of `n` 1-1 beads, source segment k with target segment `column(k)` (kept inside
    /// the matrix): what a band is built around.
    fn guide(n: usize, column: impl Fn(usize) -> usize) -> Vec<PathBead> {
        (0..n)
            .map(|k| {
                let t = column(k).min(n - 1);
                PathBead {
                    source: k..k + 1,
                    target: t..t + 1,
                    score: 0.0,
                    posterior: 1.0,
                }
            })
            .collect()
    }

    #[test]
    fn a_path_along_the_band_edge_is_searched_again_in_a_wider_band() {
        let n = 40;
        let units = diagonal_units(n);
        let model = Model::default();
        // A guide seven columns off the diagonal: a band of half-width 4 around it leaves the
        // diagonal out, one of half-width 8 takes it in.
        let guide = guide(n, |k| k + 7);
        let band = |width| Band::around(&guide, 1, n, n, width);
        let beads = |path: &[PathBead]| -> Vec<(Range<usize>, Range<usize>)> {
            path.iter()
                .map(|b| (b.source.clone(), b.target.clone()))
                .collect()
        };
        let diagonal = best_path(
            &units,
            &units,
            &Postings::new(&units),
            &model,
            &Band::full(n, n),
        );
        assert!(diagonal
            .iter()
            .all(|b| b.source == b.target && b.source.len() == 1));

        let narrow = best_path(&units, &units, &Postings::new(&units), &model, &band(4));
        assert_ne!(beads(&narrow), beads(&diagonal));
        assert!(!band(4).touched_rows(&narrow).is_empty());
        let widened = widening(&units, &units, &model, band, 4);
        assert_eq!(beads(&widened), beads(&diagonal));
        // The diagonal runs inside the wide band, clear of its edge.
        assert!(band(8).touched_rows(&diagonal).is_empty());
    }

    #[test]
    fn a_stretch_off_the_guide_is_widened_there_only() {
        let n = 200;
        let units = diagonal_units(n);
        let model = Model::default();
        // The guide follows the diagonal but for rows 100-109, seven columns off.
        let guide = guide(n, |k| if (100..110).contains(&k) { k + 7 } else { k });
        let band = |width| Band::around(&guide, 1, n, n, width);
        let narrow = band(4);
        let touched = narrow.touched_rows(&best_path(
            &units,
            &units,
            &Postings::new(&units),
            &model,
            &narrow,
        ));
        assert!(!touched.is_empty() && touched.iter().all(|i| (95..115).contains(i)));

        let path = widening(&units, &units, &model, band, 4);
        assert!(path
            .iter()
            .all(|b| b.source == b.target && b.source.len() == 1));

        // Widening at rows 100-109 leaves rows far from them as they were.
        let mut rows = vec![false; n + 1];
        rows[100..110].fill(true);
        let widened = narrow.widened_at(&band(8), &rows);
        for i in (0..80).chain(130..=n) {
            assert_eq!(
                (widened.lo[i], widened.hi[i]),
                (narrow.lo[i], narrow.hi[i]),
                "row {i}"
            );
        }
        assert!(widened.lo[105] < narrow.lo[105]);
    }
}
