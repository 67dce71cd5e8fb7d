package integrate

import "math"

// A QuadRange gives the limits of one variable of NQuad's integral from
// the values of the variables outside it: for variable i, outer holds
// x[i+1], …, x[n−1].
type QuadRange func(outer []float64) (lo, hi float64)

// ConstRange is the fixed range [lo, hi].
func ConstRange(lo, hi float64) QuadRange {
	return func([]float64) (float64, float64) { return lo, hi }
}

// NQuad integrates f(x[0], …, x[n−1]) over nested ranges, as
// scipy.integrate.nquad does: x[n−1] runs over ranges[n−1], the
// outermost, and each x[i] over ranges[i] evaluated at the variables
// outside it. Every level is a Quad whose integrand at each point is the
// Quad of the level inside; settings[i] tunes level i (x[0] innermost),
// a single entry tunes them all and nil means scipy's defaults. Any limit
// may be infinite. The cost is the product of the levels' costs: a smooth
// integrand on a box takes 21ⁿ evaluations of f.
//
// The result's Value is the outermost Quad's; AbsErr is the largest error
// estimate of all the Quads, as scipy's nquad reports it; NEval counts the
// evaluations of f (scipy's neval, the innermost Quads' evaluations).
// Ier and Message are the outermost Quad's unless it succeeded and an
// inner Quad did not: then they are the first failing inner Quad's, where
// scipy would only warn. The error is ErrQuadInput for invalid limits or
// tolerances.
func NQuad(f func(x []float64) float64, ranges []QuadRange, settings []*QuadSettings) (QuadResult, error) {
	n := len(ranges)
	q := &nquad{f: f, ranges: ranges, settings: settings, x: make([]float64, n)}
	outer, err := q.level(n - 1)
	if err == nil {
		err = q.err
	}
	outer.NEval = q.neval
	outer.AbsErr = math.Max(q.abserr, outer.AbsErr)
	if outer.Success && q.failed.Ier != 0 {
		outer.Ier, outer.Message, outer.Success = q.failed.Ier, q.failed.Message, false
	}
	return outer, err
}

// nquad is the state of one NQuad: the point being built, from the
// outermost variable in, and what the inner Quads have reported.
type nquad struct {
	f        func(x []float64) float64
	ranges   []QuadRange
	settings []*QuadSettings
	x        []float64
	neval    int
	abserr   float64
	failed   QuadResult // the first inner Quad that failed, if any
	err      error      // the first inner Quad's error, if any
}

// level integrates over x[i] with the variables outside it fixed.
func (q *nquad) level(i int) (QuadResult, error) {
	lo, hi := q.ranges[i](q.x[i+1:])
	return Quad(func(t float64) float64 {
		q.x[i] = t
		if i == 0 {
			q.neval++
			return q.f(q.x)
		}
		r, err := q.level(i - 1)
		q.abserr = math.Max(q.abserr, r.AbsErr)
		if q.err == nil && err != nil {
			q.err = err
		}
		if q.failed.Ier == 0 {
			q.failed = r
		}
		return r.Value
	}, lo, hi, q.setting(i))
}

// setting returns the settings of level i.
func (q *nquad) setting(i int) *QuadSettings {
	switch len(q.settings) {
	case 0:
		return nil
	case 1:
		return q.settings[0]
	}
	return q.settings[i]
}

// DblQuad integrates f(y, x) over the region a ≤ x ≤ b, gfun(x) ≤ y ≤
// hfun(x), as scipy.integrate.dblquad does: NQuad over y inside x, with
// the settings s at both levels.
func DblQuad(f func(y, x float64) float64, a, b float64, gfun, hfun func(x float64) float64, s *QuadSettings) (QuadResult, error) {
	return NQuad(func(v []float64) float64 { return f(v[0], v[1]) }, []QuadRange{
		func(outer []float64) (float64, float64) { return gfun(outer[0]), hfun(outer[0]) },
		ConstRange(a, b),
	}, []*QuadSettings{s})
}

// TplQuad integrates f(z, y, x) over a ≤ x ≤ b, gfun(x) ≤ y ≤ hfun(x),
// qfun(x, y) ≤ z ≤ rfun(x, y), as scipy.integrate.tplquad does: NQuad
// over z inside y inside x, with the settings s at every level.
func TplQuad(f func(z, y, x float64) float64, a, b float64, gfun, hfun func(x float64) float64,
	qfun, rfun func(x, y float64) float64, s *QuadSettings) (QuadResult, error) {
	return NQuad(func(v []float64) float64 { return f(v[0], v[1], v[2]) }, []QuadRange{
		func(outer []float64) (float64, float64) { return qfun(outer[1], outer[0]), rfun(outer[1], outer[0]) },
		func(outer []float64) (float64, float64) { return gfun(outer[0]), hfun(outer[0]) },
		ConstRange(a, b),
	}, []*QuadSettings{s})
}
