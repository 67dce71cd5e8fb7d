package roots

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"calc/stdlib/interval"
)

// ScanSettings are the settings of FindAll and Extrema.
type ScanSettings struct {
	// Bounds, if set, encloses f and f′ over a cell: for every x in
	// [lo, hi], f(x) lies in f and f′(x) in df, and a bounded f certifies
	// that f is continuous on the cell (package interval's convention: an
	// infinite end where f may have a pole or a jump). With Bounds the
	// scan is the proven cell subdivision of FindAll; without, the grid
	// heuristic.
	Bounds func(lo, hi float64) (f, df interval.I)
	// Resolution is the width below which a cell that Bounds cannot
	// decide is not split further; zero means 1e-10·(b − a), and never
	// less than 4 units in the last place of max(|a|, |b|).
	Resolution float64
	// MaxCells limits the cells the subdivision examines; zero means
	// 200000.
	MaxCells int
	// Intervals is the number of equal grid intervals the grid heuristic
	// scans for sign changes (and the subdivision samples for the scale of
	// f); zero means 1000.
	Intervals int
	// ZeroTol decides roots where f touches 0 without changing sign: a
	// local minimum of |f| at most ZeroTol times the largest |f| seen
	// counts as a root; zero means 1e-10.
	ZeroTol float64
	// Bracket holds the settings of the Brentq refinement (scipy's
	// defaults when zero).
	Bracket BracketSettings
}

func (s *ScanSettings) resolve(a, b float64) (n int, ztol float64, bs *BracketSettings, err error) {
	n, ztol, bs = 1000, 1e-10, &BracketSettings{}
	if s != nil {
		if s.Intervals != 0 {
			n = s.Intervals
		}
		if s.ZeroTol != 0 {
			ztol = s.ZeroTol
		}
		bs = &s.Bracket
	}
	switch {
	case math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0):
		err = fmt.Errorf("the interval [%v, %v] is not finite", a, b)
	case !(a < b):
		err = fmt.Errorf("the interval [%v, %v] is empty: a must be less than b", a, b)
	case math.IsInf(b-a, 0):
		err = fmt.Errorf("the interval [%v, %v] is too wide: b - a overflows", a, b)
	case n < 1:
		err = errors.New("the number of intervals must be positive")
	case !(ztol > 0):
		err = fmt.Errorf("the zero tolerance %g is not positive", ztol)
	case s != nil && (s.Resolution < 0 || math.IsNaN(s.Resolution)):
		err = fmt.Errorf("the resolution %g is negative", s.Resolution)
	case s != nil && s.MaxCells < 0:
		err = errors.New("the cell limit must be positive")
	}
	return
}

// ScanResult is what FindAll found.
type ScanResult struct {
	// Roots are the roots found, sorted, without duplicates; they include
	// the roots of Multiple and Touch clusters.
	Roots []float64
	// Clusters are the places where the subdivision could not separate
	// or decide roots down to the resolution, in order.
	Clusters []Cluster
	// Proven says the scan used Bounds: every root of f in [a, b] is then
	// in Roots or inside a Cluster.
	Proven bool
	// Resolution is the width used, and Cells the cells examined.
	Resolution float64
	Cells      int
}

// ClusterKind says what the subdivision found in an undecided stretch.
type ClusterKind int

// The kinds of cluster.
const (
	// Multiple: f changes sign over the stretch but f′ could not be shown
	// to keep one sign, so the odd number of roots there could not be
	// separated (a multiple root such as that of x³, or roots closer than
	// the resolution). Roots holds what Brentq found; they are listed.
	Multiple ClusterKind = iota
	// Touch: f reaches zero without changing sign (|f| at most ZeroTol
	// times the largest |f| seen): a root of even multiplicity, such as
	// that of x², or two roots closer than the resolution. Listed.
	Touch
	// Undecided: the enclosure of f holds 0 but f neither changes sign
	// nor comes within ZeroTol of 0 there: a pair of roots closer than
	// the resolution, or none. Nothing is listed.
	Undecided
	// Jump: f changes sign across a pole or a jump, not through 0.
	// Nothing is listed.
	Jump
	// Flat: |f| is below the smallest normal number (2.2e-308) over the
	// whole stretch, so f vanishes or underflows there. Nothing is listed.
	Flat
	// Unresolved: the cell limit was reached before the stretch was
	// decided; roots there may be missing.
	Unresolved
)

// Cluster is a stretch [Lo, Hi] of the interval that the subdivision left
// undecided, with the roots reported for it.
type Cluster struct {
	Lo, Hi float64
	Kind   ClusterKind
	// Roots are the cluster's roots (Multiple, Touch), or where f
	// changes sign without passing through 0 (Jump).
	Roots []float64
	// MinAbs is the smallest |f| found in the stretch (Undecided).
	MinAbs float64
	// Continuous says f was certified continuous on the stretch.
	Continuous bool
}

// Describe says in a sentence what the cluster means for the function
// named name, at the resolution w.
func (c Cluster) Describe(name string, w float64) string {
	where := fmt.Sprintf("[%.12g, %.12g]", c.Lo, c.Hi)
	switch c.Kind {
	case Multiple:
		return fmt.Sprintf("%s changes sign in %s, but its roots there could not be separated "+
			"(a multiple root, or roots closer than %.3g): reported as %s", name, where, w, fmtList(c.Roots))
	case Touch:
		return fmt.Sprintf("%s touches 0 at %s without changing sign (a root of even multiplicity, "+
			"or two roots closer than %.3g)", name, fmtList(c.Roots), w)
	case Undecided:
		if !c.Continuous && math.IsNaN(c.MinAbs) {
			return fmt.Sprintf("%s is undefined (NaN) at the points tried in %s and may jump there; no root is listed",
				name, where)
		}
		if !c.Continuous {
			return fmt.Sprintf("%s may jump in %s and was not seen to reach 0 there (|%s| >= %.3g at the points "+
				"tried); no root is listed", name, where, name, c.MinAbs)
		}
		return fmt.Sprintf("%s may have two roots closer than %.3g in %s (it comes within %.3g of 0 "+
			"there without reaching it); none is listed", name, w, where, c.MinAbs)
	case Jump:
		return fmt.Sprintf("%s changes sign in %s at a pole or a jump, not through 0; not a root", name, where)
	case Flat:
		return fmt.Sprintf("|%s| is below 2.2e-308 all over %s (it vanishes or underflows there); "+
			"no root of %s is listed there", name, where, name)
	}
	return fmt.Sprintf("%s was not resolved within the cell limit; roots there may be missing", where)
}

// fmtList formats numbers for a message.
func fmtList(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprintf("%.10g", x)
	}
	return strings.Join(parts, ", ")
}

// FindAll returns the roots of f in [a, b], a < b.
//
// With s.Bounds (enclosures of f and f′ over cells, as interval
// arithmetic over a formula gives them) it never misses a root: it
// splits [a, b] in halves, breadth first, and decides each cell:
//
//   - a cell whose enclosure of f excludes 0 has no root (the enclosure
//     is the natural one intersected with the mean-value form
//     f(m) + f′([lo, hi])·([lo, hi] − m), Moore et al. 2009, §6.1);
//   - a cell where f is bounded and the enclosure of f′ excludes 0 holds
//     f strictly monotone and continuous, so it has one root if f
//     changes sign over it (refined with Brentq) and none otherwise;
//   - any other cell is split, until it is narrower than the resolution.
//
// Cells left undecided at the resolution are merged into stretches and
// reported as Clusters: their sign changes are refined by Brentq (through
// 0 where f is certified continuous, otherwise only when |f| at the
// refined point is far below its values around it: poles and jumps are
// reported, not listed), and without a sign change the minimum of |f| is
// a root when it is within ZeroTol of 0. Stretches where |f| underflows
// are reported as Flat. The guarantee is that of the enclosures: exact up
// to the math library's rounding. Cost: a few cells per root and per
// level of halving (about 2·log2((b − a)/resolution) per cluster), two
// enclosures each.
//
// Without Bounds it scans a grid of s.Intervals equal intervals (1000 by
// default): every grid zero, every sign change (refined with Brentq,
// dropped when |f| there exceeds |f| at both ends: a pole), and every
// local minimum of |f| without a sign change (golden-section search: two
// close crossings, or a tangential root within ZeroTol). That heuristic
// misses pairs of roots whose extremum between them falls between the
// same grid points as a larger value; Proven is false.
//
// Points where f is NaN or infinite are skipped. The error reports an
// invalid interval or settings, or an f that is not finite anywhere on
// the grid.
func FindAll(f func(float64) float64, a, b float64, s *ScanSettings) (*ScanResult, error) {
	n, ztol, bs, err := s.resolve(a, b)
	if err != nil {
		return nil, err
	}
	sc := &scanner{f: f, bs: bs, ztol: ztol, values: map[float64]float64{}}
	finite := false
	for i := 0; i <= n; i++ {
		x := a + float64(i)*(b-a)/float64(n)
		if i == n {
			x = b
		}
		if ok(sc.at(x)) {
			finite = true
		}
	}
	if !finite {
		return nil, fmt.Errorf("f is not finite anywhere on [%v, %v]", a, b)
	}
	if s == nil || s.Bounds == nil {
		roots := sc.grid(a, b, n)
		slices.Sort(roots)
		return &ScanResult{Roots: dedup(roots, bs)}, nil
	}
	w := s.Resolution
	if w == 0 {
		w = 1e-10 * (b - a)
	}
	big := math.Max(math.Abs(a), math.Abs(b))
	w = math.Max(w, 4*(math.Nextafter(big, math.Inf(1))-big))
	maxCells := s.MaxCells
	if maxCells == 0 {
		maxCells = 200000
	}
	res := sc.subdivide(s.Bounds, a, b, w, maxCells)
	slices.Sort(sc.roots)
	res.Roots = slices.Compact(sc.roots)
	return res, nil
}

// scanner holds what FindAll knows of f: its values so far (and the
// largest |f|, the scale of ZeroTol) and the roots found.
type scanner struct {
	f      func(float64) float64
	bs     *BracketSettings
	ztol   float64
	values map[float64]float64
	bounds func(lo, hi float64) (interval.I, interval.I)
	signs  map[float64]int
	scale  float64
	roots  []float64
	w      float64 // the resolution of the subdivision
}

// at returns f(x), evaluating it once.
func (sc *scanner) at(x float64) float64 {
	if v, seen := sc.values[x]; seen {
		return v
	}
	v := sc.f(x)
	sc.values[x] = v
	if ok(v) {
		sc.scale = math.Max(sc.scale, math.Abs(v))
	}
	return v
}

// refine returns the root of f in [lo, hi], where f(lo) and f(hi) have
// opposite signs, by Brentq.
func (sc *scanner) refine(lo, hi float64) (float64, bool) {
	r, err := Brentq(sc.f, lo, hi, sc.bs)
	return r.Root, err == nil && r.Converged
}

// cell is a piece of the interval under subdivision, with what its
// enclosure said when it was left undecided.
type cell struct {
	lo, hi     float64
	continuous bool // f was bounded over it
	monotone   bool // f′ was bounded away from 0 over it
	flat       bool // |f| underflows all over it
	unresolved bool // the cell limit stopped it
}

// subdivide runs the proven scan of FindAll and returns its clusters.
func (sc *scanner) subdivide(bounds func(lo, hi float64) (interval.I, interval.I), a, b, w float64, maxCells int) *ScanResult {
	res := &ScanResult{Proven: true, Resolution: w}
	sc.w, sc.bounds, sc.signs = w, bounds, map[float64]int{}
	var undecided []cell
	level := []cell{{lo: a, hi: b}}
	for len(level) > 0 {
		var next []cell
		for _, c := range level {
			res.Cells++
			fc, dc := bounds(c.lo, c.hi)
			m := c.lo + (c.hi-c.lo)/2
			if fc.Bounded() && dc.Bounded() {
				fm, _ := bounds(m, m)
				if fm.Bounded() {
					mv := interval.Add(fm, interval.Mul(dc, interval.I{Lo: c.lo - m, Hi: c.hi - m}))
					fc = interval.Intersect(fc, mv)
				}
			}
			switch {
			case fc.IsEmpty() || !fc.Contains(0):
				continue
			case fc.Bounded() && fc.Mag() < 0x1p-1022:
				undecided = append(undecided, cell{lo: c.lo, hi: c.hi, continuous: true, flat: true})
				continue
			case fc.Bounded() && dc.Bounded() && !dc.Contains(0):
				if sc.monotone(c.lo, c.hi) {
					continue
				}
				c.monotone = true
			}
			c.continuous = fc.Bounded()
			switch {
			case c.hi-c.lo <= w || !(c.lo < m && m < c.hi):
				undecided = append(undecided, c)
			case res.Cells >= maxCells:
				c.unresolved = true
				undecided = append(undecided, c)
			default:
				next = append(next, cell{lo: c.lo, hi: m}, cell{lo: m, hi: c.hi})
			}
		}
		level = next
	}
	slices.SortFunc(undecided, func(x, y cell) int { return cmp.Compare(x.lo, y.lo) })
	for i := 0; i < len(undecided); {
		run := undecided[i]
		cuts := []float64{run.lo}
		j := i + 1
		for ; j < len(undecided) && undecided[j].lo == run.hi && undecided[j].flat == run.flat && undecided[j].unresolved == run.unresolved; j++ {
			cuts = append(cuts, run.hi)
			run.hi = undecided[j].hi
			run.continuous = run.continuous && undecided[j].continuous
			run.monotone = run.monotone && undecided[j].monotone
		}
		cuts = append(cuts, run.hi)
		i = j
		if c, any := sc.stretch(run, cuts); any {
			res.Clusters = append(res.Clusters, c)
		}
	}
	return res
}

// monotone decides a cell where f is continuous and strictly monotone:
// it has a root exactly where f changes sign, which the enclosures of f
// at the ends decide. It reports false when an end's sign is not known
// (f there is within rounding of 0, or not finite), so the cell must be
// split instead.
func (sc *scanner) monotone(lo, hi float64) bool {
	slo, shi := sc.sign(lo), sc.sign(hi)
	switch {
	case slo == 0:
		sc.roots = append(sc.roots, lo)
	case shi == 0:
		sc.roots = append(sc.roots, hi)
	case slo == unknownSign || shi == unknownSign:
		return false
	case slo != shi:
		r, conv := sc.refine(lo, hi)
		if !conv {
			return false
		}
		sc.roots = append(sc.roots, r)
	}
	return true
}

// unknownSign is what sign returns where it cannot tell.
const unknownSign = 2

// sign is the sign of the true f(x), from its enclosure at the point x:
// −1 or 1, 0 where f(x) is exactly 0, and unknownSign where the enclosure
// holds 0 and more (f(x) is within rounding of 0) or f(x) is not finite.
func (sc *scanner) sign(x float64) int {
	if v, seen := sc.signs[x]; seen {
		return v
	}
	e, _ := sc.bounds(x, x)
	v := unknownSign
	switch {
	case !e.Bounded():
	case e.Lo == 0 && e.Hi == 0:
		v = 0
	case e.Lo > 0:
		v = 1
	case e.Hi < 0:
		v = -1
	}
	sc.signs[x] = v
	return v
}

// stretch reports a run of undecided cells [run.lo, run.hi], whose cell
// ends are cuts, from the signs of f at the cuts (by their enclosures). A
// run where f′ keeps one sign has at most one root, found as below and
// listed without a cluster (it is undecided only because f at a cut is
// within rounding of 0). Otherwise:
//
//   - a cut where f is exactly 0 is a root;
//   - between two cuts of known opposite signs lies an odd number of
//     roots, refined by Brentq (if f is certified continuous there;
//     otherwise only when |f| at the refined point is far below its
//     values around it, and else a pole or a jump);
//   - cuts where f is within rounding of 0 with no sign change around
//     them are one root where f touches 0, reported at their middle;
//   - with every cut of one known sign, f may still dip through 0
//     between them: the minimum of sign·f (golden section) decides.
func (sc *scanner) stretch(run cell, cuts []float64) (Cluster, bool) {
	c := Cluster{Lo: run.lo, Hi: run.hi, Continuous: run.continuous}
	switch {
	case run.flat:
		c.Kind = Flat
		return c, true
	case run.unresolved:
		c.Kind = Unresolved
		return c, true
	}
	signChange, jump := false, false
	var jumps []float64
	prev := -1
	noisy := []float64{}
	for k, x := range cuts {
		sx := sc.sign(x)
		switch sx {
		case 0:
			c.Roots = append(c.Roots, x)
			continue
		case unknownSign:
			noisy = append(noisy, x)
			continue
		}
		if prev >= 0 && sc.sign(cuts[prev]) != sx {
			signChange = true
			lo := cuts[prev]
			flo, fx := sc.at(lo), sc.at(x)
			r, conv := sc.refineIn(lo, x)
			if conv && (run.continuous || math.Abs(sc.f(r)) < 1e-3*math.Min(math.Abs(flo), math.Abs(fx))) {
				c.Roots = append(c.Roots, r)
			} else {
				jump = true
				if conv {
					jumps = append(jumps, r)
				}
			}
		}
		prev = k
	}
	switch {
	case signChange:
	case len(noisy) > 0 && run.monotone:
		// A simple root within rounding of the noisy cuts.
		if len(c.Roots) == 0 {
			c.Roots = []float64{noisy[0] + (noisy[len(noisy)-1]-noisy[0])/2}
		}
		sc.roots = append(sc.roots, c.Roots...)
		return c, false
	case len(noisy) > 0 && run.continuous:
		if len(c.Roots) == 0 {
			c.Roots = []float64{noisy[0] + (noisy[len(noisy)-1]-noisy[0])/2}
		}
	case prev >= 0:
		// Every other cut has one known sign: f may still dip through 0
		// between two of them.
		sg := float64(sc.sign(cuts[prev]))
		xm, gm := goldenMin(func(x float64) float64 { return sg * sc.f(x) }, run.lo, run.hi, 0)
		switch {
		case gm < 0:
			for _, br := range [2][2]float64{{run.lo, xm}, {xm, run.hi}} {
				if r, conv := sc.refineIn(br[0], br[1]); conv {
					c.Roots = append(c.Roots, r)
				}
			}
			signChange = len(c.Roots) > 0
		case len(c.Roots) > 0:
		case gm <= sc.ztol*sc.scale:
			c.Roots = []float64{xm}
		default:
			c.MinAbs = gm
		}
	}
	slices.Sort(c.Roots)
	c.Roots = slices.Compact(c.Roots)
	switch {
	case run.monotone && len(c.Roots) == 1:
		// f is strictly monotone over the stretch: its one root is simple.
		sc.roots = append(sc.roots, c.Roots...)
		return c, false
	case signChange && len(c.Roots) > 0:
		c.Kind = Multiple
	case len(c.Roots) > 0:
		c.Kind = Touch
	case jump:
		c.Kind = Jump
		c.Roots = jumps
		return c, true
	default:
		c.Kind = Undecided
		if c.MinAbs == 0 {
			c.MinAbs = math.NaN()
		}
	}
	sc.roots = append(sc.roots, c.Roots...)
	return c, true
}

// refineIn is refine inside a cluster, with the tolerance cut to a
// millionth of the resolution so that roots closer than it stay apart.
func (sc *scanner) refineIn(lo, hi float64) (float64, bool) {
	bs := *sc.bs
	xtol, _, _, _ := bs.resolve(4 * eps)
	bs.XTol = math.Min(xtol, sc.w*1e-6)
	r, err := Brentq(sc.f, lo, hi, &bs)
	return r.Root, err == nil && r.Converged
}

// grid is FindAll's heuristic without Bounds, on n equal intervals.
func (sc *scanner) grid(a, b float64, n int) []float64 {
	xs := make([]float64, n+1)
	fs := make([]float64, n+1)
	for i := range xs {
		xs[i] = a + float64(i)*(b-a)/float64(n)
		if i == n {
			xs[i] = b
		}
		fs[i] = sc.at(xs[i])
	}
	f, scale := sc.f, sc.scale
	var roots []float64
	// crossing refines a sign change of f between lo and hi.
	crossing := func(lo, hi, flo, fhi float64) {
		r, conv := sc.refine(lo, hi)
		if conv && math.Abs(f(r)) <= math.Max(math.Abs(flo), math.Abs(fhi)) {
			roots = append(roots, r)
		}
	}
	for i, fi := range fs {
		if fi == 0 {
			roots = append(roots, xs[i])
		}
		if i < n && ok(fi) && ok(fs[i+1]) && opposite(fi, fs[i+1]) {
			crossing(xs[i], xs[i+1], fi, fs[i+1])
		}
	}
	for i, fi := range fs {
		if !ok(fi) || fi == 0 {
			continue
		}
		lo, hi := max(i-1, 0), min(i+1, n)
		if !localMin(fs[lo], fi, fs[hi], lo == i, hi == i) {
			continue
		}
		sg := sign(fi)
		g := func(x float64) float64 { return sg * f(x) }
		xm, gm := goldenMin(g, xs[lo], xs[hi], 1.5e-8)
		switch {
		case gm < 0:
			crossing(xs[lo], xm, fs[lo], sg*gm)
			crossing(xm, xs[hi], sg*gm, fs[hi])
		case gm <= sc.ztol*scale:
			roots = append(roots, xm)
		}
	}
	return roots
}

func ok(y float64) bool { return !math.IsNaN(y) && !math.IsInf(y, 0) }

// localMin reports that |f| has a local minimum at the middle of three
// grid values of one sign, with no zero among them; an end of the grid
// (atLo, atHi) counts only its inner neighbour.
func localMin(flo, fi, fhi float64, atLo, atHi bool) bool {
	if atLo && atHi {
		return false
	}
	for _, y := range [2]float64{flo, fhi} {
		if !ok(y) || y == 0 || opposite(y, fi) {
			return false
		}
	}
	return (atLo || math.Abs(fi) < math.Abs(flo)) && (atHi || math.Abs(fi) <= math.Abs(fhi))
}

// goldenMin minimizes g on [lo, hi] by golden-section search until the
// bracket is below rtol relative to its place (at least 4 units in the
// last place), and returns the best point seen and its value.
func goldenMin(g func(float64) float64, lo, hi, rtol float64) (xbest, gbest float64) {
	const r = 0.6180339887498949 // (sqrt(5) - 1)/2
	x1, x2 := hi-r*(hi-lo), lo+r*(hi-lo)
	g1, g2 := g(x1), g(x2)
	xbest, gbest = x1, g1
	for k := 0; k < 200 && hi-lo > math.Max(rtol*math.Max(1, math.Abs(x1)), 4*eps*math.Abs(x1)); k++ {
		if g1 < g2 || math.IsNaN(g2) {
			hi, x2, g2 = x2, x1, g1
			x1 = hi - r*(hi-lo)
			g1 = g(x1)
		} else {
			lo, x1, g1 = x1, x2, g2
			x2 = lo + r*(hi-lo)
			g2 = g(x2)
		}
		for _, p := range [2][2]float64{{x1, g1}, {x2, g2}} {
			if p[1] < gbest {
				xbest, gbest = p[0], p[1]
			}
		}
		if gbest < 0 {
			break // a crossing: Brentq takes over
		}
	}
	return xbest, gbest
}

// dedup merges sorted roots closer than the bracketing tolerance.
func dedup(roots []float64, bs *BracketSettings) []float64 {
	xtol, rtol, _, _ := bs.resolve(4 * eps)
	out := roots[:0]
	for _, r := range roots {
		if len(out) > 0 && r-out[len(out)-1] <= 2*(xtol+rtol*math.Abs(r)) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// ExtremaResult holds the extreme values of f on [a, b] and the critical
// points where f' vanishes.
type ExtremaResult struct {
	Min, ArgMin float64
	Max, ArgMax float64
	// Critical lists the roots of f' in [a, b], sorted; they include
	// inflection points such as 0 for x³, where f' has a tangential root.
	Critical []float64
	// Clusters are the stretches where the roots of f' could not be
	// separated or decided (see FindAll); stretches where f' underflows
	// (Flat) hold no critical point.
	Clusters []Cluster
	// Proven and Resolution are those of the scan of f' (FindAll).
	Proven     bool
	Resolution float64
}

// Extrema finds the minimum and maximum of f on [a, b], a < b, by the
// closed-interval method: the critical points are the roots of df found
// by FindAll (with s.Bounds enclosing df and its derivative, none is
// missed), and the extremes are the smallest and largest values of f
// among them, the ends a and b, and the ends and roots of every cluster
// FindAll reports (so a kink, where f' jumps, or a stretch where f'
// underflows still offers its values). On ties the leftmost point wins.
// df nil means a central difference with step cbrt(eps)*max(1, |x|),
// accurate to about eps^(2/3) relative. Points where f is not finite are
// skipped; the error reports an invalid interval or settings, or an f
// that is not finite at any candidate, one with a pole at the least or
// greatest value found (poleAtExtreme), or one that is not continuous or
// not differentiable: a value of f on a grid of 1000 intervals beyond the
// extremes found. Cost: that of FindAll on df, plus one call of f per
// candidate and 999 more.
func Extrema(f, df func(float64) float64, a, b float64, s *ScanSettings) (ExtremaResult, error) {
	if df == nil {
		df = func(x float64) float64 {
			h := math.Cbrt(eps) * math.Max(1, math.Abs(x))
			return (f(x+h) - f(x-h)) / (2 * h)
		}
	}
	scan, err := FindAll(df, a, b, s)
	if err != nil {
		return ExtremaResult{}, err
	}
	res := ExtremaResult{Critical: scan.Roots, Clusters: scan.Clusters, Proven: scan.Proven, Resolution: scan.Resolution,
		Min: math.Inf(1), Max: math.Inf(-1), ArgMin: math.NaN(), ArgMax: math.NaN()}
	candidates := append([]float64{a, b}, scan.Roots...)
	for _, c := range scan.Clusters {
		candidates = append(candidates, c.Lo, c.Hi)
		candidates = append(candidates, c.Roots...)
	}
	slices.Sort(candidates)
	for _, x := range candidates {
		// An end where f is infinite (log at 0) holds its extreme: f is
		// unbounded there. Inside, an infinite value is a pole's, whose
		// sign the clusters judge (poleAtExtreme).
		y := f(x)
		if math.IsNaN(y) || !ok(y) && x != a && x != b {
			continue
		}
		if y < res.Min {
			res.Min, res.ArgMin = y, x
		}
		if y > res.Max {
			res.Max, res.ArgMax = y, x
		}
	}
	if math.IsNaN(res.ArgMin) {
		return res, fmt.Errorf("f is not finite at a, b or any critical point in [%v, %v]", a, b)
	}
	if x, ok := poleAtExtreme(f, res); ok {
		return res, fmt.Errorf("f has a pole near %.12g (|f| at least doubles over the last %.3g before it): f is "+
			"unbounded on [%v, %v], so it has no least or greatest value there; split the interval at the pole",
			x, res.Resolution, a, b)
	}
	if x, y, outside := beyondExtremes(f, a, b, res); outside {
		return res, fmt.Errorf("f(%.12g) = %.12g lies outside [%.12g, %.12g], the least and greatest values at the ends "+
			"and critical points: f is not continuous or not differentiable on [%v, %v] (a pole, a jump or a cusp, "+
			"where f' need not vanish or change sign, as tan's at π/2), so its extremes are not among those points; "+
			"split the interval there", x, y, res.Min, res.Max, a, b)
	}
	return res, nil
}

// poleAtExtreme reports whether the least or greatest value res found is
// f at the end of a cluster next to a pole: one where |f| at least doubles
// over the cluster's width before it, as |1/(x - p)| does when p lies in
// the cluster, while near a finite jump or a steep continuous stretch it
// barely changes. Such a value is only the largest seen at the resolution.
func poleAtExtreme(f func(float64) float64, res ExtremaResult) (float64, bool) {
	for _, c := range res.Clusters {
		w := c.Hi - c.Lo
		for _, end := range []struct{ x, before float64 }{{c.Lo, c.Lo - w}, {c.Hi, c.Hi + w}} {
			if end.x != res.ArgMin && end.x != res.ArgMax {
				continue
			}
			if y, outer := f(end.x), f(end.before); ok(y) && ok(outer) && math.Abs(y) >= 2*math.Abs(outer) {
				return end.x, true
			}
		}
	}
	return 0, false
}

// extremaCheckPoints is the number of points on which Extrema checks its
// answer.
const extremaCheckPoints = 1000

// beyondExtremes finds the value of f on an even grid over [a, b] that
// lies farthest beyond res's extremes, if one is beyond by more than
// rounding: the closed-interval
// method holds only for a continuous f, and a pole where f' keeps its
// sign (tan at π/2, whose derivative 1 + tan² never vanishes) gives no
// critical point, no note and extremes far from the truth.
func beyondExtremes(f func(float64) float64, a, b float64, res ExtremaResult) (x, y float64, outside bool) {
	worst := 1e-9 * (math.Abs(res.Min) + math.Abs(res.Max) + 1) // more than rounding
	for i := 1; i < extremaCheckPoints; i++ {
		xi := a + (b-a)*float64(i)/extremaCheckPoints
		yi := f(xi)
		if excess := max(yi-res.Max, res.Min-yi); ok(yi) && excess > worst {
			x, y, worst, outside = xi, yi, excess, true
		}
	}
	return x, y, outside
}
