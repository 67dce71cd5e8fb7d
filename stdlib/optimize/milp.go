package optimize

import (
	"container/heap"
	"errors"
	"math"
)

// MILPSettings are the options of MILP. The zero value means the
// defaults.
type MILPSettings struct {
	// MaxNodes limits the branch-and-bound nodes (LP relaxations
	// solved); zero means 100000.
	MaxNodes int
	// IntTol is how far from a whole number an integer variable may be
	// and count as whole; zero means 1e-6.
	IntTol float64
	// LP holds the settings of the relaxations.
	LP LPSettings
}

// MILPResult is what MILP found, in scipy's fields.
type MILPResult struct {
	X       []float64
	Fun     float64
	Status  int // LPOptimal, LPIterationLimit (node limit), LPInfeasible, LPUnbounded, LPNumerical
	Success bool
	Message string
	// Nodes is the number of relaxations solved; DualBound the lowest
	// bound of the subproblems left open (Fun when solved); Gap the
	// relative difference |Fun − DualBound|/|Fun|.
	Nodes     int
	DualBound float64
	Gap       float64
}

// MILP solves a mixed-integer linear programme: LinProg's problem with
// the variables where integer[j] is true restricted to whole numbers. It
// is LP-based branch and bound (Land and Doig, Econometrica 28, 1960):
// the open subproblem with the lowest relaxation bound is solved next
// (best first); a subproblem whose relaxation is infeasible, or no better
// than the best whole solution so far, is dropped; otherwise it is split
// on its most fractional integer variable x_j into x_j ≤ ⌊x_j⌋ and
// x_j ≥ ⌈x_j⌉. It proves optimality (a gap of 0 up to 1e-9 relative) when
// the nodes suffice; each node costs one LinProg. Integer variables are
// rounded to whole numbers in the answer.
func MILP(p LP, integer []bool, s *MILPSettings) (*MILPResult, error) {
	if s == nil {
		s = &MILPSettings{}
	}
	n := len(p.C)
	if len(integer) != n {
		return nil, errors.New("optimize: integrality needs one entry per variable")
	}
	maxNodes, intTol := s.MaxNodes, s.IntTol
	if maxNodes == 0 {
		maxNodes = 100000
	}
	if intTol == 0 {
		intTol = 1e-6
	}
	box, err := p.box(n)
	if err != nil {
		return nil, err
	}
	// Integer variables' bounds are whole numbers.
	for j, isInt := range integer {
		if isInt {
			box.lo[j], box.up[j] = math.Ceil(box.lo[j]-intTol), math.Floor(box.up[j]+intTol)
		}
	}
	res := &MILPResult{X: vecNaN(n), Fun: math.Inf(1), Status: LPInfeasible}
	open := &nodeHeap{{lo: box.lo, up: box.up, bound: math.Inf(-1)}}
	for open.Len() > 0 {
		nd := heap.Pop(open).(bbNode)
		if nd.bound >= res.Fun-1e-9*math.Max(1, math.Abs(res.Fun)) {
			continue
		}
		if res.Nodes >= maxNodes {
			heap.Push(open, nd)
			break
		}
		res.Nodes++
		sub := p
		sub.Bounds = &Bounds{Lower: nd.lo, Upper: nd.up}
		r, err := LinProg(sub, &s.LP)
		if err != nil {
			return nil, err
		}
		switch r.Status {
		case LPOptimal:
		case LPInfeasible:
			continue
		default:
			// An unbounded relaxation or a failed solve ends the search.
			res.Status, res.Message = r.Status, lpMessages[r.Status]
			res.X, res.Fun = vecNaN(n), math.NaN()
			return res, nil
		}
		if r.Fun >= res.Fun-1e-9*math.Max(1, math.Abs(res.Fun)) {
			continue
		}
		branch, worst := -1, intTol
		for j, isInt := range integer {
			if f := math.Abs(r.X[j] - math.Round(r.X[j])); isInt && f > worst {
				branch, worst = j, f
			}
		}
		if branch < 0 {
			res.X, res.Fun, res.Status = append([]float64(nil), r.X...), r.Fun, LPOptimal
			for j, isInt := range integer {
				if isInt {
					res.X[j] = math.Round(res.X[j]) + 0 // no −0
				}
			}
			res.Fun = vecDot(p.C, res.X)
			continue
		}
		v := r.X[branch]
		down := bbNode{lo: nd.lo, up: append([]float64(nil), nd.up...), bound: r.Fun}
		down.up[branch] = math.Floor(v)
		up := bbNode{lo: append([]float64(nil), nd.lo...), up: nd.up, bound: r.Fun}
		up.lo[branch] = math.Ceil(v)
		heap.Push(open, down)
		heap.Push(open, up)
	}
	res.DualBound = res.Fun
	if open.Len() > 0 {
		res.DualBound = math.Min(res.Fun, (*open)[0].bound)
		if res.Status == LPOptimal || res.Status == LPInfeasible {
			res.Status = LPIterationLimit
		}
	}
	if res.Status == LPIterationLimit && math.IsInf(res.Fun, 1) {
		res.Fun = math.NaN()
	}
	if res.Status == LPInfeasible {
		res.Fun = math.NaN()
	}
	res.Message = lpMessages[res.Status]
	if res.Status == LPIterationLimit {
		res.Message = "Node limit reached."
	}
	res.Success = res.Status == LPOptimal
	if !math.IsNaN(res.Fun) && !math.IsInf(res.Fun, 0) {
		res.Gap = math.Abs(res.Fun-res.DualBound) / math.Max(math.Abs(res.Fun), 1e-300)
	}
	return res, nil
}

// bbNode is an open subproblem: the bounds of its variables and the
// relaxation value of its parent, a lower bound on its own.
type bbNode struct {
	lo, up []float64
	bound  float64
}

// nodeHeap orders open subproblems by bound, lowest first.
type nodeHeap []bbNode

func (h nodeHeap) Len() int           { return len(h) }
func (h nodeHeap) Less(i, j int) bool { return h[i].bound < h[j].bound }
func (h nodeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *nodeHeap) Push(x any)        { *h = append(*h, x.(bbNode)) }
func (h *nodeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
