package roots

import (
	"errors"
	"math"

	"calc/stdlib/minpack"
)

// Reduction selects how Broyden1 and Broyden2 bound the rank of their
// inverse-Jacobian updates.
type Reduction int

// The rank reductions of scipy's BroydenFirst.
const (
	// Restart drops all updates once there are more than MaxRank-1,
	// scipy's default.
	Restart Reduction = iota
	// Simple drops the oldest updates.
	Simple
)

// BroydenSettings are the settings of Broyden1 and Broyden2.
type BroydenSettings struct {
	NonlinSettings
	// Alpha sets the initial Jacobian approximation -1/Alpha; zero means
	// scipy's 0.5*max(‖x0‖, 1)/‖F(x0)‖.
	Alpha float64
	// Reduction is the rank reduction applied when MaxRank is set.
	Reduction Reduction
	// MaxRank bounds the rank of the updates; zero means unbounded, in
	// which case the approximation becomes a dense matrix after n
	// updates. scipy's 'svd' reduction is not provided.
	MaxRank int
}

// Broyden1 solves F(x) = 0 by Broyden's first ("good") method: the
// inverse Jacobian H, initially -Alpha·I, receives after each step the
// rank-one update
//
//	H += (dx - H df) dxᵀH / (dxᵀ H df),
//
// the Sherman–Morrison form of Broyden's update of J (C. G. Broyden, "A
// class of methods for solving nonlinear simultaneous equations", Math.
// Comp. 19 (1965) 577–593). It follows scipy's broyden1 and
// root(method='broyden1') (scipy/optimize/_nonlin.py), keeping H as the
// low-rank sum of its updates: each iteration costs one call of F (more
// when the line search backtracks) and O(kn) for k updates.
//
// Running out of iterations is not an error: Success is false with
// scipy's message "The maximum number of iterations allowed has been
// reached." (where scipy's broyden1 raises NoConvergence). The error is a
// *NaNError when F is not finite at an accepted point, or a settings
// error.
func Broyden1(f func(x, fx []float64), x0 []float64, s *BroydenSettings) (*SystemResult, error) {
	return broyden(f, x0, s, false)
}

// Broyden2 is Broyden1 with Broyden's second ("bad") update of the
// inverse Jacobian,
//
//	H += (dx - H df) dfᵀ / ‖df‖²,
//
// as scipy's broyden2. Settings, results, errors and costs are those of
// Broyden1.
func Broyden2(f func(x, fx []float64), x0 []float64, s *BroydenSettings) (*SystemResult, error) {
	return broyden(f, x0, s, true)
}

func broyden(f func(x, fx []float64), x0 []float64, s *BroydenSettings, second bool) (*SystemResult, error) {
	var ns *NonlinSettings
	b := &broydenJac{second: second, maxRank: math.MaxInt}
	if s != nil {
		ns = &s.NonlinSettings
		b.alpha0, b.reduction = s.Alpha, s.Reduction
		if s.MaxRank != 0 {
			b.maxRank = s.MaxRank
		}
	}
	if b.maxRank < 1 || (b.reduction != Restart && b.reduction != Simple) {
		return nil, errors.New("invalid rank reduction")
	}
	return nonlinSolve(f, x0, b, ns)
}

// broydenJac is scipy's BroydenFirst and BroydenSecond: the inverse
// Jacobian Gm = alpha·I + Σ c_i d_iᵀ, collapsed into a dense matrix once
// it has more than n terms.
type broydenJac struct {
	second       bool
	alpha0       float64
	reduction    Reduction
	maxRank      int
	fn           *nonlinFunc
	lastX, lastF []float64
	alpha        float64
	cs, ds       [][]float64
	dense        []float64 // the collapsed Gm, row-major, or nil
	n            int
}

func (b *broydenJac) setup(x, fx []float64, fn *nonlinFunc) {
	b.fn, b.lastX, b.lastF, b.n = fn, x, fx, len(x)
	if b.alpha0 == 0 {
		b.alpha0 = initialAlpha(x, fx)
	}
	b.alpha, b.cs, b.ds, b.dense = -b.alpha0, nil, nil, nil
}

// matvec returns Gm·v, or Gmᵀ·v when transposed.
func (b *broydenJac) matvec(v []float64, transposed bool) []float64 {
	if b.dense != nil {
		w := make([]float64, b.n)
		for i := range w {
			for j := range v {
				if transposed {
					w[i] += b.dense[j*b.n+i] * v[j]
				} else {
					w[i] += b.dense[i*b.n+j] * v[j]
				}
			}
		}
		return w
	}
	cs, ds := b.cs, b.ds
	if transposed {
		cs, ds = ds, cs
	}
	w := make([]float64, len(v))
	for i := range v {
		w[i] = b.alpha * v[i]
	}
	for k, c := range cs {
		a := dot(ds[k], v)
		for i := range w {
			w[i] += a * c[i]
		}
	}
	return w
}

func (b *broydenJac) solve(v []float64, _ float64) ([]float64, error) {
	r := b.matvec(v, false)
	for _, y := range r {
		if !ok(y) {
			// Start afresh from the last point, as scipy does.
			b.setup(b.lastX, b.lastF, b.fn)
			return b.matvec(v, false), nil
		}
	}
	return r, nil
}

func (b *broydenJac) update(x, fx []float64) {
	dx, df := diffs(x, fx, b.lastX, b.lastF)
	b.lastX, b.lastF = x, fx
	// Reduce first, to preserve the secant condition.
	if b.dense == nil && len(b.cs) > b.maxRank-1 {
		if b.reduction == Restart {
			b.cs, b.ds = nil, nil
		} else {
			k := len(b.cs) - (b.maxRank - 1)
			b.cs, b.ds = b.cs[k:], b.ds[k:]
		}
	}
	hdf := b.matvec(df, false)
	c := make([]float64, b.n)
	for i := range c {
		c[i] = dx[i] - hdf[i]
	}
	var d []float64
	if b.second {
		dn := sq(minpack.Enorm(df))
		d = make([]float64, b.n)
		for i := range d {
			d[i] = df[i] / dn
		}
	} else {
		v := b.matvec(dx, true)
		den := dot(df, v)
		d = make([]float64, b.n)
		for i := range d {
			d[i] = v[i] / den
		}
	}
	if b.dense != nil {
		for i := range c {
			for j := range d {
				b.dense[i*b.n+j] += c[i] * d[j]
			}
		}
		return
	}
	b.cs, b.ds = append(b.cs, c), append(b.ds, d)
	if len(b.cs) > b.n {
		b.dense = make([]float64, b.n*b.n)
		for i := 0; i < b.n; i++ {
			b.dense[i*b.n+i] = b.alpha
		}
		for k, c := range b.cs {
			for i := range c {
				for j := range c {
					b.dense[i*b.n+j] += c[i] * b.ds[k][j]
				}
			}
		}
		b.cs, b.ds = nil, nil
	}
}
