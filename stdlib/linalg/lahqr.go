package linalg

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
)

// This file is LAPACK's dlahqr, the double-shift QR algorithm that dhseqr
// uses below order hseqrCrossover, written statement by statement after
// gonum's Dlahqr (Copyright ©2016 The Gonum Authors, BSD licence) so that
// it can call lanv2 below: gonum v0.17's Dlanv2 orders the eigenvalues of
// a 2×2 block with equal diagonal entries the other way from LAPACK's, so
// eig([[2, 1], [1, 2]]) came out [1, 3] where numpy's is [3, 1].

// lanv2 is LAPACK's dlanv2, the Schur factorization of the real 2×2
// matrix [a b; c d] in standard form, with the eigenvalues in the order
// LAPACK gives them. gonum's Dlanv2 computes z = p ± √(bc) with the sign
// of p > 0, where LAPACK's SIGN(√(bc), p) is + for p = 0 as well; that case
// (a = d, real eigenvalues) is done here, every other by gonum.
func lanv2(a, b, c, d float64) (aa, bb, cc, dd, rt1r, rt1i, rt2r, rt2i, cs, sn float64) {
	if a != d || b == 0 || c == 0 || math.Signbit(b) != math.Signbit(c) {
		return impl.Dlanv2(a, b, c, d)
	}
	bcmax := math.Max(math.Abs(b), math.Abs(c))
	bcmis := math.Min(math.Abs(b), math.Abs(c))
	if bcmis < 4*dlamchP { // z = bcmis here, as p = 0 and scale = bcmax
		return impl.Dlanv2(a, b, c, d)
	}
	z := math.Sqrt(bcmax) * math.Sqrt(bcmis)
	aa, dd = d+z, d-bcmax/z*bcmis
	tau := math.Hypot(c, z)
	return aa, b - c, 0, dd, aa, 0, dd, 0, z / tau, c / tau
}

// hseqrSmall is dhseqr for order n ≤ hseqrCrossover: lahqr, and gonum's
// Dhseqr from the start should the double-shift QR algorithm not converge
// (dhseqr then goes on with the multishift one). Its arguments are
// hseqr's; z is nil when schur is not set.
func hseqrSmall(schur bool, n, ilo, ihi int, h, wr, wi, z []float64) int {
	saved, savedZ := append([]float64(nil), h...), append([]float64(nil), z...)
	for i := range ilo {
		wr[i], wi[i] = h[i*n+i], 0
	}
	for i := ihi + 1; i < n; i++ {
		wr[i], wi[i] = h[i*n+i], 0
	}
	ldz := 1
	if schur {
		ldz = n
	}
	if schur {
		transpose(n, z)
	}
	if lahqr(schur, n, ilo, ihi, h, wr[:ihi+1], wi[:ihi+1], z, ldz) == 0 {
		if schur {
			transpose(n, z)
			if n > 2 {
				impl.Dlaset(blas.Lower, n-2, n-2, 0, 0, h[2*n:], n)
			}
		}
		return 0
	}
	copy(h, saved)
	copy(z, savedZ)
	job, compz := lapack.EigenvaluesOnly, lapack.SchurNone
	if schur {
		job, compz = lapack.EigenvaluesAndSchur, lapack.SchurOrig
	}
	work := workFor(func(w []float64, l int) { impl.Dhseqr(job, compz, n, ilo, ihi, h, n, wr, wi, z, ldz, w, l) })
	return impl.Dhseqr(job, compz, n, ilo, ihi, h, n, wr, wi, z, ldz, work, len(work))
}

// transpose transposes the n×n matrix a in place.
func transpose(n int, a []float64) {
	for i := range n {
		for j := i + 1; j < n; j++ {
			a[i*n+j], a[j*n+i] = a[j*n+i], a[i*n+j]
		}
	}
}

// lahqr is LAPACK's dlahqr with ldh = n, iloz = ilo and ihiz = ihi: the
// eigenvalues wr + i·wi of rows and columns ilo..ihi of the n×n upper
// Hessenberg matrix h, and with schur set the Schur form in h and the
// transformations accumulated into zt = Zᵀ (leading dimension ldz), which
// is stored transposed so that each reflection updates three contiguous
// rows of it instead of three entries of every row of Z. wr and wi have
// length ihi+1. It returns 0, or one more than the index of the last
// eigenvalue that did not converge.
func lahqr(schur bool, n, ilo, ihi int, h, wr, wi, zt []float64, ldz int) (unconverged int) {
	ldh := n
	if ilo == ihi {
		wr[ilo], wi[ilo] = h[ilo*ldh+ilo], 0
		return 0
	}
	// Clear out the trash.
	for j := ilo; j < ihi-2; j++ {
		h[(j+2)*ldh+j] = 0
		h[(j+3)*ldh+j] = 0
	}
	if ilo <= ihi-2 {
		h[ihi*ldh+ihi-2] = 0
	}
	nh := ihi - ilo + 1
	ulp := dlamchP
	smlnum := float64(nh) / ulp * dlamchS
	// i1 and i2 are the first row and last column of h that the
	// transformations reach.
	var i1, i2 int
	if schur {
		i1, i2 = 0, n-1
	}
	itmax := 30 * max(10, nh)
	kdefl := 0 // iterations since a deflation
	bi := blas64.Implementation()
	i := ihi
	for i >= ilo {
		l := ilo
		converged := false
		for its := 0; its <= itmax; its++ {
			k := smallSubdiagonal(h, ldh, l, i, ilo, ihi, smlnum)
			l = k
			if l > ilo {
				h[l*ldh+l-1] = 0
			}
			if l >= i-1 {
				converged = true // a block of order 1 or 2 split off
				break
			}
			kdefl++
			if !schur {
				i1, i2 = l, i
			}
			rt1r, rt1i, rt2r, rt2i := qrShiftsAt(h, ldh, l, i, kdefl)
			m, v := doubleShiftStart(h, ldh, l, i, rt1r, rt1i, rt2r, rt2i)
			// Double-shift QR step: chase the bulge to the bottom.
			for k := m; k < i; k++ {
				nr := min(3, i-k+1)
				if k > m {
					bi.Dcopy(nr, h[k*ldh+k-1:], ldh, v[:], 1)
				}
				var tau float64
				v[0], tau = householder(v[0], v[1:nr])
				if k > m {
					h[k*ldh+k-1] = v[0]
					h[(k+1)*ldh+k-1] = 0
					if k < i-1 {
						h[(k+2)*ldh+k-1] = 0
					}
				} else if m > l {
					h[k*ldh+k-1] *= 1 - tau
				}
				refl := [3]float64{tau, v[1], v[2]}
				if nr == 3 {
					reflectLeft3(h, ldh, k, k, i2+1, &refl)
					reflectRight3(h, ldh, k, i1, min(k+3, i), &refl)
					if schur {
						reflectLeft3(zt, ldz, k, ilo, ihi+1, &refl)
					}
				} else {
					reflectLeft2(h, ldh, k, k, i2+1, &refl)
					reflectRight2(h, ldh, k, i1, i, &refl)
					if schur {
						reflectLeft2(zt, ldz, k, ilo, ihi+1, &refl)
					}
				}
			}
		}
		if !converged {
			return i + 1
		}
		if l == i {
			wr[i], wi[i] = h[i*ldh+i], 0
		} else if l == i-1 {
			// A pair converged: the 2×2 block to standard Schur form.
			var cs, sn float64
			a, b := h[(i-1)*ldh+i-1], h[(i-1)*ldh+i]
			c, d := h[i*ldh+i-1], h[i*ldh+i]
			a, b, c, d, wr[i-1], wi[i-1], wr[i], wi[i], cs, sn = lanv2(a, b, c, d)
			h[(i-1)*ldh+i-1], h[(i-1)*ldh+i] = a, b
			h[i*ldh+i-1], h[i*ldh+i] = c, d
			if schur {
				if i2 > i {
					bi.Drot(i2-i, h[(i-1)*ldh+i+1:], 1, h[i*ldh+i+1:], 1, cs, sn)
				}
				bi.Drot(i-i1-1, h[i1*ldh+i-1:], ldh, h[i1*ldh+i:], ldh, cs, sn)
				bi.Drot(ihi-ilo+1, zt[(i-1)*ldz+ilo:], 1, zt[i*ldz+ilo:], 1, cs, sn)
			}
		}
		kdefl = 0
		i = l - 1
	}
	return 0
}

// smallSubdiagonal returns the largest k in (l, i] whose subdiagonal entry
// h[k, k−1] is negligible (Ahues and Tisseur's criterion, LAWN 122), or l.
func smallSubdiagonal(h []float64, ldh, l, i, ilo, ihi int, smlnum float64) int {
	ulp := dlamchP
	k := i
	for ; k > l; k-- {
		if math.Abs(h[k*ldh+k-1]) <= smlnum {
			break
		}
		tst := math.Abs(h[(k-1)*ldh+k-1]) + math.Abs(h[k*ldh+k])
		if tst == 0 {
			if k-2 >= ilo {
				tst += math.Abs(h[(k-1)*ldh+k-2])
			}
			if k+1 <= ihi {
				tst += math.Abs(h[(k+1)*ldh+k])
			}
		}
		if math.Abs(h[k*ldh+k-1]) <= ulp*tst {
			ab := math.Max(math.Abs(h[k*ldh+k-1]), math.Abs(h[(k-1)*ldh+k]))
			ba := math.Min(math.Abs(h[k*ldh+k-1]), math.Abs(h[(k-1)*ldh+k]))
			aa := math.Max(math.Abs(h[k*ldh+k]), math.Abs(h[(k-1)*ldh+k-1]-h[k*ldh+k]))
			bb := math.Min(math.Abs(h[k*ldh+k]), math.Abs(h[(k-1)*ldh+k-1]-h[k*ldh+k]))
			s := aa + ab
			if ab/s*ba <= math.Max(smlnum, aa/s*bb*ulp) {
				break
			}
		}
	}
	return k
}

// qrShiftsAt returns the two shifts of a QR step on the active block
// l..i: Francis' double shift (the eigenvalues of the trailing 2×2 block),
// only the nearer one of them twice when they are real, or an exceptional
// shift every 10 iterations without a deflation.
func qrShiftsAt(h []float64, ldh, l, i, kdefl int) (rt1r, rt1i, rt2r, rt2i float64) {
	const (
		dat1  = 0.75
		dat2  = -0.4375
		kexsh = 10
	)
	var h11, h21, h12, h22 float64
	switch {
	case kdefl%(2*kexsh) == 0:
		s := math.Abs(h[i*ldh+i-1]) + math.Abs(h[(i-1)*ldh+i-2])
		h11 = dat1*s + h[i*ldh+i]
		h12, h21, h22 = dat2*s, s, h11
	case kdefl%kexsh == 0:
		s := math.Abs(h[(l+1)*ldh+l]) + math.Abs(h[(l+2)*ldh+l+1])
		h11 = dat1*s + h[l*ldh+l]
		h12, h21, h22 = dat2*s, s, h11
	default:
		h11, h21 = h[(i-1)*ldh+i-1], h[i*ldh+i-1]
		h12, h22 = h[(i-1)*ldh+i], h[i*ldh+i]
	}
	s := math.Abs(h11) + math.Abs(h12) + math.Abs(h21) + math.Abs(h22)
	if s == 0 {
		return 0, 0, 0, 0
	}
	h11 /= s
	h21 /= s
	h12 /= s
	h22 /= s
	tr := (h11 + h22) / 2
	det := (h11-tr)*(h22-tr) - h12*h21
	rtdisc := math.Sqrt(math.Abs(det))
	if det >= 0 { // complex conjugate shifts
		return tr * s, rtdisc * s, tr * s, -rtdisc * s
	}
	rt1r, rt2r = tr+rtdisc, tr-rtdisc
	if math.Abs(rt1r-h22) <= math.Abs(rt2r-h22) {
		rt1r *= s
		return rt1r, 0, rt1r, 0
	}
	rt2r *= s
	return rt2r, 0, rt2r, 0
}

// doubleShiftStart returns the row m at which the double-shift QR step
// starts (where two consecutive subdiagonal entries are small, or l) and
// the first column v of the shifted matrix product there, scaled.
func doubleShiftStart(h []float64, ldh, l, i int, rt1r, rt1i, rt2r, rt2i float64) (int, [3]float64) {
	var v [3]float64
	m := i - 2
	for ; m >= l; m-- {
		h21s := h[(m+1)*ldh+m]
		s := math.Abs(h[m*ldh+m]-rt2r) + math.Abs(rt2i) + math.Abs(h21s)
		h21s /= s
		v[0] = h21s*h[m*ldh+m+1] + (h[m*ldh+m]-rt1r)*((h[m*ldh+m]-rt2r)/s) - rt2i/s*rt1i
		v[1] = h21s * (h[m*ldh+m] + h[(m+1)*ldh+m+1] - rt1r - rt2r)
		v[2] = h21s * h[(m+2)*ldh+m+1]
		s = math.Abs(v[0]) + math.Abs(v[1]) + math.Abs(v[2])
		v[0] /= s
		v[1] /= s
		v[2] /= s
		if m == l {
			break
		}
		dsum := math.Abs(h[(m-1)*ldh+m-1]) + math.Abs(h[m*ldh+m]) + math.Abs(h[(m+1)*ldh+m+1])
		if math.Abs(h[m*ldh+m-1])*(math.Abs(v[1])+math.Abs(v[2])) <= dlamchP*math.Abs(v[0])*dsum {
			break
		}
	}
	return m, v
}
