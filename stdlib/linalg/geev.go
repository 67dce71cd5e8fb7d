package linalg

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"
)

// This file is LAPACK's dgeev (right eigenvectors only) and the
// multishift QR driver dlaqr0 that it reaches through dhseqr, written over
// gonum's exported LAPACK routines. gonum v0.17's own Dgeev is correct but
// slow on large matrices: its Iparmq tests the matrix order against its
// thresholds in ascending order, so every order from 30 up gets 4 shifts
// per sweep instead of LAPACK's ~n/log₂n, and with so few shifts Dlaqr5
// never accumulates its reflections for blocked matrix products. With
// LAPACK's shift counts the eigendecomposition of a 500×500 matrix is
// about three times faster. The code follows gonum's Dgeev and Dlaqr04
// (themselves LAPACK 3.x's) statement by statement; only the tuning
// parameters differ, and the routines where the time goes are calc's own
// row-major ports: the sweeps are laqr5.go's dlaqr5, the aggressive early
// deflation laqr3.go's dlaqr3, and the eigenvectors of the Schur form
// trevc.go's row-wise dtrevc3.

var impl gonum.Implementation

// geev returns the eigenvalues (wr + i·wi) of the n×n row-major matrix
// a, which it overwrites, and when vectors is set the right eigenvectors
// in LAPACK's real packed form: column k of vr for a real eigenvalue, and
// columns k and k+1 holding the real and imaginary parts of the vector of
// wr[k] + i·wi[k] (wi[k] > 0), whose conjugate belongs to wr[k+1] +
// i·wi[k+1]. Each vector has unit 2-norm and its largest component real.
// ok is false if the QR algorithm did not converge.
func geev(a []float64, n int, vectors bool) (wr, wi, vr []float64, ok bool) {
	wr, wi = make([]float64, n), make([]float64, n)
	anrm := impl.Dlange(lapack.MaxAbs, n, n, a, n, nil)
	smlnum := math.Sqrt(dlamchS) / dlamchP
	cscale := 0.0
	switch {
	case anrm > 0 && anrm < smlnum:
		cscale = smlnum
	case anrm > 1/smlnum:
		cscale = 1 / smlnum
	}
	if cscale != 0 {
		impl.Dlascl(lapack.General, 0, 0, anrm, cscale, n, n, a, n)
	}
	scale := make([]float64, n)
	ilo, ihi := impl.Dgebal(lapack.PermuteScale, n, a, n, scale)
	tau := make([]float64, n-1)
	work := workFor(func(w []float64, l int) { impl.Dgehrd(n, ilo, ihi, a, n, tau, w, l) })
	impl.Dgehrd(n, ilo, ihi, a, n, tau, work, len(work))
	var unconverged int
	if vectors {
		vr = make([]float64, n*n)
		impl.Dlacpy(blas.Lower, n, n, a, n, vr, n)
		work := workFor(func(w []float64, l int) { impl.Dorghr(n, ilo, ihi, vr, n, tau, w, l) })
		impl.Dorghr(n, ilo, ihi, vr, n, tau, work, len(work))
		unconverged = hseqr(true, n, ilo, ihi, a, wr, wi, vr)
	} else {
		unconverged = hseqr(false, n, ilo, ihi, a, wr, wi, nil)
	}
	if unconverged > 0 {
		return nil, nil, nil, false
	}
	if vectors {
		vr = rightEigenvectors(n, a, vr)
		impl.Dgebak(lapack.PermuteScale, lapack.EVRight, n, ilo, ihi, scale, n, vr, n)
		normalizeVectors(n, wi, vr)
	}
	if cscale != 0 {
		impl.Dlascl(lapack.General, 0, 0, cscale, anrm, n, 1, wr, 1)
		impl.Dlascl(lapack.General, 0, 0, cscale, anrm, n, 1, wi, 1)
	}
	return wr, wi, vr, true
}

// dlamchS and dlamchP are LAPACK's safe minimum and precision.
const (
	dlamchS = 0x1p-1022
	dlamchP = 0x1p-52
)

// workFor returns the workspace that a LAPACK routine asks for when query
// calls it with lwork −1.
func workFor(query func(work []float64, lwork int)) []float64 {
	var size [1]float64
	query(size[:], -1)
	return make([]float64, max(1, int(size[0])))
}

// normalizeVectors scales each eigenvector in vr to unit 2-norm and, for
// a complex pair, rotates it so that its largest component is real, as
// dgeev does.
func normalizeVectors(n int, wi, vr []float64) {
	bi := blas64.Implementation()
	mag := make([]float64, n)
	for i, wii := range wi {
		switch {
		case wii < 0:
			continue
		case wii == 0:
			bi.Dscal(n, 1/bi.Dnrm2(n, vr[i:], n), vr[i:], n)
			continue
		}
		scl := 1 / math.Hypot(bi.Dnrm2(n, vr[i:], n), bi.Dnrm2(n, vr[i+1:], n))
		bi.Dscal(n, scl, vr[i:], n)
		bi.Dscal(n, scl, vr[i+1:], n)
		for k := range n {
			re, im := vr[k*n+i], vr[k*n+i+1]
			mag[k] = re*re + im*im
		}
		k := bi.Idamax(n, mag, 1)
		cs, sn, _ := impl.Dlartg(vr[k*n+i], vr[k*n+i+1])
		bi.Drot(n, vr[i:], n, vr[i+1:], n, cs, sn)
		vr[k*n+i+1] = 0
	}
}

// hseqrCrossover is LAPACK's nmin: below this order dhseqr uses the
// double-shift QR algorithm (dlahqr), from it the multishift one.
const hseqrCrossover = 75

// hseqr is dhseqr with job "E" or "S" and compz "N" or "V": the
// eigenvalues of the upper Hessenberg matrix h, which it reduces to real
// Schur form when schur is set, accumulating the transformations into z.
// It returns LAPACK's info: 0, or one more than the index of the last
// eigenvalue that did not converge.
func hseqr(schur bool, n, ilo, ihi int, h, wr, wi, z []float64) int {
	if n <= hseqrCrossover {
		return hseqrSmall(schur, n, ilo, ihi, h, wr, wi, z)
	}
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
	work := workFor(func(w []float64, l int) { laqr0(schur, n, ilo, ihi, h, wr, wi, z, ldz, w, l) })
	unconverged := laqr0(schur, n, ilo, ihi, h, wr[:ihi+1], wi[:ihi+1], z, ldz, work, len(work))
	if schur || unconverged > 0 {
		impl.Dlaset(blas.Lower, n-2, n-2, 0, 0, h[2*n:], n)
	}
	return unconverged
}

// qrShifts is LAPACK's iparmq for ispec 15: the number of simultaneous
// shifts in a multishift QR sweep on an active block of order nh.
func qrShifts(nh int) int {
	ns := 2
	switch {
	case nh >= 6000:
		ns = 256
	case nh >= 3000:
		ns = 128
	case nh >= 590:
		ns = 64
	case nh >= 150:
		ns = max(10, nh/int(math.Round(math.Log2(float64(nh)))))
	case nh >= 60:
		ns = 10
	case nh >= 30:
		ns = 4
	}
	return max(2, ns-ns%2)
}

// laqr0 is LAPACK's dlaqr0 (gonum's Dlaqr04 with recur 1) for a matrix
// of order n > hseqrCrossover, with iparmq's tuning: qrShifts shifts, a
// deflation window as large (3/2 as large above order 500), and reflections
// accumulated for blocked products (kacc22 2) once there are 14 shifts.
// With schur set it computes the Schur form and accumulates the
// transformations into z (dlaqr0's wantt and wantz), otherwise only the
// eigenvalues. h has leading dimension n; z has ldz. lwork −1 asks for
// the workspace size in work[0].
func laqr0(schur bool, n, ilo, ihi int, h, wr, wi, z []float64, ldz int, work []float64, lwork int) (unconverged int) {
	const (
		ntiny  = 15
		kexnw  = 5
		kexsh  = 6
		wilk1  = 0.75
		wilk2  = -0.4375
		nibble = 14
		nmin   = hseqrCrossover
	)
	ldh := n
	wantt, wantz := schur, schur
	iloz, ihiz := ilo, ihi
	shifts := qrShifts(ihi - ilo + 1)
	nwr := shifts
	if ihi-ilo+1 > 500 {
		nwr = 3 * shifts / 2
	}
	nwr = min(ihi-ilo+1, min((n-1)/3, max(2, nwr)))
	nsr := max(2, min(shifts, min((n-3)/6, ihi-ilo))&^1)
	sweep := &multishift{wantt: wantt, wantz: wantz, accum: shifts >= 14, n: n, h: h, ldh: ldh,
		iloz: iloz, ihiz: ihiz, z: z, ldz: ldz}

	// dlaqr3's workspace query: dlaqr0 bounds the deflation window and
	// the shift count by the workspace it has, so its size keeps LAPACK's
	// tuning (laqr3 itself keeps its workspace in sweep).
	impl.Dlaqr23(wantt, wantz, n, ilo, ihi, nwr+1, h, ldh, iloz, ihiz, z, ldz,
		wr, wi, h, ldh, n, h, ldh, n, h, ldh, work, -1, 1)
	lwkopt := max(3*nsr/2, int(work[0]))
	if lwork == -1 {
		work[0] = float64(lwkopt)
		return 0
	}

	nwmax := min((n-1)/3, lwork/2)
	nw := nwmax
	nsmax := min((n-3)/6, 2*lwork/3) &^ 1
	ndfl := 1 // iterations since the last deflation
	ndec := 0 // decrement of the deflation window
	itmax := max(30, 2*kexsh) * max(10, ihi-ilo+1)
	it := 0
	for kbot := ihi; kbot >= ilo; {
		if it == itmax {
			unconverged = kbot + 1
			break
		}
		it++

		// The active block is ktop..kbot.
		ktop := ilo
		for k := kbot; k >= ilo+1; k-- {
			if h[k*ldh+k-1] == 0 {
				ktop = k
				break
			}
		}

		// The deflation window: nwr, or larger after kexnw iterations
		// without a deflation.
		nh := kbot - ktop + 1
		nwupbd := min(nh, nwmax)
		if ndfl < kexnw {
			nw = min(nwupbd, nwr)
		} else {
			nw = min(nwupbd, 2*nw)
		}
		if nw < nwmax {
			if nw >= nh-1 {
				nw = nh
			} else {
				kwtop := kbot - nw + 1
				if math.Abs(h[kwtop*ldh+kwtop-1]) > math.Abs(h[(kwtop-1)*ldh+kwtop-2]) {
					nw++
				}
			}
		}
		if ndfl < kexnw {
			ndec = -1
		} else if ndec >= 0 || nw >= nwupbd {
			ndec++
			if nw-ndec < 2 {
				ndec = 0
			}
			nw -= ndec
		}

		// Aggressive early deflation.
		sweep.ktop, sweep.kbot = ktop, kbot
		ls, ld := sweep.laqr3(nw, wr[:kbot+1], wi[:kbot+1])
		kbot -= ld
		ks := kbot - ls + 1 // the first unused shift

		// Skip the sweep when enough deflated or the block is small.
		if ld > 0 && (100*ld > nw*nibble || kbot-ktop+1 <= min(nmin, nwmax)) {
			ndfl = 1
			continue
		}

		ns := min(min(nsmax, nsr), max(2, kbot-ktop)) &^ 1
		if ndfl%kexsh == 0 {
			// Exceptional shifts.
			ks = kbot - ns + 1
			for i := kbot; i > max(ks, ktop+1); i -= 2 {
				ss := math.Abs(h[i*ldh+i-1]) + math.Abs(h[(i-1)*ldh+i-2])
				aa := wilk1*ss + h[i*ldh+i]
				_, _, _, _, wr[i-1], wi[i-1], wr[i], wi[i], _, _ = impl.Dlanv2(aa, ss, wilk2*ss, aa)
			}
			if ks == ktop {
				wr[ks+1] = h[(ks+1)*ldh+ks+1]
				wi[ks+1] = 0
				wr[ks] = wr[ks+1]
				wi[ks] = wi[ks+1]
			}
		} else {
			// Too few shifts from the deflation window: the eigenvalues
			// of the trailing principal submatrix.
			if kbot-ks+1 <= ns/2 {
				ks = kbot - ns + 1
				kt := n - ns // workspace in the bottom rows of h
				impl.Dlacpy(blas.All, ns, ns, h[ks*ldh+ks:], ldh, h[kt*ldh:], ldh)
				if ns > nmin {
					ks += impl.Dlaqr04(false, false, ns, 1, ns-1, h[kt*ldh:], ldh,
						wr[ks:ks+ns], wi[ks:ks+ns], 0, 0, nil, 0, work, lwork, 0)
				} else {
					ks += impl.Dlahqr(false, false, ns, 0, ns-1, h[kt*ldh:], ldh,
						wr[ks:ks+ns], wi[ks:ks+ns], 0, 0, nil, 1)
				}
				if ks >= kbot {
					// No shift converged: use the eigenvalues of the
					// trailing 2×2 block.
					aa := h[(kbot-1)*ldh+kbot-1]
					bb := h[(kbot-1)*ldh+kbot]
					cc := h[kbot*ldh+kbot-1]
					dd := h[kbot*ldh+kbot]
					_, _, _, _, wr[kbot-1], wi[kbot-1], wr[kbot], wi[kbot], _, _ = impl.Dlanv2(aa, bb, cc, dd)
					ks = kbot - 1
				}
			}
			if kbot-ks+1 > ns {
				// Sort the shifts by decreasing magnitude (bubble sort,
				// as LAPACK), the smallest used first.
				sorted := false
				for k := kbot; k > ks && !sorted; k-- {
					sorted = true
					for i := ks; i < k; i++ {
						if math.Abs(wr[i])+math.Abs(wi[i]) >= math.Abs(wr[i+1])+math.Abs(wi[i+1]) {
							continue
						}
						sorted = false
						wr[i], wr[i+1] = wr[i+1], wr[i]
						wi[i], wi[i+1] = wi[i+1], wi[i]
					}
				}
			}
			// Keep complex conjugate shifts in pairs.
			for i := kbot; i > ks+1; i -= 2 {
				if wi[i] == -wi[i-1] {
					continue
				}
				wr[i], wr[i-1], wr[i-2] = wr[i-1], wr[i-2], wr[i]
				wi[i], wi[i-1], wi[i-2] = wi[i-1], wi[i-2], wi[i]
			}
		}

		// Two real shifts: use the one closer to h[kbot, kbot] twice.
		if kbot-ks+1 == 2 && wi[kbot] == 0 {
			if math.Abs(wr[kbot]-h[kbot*ldh+kbot]) < math.Abs(wr[kbot-1]-h[kbot*ldh+kbot]) {
				wr[kbot-1] = wr[kbot]
			} else {
				wr[kbot] = wr[kbot-1]
			}
		}

		// The small-bulge multishift sweep.
		ns = min(ns, kbot-ks+1) &^ 1
		ks = kbot - ns + 1
		sweep.ktop, sweep.kbot = ktop, kbot
		sweep.laqr5(wr[ks:ks+ns], wi[ks:ks+ns])

		if ld > 0 {
			ndfl = 1
		} else {
			ndfl++
		}
	}
	work[0] = float64(lwkopt)
	return unconverged
}
