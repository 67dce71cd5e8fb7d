package optimize

import (
	"errors"
	"math"
	"slices"
)

// SHGOSettings are the options of SHGO. The zero value means the
// defaults.
type SHGOSettings struct {
	// N is the least number of sampling points (grid vertices); zero
	// means 100, as scipy's.
	N int
	// Iters is the number of refinements: each halves the grid spacing,
	// so the vertices go from k^n to (2k − 1)^n. Zero means 1, as scipy's.
	Iters int
	// Local is the bounded local minimizer started from each minimizer
	// vertex; nil means SLSQP with finite differences and ftol 1e-12, as
	// scipy's.
	Local func(f Func, x0 []float64, b *Bounds) (*Result, error)
}

// SHGOResult is what SHGO found: the global minimum and every local
// minimum it reached, sorted by value.
type SHGOResult struct {
	Result
	XL   [][]float64
	FunL []float64
	// LocalEvals counts the evaluations of the local minimizations.
	LocalEvals int
}

// SHGO finds the global minimum of f over the box [lower, upper] in the
// manner of simplicial homology global optimization (S. C. Endres, C.
// Sandrock and W. W. Focke, Journal of Global Optimization 72, 2018) with
// simplicial sampling: the box is triangulated (a grid of k points per
// axis, k odd so that the centre is one, each cube cut into n! simplices
// by Kuhn's triangulation, whose
// edges join grid points that differ by 0 or +1, or by 0 or −1, in every
// index); a vertex whose value is below all its neighbours' in that
// complex is a minimizer of its star, and a local minimization starts
// from each. The local minima found are returned sorted (XL, FunL), the
// best as X. The cost is k^n evaluations for the sampling, so it suits
// few variables (up to about 6); constraints other than bounds are not
// supported. Unlike scipy's version it does not stop early when the
// minimizer set is stable, and it triangulates a uniform grid rather
// than refining simplices where they matter.
func SHGO(f Func, lower, upper []float64, s *SHGOSettings) (*SHGOResult, error) {
	if s == nil {
		s = &SHGOSettings{}
	}
	n := len(lower)
	if n == 0 || len(upper) != n {
		return nil, errors.New("optimize: shgo: bounds must be one [lo, hi] pair per variable")
	}
	for i := range n {
		if !(lower[i] <= upper[i]) || math.IsInf(lower[i], 0) || math.IsInf(upper[i], 0) {
			return nil, errors.New("optimize: shgo: bounds must be finite with lo <= hi")
		}
	}
	points, iters := s.N, s.Iters
	if points == 0 {
		points = 100
	}
	if iters == 0 {
		iters = 1
	}
	// An odd k puts a vertex at the box's centre, as scipy's first
	// triangulation has.
	k := max(3, int(math.Ceil(math.Pow(float64(points), 1/float64(n))-1e-9)))
	k += 1 - k%2
	for range iters - 1 {
		k = 2*k - 1
	}
	total := 1
	for range n {
		if total > 5_000_000/k {
			return nil, errors.New("optimize: shgo: the grid is too large; use fewer points or iterations")
		}
		total *= k
	}
	local := s.Local
	if local == nil {
		local = func(f Func, x0 []float64, b *Bounds) (*Result, error) {
			return SLSQP(Problem{Func: f}, x0, nil, b, &SLSQPSettings{Acc: 1e-12})
		}
	}
	// Evaluate every grid vertex; vertex v has index digits idx_i in base k.
	vals := make([]float64, total)
	idx := make([]int, n)
	point := func(v int, x []float64) {
		for i := range n {
			idx[i] = v % k
			v /= k
			x[i] = lower[i] + (upper[i]-lower[i])*float64(idx[i])/float64(k-1)
		}
	}
	x := make([]float64, n)
	for v := range vals {
		point(v, x)
		vals[v] = f(x)
		if math.IsNaN(vals[v]) {
			vals[v] = math.Inf(1)
		}
	}
	res := &SHGOResult{}
	res.FuncEvals = total
	bounds := &Bounds{Lower: lower, Upper: upper}
	for v := range vals {
		if !isStarMinimizer(vals, v, n, k) {
			continue
		}
		x0 := make([]float64, n)
		point(v, x0)
		r, err := local(f, x0, bounds)
		if err != nil {
			return nil, err
		}
		res.LocalEvals += r.FuncEvals
		if math.IsNaN(r.F) {
			continue
		}
		res.XL = append(res.XL, r.X)
		res.FunL = append(res.FunL, r.F)
	}
	res.FuncEvals += res.LocalEvals
	dedupMinima(res, upper, lower)
	res.Iterations = iters
	if len(res.XL) == 0 {
		res.Status, res.Message = Failure, "Failed to find a feasible minimizer point."
		res.X, res.F = vecNaN(n), math.NaN()
		return res, nil
	}
	res.X, res.F = res.XL[0], res.FunL[0]
	res.Status, res.Success, res.Message = Success, true, "Optimization terminated successfully."
	return res, nil
}

// isStarMinimizer reports whether vertex v is at or below every
// neighbour in the Kuhn triangulation of the k^n grid (symmetric wells
// then each start a search; their duplicates are merged afterwards).
func isStarMinimizer(vals []float64, v, n, k int) bool {
	fv := vals[v]
	if math.IsInf(fv, 1) {
		return false
	}
	digits := make([]int, n)
	for i, w := 0, v; i < n; i++ {
		digits[i] = w % k
		w /= k
	}
	// Neighbours: v + s·Σ_{i∈S} stride_i for nonempty S and s = ±1.
	for mask := 1; mask < 1<<n; mask++ {
		for _, sgn := range [2]int{1, -1} {
			u, stride, inside := v, 1, true
			for i := range n {
				if mask&(1<<i) != 0 {
					d := digits[i] + sgn
					if d < 0 || d >= k {
						inside = false
						break
					}
					u += sgn * stride
				}
				stride *= k
			}
			if !inside {
				continue
			}
			if vals[u] < fv {
				return false
			}
		}
	}
	return true
}

// dedupMinima sorts the local minima by value and drops those that
// repeat an earlier one (within 1e-6 of the box's size in every
// coordinate).
func dedupMinima(r *SHGOResult, upper, lower []float64) {
	order := make([]int, len(r.FunL))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case r.FunL[a] < r.FunL[b]:
			return -1
		case r.FunL[a] > r.FunL[b]:
			return 1
		}
		return 0
	})
	var xl [][]float64
	var fl []float64
next:
	for _, i := range order {
		for _, y := range xl {
			same := true
			for j := range y {
				if math.Abs(y[j]-r.XL[i][j]) > 1e-6*math.Max(upper[j]-lower[j], 1) {
					same = false
					break
				}
			}
			if same {
				continue next
			}
		}
		xl, fl = append(xl, r.XL[i]), append(fl, r.FunL[i])
	}
	r.XL, r.FunL = xl, fl
}
