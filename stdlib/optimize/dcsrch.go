package optimize

import "math"

// dcsrchTask is what dcsrch asks of its caller.
type dcsrchTask int

const (
	dcsrchFG        dcsrchTask = iota // evaluate f and g at the new step
	dcsrchConverged                   // the step satisfies both conditions
	dcsrchWarning                     // no further progress is possible
	dcsrchError                       // the arguments are invalid
)

// dcsrch is MINPACK-2's line search subroutine DCSRCH (J. J. Moré and D.
// J. Thuente, "Line search algorithms with guaranteed sufficient
// decrease", ACM TOMS 20(3), 1994, pp. 286–307; Fortran by Moré, Thuente,
// Averick and Carter, 1993), which scipy's line_search_wolfe1 and
// L-BFGS-B's lnsrlb call; dcsrch_test.go checks it against the Fortran. It
// keeps an interval [stx, sty] that contains a step satisfying
// f(stp) ≤ f(0) + ftol·stp·f'(0) and |f'(stp)| ≤ gtol·|f'(0)|, working on
// the auxiliary function ψ(stp) = f(stp) − f(0) − ftol·stp·f'(0) until ψ
// ≤ 0 and f' ≥ 0 somewhere (stage 1), and picks each trial by dcstep.
type dcsrch struct {
	ftol, gtol, xtol, stpmin, stpmax float64

	brackt        bool
	stage         int
	ginit, gtest  float64
	finit         float64
	x, y          dcsrchPoint // the best step, and the other end of the interval
	stmin, stmax  float64
	width, width1 float64
}

// dcsrchPoint is a step with its function value and derivative.
type dcsrchPoint struct{ st, f, g float64 }

// start checks the arguments and initializes the search from f and g at
// 0 with first trial stp, which the caller then evaluates (task FG).
func (s *dcsrch) start(stp, f, g float64) dcsrchTask {
	if stp < s.stpmin || stp > s.stpmax || g >= 0 || s.ftol < 0 || s.gtol < 0 ||
		s.xtol < 0 || s.stpmin < 0 || s.stpmax < s.stpmin {
		return dcsrchError
	}
	const xtrapu = 4.0
	s.brackt = false
	s.stage = 1
	s.finit, s.ginit = f, g
	s.gtest = s.ftol * g
	s.width = s.stpmax - s.stpmin
	s.width1 = s.width / 0.5
	s.x = dcsrchPoint{0, f, g}
	s.y = dcsrchPoint{0, f, g}
	s.stmin = 0
	s.stmax = stp + xtrapu*stp
	return dcsrchFG
}

// iterate takes f and g at the trial stp and returns the next trial, or
// the final step with task Converged or Warning.
func (s *dcsrch) iterate(stp, f, g float64) (float64, dcsrchTask) {
	const (
		p5, p66        = 0.5, 0.66
		xtrapl, xtrapu = 1.1, 4.0
	)
	ftest := s.finit + stp*s.gtest
	if s.stage == 1 && f <= ftest && g >= 0 {
		s.stage = 2
	}
	task := dcsrchFG
	if s.brackt && (stp <= s.stmin || stp >= s.stmax) {
		task = dcsrchWarning // rounding errors prevent progress
	}
	if s.brackt && s.stmax-s.stmin <= s.xtol*s.stmax {
		task = dcsrchWarning // xtol test satisfied
	}
	if stp == s.stpmax && f <= ftest && g <= s.gtest {
		task = dcsrchWarning // stp = stpmax
	}
	if stp == s.stpmin && (f > ftest || g >= s.gtest) {
		task = dcsrchWarning // stp = stpmin
	}
	if f <= ftest && math.Abs(g) <= s.gtol*(-s.ginit) {
		task = dcsrchConverged
	}
	if task != dcsrchFG {
		return stp, task
	}

	p := dcsrchPoint{stp, f, g}
	if s.stage == 1 && f <= s.x.f && f > ftest {
		// A lower value but not a sufficient decrease: step on the
		// modified function ψ.
		gt := s.gtest
		mx := dcsrchPoint{s.x.st, s.x.f - s.x.st*gt, s.x.g - gt}
		my := dcsrchPoint{s.y.st, s.y.f - s.y.st*gt, s.y.g - gt}
		mp := dcsrchPoint{stp, f - stp*gt, g - gt}
		stp = dcstep(&mx, &my, mp, &s.brackt, s.stmin, s.stmax)
		s.x = dcsrchPoint{mx.st, mx.f + mx.st*gt, mx.g + gt}
		s.y = dcsrchPoint{my.st, my.f + my.st*gt, my.g + gt}
	} else {
		stp = dcstep(&s.x, &s.y, p, &s.brackt, s.stmin, s.stmax)
	}

	// Bisect if the interval did not shrink enough in two steps.
	if s.brackt {
		if math.Abs(s.y.st-s.x.st) >= p66*s.width1 {
			stp = s.x.st + p5*(s.y.st-s.x.st)
		}
		s.width1 = s.width
		s.width = math.Abs(s.y.st - s.x.st)
	}
	if s.brackt {
		s.stmin = math.Min(s.x.st, s.y.st)
		s.stmax = math.Max(s.x.st, s.y.st)
	} else {
		s.stmin = stp + xtrapl*(stp-s.x.st)
		s.stmax = stp + xtrapu*(stp-s.x.st)
	}
	stp = math.Max(stp, s.stpmin)
	stp = math.Min(stp, s.stpmax)
	// If no further progress is possible, try the best step so far.
	if s.brackt && (stp <= s.stmin || stp >= s.stmax) || s.brackt && s.stmax-s.stmin <= s.xtol*s.stmax {
		stp = s.x.st
	}
	return stp, dcsrchFG
}

// dcstep is MINPACK-2's DCSTEP: it computes a safeguarded trial step from
// the best step x, the other end y of the interval and the current step
// p (cubic, quadratic or secant interpolation according to the four cases
// of Moré and Thuente), and updates x, y and brackt.
func dcstep(x, y *dcsrchPoint, p dcsrchPoint, brackt *bool, stpmin, stpmax float64) float64 {
	const p66 = 0.66
	stx, fx, dx := x.st, x.f, x.g
	sty, fy, dy := y.st, y.f, y.g
	stp, fp, dp := p.st, p.f, p.g
	sgnd := dp * (dx / math.Abs(dx))
	var stpf float64
	switch {
	case fp > fx:
		// A higher value: the minimum is bracketed. Take the cubic step
		// if it is closer to stx than the quadratic one, else their mean.
		theta := 3*(fx-fp)/(stp-stx) + dx + dp
		s := math.Max(math.Abs(theta), math.Max(math.Abs(dx), math.Abs(dp)))
		gamma := s * math.Sqrt((theta/s)*(theta/s)-(dx/s)*(dp/s))
		if stp < stx {
			gamma = -gamma
		}
		pp := (gamma - dx) + theta
		q := ((gamma - dx) + gamma) + dp
		r := pp / q
		stpc := stx + r*(stp-stx)
		stpq := stx + ((dx/((fx-fp)/(stp-stx)+dx))/2)*(stp-stx)
		if math.Abs(stpc-stx) < math.Abs(stpq-stx) {
			stpf = stpc
		} else {
			stpf = stpc + (stpq-stpc)/2
		}
		*brackt = true
	case sgnd < 0:
		// A lower value and derivatives of opposite sign: bracketed. Take
		// the cubic step if it is farther from stp than the secant step.
		theta := 3*(fx-fp)/(stp-stx) + dx + dp
		s := math.Max(math.Abs(theta), math.Max(math.Abs(dx), math.Abs(dp)))
		gamma := s * math.Sqrt((theta/s)*(theta/s)-(dx/s)*(dp/s))
		if stp > stx {
			gamma = -gamma
		}
		pp := (gamma - dp) + theta
		q := ((gamma - dp) + gamma) + dx
		r := pp / q
		stpc := stp + r*(stx-stp)
		stpq := stp + (dp/(dp-dx))*(stx-stp)
		if math.Abs(stpc-stp) > math.Abs(stpq-stp) {
			stpf = stpc
		} else {
			stpf = stpq
		}
		*brackt = true
	case math.Abs(dp) < math.Abs(dx):
		// A lower value, derivatives of the same sign, and a decreasing
		// derivative magnitude. The cubic step is used only if the cubic
		// tends to infinity in the direction of the step or its minimum
		// lies beyond stp; otherwise the secant step.
		theta := 3*(fx-fp)/(stp-stx) + dx + dp
		s := math.Max(math.Abs(theta), math.Max(math.Abs(dx), math.Abs(dp)))
		gamma := s * math.Sqrt(math.Max(0, (theta/s)*(theta/s)-(dx/s)*(dp/s)))
		if stp > stx {
			gamma = -gamma
		}
		pp := (gamma - dp) + theta
		q := (gamma + (dx - dp)) + gamma
		r := pp / q
		var stpc float64
		switch {
		case r < 0 && gamma != 0:
			stpc = stp + r*(stx-stp)
		case stp > stx:
			stpc = stpmax
		default:
			stpc = stpmin
		}
		stpq := stp + (dp/(dp-dx))*(stx-stp)
		if *brackt {
			// Take the step closer to stp, but not too near sty.
			if math.Abs(stpc-stp) < math.Abs(stpq-stp) {
				stpf = stpc
			} else {
				stpf = stpq
			}
			if stp > stx {
				stpf = math.Min(stp+p66*(sty-stp), stpf)
			} else {
				stpf = math.Max(stp+p66*(sty-stp), stpf)
			}
		} else {
			// Take the step farther from stp, within the limits.
			if math.Abs(stpc-stp) > math.Abs(stpq-stp) {
				stpf = stpc
			} else {
				stpf = stpq
			}
			stpf = math.Min(stpmax, stpf)
			stpf = math.Max(stpmin, stpf)
		}
	default:
		// A lower value, derivatives of the same sign, and no decrease in
		// their magnitude: the cubic step through p and y if bracketed,
		// else a limit.
		switch {
		case *brackt:
			theta := 3*(fp-fy)/(sty-stp) + dy + dp
			s := math.Max(math.Abs(theta), math.Max(math.Abs(dy), math.Abs(dp)))
			gamma := s * math.Sqrt((theta/s)*(theta/s)-(dy/s)*(dp/s))
			if stp > sty {
				gamma = -gamma
			}
			pp := (gamma - dp) + theta
			q := ((gamma - dp) + gamma) + dy
			r := pp / q
			stpf = stp + r*(sty-stp)
		case stp > stx:
			stpf = stpmax
		default:
			stpf = stpmin
		}
	}
	// Update the interval that contains a minimizer.
	if fp > fx {
		*y = p
	} else {
		if sgnd < 0 {
			*y = *x
		}
		*x = p
	}
	return stpf
}
