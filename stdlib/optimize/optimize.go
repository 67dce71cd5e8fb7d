// Package optimize finds minima of functions of one or more variables:
// the algorithms of scipy.optimize, written in plain Go and tested against
// scipy's own outputs and the Moré–Garbow–Hillstrom test problems. It
// knows nothing of the calc language: objectives are Go functions.
//
// Each algorithm lives in its own file with a Settings struct whose zero
// value means scipy's defaults, and returns a *Result.
package optimize

import "errors"

// Func is an objective: it returns f(x). It must not keep x.
type Func func(x []float64) float64

// Grad writes the gradient of the objective at x into grad.
type Grad func(x, grad []float64)

// HessVec writes the product of the objective's Hessian at x with v into hv.
type HessVec func(x, v, hv []float64)

// Residuals writes the residual vector r(x) of a least-squares problem
// into r.
type Residuals func(x, r []float64)

// Jacobian writes the Jacobian of the residuals at x into jac, row-major
// with one row per residual.
type Jacobian func(x, jac []float64)

// Problem is an objective with the derivatives that are known. Grad and
// HessVec may be nil; an algorithm that needs a missing derivative
// approximates it by finite differences, as scipy does.
type Problem struct {
	Func    Func
	Grad    Grad
	HessVec HessVec
	// Hess, if set, writes the n×n Hessian at x into h, row-major (the
	// trust-region methods that need it: Dogleg, TrustExact).
	Hess func(x, h []float64)
	// Diff, if set, is how a missing Grad is approximated (scipy's jac
	// "2-point", "3-point" or "cs"); nil means forward differences with
	// the method's absolute step (scipy's jac None), except for
	// TrustConstr, whose default is scipy's "2-point".
	Diff *Differences
}

// Status says why an algorithm stopped.
type Status int

// iterateHook reports an iterate x as the settings ask: it appends a
// copy to path when keep is set (scipy's retall) and passes a copy to
// callback when it is set (scipy's callback).
func iterateHook(path *[][]float64, keep bool, callback func([]float64), x []float64) {
	if keep {
		*path = append(*path, append([]float64(nil), x...))
	}
	if callback != nil {
		callback(append([]float64(nil), x...))
	}
}

// The reasons an algorithm stops.
const (
	Success Status = iota
	MaxIterations
	MaxFuncEvals
	LineSearchFailed
	NotFinite // the objective returned NaN or an infinity
	Infeasible
	Failure
)

// Result is what an algorithm found and what it cost.
type Result struct {
	X       []float64
	F       float64
	Grad    []float64 // the gradient at X, if the algorithm computed it
	Status  Status
	Success bool
	// Message is scipy's message for the outcome, e.g. "Optimization
	// terminated successfully." or "Maximum number of function
	// evaluations has been exceeded."
	Message string
	// Code is TNC's return code (scipy's rc, 0 to 6); 0 from the others.
	Code       int
	Iterations int
	FuncEvals  int
	GradEvals  int
	HessEvals  int
	// Path holds the iterates when the settings ask for them (scipy's
	// retall), for plotting an optimizer's path.
	Path [][]float64
	// HessInv is the quasi-Newton approximation of the inverse Hessian at
	// X (scipy's hess_inv), from BFGS and L-BFGS-B; nil from the others.
	HessInv [][]float64
}

// Scipy's messages, shared by the algorithms that report them.
const (
	MsgSuccess      = "Optimization terminated successfully."
	MsgMaxFuncEvals = "Maximum number of function evaluations has been exceeded."
	MsgMaxIter      = "Maximum number of iterations has been exceeded."
	MsgNaN          = "NaN result encountered."
	MsgLineSearch   = "Desired error not necessarily achieved due to precision loss."
)

// ErrDimension is returned for a starting point of the wrong length.
var ErrDimension = errors.New("optimize: the starting point is empty or its length does not fit")
