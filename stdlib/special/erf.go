package special

import "math"

// Erf returns the error function 2/√π ∫₀ˣ exp(−t²) dt, wrapping math.Erf
// (FreeBSD's s_erf.c; under 1 ulp).
func Erf(x float64) float64 { return math.Erf(x) }

// Erfc returns the complementary error function 1 − Erf(x), wrapping
// math.Erfc, accurate in relative terms far into the tail (it underflows
// only beyond x ≈ 26.5).
func Erfc(x float64) float64 { return math.Erfc(x) }

// Erfinv returns the inverse error function, the y with Erf(y) = x for
// −1 < x < 1, ±Inf at ±1 and NaN outside. It wraps math.Erfinv (M. J.
// Wichura's rational approximations, Algorithm AS 241, Appl. Statist. 37
// (1988) 477–484). Near ±1 the problem itself is ill-conditioned: the
// result is as accurate as 1−|x| is.
func Erfinv(x float64) float64 { return math.Erfinv(x) }
