package optimize

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ScalarResult is what a minimizer of a function of one variable found
// and what it cost.
type ScalarResult struct {
	X, F       float64
	Iterations int
	FuncEvals  int
	Status     Status
	Success    bool
	// Message is scipy's message for the outcome.
	Message string
}

// scalarObjective counts the evaluations of a function of one variable
// and stops at the first value that is not finite: status becomes
// NotFinite, later calls return NaN without evaluating, and the lowest
// finite value seen so far is kept to be reported instead of a wrong
// answer.
type scalarObjective struct {
	f            func(float64) float64
	n            int
	status       Status
	msg          string
	bestX, bestF float64
}

func newScalarObjective(f func(float64) float64) *scalarObjective {
	return &scalarObjective{f: f, bestX: math.NaN(), bestF: math.Inf(1)}
}

// stopped reports whether a value was not finite.
func (o *scalarObjective) stopped() bool { return o.status != Success }

// value returns f(x), or NaN once stopped.
func (o *scalarObjective) value(x float64) float64 {
	if o.stopped() {
		return math.NaN()
	}
	o.n++
	v := o.f(x)
	if msg := evalNotFinite(v, false); msg != "" {
		o.status, o.msg = NotFinite, msg
	} else if v < o.bestF {
		o.bestX, o.bestF = x, v
	}
	return v
}

// stoppedResult is the result after a value that was not finite: the
// best point seen, flagged.
func (o *scalarObjective) stoppedResult(iterations int) ScalarResult {
	return ScalarResult{X: o.bestX, F: o.bestF, Iterations: iterations, FuncEvals: o.n,
		Status: o.status, Message: o.msg}
}

// scalarBracketStart returns the bracket a < b < c, f(b) < f(a), f(c)
// that Brent and Golden start from, as scipy's get_bracket_info: with no
// points it searches downhill from 0 and 1, with two from those, and
// three are checked and evaluated. Bad points are an error; a value that
// is not finite stops o, which the caller checks.
func scalarBracketStart(o *scalarObjective, brack []float64) (br BracketResult, err error) {
	switch len(brack) {
	case 0:
		return bracketSearch(o, 0, 1, nil), nil
	case 2:
		if err := scalarCheckPoints(brack); err != nil {
			return br, err
		}
		return bracketSearch(o, brack[0], brack[1], nil), nil
	case 3:
		if err := scalarCheckPoints(brack); err != nil {
			return br, err
		}
		br.XA, br.XB, br.XC = brack[0], brack[1], brack[2]
		if br.XA > br.XC {
			br.XA, br.XC = br.XC, br.XA
		}
		if !(br.XA < br.XB && br.XB < br.XC) {
			return br, errors.New("optimize: Bracketing values (xa, xb, xc) do not fulfill this requirement: (xa < xb) and (xb < xc)")
		}
		br.FA, br.FB, br.FC = o.value(br.XA), o.value(br.XB), o.value(br.XC)
		if o.stopped() {
			return br, nil
		}
		if !(br.FB < br.FA && br.FB < br.FC) {
			return br, errors.New("optimize: Bracketing values (xa, xb, xc) do not fulfill this requirement: (f(xb) < f(xa)) and (f(xb) < f(xc))")
		}
		br.FuncEvals, br.Success = 3, true
		return br, nil
	}
	return br, fmt.Errorf("optimize: a bracket has 0, 2 or 3 points, not %d", len(brack))
}

// minimizeInBracket is the frame Brent and Golden share: it finds the
// starting bracket as scalarBracketStart does and, when there is one,
// runs minimize from it.
func minimizeInBracket(f func(float64) float64, brack []float64, minimize func(*scalarObjective, BracketResult) ScalarResult) (ScalarResult, error) {
	o := newScalarObjective(f)
	br, err := scalarBracketStart(o, brack)
	if err != nil {
		return ScalarResult{}, err
	}
	if !br.Success {
		return scalarBracketFailed(o, br), nil
	}
	return minimize(o, br), nil
}

// scalarBracketFailed is the result of Brent or Golden when the search
// for a bracket failed.
func scalarBracketFailed(o *scalarObjective, br BracketResult) ScalarResult {
	r := o.stoppedResult(0)
	r.Status, r.Message = br.Status, br.Message
	return r
}

// scalarCheckPoints returns an error if a starting point is not finite.
func scalarCheckPoints(xs []float64) error {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("optimize: a starting point of the bracket is %v", x)
		}
	}
	return nil
}

// scalarConverged is scipy's message for a scalar minimizer that met its
// tolerance, leading newline included.
func scalarConverged(xtol float64) string {
	return "\nOptimization terminated successfully;\n" +
		"The returned value satisfies the termination criteria\n" +
		"(using xtol = " + scalarPyFloat(xtol) + " )"
}

// scalarMaxIter is scipy's message for a scalar minimizer out of
// iterations.
const scalarMaxIter = "\nMaximum number of iterations exceeded"

// scalarPyFloat formats x as Python's str(float) does, for messages that
// quote scipy's: positional between 1e-4 and 1e16, with at least one
// decimal, and scientific with a two-digit exponent outside.
func scalarPyFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 0):
		return map[bool]string{true: "inf", false: "-inf"}[x > 0]
	}
	sci := strconv.FormatFloat(x, 'e', -1, 64)
	exp, _ := strconv.Atoi(sci[strings.LastIndexByte(sci, 'e')+1:])
	if x != 0 && (exp < -4 || exp >= 16) {
		return sci
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
