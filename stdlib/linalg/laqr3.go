package linalg

import (
	"math"

	"calc/stdlib/gemm"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack"
)

// This file is LAPACK's dlaqr3, the aggressive early deflation of the
// multishift QR algorithm (K. Braman, R. Byers and R. Mathias, "The
// multishift QR algorithm. Part II: aggressive early deflation", SIAM J.
// Matrix Anal. Appl. 23(4), 2002), following gonum's Dlaqr23 (Copyright
// ©2016 The Gonum Authors, BSD licence) statement by statement. It differs
// in what it calls: the Schur form of the deflation window is lahqr.go's
// dlahqr, whose reflections run along rows without bounds checks, and the
// window's orthogonal factor is applied to the rest of h and z by calc's
// gemm in one product each.

// laqr3 looks for negligible entries of the spike that joins the trailing
// jw×jw window of the active block to the rest (jw ≤ kbot−ktop+1). It
// deflates those eigenvalues, stores them in sr + i·si at
// kbot−nd+1..kbot and returns their number nd; of the eigenvalues of the
// window that did not deflate, it returns the number ns and stores them
// at kbot−nd−ns+1..kbot−nd, for use as shifts. sr and si have length
// kbot+1.
func (s *multishift) laqr3(jw int, sr, si []float64) (ns, nd int) {
	h, ldh := s.h, s.ldh
	ktop, kbot := s.ktop, s.kbot
	smlnum := float64(s.n) / dlamchP * dlamchS
	kwtop := kbot - jw + 1
	var spike float64
	if kwtop != ktop {
		spike = h[kwtop*ldh+kwtop-1]
	}
	if kwtop == kbot {
		// A 1×1 window.
		sr[kwtop], si[kwtop] = h[kwtop*ldh+kwtop], 0
		if math.Abs(spike) <= math.Max(smlnum, dlamchP*math.Abs(h[kwtop*ldh+kwtop])) {
			if kwtop > ktop {
				h[kwtop*ldh+kwtop-1] = 0
			}
			return 0, 1
		}
		return 1, 0
	}
	t, v, infqr := s.windowSchur(kwtop, jw, sr[kwtop:], si[kwtop:])
	ns = s.undeflatable(t, v, jw, infqr, spike, smlnum)
	if ns == 0 {
		spike = 0
	}
	if ns < jw {
		sortByMagnitude(t, v, jw, ns, infqr, s.work)
	}
	windowEigenvalues(t, jw, infqr, sr[kwtop:], si[kwtop:])
	if ns < jw || spike == 0 {
		s.restoreWindow(t, v, jw, ns, kwtop, spike)
	}
	return ns - infqr, jw - ns
}

// windowSchur copies the jw×jw window at kwtop into t (leading dimension
// jw) and computes its Schur form and Schur vectors v, with the
// eigenvalues in sr + i·si. infqr is the Schur algorithm's failure index
// (0 when it converged).
func (s *multishift) windowSchur(kwtop, jw int, sr, si []float64) (t, v []float64, infqr int) {
	h, ldh := s.h, s.ldh
	t, v = grown(&s.t, jw*jw)[:jw*jw], grown(&s.vw, jw*jw)[:jw*jw]
	grown(&s.work, 2*jw)
	clear(t)
	clear(v)
	for i := range jw {
		from := max(0, i-1)
		copy(t[i*jw+from:(i+1)*jw], h[(kwtop+i)*ldh+kwtop+from:(kwtop+i)*ldh+kwtop+jw])
		v[i*jw+i] = 1
	}
	if jw > hseqrCrossover {
		work := workFor(func(w []float64, l int) {
			impl.Dlaqr04(true, true, jw, 0, jw-1, t, jw, sr[:jw], si[:jw], 0, jw-1, v, jw, w, l, 0)
		})
		infqr = impl.Dlaqr04(true, true, jw, 0, jw-1, t, jw, sr[:jw], si[:jw], 0, jw-1, v, jw, work, len(work), 0)
	} else {
		infqr = lahqr(true, jw, 0, jw-1, t, sr[:jw], si[:jw], v, jw) // v = Vᵀ = I
		transpose(jw, v)
	}
	// Clear the trash below the subdiagonal.
	for j := 0; j < jw-3; j++ {
		t[(j+2)*jw+j] = 0
		t[(j+3)*jw+j] = 0
	}
	if jw >= 3 {
		t[(jw-1)*jw+jw-3] = 0
	}
	return t, v, infqr
}

// undeflatable tests the eigenvalues of the window's Schur form t from
// the bottom up: those whose spike entry spike·v[0, j] is negligible
// deflate; the others are moved up to row ilst by Dtrexc. It returns the
// number ns of rows above the deflated ones.
func (s *multishift) undeflatable(t, v []float64, jw, infqr int, spike, smlnum float64) int {
	ns := jw
	ilst := infqr
	for ilst < ns {
		if ns == 1 || t[(ns-1)*jw+ns-2] == 0 {
			// A real eigenvalue.
			abst := math.Abs(t[(ns-1)*jw+ns-1])
			if abst == 0 {
				abst = math.Abs(spike)
			}
			if math.Abs(spike*v[ns-1]) <= math.Max(smlnum, dlamchP*abst) {
				ns--
			} else {
				_, ilst, _ = impl.Dtrexc(lapack.UpdateSchur, jw, t, jw, v, jw, ns-1, ilst, s.work)
				ilst++
			}
			continue
		}
		// A complex conjugate pair.
		abst := math.Abs(t[(ns-1)*jw+ns-1]) + math.Sqrt(math.Abs(t[(ns-1)*jw+ns-2]))*math.Sqrt(math.Abs(t[(ns-2)*jw+ns-1]))
		if abst == 0 {
			abst = math.Abs(spike)
		}
		if math.Max(math.Abs(spike*v[ns-1]), math.Abs(spike*v[ns-2])) <= math.Max(smlnum, dlamchP*abst) {
			ns -= 2
		} else {
			_, ilst, _ = impl.Dtrexc(lapack.UpdateSchur, jw, t, jw, v, jw, ns-1, ilst, s.work)
			ilst += 2
		}
	}
	return ns
}

// blockMagnitude returns |t[i,i]| for a 1×1 block at i of the Schur form
// t, or |t[i,i]| + √|t[i+1,i]|·√|t[i,i+1]| for a 2×2 block, whose
// eigenvalues have that modulus (last is the last row of the range).
func blockMagnitude(t []float64, jw, i, last int) (mag float64, size int) {
	if i == last || t[(i+1)*jw+i] == 0 {
		return math.Abs(t[i*jw+i]), 1
	}
	return math.Abs(t[i*jw+i]) + math.Sqrt(math.Abs(t[(i+1)*jw+i]))*math.Sqrt(math.Abs(t[i*jw+i+1])), 2
}

// sortByMagnitude sorts the diagonal blocks infqr..ns−1 of the Schur
// form t by decreasing magnitude of their eigenvalues (dlaqr3's bubble
// sort by Dtrexc swaps), so that the smallest are used as shifts first.
func sortByMagnitude(t, v []float64, jw, ns, infqr int, work []float64) {
	i := ns
	for sorted := false; !sorted; {
		sorted = true
		kend := i - 1
		i = infqr
		_, size := blockMagnitude(t, jw, i, ns-1)
		k := i + size
		for k <= kend {
			evi, _ := blockMagnitude(t, jw, i, kend)
			evk, _ := blockMagnitude(t, jw, k, kend)
			if evi >= evk {
				i = k
			} else {
				sorted = false
				if _, ilst, ok := impl.Dtrexc(lapack.UpdateSchur, jw, t, jw, v, jw, i, k, work); ok {
					i = ilst
				} else {
					i = k
				}
			}
			_, size := blockMagnitude(t, jw, i, kend)
			k = i + size
		}
	}
}

// windowEigenvalues stores the eigenvalues of the Schur form t's rows
// infqr..jw−1 in sr + i·si, standardizing the 2×2 blocks' as dlanv2.
func windowEigenvalues(t []float64, jw, infqr int, sr, si []float64) {
	for i := jw - 1; i >= infqr; {
		if i == infqr || t[i*jw+i-1] == 0 {
			sr[i], si[i] = t[i*jw+i], 0
			i--
			continue
		}
		aa, bb := t[(i-1)*jw+i-1], t[(i-1)*jw+i]
		cc, dd := t[i*jw+i-1], t[i*jw+i]
		_, _, _, _, sr[i-1], si[i-1], sr[i], si[i], _, _ = lanv2(aa, bb, cc, dd)
		i -= 2
	}
}

// restoreWindow returns the window to Hessenberg form after deflation:
// the spike of the undeflated rows is reflected back into the first
// column and that part reduced to Hessenberg form again (dgehrd); then
// the window goes back into h and its orthogonal factor V is applied to
// the rest of h and to z.
func (s *multishift) restoreWindow(t, v []float64, jw, ns, kwtop int, spike float64) {
	h, ldh := s.h, s.ldh
	reduce := ns > 1 && spike != 0
	tau := grown(&s.tau, jw)
	if reduce {
		x := s.work[:ns]
		copy(x, v[:ns])
		_, beta := impl.Dlarfg(ns, x[0], x[1:ns], 1)
		x[0] = 1
		impl.Dlaset(blas.Lower, jw-2, jw-2, 0, 0, t[2*jw:], jw)
		scratch := grown(&s.wv, jw)
		impl.Dlarf(blas.Left, ns, jw, x, 1, beta, t, jw, scratch)
		impl.Dlarf(blas.Right, ns, ns, x, 1, beta, t, jw, scratch)
		impl.Dlarf(blas.Right, jw, ns, x, 1, beta, v, jw, scratch)
		work := s.workspace(func(w []float64, l int) { impl.Dgehrd(jw, 0, ns-1, t, jw, tau[:jw-1], w, l) })
		impl.Dgehrd(jw, 0, ns-1, t, jw, tau[:jw-1], work, len(work))
	}
	if kwtop > 0 {
		h[kwtop*ldh+kwtop-1] = spike * v[0]
	}
	for i := range jw {
		from := max(0, i-1)
		copy(h[(kwtop+i)*ldh+kwtop+from:(kwtop+i)*ldh+kwtop+jw], t[i*jw+from:(i+1)*jw])
	}
	if reduce {
		work := s.workspace(func(w []float64, l int) {
			impl.Dormhr(blas.Right, blas.NoTrans, jw, ns, 0, ns-1, t, jw, tau[:ns-1], v, jw, w, l)
		})
		impl.Dormhr(blas.Right, blas.NoTrans, jw, ns, 0, ns-1, t, jw, tau[:ns-1], v, jw, work, len(work))
	}
	s.applyWindowFactor(v, jw, kwtop)
}

// workspace returns s.lwork, grown to the size that query (a LAPACK
// routine called with lwork −1) asks for.
func (s *multishift) workspace(query func(work []float64, lwork int)) []float64 {
	var size [1]float64
	query(size[:], -1)
	return grown(&s.lwork, max(1, int(size[0])))
}

// applyWindowFactor multiplies the rows of h above the window (from ktop
// unless wantt) and z's rows iloz..ihiz by V on the right, and with
// wantt the columns right of the active block by Vᵀ on the left.
func (s *multishift) applyWindowFactor(v []float64, jw, kwtop int) {
	h, ldh := s.h, s.ldh
	ltop := s.ktop
	if s.wantt {
		ltop = 0
	}
	w := grown(&s.wv, s.n*jw)
	if rows := kwtop - ltop; rows > 0 {
		a := h[ltop*ldh+kwtop:]
		gemm.Dgemm(false, false, rows, jw, jw, 1, a, ldh, v, jw, 0, w, jw)
		copyBlock(rows, jw, w, jw, a, ldh)
	}
	if cols := s.n - s.kbot - 1; s.wantt && cols > 0 {
		a := h[kwtop*ldh+s.kbot+1:]
		gemm.Dgemm(true, false, jw, cols, jw, 1, v, jw, a, ldh, 0, w, cols)
		copyBlock(jw, cols, w, cols, a, ldh)
	}
	if s.wantz {
		rows := s.ihiz - s.iloz + 1
		a := s.z[s.iloz*s.ldz+kwtop:]
		gemm.Dgemm(false, false, rows, jw, jw, 1, a, s.ldz, v, jw, 0, w, jw)
		copyBlock(rows, jw, w, jw, a, s.ldz)
	}
}
