package gemm

import "sync"

// The block sizes of Goto and van de Geijn's algorithm (§6 of their paper):
// an mr×nr block of C lives in registers during the micro-kernel; a
// kc×nr panel of B (16 or 32 KiB) stays in the level-1 cache while the
// micro-kernel streams the mc×kc block of A (144 KiB) from the level-2
// cache; nc bounds the kc×nc block of B, which level 3 holds. mc is a
// multiple of every kernel's mr and nc of every nr. The values are BLIS's
// for Haswell (config/haswell/bli_cntx_init_haswell.c).
const (
	kc = 256
	mc = 72
	nc = 4080
)

// workspace holds one thread's packed block of B, a packed panel of A for
// the bottom edge of C, and a tile for the edges of C.
type workspace struct {
	a, b []float64
	tile [maxTile]float64
}

// workspaces recycles packing buffers between calls, so that a caller
// multiplying in a loop (a compiled tape) does not allocate.
var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// blocked computes p in the calling goroutine with Goto's five loops
// around the micro-kernel: over nc-column blocks of C, kc-deep slices of
// the inner dimension (packing B's block into nr-column panels), mc-row
// blocks of C, then nr-column and mr-row tiles, each one call of the
// micro-kernel. The first kc slice applies beta; later ones add to C.
func (p *problem) blocked() {
	w := workspaces.Get().(*workspace)
	defer workspaces.Put(w)
	depth := min(kc, p.k)
	w.a = grow(w.a, p.kern.mr*depth)
	w.b = grow(w.b, roundUp(min(nc, p.n), p.kern.nr)*depth)
	for jc := 0; jc < p.n; jc += nc {
		ncur := min(nc, p.n-jc)
		for pc := 0; pc < p.k; pc += kc {
			kcur := min(kc, p.k-pc)
			beta := p.beta
			if pc > 0 {
				beta = 1
			}
			// Element (j, q) of the block of op(B)ᵀ is b[j*ldb+q] when
			// B is stored transposed, b[q*ldb+j] otherwise.
			pack(w.b, p.b, p.ldb, !p.transB, p.kern.nr, jc, ncur, pc, kcur)
			for ic := 0; ic < p.m; ic += mc {
				p.macroKernel(w, ic, jc, pc, min(mc, p.m-ic), ncur, kcur, beta)
			}
		}
	}
}

// macroKernel updates the mcur×ncur block of C at (ic, jc) with the
// product of A's block at (ic, pc) and the packed block of B in w, tile by
// tile. Full tiles go straight to C; at the right and bottom edges the
// kernel writes w.tile and only the tile's part inside C is updated.
func (p *problem) macroKernel(w *workspace, ic, jc, pc, mcur, ncur, kcur int, beta float64) {
	mr, nr := p.kern.mr, p.kern.nr
	rsa, csa := p.lda, 1
	if p.transA {
		rsa, csa = 1, p.lda
	}
	full := mcur / mr * mr
	if full < mcur {
		pack(w.a, p.a, p.lda, p.transA, mr, ic+full, mcur-full, pc, kcur)
	}
	for jr := 0; jr < ncur; jr += nr {
		bp := w.b[jr*kcur : (jr+nr)*kcur]
		cols := min(nr, ncur-jr)
		for ir := 0; ir < mcur; ir += mr {
			a, rs, cs := p.a[(ic+ir)*rsa+pc*csa:], rsa, csa
			if ir == full {
				a, rs, cs = w.a, 1, mr
			}
			c := p.c[(ic+ir)*p.ldc+jc+jr:]
			rows := min(mr, mcur-ir)
			if rows == mr && cols == nr {
				p.kern.run(kcur, p.alpha, beta, a, rs, cs, bp, c, p.ldc)
				continue
			}
			p.kern.run(kcur, 1, 0, a, rs, cs, bp, w.tile[:], nr)
			update(c, p.ldc, rows, cols, p.alpha, w.tile[:], nr, beta)
		}
	}
}

// pack copies rows [i0, i0+rows) and columns [p0, p0+depth) of a matrix X
// into dst as panels of r rows: panel s holds X[i0+s*r+i][p0+q] at
// dst[s*r*depth + q*r + i], so the micro-kernel reads each panel
// sequentially. X[i][q] is src[i*ld+q], or src[q*ld+i] when trans is set.
// The rows of a last, partial panel are padded with zeros. B is packed as
// X = op(B)ᵀ, the bottom edge of A as X = op(A): one routine serves both.
func pack(dst, src []float64, ld int, trans bool, r, i0, rows, p0, depth int) {
	for s := 0; s < rows; s += r {
		panel := dst[s*depth : (s+r)*depth]
		w := min(r, rows-s)
		if w < r {
			clear(panel)
		}
		if trans {
			for q := range depth {
				copy(panel[q*r:q*r+w], src[(p0+q)*ld+i0+s:])
			}
			continue
		}
		for i := range w {
			start := (i0+s+i)*ld + p0
			for q, x := range src[start : start+depth] {
				panel[q*r+i] = x
			}
		}
	}
}

// update sets the rows×cols block of C at the start of c to
// alpha·ab + beta·C, with ab's rows ldab apart; C is not read when beta
// is 0.
func update(c []float64, ldc, rows, cols int, alpha float64, ab []float64, ldab int, beta float64) {
	for i := range rows {
		src := ab[i*ldab : i*ldab+cols]
		dst := c[i*ldc : i*ldc+cols]
		if beta == 0 {
			for j, x := range src {
				dst[j] = alpha * x
			}
			continue
		}
		for j, x := range src {
			dst[j] = alpha*x + beta*dst[j]
		}
	}
}

// grow returns buf if it holds n elements, or a new slice that does.
func grow(buf []float64, n int) []float64 {
	if cap(buf) >= n {
		return buf[:n]
	}
	return make([]float64, n)
}

// roundUp is n rounded up to a multiple of r.
func roundUp(n, r int) int { return (n + r - 1) / r * r }
