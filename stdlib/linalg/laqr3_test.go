package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestLaqr3MatchesDlaqr23 compares laqr3's aggressive early deflation with
// gonum's Dlaqr23, LAPACK's dlaqr3 as written, on the Hessenberg forms of
// random, defective and repeated-eigenvalue matrices whose bottom
// subdiagonal entries are scaled down by smallness, so that none, some
// or all of the window deflates (smallness 0 cuts the spike off), with
// and without the Schur form and vectors, on the whole matrix and on an
// active block inside it.
func TestLaqr3MatchesDlaqr23(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 16))
	for _, n := range []int{90, 200} {
		for kind, a := range testMatrices(r, n) {
			h := hessenbergOf(n, a)
			for _, nw := range []int{1, 2, 12, 40, 85} {
				for _, smallness := range []float64{1, 1e-5, 1e-12, 0} {
					for _, block := range [][2]int{{0, n - 1}, {3, n - 5}} {
						for _, wants := range [][2]bool{{true, true}, {false, false}, {true, false}} {
							name := fmt.Sprintf("%s n=%d nw=%d smallness=%g block=%v wantt,wantz=%v", kind, n, nw, smallness, block, wants)
							compareDeflations(t, name, n, h, nw, smallness, block[0], block[1], wants)
						}
					}
				}
			}
		}
	}
}

// compareDeflations runs laqr3 and Dlaqr23 on copies of h with the active
// block ktop..kbot, after scaling the subdiagonal entries of the bottom
// nw rows by smallness (the spike's entry included).
func compareDeflations(t *testing.T, name string, n int, h0 []float64, nw int, smallness float64, ktop, kbot int, wants [2]bool) {
	t.Helper()
	if nw > kbot-ktop+1 {
		return
	}
	h0 = append([]float64(nil), h0...)
	if ktop > 0 {
		h0[ktop*n+ktop-1] = 0
	}
	if kbot < n-1 {
		h0[(kbot+1)*n+kbot] = 0
	}
	for k := kbot - nw + 1; k <= kbot; k++ {
		h0[k*n+k-1] *= smallness
	}
	z0 := make([]float64, n*n)
	for i := range n {
		z0[i*n+i] = 1
	}
	got, gotZ := append([]float64(nil), h0...), append([]float64(nil), z0...)
	sr, si := make([]float64, kbot+1), make([]float64, kbot+1)
	aed := multishift{wantt: wants[0], wantz: wants[1], n: n, ktop: ktop, kbot: kbot,
		h: got, ldh: n, iloz: 0, ihiz: n - 1, z: gotZ, ldz: n}
	ns, nd := aed.laqr3(nw, sr, si)

	want, wantZ := append([]float64(nil), h0...), append([]float64(nil), z0...)
	wsr, wsi := make([]float64, kbot+1), make([]float64, kbot+1)
	work := make([]float64, 10*n*n)
	wns, wnd := impl.Dlaqr23(wants[0], wants[1], n, ktop, kbot, nw, want, n, 0, n-1, wantZ, n, wsr, wsi,
		make([]float64, nw*nw), nw, n, make([]float64, nw*n), n, n, make([]float64, n*nw), nw, work, len(work), 1)
	if ns != wns || nd != wnd {
		t.Errorf("%s: ns, nd = %d, %d; dlaqr3's %d, %d", name, ns, nd, wns, wnd)
		return
	}
	compareEntries(t, name+": h", got, want)
	if wants[1] {
		compareEntries(t, name+": z", gotZ, wantZ)
	}
	lo := kbot - nd - ns + 1
	compareEntries(t, name+": shifts (real)", sr[lo:kbot-nd+1], wsr[lo:kbot-nd+1])
	compareEntries(t, name+": shifts (imaginary)", si[lo:kbot-nd+1], wsi[lo:kbot-nd+1])
	if math.IsNaN(got[0]) {
		t.Errorf("%s: NaN", name)
	}
}
