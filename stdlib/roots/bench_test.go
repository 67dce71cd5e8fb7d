package roots

import "testing"

// BenchmarkBrentq times one call of Brentq on x³ - 2x - 5 over [2, 3]
// (7 iterations, 8 evaluations), to set beside scipy's
// brentq(lambda x: x**3 - 2*x - 5, 2, 3).
func BenchmarkBrentq(b *testing.B) {
	f := scalarProblems["cubic"].f
	for b.Loop() {
		if _, err := Brentq(f, 2, 3, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFsolve2x2 times one call of Hybr without a Jacobian on scipy's
// fsolve example (12 evaluations), to set beside scipy's fsolve.
func BenchmarkFsolve2x2(b *testing.B) {
	p := systems["cubic2"]
	for b.Loop() {
		if _, err := Hybr(p.f, nil, p.x0, nil); err != nil {
			b.Fatal(err)
		}
	}
}
