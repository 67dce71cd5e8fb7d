package special

import (
	"math"
	"math/cmplx"
)

// omega is W(1), the omega constant Ω with Ω·e^Ω = 1.
const omega = 0.56714329040978387299996866221035554975381578718651

// LambertW returns the branch k of the Lambert W function, the w with
// w·e^w = z, as scipy.special.lambertw(z, k, tol): branch 0 is real on
// [−1/e, ∞), branch −1 on [−1/e, 0), and branch k's imaginary part
// lies near 2πk for large |z|. The branch cuts are scipy's (Corless et
// al.'s): (−∞, −1/e] for branch 0, (−∞, 0] for the others.
//
// Like scipy (scipy/special/_lambertw.pxd, after mpmath), it starts from
// the series about the branch point −1/e, a (3, 2) Padé approximant about
// 0 or the first two terms of the asymptotic series, by where z lies, and
// refines by Halley's iteration (eq. 5.9 of Corless, Gonnet, Hare, Jeffrey
// and Knuth, "On the Lambert W function", Adv. Comput. Math. 5 (1996))
// until a step is at most tol relative to the iterate. The iteration
// converges cubically, so the last step leaves an error far below tol;
// tol 1e-8 (scipy's default) gives full double precision. W(0) is 0 on
// branch 0 and −∞ on the others; NaN propagates; an iteration that fails
// to converge in 100 steps gives NaN, where scipy warns.
func LambertW(z complex128, k int, tol float64) complex128 {
	twoPiK := complex(0, 2*math.Pi*float64(k))
	switch {
	case cmplx.IsNaN(z):
		return z
	case math.IsInf(real(z), 1):
		return z + twoPiK
	case math.IsInf(real(z), -1):
		return -z + twoPiK + complex(0, math.Pi)
	case z == 0 && k == 0:
		return z
	case z == 0:
		return complex(math.Inf(-1), 0)
	case z == 1 && k == 0:
		return omega // the asymptotic series would start badly
	}
	return lambertwHalley(z, lambertwGuess(z, k), tol)
}

// lambertwGuess returns scipy's starting point of Halley's iteration for
// W_k(z).
func lambertwGuess(z complex128, k int) complex128 {
	switch {
	case k == 0 && cmplx.Abs(z+1/math.E) < 0.3:
		return lambertwBranchPoint(z)
	case k == 0 && -1 < real(z) && real(z) < 1.5 && math.Abs(imag(z)) < 1 && -2.5*math.Abs(imag(z))-0.2 < real(z):
		// Empirically determined by scipy: never without a good start.
		return lambertwPade0(z)
	case k == -1 && cmplx.Abs(z+1/math.E) < 0.3 && imag(z) == 0 && real(z) < 0:
		// The real branch below −1/e's neighbourhood: the branch point
		// series with the other square root.
		return lambertwBranchPointBelow(z)
	}
	return lambertwAsymptotic(z, k)
}

// lambertwBranchPoint is W_0(z) ≈ −1 + p − p²/3 with p = √(2(ez + 1)),
// the series about the branch point (eq. 4.22 of Corless et al.).
func lambertwBranchPoint(z complex128) complex128 {
	p := cmplx.Sqrt(2 * (math.E*z + 1))
	return -1 + p - p*p/3
}

// lambertwBranchPointBelow is the same series with −p, which starts
// W_(−1) on its real segment (−1/e, 0).
func lambertwBranchPointBelow(z complex128) complex128 {
	p := -cmplx.Sqrt(2 * (math.E*z + 1))
	return -1 + p - p*p/3
}

// lambertwPade0 is scipy's (3, 2) Padé approximant of W_0 about 0.
func lambertwPade0(z complex128) complex128 {
	num := (z+12.34042553191489361902)*z + 12.85106382978723404255
	den := (z+14.34042553191489361702)*z + 32.53191489361702127660
	return z * num / den
}

// lambertwAsymptotic is W_k(z) ≈ L − log L with L = log z + 2πik, the
// first two terms of the asymptotic series (eq. 4.20 of Corless et al.).
func lambertwAsymptotic(z complex128, k int) complex128 {
	w := cmplx.Log(z) + complex(0, 2*math.Pi*float64(k))
	return w - cmplx.Log(w)
}

// lambertwHalley refines w towards W(z) by Halley's iteration; for
// Re w >= 0 it is written with e^(−w) so that e^w cannot overflow.
func lambertwHalley(z, w complex128, tol float64) complex128 {
	for range 100 {
		var next complex128
		if real(w) >= 0 {
			r := w - z*cmplx.Exp(-w)
			next = w - r/(w+1-(w+2)*r/(2*w+2))
		} else {
			ew := cmplx.Exp(w)
			r := w*ew - z
			next = w - r/(w*ew+ew-(w+2)*r/(2*w+2))
		}
		if cmplx.Abs(next-w) <= tol*cmplx.Abs(next) {
			return next
		}
		w = next
	}
	return cmplx.NaN()
}
