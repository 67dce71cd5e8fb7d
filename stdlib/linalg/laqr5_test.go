package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestLaqr5MatchesDlaqr5 compares one multishift QR sweep of laqr5 with
// gonum's Dlaqr5, LAPACK's dlaqr5 as written, on the Hessenberg forms of
// random, defective and repeated-eigenvalue matrices: every combination
// of Schur form, Schur vectors and accumulated reflections, on the whole
// matrix and on an active block inside it, with shifts from a trailing
// block as dlaqr0 takes them.
func TestLaqr5MatchesDlaqr5(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 16))
	for _, n := range []int{90, 160} {
		for kind, a := range testMatrices(r, n) {
			h := hessenbergOf(n, a)
			for _, ns := range []int{4, 10, 24} {
				for _, block := range [][2]int{{0, n - 1}, {6, n - 9}} {
					for _, flags := range [][3]bool{{true, true, true}, {true, true, false}, {false, false, true}, {false, false, false}, {true, false, true}} {
						name := fmt.Sprintf("%s n=%d ns=%d block=%v wantt,wantz,accum=%v", kind, n, ns, block, flags)
						compareSweeps(t, name, n, h, ns, block[0], block[1], flags)
					}
				}
			}
		}
	}
}

// testMatrices returns n×n matrices of the three kinds: normal entries;
// Jordan blocks (eigenvalue 2 of multiplicity 4 in one block, −1 of 3)
// and repeated eigenvalues (1 and 3, each n/2 times, diagonalizable),
// both hidden by a random orthogonal similarity.
func testMatrices(r *rand.Rand, n int) map[string][]float64 {
	random := make([]float64, n*n)
	for i := range random {
		random[i] = r.NormFloat64()
	}
	jordan, repeated := make([]float64, n*n), make([]float64, n*n)
	for i := range n {
		jordan[i*n+i] = r.NormFloat64()
		repeated[i*n+i] = 1 + 2*float64(i%2)
	}
	for i := range 4 {
		jordan[i*n+i] = 2
		if i > 0 {
			jordan[(i-1)*n+i] = 1
		}
	}
	for i := 4; i < 7; i++ {
		jordan[i*n+i] = -1
		if i > 4 {
			jordan[(i-1)*n+i] = 1
		}
	}
	q := randomOrthogonal(r, n)
	return map[string][]float64{
		"random":    random,
		"defective": similar(n, q, jordan),
		"repeated":  similar(n, q, repeated),
	}
}

// randomOrthogonal returns the Q factor of a matrix of normal entries.
func randomOrthogonal(r *rand.Rand, n int) []float64 {
	q := make([]float64, n*n)
	for i := range q {
		q[i] = r.NormFloat64()
	}
	tau := make([]float64, n)
	work := workFor(func(w []float64, l int) { impl.Dgeqrf(n, n, q, n, tau, w, l) })
	impl.Dgeqrf(n, n, q, n, tau, work, len(work))
	work = workFor(func(w []float64, l int) { impl.Dorgqr(n, n, n, q, n, tau, w, l) })
	impl.Dorgqr(n, n, n, q, n, tau, work, len(work))
	return q
}

// similar returns q·d·qᵀ.
func similar(n int, q, d []float64) []float64 {
	qd, out := make([]float64, n*n), make([]float64, n*n)
	for i := range n {
		for j := range n {
			for k := range n {
				qd[i*n+j] += q[i*n+k] * d[k*n+j]
			}
		}
	}
	for i := range n {
		for j := range n {
			for k := range n {
				out[i*n+j] += qd[i*n+k] * q[j*n+k]
			}
		}
	}
	return out
}

// hessenbergOf returns the upper Hessenberg form of a (a copy).
func hessenbergOf(n int, a []float64) []float64 {
	h := append([]float64(nil), a...)
	tau := make([]float64, n-1)
	work := workFor(func(w []float64, l int) { impl.Dgehrd(n, 0, n-1, h, n, tau, w, l) })
	impl.Dgehrd(n, 0, n-1, h, n, tau, work, len(work))
	for i := 2; i < n; i++ {
		clear(h[i*n : i*n+i-1])
	}
	return h
}

// compareSweeps runs laqr5 and gonum's Dlaqr5 on copies of h with the
// active block ktop..kbot (isolated by zero subdiagonal entries) and
// shifts from its trailing ns×ns block, and compares h and z.
func compareSweeps(t *testing.T, name string, n int, h0 []float64, ns, ktop, kbot int, flags [3]bool) {
	t.Helper()
	wantt, wantz, accum := flags[0], flags[1], flags[2]
	h0 = append([]float64(nil), h0...)
	if ktop > 0 {
		h0[ktop*n+ktop-1] = 0
	}
	if kbot < n-1 {
		h0[(kbot+1)*n+kbot] = 0
	}
	sr, si := make([]float64, ns), make([]float64, ns)
	trail := make([]float64, ns*ns)
	copyBlock(ns, ns, h0[(kbot-ns+1)*n+kbot-ns+1:], n, trail, ns)
	if impl.Dlahqr(false, false, ns, 0, ns-1, trail, ns, sr, si, 0, 0, nil, 1) != 0 {
		t.Fatalf("%s: no shifts", name)
	}
	z0 := make([]float64, n*n)
	for i := range n {
		z0[i*n+i] = 1
	}
	got, gotZ := append([]float64(nil), h0...), append([]float64(nil), z0...)
	sweep := multishift{wantt: wantt, wantz: wantz, accum: accum, n: n, ktop: ktop, kbot: kbot,
		h: got, ldh: n, iloz: 0, ihiz: n - 1, z: gotZ, ldz: n}
	sweep.laqr5(append([]float64(nil), sr...), append([]float64(nil), si...))

	want, wantZ := append([]float64(nil), h0...), append([]float64(nil), z0...)
	kacc22, kdu := 0, 2*ns
	if accum {
		kacc22 = 2
	}
	impl.Dlaqr5(wantt, wantz, kacc22, n, ktop, kbot, ns, sr, si, want, n, 0, n-1, wantZ, n,
		make([]float64, 3*ns/2), 3, make([]float64, kdu*kdu), kdu,
		n, make([]float64, n*kdu), kdu, n, make([]float64, kdu*n), n)
	compareEntries(t, name+": h", got, want)
	if wantz {
		compareEntries(t, name+": z", gotZ, wantZ)
	}
}

// compareEntries reports the first entry where got and want differ by
// more than 1e-12 times want's largest.
func compareEntries(t *testing.T, name string, got, want []float64) {
	t.Helper()
	scale := 0.0
	for _, w := range want {
		scale = math.Max(scale, math.Abs(w))
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-12*scale {
			t.Errorf("%s: entry %d is %v, dlaqr5's %v (scale %v)", name, i, got[i], want[i], scale)
			return
		}
	}
}

// TestReflectLeft3Exact checks that reflectLeft3, which does four columns
// at a time in assembly where it can, gives the Go loop's results to the
// bit, for rows of every length up to 13.
func TestReflectLeft3Exact(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	v := [3]float64{1.3, r.NormFloat64(), r.NormFloat64()}
	for n := range 14 {
		a := make([]float64, 3*n)
		for i := range a {
			a[i] = r.NormFloat64()
		}
		want := append([]float64(nil), a...)
		for j := range n {
			sum := want[j] + v[1]*want[n+j] + v[2]*want[2*n+j]
			want[j] -= sum * v[0]
			want[n+j] -= sum * (v[0] * v[1])
			want[2*n+j] -= sum * (v[0] * v[2])
		}
		reflectLeft3(a, n, 0, 0, n, &v)
		for i := range a {
			if a[i] != want[i] {
				t.Fatalf("length %d: entry %d is %v, the Go loop's %v", n, i, a[i], want[i])
			}
		}
	}
}
