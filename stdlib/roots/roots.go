// Package roots finds zeros of functions: the root finders of
// scipy.optimize written in plain Go and tested against scipy 1.10's own
// outputs, iteration and function-call counts included. It knows nothing
// of the calc language: equations are Go functions.
//
// Scalar equations f(x) = 0 are solved by the bracketing methods Brentq,
// Brenth, Ridder, Bisect and TOMS748, which need f(a) and f(b) of opposite
// signs, and by Newton (with the secant and Halley variants), which needs a
// starting point. FixedPoint solves x = g(x). Systems F(x) = 0 are solved by
// MINPACK's Powell hybrid method (Hybr, scipy's fsolve), by
// Levenberg–Marquardt (LM, scipy's root(method='lm')) and by scipy's
// quasi-Newton solvers (Broyden1, Broyden2, Anderson, LinearMixing,
// ExcitingMixing, DiagBroyden, Krylov). FindAll and Extrema scan an
// interval for every root, or for the critical points and extreme values,
// of a function of one variable.
//
// Each algorithm lives in its own file with a Settings struct whose zero
// value means scipy's defaults. Scalar methods return a Result, system
// methods a *SystemResult. Bad input (no sign change, a NaN from the
// function, invalid settings) is an error; running out of iterations or
// stalling is not: the result then says Converged or Success false, with
// the reason.
package roots

import (
	"errors"
	"fmt"
	"math"
)

// eps is the machine epsilon of float64, numpy's finfo(float).eps and
// MINPACK's dpmpar(1).
const eps = 0x1p-52

// Flag describes why a scalar method stopped, in scipy's words
// (RootResults.flag).
type Flag string

// The flags of scipy's RootResults.
const (
	Converged        Flag = "converged"
	SignError        Flag = "sign error"
	ConvergenceError Flag = "convergence error"
	ValueError       Flag = "value error"
)

// Result is what a scalar method found and what it cost, as scipy's
// RootResults.
type Result struct {
	Root          float64
	Iterations    int
	FunctionCalls int // calls of f and of its derivatives, counted as scipy counts them
	Converged     bool
	Flag          Flag
	// Message explains a failure in scipy's words, e.g. "Derivative was
	// zero." or "Failed to converge after 50 iterations, value is 1.5.";
	// it is empty on success.
	Message string
}

func (r *Result) finish(flag Flag) {
	r.Flag = flag
	r.Converged = flag == Converged
}

// ErrSign is returned by the bracketing methods when f(a) and f(b) have
// the same sign, with scipy's message.
var ErrSign = errors.New("f(a) and f(b) must have different signs")

// NaNError reports a NaN or an infinity returned by the function: no
// method continues from one, since it would end at a meaningless root.
type NaNError struct {
	X     []float64 // where the function was evaluated
	Value float64   // the offending value
}

func (e *NaNError) Error() string {
	if len(e.X) == 1 {
		return fmt.Sprintf("the function returned %v at x = %v", e.Value, e.X[0])
	}
	return fmt.Sprintf("the function returned %v at x = %v", e.Value, e.X)
}

// scalar wraps f, counting calls and turning a non-finite value into a
// NaNError; it panics with nanPanic, recovered by guard, so that the
// algorithms read like their sources.
type scalar struct {
	f     func(float64) float64
	calls int
}

type nanPanic struct{ err *NaNError }

func (s *scalar) eval(x float64) float64 {
	s.calls++
	y := s.f(x)
	if math.IsNaN(y) || math.IsInf(y, 0) {
		panic(nanPanic{&NaNError{X: []float64{x}, Value: y}})
	}
	return y
}

// guard turns a nanPanic raised inside an algorithm into its error.
func guard(err *error) {
	if r := recover(); r != nil {
		p, ok := r.(nanPanic)
		if !ok {
			panic(r)
		}
		*err = p.err
	}
}

// BracketSettings are the tolerances of the bracketing methods. The
// returned root x satisfies |x - x*| <= XTol + RTol*|x*| for the exact
// root x* (Brentq, Brenth, Bisect, TOMS748) or its analogue in Ridder.
type BracketSettings struct {
	// XTol is the absolute tolerance; zero means scipy's 2e-12.
	XTol float64
	// RTol is the relative tolerance; zero means scipy's 4*eps ≈ 8.9e-16,
	// which is also the smallest allowed (eps for TOMS748).
	RTol float64
	// MaxIter bounds the iterations; zero means scipy's 100.
	MaxIter int
}

func (s *BracketSettings) resolve(minRTol float64) (xtol, rtol float64, maxiter int, err error) {
	xtol, rtol, maxiter = 2e-12, 4*eps, 100
	if s != nil {
		if s.XTol != 0 {
			xtol = s.XTol
		}
		if s.RTol != 0 {
			rtol = s.RTol
		}
		if s.MaxIter != 0 {
			maxiter = s.MaxIter
		}
	}
	switch {
	case !(xtol > 0):
		err = fmt.Errorf("xtol too small (%g <= 0)", xtol)
	case rtol < minRTol:
		err = fmt.Errorf("rtol too small (%g < %g)", rtol, minRTol)
	case maxiter < 1:
		err = errors.New("maxiter must be greater than 0")
	}
	return
}

// resolveBracket is resolve for a method that starts from the bracket
// [a, b], which must be finite.
func (s *BracketSettings) resolveBracket(a, b, minRTol float64) (xtol, rtol float64, maxiter int, err error) {
	xtol, rtol, maxiter, err = s.resolve(minRTol)
	if err == nil {
		err = checkBracket(a, b)
	}
	return xtol, rtol, maxiter, err
}

func checkBracket(a, b float64) error {
	if math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0) {
		return fmt.Errorf("the bracket [%v, %v] is not finite", a, b)
	}
	return nil
}

// bracketEnds evaluates f at both ends of the bracket, as scipy's
// bisect.c, ridder.c, brentq.c and brenth.c begin. It returns done with
// res finished when f vanishes at an end (the root) or has the same sign
// at both (SignError and ErrSign); otherwise the method goes on with
// f(a) and f(b).
func (fn *scalar) bracketEnds(a, b float64, res *Result) (fa, fb float64, done bool, err error) {
	fa = fn.eval(a)
	fb = fn.eval(b)
	switch {
	case fa != 0 && fb != 0 && !opposite(fa, fb):
		res.finish(SignError)
		return fa, fb, true, ErrSign
	case fa == 0:
		res.Root = a
	case fb == 0:
		res.Root = b
	default:
		return fa, fb, false, nil
	}
	res.finish(Converged)
	return fa, fb, true, nil
}

// opposite reports whether x and y are nonzero and of opposite signs. It
// compares signs, as scipy's brentq does with signbit, because the
// product of two tiny values of opposite signs underflows to −0 and
// would hide the sign change.
func opposite(x, y float64) bool {
	return x != 0 && y != 0 && math.Signbit(x) != math.Signbit(y)
}

// isClose is numpy's isclose(a, b, rtol, atol): |a - b| <= atol + rtol*|b|.
func isClose(a, b, rtol, atol float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= atol+rtol*math.Abs(b)
}

// convergenceMessage is the message scipy's C solvers raise when they run
// out of iterations.
func convergenceMessage(iterations int) string {
	return fmt.Sprintf("Failed to converge after %d iterations.", iterations)
}
