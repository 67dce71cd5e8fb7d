package builtins

import (
	"fmt"

	"calc/lang"
)

// The work space of the solvers: each allocates, besides vectors of its n
// unknowns (which x0 already passed the limit on elements with), arrays
// whose size grows faster — a dense n×n matrix, a simplex of n+1 points,
// an m×n Jacobian, L-BFGS-B's memory of corrections. checkWork refuses,
// before a solver starts, the sizes that would pass -max-elements, so a
// long x0 or a large memory option is a clear error and not a fatal
// out-of-memory.

// workspace is what a solver allocates, in numbers, as a polynomial in
// its n unknowns, its m residuals and its memory k (L-BFGS-B's m):
// squares·n² + cross·m·n + memory·(k·n) + memorySquares·k². The figures
// are read off each stdlib algorithm's allocations.
type workspace struct {
	what                                  string // what the largest array is, for the message
	squares, cross, memory, memorySquares float64
}

// solverWork are the solvers whose work space grows faster than their
// unknowns, by the name minimize, root or least_squares gives the method.
// The others (CG, TNC, Newton-CG, trust-ncg, trust-krylov and the
// nonlinear solvers but hybr and lm) keep O(n) vectors.
var solverWork = map[string]workspace{
	"Nelder-Mead": {what: "Nelder-Mead's simplex of n+1 points", squares: 1},
	"Powell":      {what: "Powell's n×n direction set", squares: 1},
	"BFGS":        {what: "BFGS's n×n inverse Hessian (three copies)", squares: 3},
	"COBYLA":      {what: "COBYLA's simplex and its inverse (n×n each)", squares: 3},
	"SLSQP":       {what: "SLSQP's work space of about 8.5·n²", squares: 8.5},
	"L-BFGS-B":    {what: "L-BFGS-B's memory of m corrections (2·m·n + 11·m² numbers)", memory: 2, memorySquares: 11},
	// trust-constr keeps the Lagrangian's Hessian and the factors of the
	// KKT system; dogleg and trust-exact a dense Hessian and its factor.
	"trust-constr": {what: "trust-constr's n×n Hessian and factors", squares: 4},
	"dogleg":       {what: "dogleg's n×n Hessian and its factor", squares: 2},
	"trust-exact":  {what: "trust-exact's n×n Hessian and its factor", squares: 2},
	// MINPACK's hybrd and lmder: the Jacobian, its QR factor, and for
	// leastsq the covariance.
	"hybr":          {what: "hybr's n×n Jacobian and its factor", squares: 2.5},
	"lm":            {what: "the Levenberg–Marquardt m×n Jacobian and n×n covariance", cross: 1, squares: 3},
	"least_squares": {what: "least_squares' m×n Jacobian (three copies)", cross: 3, squares: 1},
}

// checkWork raises a positioned error if the solver method, given n
// unknowns, m residuals (n for a square system or a minimization) and a
// memory of k corrections, would allocate more numbers than the session's
// -max-elements allows.
func checkWork(s *lang.Session, method string, n, m, k int) {
	w, ok := solverWork[method]
	if !ok {
		return
	}
	fn, fm, fk := float64(n), float64(m), float64(k)
	size := w.squares*fn*fn + w.cross*fm*fn + w.memory*fk*fn + w.memorySquares*fk*fk
	s.CheckWork(fmt.Sprintf("%s for %d unknown%s", w.what, n, plural(n)), size)
}
