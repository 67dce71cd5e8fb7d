package linalg

import (
	"math"

	"calc/stdlib/gemm"
)

// This file is LAPACK's dlaqr5 (version 3.6), one sweep of the small-bulge
// multishift QR algorithm: a chain of 2-shift bulges is introduced at the
// top of the active block and chased to its bottom, 2·nbmps columns at a
// time (K. Braman, R. Byers and R. Mathias, "The multishift QR algorithm.
// Part I: maintaining well-focused shifts and level 3 performance", SIAM
// J. Matrix Anal. Appl. 23(4), 2002). It follows gonum's Dlaqr5 (Copyright
// ©2016 The Gonum Authors, BSD licence; LAPACK's code transposed to
// row-major storage) statement by statement. What differs is how the work
// is laid out for row-major memory, where gonum's Dlaqr5 spends most of
// its time in scalar loops:
//   - the 3×3 (and 2×2) reflections are applied by functions over slices,
//     so that the loops along rows run without bounds checks;
//   - the accumulated orthogonal factor U of one chase is stored
//     transposed, so that accumulating a reflection updates three
//     contiguous rows instead of three entries of each of kdu rows;
//   - the far-from-diagonal updates H ← Uᵀ·H and H, Z ← ·U are calc's gemm
//     (both cores), in one product each instead of panels;
//   - the reflections are made by householder below instead of dlarfg's
//     general routine.

// multishift holds what laqr5 and laqr3 (laqr3.go) work on: the upper
// Hessenberg h (leading dimension ldh) with active block ktop..kbot, and
// z, into whose rows iloz..ihiz the transformations are accumulated when
// wantz is set. With wantt, the whole of h is updated (for the Schur
// form), otherwise only the active block. With accum, the reflections of
// each chase are gathered in ut and applied to the far-from-diagonal
// parts by matrix products (LAPACK's kacc22 ≥ 1). The rest is workspace,
// kept from one call to the next.
type multishift struct {
	wantt, wantz, accum bool
	n, ktop, kbot       int
	h                   []float64
	ldh                 int
	iloz, ihiz          int
	z                   []float64
	ldz                 int
	// v[m] is the reflection that moves bulge m: τ, v₁, v₂ of
	// I − τ·(1, v₁, v₂)ᵀ(1, v₁, v₂).
	v [][3]float64
	// ut is Uᵀ, kdu×kdu with leading dimension kdu = 4·nbmps, for nbmps
	// bulges; wh and wv hold the products before they are copied back.
	kdu        int
	ut, wh, wv []float64
	// laqr3's deflation window T, its Schur vectors V and workspace
	// (lwork for the LAPACK routines it calls).
	t, vw, work, tau, lwork []float64
}

// grown returns *buf with at least size elements, reallocated if short.
func grown(buf *[]float64, size int) []float64 {
	if len(*buf) < size {
		*buf = make([]float64, size)
	}
	return *buf
}

// laqr5 is LAPACK's dlaqr5 with the shifts sr + i·si (an even number of
// them, complex ones in conjugate pairs); s says what to update. The
// workspace in s is grown as needed and kept for the next sweep.
func (s *multishift) laqr5(sr, si []float64) {
	ns := len(sr)
	if ns < 2 || s.ktop >= s.kbot {
		return
	}
	pairShifts(sr, si)
	h, ldh := s.h, s.ldh
	ktop, kbot := s.ktop, s.kbot
	if ktop+2 <= kbot {
		h[(ktop+2)*ldh+ktop] = 0 // trash from an earlier sweep
	}
	nbmps := ns / 2 // bulges in the chain
	kdu := 4 * nbmps
	s.grow(nbmps, kdu)
	s.kdu = kdu
	for incol := ktop - 2*nbmps + 1; incol <= kbot-2; incol += 2 * nbmps {
		ndcol := incol + kdu
		if s.accum {
			clear(s.ut[:kdu*kdu])
			for i := range kdu {
				s.ut[i*kdu+i] = 1
			}
		}
		for krcol := incol; krcol <= min(incol+2*nbmps-1, kbot-2); krcol++ {
			s.chaseOneColumn(sr, si, nbmps, incol, ndcol, krcol)
		}
		if s.accum {
			s.farUpdates(incol, ndcol)
		}
	}
}

// grow makes room for nbmps reflections and the products of a chase of
// width kdu.
func (s *multishift) grow(nbmps, kdu int) {
	if len(s.v) < nbmps {
		s.v = make([][3]float64, nbmps)
	}
	if s.accum {
		grown(&s.ut, kdu*kdu)
		grown(&s.wh, kdu*s.n)
		grown(&s.wv, kdu*s.n)
	}
}

// pairShifts shuffles the shifts into pairs of real shifts and pairs of
// complex conjugate ones, assuming conjugates are adjacent already.
func pairShifts(sr, si []float64) {
	for i := 0; i < len(sr)-2; i += 2 {
		if si[i] == -si[i+1] {
			continue
		}
		sr[i], sr[i+1], sr[i+2] = sr[i+1], sr[i+2], sr[i]
		si[i], si[i+1], si[i+2] = si[i+1], si[i+2], si[i]
	}
}

// firstRightRow returns the first row from which reflections are applied
// from the right in the chase that starts at incol.
func (s *multishift) firstRightRow(incol int) int {
	switch {
	case s.accum:
		return max(s.ktop, incol)
	case s.wantt:
		return 0
	}
	return s.ktop
}

// lastLeftColumn returns the last column to which reflections are applied
// from the left in the chase that ends at ndcol.
func (s *multishift) lastLeftColumn(ndcol int) int {
	switch {
	case s.accum:
		return min(ndcol, s.kbot)
	case s.wantt:
		return s.n - 1
	}
	return s.kbot
}

// chaseOneColumn moves the active bulges of the chain one column to the
// right: bulges mtop..mbot are 3×3 reflections, and a 2×2 one may sit at
// the bottom of the block (dlaqr5's loop over KRCOL).
func (s *multishift) chaseOneColumn(sr, si []float64, nbmps, incol, ndcol, krcol int) {
	h, ldh := s.h, s.ldh
	ktop, kbot := s.ktop, s.kbot
	mtop := max(0, (ktop-krcol)/2)
	mbot := min(nbmps, (kbot-krcol-1)/2) - 1
	m22 := mbot + 1
	jtop, jbot := s.firstRightRow(incol), s.lastLeftColumn(ndcol)
	if mbot < nbmps-1 && krcol+2*m22 == kbot-2 {
		s.chase2(sr, si, m22, krcol+2*m22, incol, jtop, jbot)
	}
	for m := mbot; m >= mtop; m-- {
		k := krcol + 2*m
		s.reflection3(sr, si, m, k)
		// Apply it from the right, and to the column that the next
		// reflection needs from the left; the rest of the update from
		// the left is delayed.
		reflectRight3(h, ldh, k+1, jtop, min(kbot, k+3), &s.v[m])
		reflectLeft3(h, ldh, k+1, k+1, k+2, &s.v[m])
		s.deflate(k)
	}
	for m := mbot; m >= mtop; m-- {
		k := krcol + 2*m
		reflectLeft3(h, ldh, k+1, max(ktop, krcol+2*(m+1)), jbot+1, &s.v[m])
	}
	switch {
	case s.accum:
		for m := mbot; m >= mtop; m-- {
			kms := krcol + 2*m - incol - 1
			i2 := max(0, ktop-incol-1, kms-(krcol-incol))
			i4 := min(s.kdu, krcol+2*mbot-incol+5)
			reflectLeft3(s.ut, s.kdu, kms+1, i2, i4, &s.v[m])
		}
	case s.wantz:
		for m := mbot; m >= mtop; m-- {
			reflectRight3(s.z, s.ldz, krcol+2*m+1, s.iloz, s.ihiz, &s.v[m])
		}
	}
}

// chase2 is the special case of a 2×2 reflection at the bottom of the
// block, for bulge m at row k.
func (s *multishift) chase2(sr, si []float64, m, k, incol, jtop, jbot int) {
	h, ldh := s.h, s.ldh
	v := &s.v[m]
	if k == s.ktop-1 {
		impl.Dlaqr1(2, h[(k+1)*ldh+k+1:], ldh, sr[2*m], si[2*m], sr[2*m+1], si[2*m+1], v[:2])
		_, v[0] = householder(v[0], v[1:2])
	} else {
		v[1] = h[(k+2)*ldh+k]
		h[(k+1)*ldh+k], v[0] = householder(h[(k+1)*ldh+k], v[1:2])
		h[(k+2)*ldh+k] = 0
	}
	reflectRight2(h, ldh, k+1, jtop, min(s.kbot, k+3), v)
	reflectLeft2(h, ldh, k+1, k+1, jbot+1, v)
	s.deflate(k)
	switch {
	case s.accum:
		kms := k - incol - 1
		reflectLeft2(s.ut, s.kdu, kms+1, max(0, s.ktop-incol-1), s.kdu, v)
	case s.wantz:
		reflectRight2(s.z, s.ldz, k+1, s.iloz, s.ihiz, v)
	}
}

// reflection3 makes the 3×3 reflection that introduces bulge m at the
// top of the block (k = ktop−1) or moves it one column down, applying the
// delayed update of the row below it first.
func (s *multishift) reflection3(sr, si []float64, m, k int) {
	h, ldh := s.h, s.ldh
	v := &s.v[m]
	if k == s.ktop-1 {
		impl.Dlaqr1(3, h[s.ktop*ldh+s.ktop:], ldh, sr[2*m], si[2*m], sr[2*m+1], si[2*m+1], v[:])
		_, v[0] = householder(v[0], v[1:3])
		return
	}
	// The delayed transformation of the row below the bulge, whose first
	// two entries are zero.
	t1, t2, t3 := v[0], v[0]*v[1], v[0]*v[2]
	refsum := v[2] * h[(k+3)*ldh+k+2]
	h[(k+3)*ldh+k] = -refsum * t1
	h[(k+3)*ldh+k+1] = -refsum * t2
	h[(k+3)*ldh+k+2] -= refsum * t3
	v[1], v[2] = h[(k+2)*ldh+k], h[(k+3)*ldh+k]
	beta, tau := householder(h[(k+1)*ldh+k], v[1:3])
	v[0] = tau
	if h[(k+3)*ldh+k] == 0 && h[(k+3)*ldh+k+1] == 0 && h[(k+3)*ldh+k+2] != 0 {
		// The bulge collapsed (vigilant deflation or underflow): try a
		// new one from the shifts, kept if its fill is negligible.
		beta = s.reintroduce(sr, si, m, k, beta)
	}
	h[(k+1)*ldh+k] = beta
	h[(k+2)*ldh+k] = 0
	h[(k+3)*ldh+k] = 0
}

// reintroduce is dlaqr5's atypical case: bulge m collapsed at row k. It
// computes a fresh reflection from the shifts, ignoring h[k+1,k] and
// h[k+2,k]; if the fill that it makes is negligible it replaces v[m] and
// the returned subdiagonal entry, otherwise beta stays.
func (s *multishift) reintroduce(sr, si []float64, m, k int, beta float64) float64 {
	h, ldh := s.h, s.ldh
	var vt [3]float64
	impl.Dlaqr1(3, h[(k+1)*ldh+k+1:], ldh, sr[2*m], si[2*m], sr[2*m+1], si[2*m+1], vt[:])
	_, vt[0] = householder(vt[0], vt[1:3])
	t1, t2, t3 := vt[0], vt[0]*vt[1], vt[0]*vt[2]
	refsum := h[(k+1)*ldh+k] + vt[1]*h[(k+2)*ldh+k]
	dsum := math.Abs(h[k*ldh+k]) + math.Abs(h[(k+1)*ldh+k+1]) + math.Abs(h[(k+2)*ldh+k+2])
	if math.Abs(h[(k+2)*ldh+k]-refsum*t2)+math.Abs(refsum*t3) > dlamchP*dsum {
		return beta
	}
	s.v[m] = vt
	return h[(k+1)*ldh+k] - refsum*t1
}

// deflate sets the subdiagonal entry h[k+1,k] (k ≥ ktop) to zero when it
// is negligible by both the traditional small-compared-to-nearby-
// diagonals criterion and Ahues and Tisseur's (LAWN 122, 1997).
func (s *multishift) deflate(k int) {
	h, ldh := s.h, s.ldh
	ktop, kbot := s.ktop, s.kbot
	if k < ktop || h[(k+1)*ldh+k] == 0 {
		return
	}
	tst1 := math.Abs(h[k*ldh+k]) + math.Abs(h[(k+1)*ldh+k+1])
	if tst1 == 0 {
		if k >= ktop+1 {
			tst1 += math.Abs(h[k*ldh+k-1])
		}
		if k >= ktop+2 {
			tst1 += math.Abs(h[k*ldh+k-2])
		}
		if k >= ktop+3 {
			tst1 += math.Abs(h[k*ldh+k-3])
		}
		if k <= kbot-2 {
			tst1 += math.Abs(h[(k+2)*ldh+k+1])
		}
		if k <= kbot-3 {
			tst1 += math.Abs(h[(k+3)*ldh+k+1])
		}
		if k <= kbot-4 {
			tst1 += math.Abs(h[(k+4)*ldh+k+1])
		}
	}
	smlnum := dlamchS * float64(s.n) / dlamchP
	sub := math.Abs(h[(k+1)*ldh+k])
	if sub > math.Max(smlnum, dlamchP*tst1) {
		return
	}
	up := math.Abs(h[k*ldh+k+1])
	diff := math.Abs(h[k*ldh+k] - h[(k+1)*ldh+k+1])
	h12, h21 := math.Max(sub, up), math.Min(sub, up)
	h11 := math.Max(math.Abs(h[(k+1)*ldh+k+1]), diff)
	h22 := math.Min(math.Abs(h[(k+1)*ldh+k+1]), diff)
	scl := h11 + h12
	tst2 := h22 * (h11 / scl)
	if tst2 == 0 || h21*(h12/scl) <= math.Max(smlnum, dlamchP*tst2) {
		h[(k+1)*ldh+k] = 0
	}
}

// farUpdates applies the accumulated U of the chase incol..ndcol to the
// rest of h (rows of the chase right of it: Uᵀ·H; columns above it: H·U)
// and to z (Z·U), each as one matrix product.
func (s *multishift) farUpdates(incol, ndcol int) {
	kdu := s.kdu
	jtop, jbot := s.ktop, s.kbot
	if s.wantt {
		jtop, jbot = 0, s.n-1
	}
	k1 := max(0, s.ktop-incol-1)
	nu := kdu - max(0, ndcol-s.kbot) - k1
	u := s.ut[k1*kdu+k1:]
	h, ldh := s.h, s.ldh
	if jcol := min(ndcol, s.kbot) + 1; jcol <= jbot {
		w := jbot - jcol + 1
		rows := h[(incol+k1+1)*ldh+jcol:]
		gemm.Dgemm(false, false, nu, w, nu, 1, u, kdu, rows, ldh, 0, s.wh, w)
		copyBlock(nu, w, s.wh, w, rows, ldh)
	}
	if top := max(s.ktop, incol); jtop < top {
		s.rightMultiply(h[jtop*ldh+incol+k1+1:], ldh, top-jtop, nu, u, kdu)
	}
	if s.wantz {
		s.rightMultiply(s.z[s.iloz*s.ldz+incol+k1+1:], s.ldz, s.ihiz-s.iloz+1, nu, u, kdu)
	}
}

// rightMultiply sets the rows×nu block a to a·U, where U's transpose is
// the nu×nu block u (leading dimension ldu).
func (s *multishift) rightMultiply(a []float64, lda, rows, nu int, u []float64, ldu int) {
	gemm.Dgemm(false, true, rows, nu, nu, 1, a, lda, u, ldu, 0, s.wv, nu)
	copyBlock(rows, nu, s.wv, nu, a, lda)
}

// copyBlock copies the m×n block src (leading dimension lds) into dst
// (leading dimension ldd).
func copyBlock(m, n int, src []float64, lds int, dst []float64, ldd int) {
	for i := range m {
		copy(dst[i*ldd:i*ldd+n], src[i*lds:i*lds+n])
	}
}

// householder is LAPACK's dlarfg for n = len(x)+1 ≤ 3: the reflection
// I − τ·(1, v)ᵀ(1, v) that maps (alpha, x) to (beta, 0). It overwrites x
// with v and returns beta and τ. Results so small that dlarfg rescales
// them are left to gonum's Dlarfg.
func householder(alpha float64, x []float64) (beta, tau float64) {
	var xnorm float64
	switch len(x) {
	case 1:
		xnorm = math.Abs(x[0])
	default:
		xnorm = math.Hypot(x[0], x[1])
	}
	if xnorm == 0 {
		return alpha, 0
	}
	beta = -math.Copysign(math.Hypot(alpha, xnorm), alpha)
	if math.Abs(beta) < dlamchS/dlamchP {
		return impl.Dlarfg(len(x)+1, alpha, x, 1)
	}
	tau = (beta - alpha) / beta
	scale := 1 / (alpha - beta)
	for i := range x {
		x[i] *= scale
	}
	return beta, tau
}

// reflectLeft3 applies the reflection v = (τ, v₁, v₂) from the left to
// rows row..row+2 of a (leading dimension lda), in columns c0 ≤ j < c1.
func reflectLeft3(a []float64, lda, row, c0, c1 int, v *[3]float64) {
	if c0 >= c1 {
		return
	}
	t1, v1, v2 := v[0], v[1], v[2]
	t2, t3 := t1*v1, t1*v2
	r1 := a[row*lda+c0 : row*lda+c1]
	r2 := a[(row+1)*lda+c0 : (row+1)*lda+c1][:len(r1)]
	r3 := a[(row+2)*lda+c0 : (row+2)*lda+c1][:len(r1)]
	done := reflectRows3Vector(r1, r2, r3, v1, v2, t1, t2, t3)
	r1 = r1[done:]
	r2, r3 = r2[done:][:len(r1)], r3[done:][:len(r1)]
	for j, x := range r1 {
		sum := x + v1*r2[j] + v2*r3[j]
		r1[j] = x - sum*t1
		r2[j] -= sum * t2
		r3[j] -= sum * t3
	}
}

// reflectRight3 applies the reflection v = (τ, v₁, v₂) from the right to
// columns col..col+2 of a (leading dimension lda), in rows r0..r1.
func reflectRight3(a []float64, lda, col, r0, r1 int, v *[3]float64) {
	t1, v1, v2 := v[0], v[1], v[2]
	t2, t3 := t1*v1, t1*v2
	for i := r0; i <= r1; i++ {
		p := a[i*lda+col : i*lda+col+3 : i*lda+col+3]
		sum := p[0] + v1*p[1] + v2*p[2]
		p[0] -= sum * t1
		p[1] -= sum * t2
		p[2] -= sum * t3
	}
}

// reflectLeft2 applies the 2×2 reflection v = (τ, v₁) from the left to
// rows row, row+1 of a, in columns c0 ≤ j < c1.
func reflectLeft2(a []float64, lda, row, c0, c1 int, v *[3]float64) {
	if c0 >= c1 {
		return
	}
	t1, v1 := v[0], v[1]
	t2 := t1 * v1
	r1 := a[row*lda+c0 : row*lda+c1]
	r2 := a[(row+1)*lda+c0 : (row+1)*lda+c1][:len(r1)]
	for j, x := range r1 {
		sum := x + v1*r2[j]
		r1[j] = x - sum*t1
		r2[j] -= sum * t2
	}
}

// reflectRight2 applies the 2×2 reflection v = (τ, v₁) from the right to
// columns col, col+1 of a, in rows r0..r1.
func reflectRight2(a []float64, lda, col, r0, r1 int, v *[3]float64) {
	t1, v1 := v[0], v[1]
	t2 := t1 * v1
	for i := r0; i <= r1; i++ {
		p := a[i*lda+col : i*lda+col+2 : i*lda+col+2]
		sum := p[0] + v1*p[1]
		p[0] -= sum * t1
		p[1] -= sum * t2
	}
}
