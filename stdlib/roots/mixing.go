package roots

import (
	"errors"
	"math"

	"calc/stdlib/minpack"
)

// MixingSettings are the settings of LinearMixing, ExcitingMixing and
// DiagBroyden.
type MixingSettings struct {
	NonlinSettings
	// Alpha sets the initial Jacobian approximation -1/Alpha (the mixing
	// factor); zero means scipy's 0.5*max(‖x0‖, 1)/‖F(x0)‖.
	Alpha float64
	// AlphaMax bounds ExcitingMixing's per-component factors; zero means
	// scipy's 1.
	AlphaMax float64
}

// LinearMixing solves F(x) = 0 by linear mixing, the fixed-point
// iteration x += Alpha·F(x) (with scipy's line search), as scipy's
// linearmixing and root(method='linearmixing'): cheap, one call of F and
// O(n) per iteration, but it converges only where I + Alpha·J is a
// contraction. Results and errors are as for Broyden1.
func LinearMixing(f func(x, fx []float64), x0 []float64, s *MixingSettings) (*SystemResult, error) {
	return mixing(f, x0, s, linearMix)
}

// ExcitingMixing is LinearMixing with a factor per component that grows by
// Alpha, up to AlphaMax, while that component of F keeps its sign and
// falls back to Alpha when it changes, as scipy's excitingmixing. Its
// costs, results and errors are those of LinearMixing.
func ExcitingMixing(f func(x, fx []float64), x0 []float64, s *MixingSettings) (*SystemResult, error) {
	return mixing(f, x0, s, excitingMix)
}

// DiagBroyden solves F(x) = 0 with a diagonal Jacobian approximation D,
// initially -I/Alpha, updated by Broyden's first formula restricted to the
// diagonal, D -= (df + D dx)∘dx/‖dx‖², as scipy's diagbroyden. Its costs,
// results and errors are those of LinearMixing.
func DiagBroyden(f func(x, fx []float64), x0 []float64, s *MixingSettings) (*SystemResult, error) {
	return mixing(f, x0, s, diagBroyden)
}

type mixKind int

const (
	linearMix mixKind = iota
	excitingMix
	diagBroyden
)

func mixing(f func(x, fx []float64), x0 []float64, s *MixingSettings, kind mixKind) (*SystemResult, error) {
	var ns *NonlinSettings
	j := &mixJac{kind: kind, alphaMax: 1}
	if s != nil {
		ns = &s.NonlinSettings
		j.alpha = s.Alpha
		if s.AlphaMax != 0 {
			j.alphaMax = s.AlphaMax
		}
	}
	if !(j.alphaMax > 0) {
		return nil, errors.New("AlphaMax must be positive")
	}
	return nonlinSolve(f, x0, j, ns)
}

// mixJac is scipy's LinearMixing, ExcitingMixing and DiagBroyden, all of
// which keep a diagonal: the step is -f∘beta (linear: beta = alpha,
// exciting: per-component factors) or -f/d (DiagBroyden).
type mixJac struct {
	kind            mixKind
	alpha, alphaMax float64
	lastX, lastF    []float64
	beta, d         []float64
}

func (j *mixJac) setup(x, fx []float64, _ *nonlinFunc) {
	j.lastX, j.lastF = x, fx
	if j.alpha == 0 {
		j.alpha = initialAlpha(x, fx)
	}
	j.beta, j.d = make([]float64, len(x)), make([]float64, len(x))
	for i := range x {
		j.beta[i] = j.alpha
		j.d[i] = 1 / j.alpha
	}
}

func (j *mixJac) solve(f []float64, _ float64) ([]float64, error) {
	dx := make([]float64, len(f))
	for i := range f {
		switch j.kind {
		case linearMix:
			dx[i] = -f[i] * j.alpha
		case excitingMix:
			dx[i] = -f[i] * j.beta[i]
		case diagBroyden:
			dx[i] = -f[i] / j.d[i]
		}
	}
	return dx, nil
}

func (j *mixJac) update(x, fx []float64) {
	switch j.kind {
	case excitingMix:
		for i := range fx {
			if fx[i]*j.lastF[i] > 0 {
				j.beta[i] += j.alpha
			} else {
				j.beta[i] = j.alpha
			}
			j.beta[i] = math.Min(math.Max(j.beta[i], 0), j.alphaMax)
		}
	case diagBroyden:
		dx, df := diffs(x, fx, j.lastX, j.lastF)
		dn := sq(minpack.Enorm(dx))
		for i := range j.d {
			j.d[i] -= (df[i] + j.d[i]*dx[i]) * dx[i] / dn
		}
	}
	j.lastX, j.lastF = x, fx
}
