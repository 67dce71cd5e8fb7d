package gemm

import (
	"runtime"
	"sync"
)

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

// minWork is the number of multiply-adds, m·n·k, per thread below which a
// product runs on fewer threads: handing work to another thread costs a
// few microseconds, about what the micro-kernel needs for 64³.
const minWork = 1 << 18

// workspace holds a packed block of B, shared by the threads of a
// product, and, for each thread, a packed panel of A for the bottom edge
// of C and a tile for the edges of C.
type workspace struct {
	a, b  []float64
	tile  [maxTile]float64
	prob  problem // the product, when this is its caller's workspace
	phase phase   // its phase
}

// workspaces recycles packing buffers between calls, so that a caller
// multiplying in a loop (a compiled tape) does not allocate.
var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// compute runs, with the caller's workspace w, Goto's five loops around the micro-kernel: over nc-column
// blocks of C and kc-deep slices of the inner dimension, for each of
// which the calling goroutine packs B's block into nr-column panels once
// (unless B is small enough to be read in place, see inPlace);
// then the block of C is cut into tiles of whole mr×nr micro-tiles (at
// most mc rows), which the threads claim one after the other (a phase,
// see crew), each computing its tiles with macroKernel. The first kc slice
// applies beta; later ones add to C. Between tiles, stop is asked whether
// to give up; compute reports whether it finished.
func (p *problem) compute(w *workspace, stop func() bool) bool {
	threads := min(runtime.GOMAXPROCS(0), max(1, p.m*p.n*p.k/minWork))
	if p.threads > 0 {
		threads = min(threads, p.threads)
	}
	ph := &w.phase
	*ph = phase{p: p, inPlace: p.bInPlace()}
	if !ph.inPlace {
		w.b = grow(w.b, roundUp(min(nc, p.n), p.kern.nr)*min(kc, p.k))
		ph.b = w.b
	}
	for ph.jc = 0; ph.jc < p.n; ph.jc += nc {
		ph.ncur = min(nc, p.n-ph.jc)
		ph.tiling(threads)
		for ph.pc = 0; ph.pc < p.k; ph.pc += kc {
			ph.kcur = min(kc, p.k-ph.pc)
			ph.beta = p.beta
			if ph.pc > 0 {
				ph.beta = 1
			}
			if !ph.packEach && !ph.inPlace {
				ph.packB(0, ph.ncur)
			}
			if !runPhase(ph, ph.tiles(), threads, stop) {
				return false
			}
		}
	}
	return true
}

// phase is the work on one block of B, packed into b unless inPlace:
// the kcur-deep slice at pc of the ncur columns of C at jc, cut into
// tiles of rows×cols. When packEach is set, the tiles span all rows of C
// and each packs its own columns of B, so that the threads share the
// packing.
type phase struct {
	p                    *problem
	b                    []float64
	jc, pc, ncur, kcur   int
	beta                 float64
	rows, cols, rowTiles int
	packEach, inPlace    bool
}

// smallB bounds, in elements, the span of a B that the micro-kernel reads
// in place: half a mebibyte, which stays in the level-2 cache.
const smallB = 1 << 16

// bInPlace reports whether the micro-kernel reads B where it is, as
// BLIS's kernels for small problems do, instead of packing it: B is not
// transposed, so that each row of a panel is nr consecutive elements; its
// columns make whole panels; and it is small, so that its rows stay in
// cache between the micro-tiles that use them. Packing such a B (a
// network's weights, or the error terms of its backward pass) would cost
// a pass over it per product and, but for packEach, a serial phase,
// while the kernel, bound by its multiply-adds, reads the panel no
// slower in place.
func (p *problem) bInPlace() bool {
	return !p.transB && p.n%p.kern.nr == 0 && p.k*p.ldb <= smallB
}

// panels returns where the micro-kernel finds the panels of B for the
// phase's columns from jo on: panel jr (a multiple of nr) starts at
// b[jr*step], its rows rs elements apart.
func (ph *phase) panels(jo int) (b []float64, step, rs int) {
	p := ph.p
	if ph.inPlace {
		return p.b[ph.pc*p.ldb+ph.jc+jo:], 1, p.ldb
	}
	return ph.b[jo*ph.kcur:], ph.kcur, p.kern.nr
}

// packB packs the block's columns [jo, jo+cols) of B into their panels.
// Element (j, q) of the block of op(B)ᵀ is b[j*ldb+q] when B is stored
// transposed, b[q*ldb+j] otherwise.
func (ph *phase) packB(jo, cols int) {
	p := ph.p
	pack(ph.b[jo*ph.kcur:], p.b, p.ldb, !p.transB, p.kern.nr, ph.jc+jo, cols, ph.pc, ph.kcur)
}

// tiling chooses the tiles of C for threads: about four per thread, so
// that a thread that starts late (the machine is shared) leaves its part
// to the others instead of holding them up, cut across rows first (each
// reads all of the packed B, which stays in cache), across columns too
// when C has few rows.
//
// When C's rows fit one tile and its columns make a panel of B per tile
// or more (Xᵀ·Δ, with few rows and a deep inner dimension), the tiles
// span all rows instead, and each packs its own panels: the threads
// share the packing, and a panel, packed once, serves every row of C
// from the level-1 cache.
func (ph *phase) tiling(threads int) {
	kern := ph.p.kern
	want := 4 * threads
	if threads == 1 {
		want = 1
	}
	ph.packEach = ph.p.m <= mc && (ph.ncur+kern.nr-1)/kern.nr >= want
	if ph.packEach {
		ph.rows, ph.rowTiles = ph.p.m, 1
		ph.cols = roundUp((ph.ncur+want-1)/want, kern.nr)
		return
	}
	ph.rows = min(mc, max(kern.mr, roundUp((ph.p.m+want-1)/want, kern.mr)))
	ph.rowTiles = (ph.p.m + ph.rows - 1) / ph.rows
	ph.cols = ph.ncur
	if across := (want + ph.rowTiles - 1) / ph.rowTiles; across > 1 {
		ph.cols = max(kern.nr, roundUp((ph.ncur+across-1)/across, kern.nr))
	}
}

// tiles is the number of tiles of the phase.
func (ph *phase) tiles() int { return ph.rowTiles * ((ph.ncur + ph.cols - 1) / ph.cols) }

// piece computes tile i of the phase with the thread's workspace w.
// Once the last slice of the inner dimension is in, the tile is final and
// gets the problem's then.
func (ph *phase) piece(i int, w *workspace) {
	p := ph.p
	ic, jo := i%ph.rowTiles*ph.rows, i/ph.rowTiles*ph.cols
	rows, cols := min(ph.rows, p.m-ic), min(ph.cols, ph.ncur-jo)
	if ph.packEach && !ph.inPlace {
		ph.packB(jo, cols)
	}
	b, step, rs := ph.panels(jo)
	p.macroKernel(w, b, step, rs, ic, ph.jc+jo, ph.pc, rows, cols, ph.kcur, ph.beta)
	if p.then != nil && ph.pc+ph.kcur == p.k {
		finish(p.then, rows, cols, p.c[ic*p.ldc+ph.jc+jo:], p.ldc)
	}
}

// macroKernel updates the mcur×ncur block of C at (ic, jc) with the
// product of A's block at (ic, pc) and the panels of B in bp (panel jr at
// bp[jr*step], rows rsb apart), micro-tile by micro-tile. Full micro-tiles go straight to C; at the
// right and bottom edges the kernel writes w.tile and only the part
// inside C is updated.
func (p *problem) macroKernel(w *workspace, bp []float64, step, rsb, ic, jc, pc, mcur, ncur, kcur int, beta float64) {
	mr, nr := p.kern.mr, p.kern.nr
	rsa, csa := p.lda, 1
	if p.transA {
		rsa, csa = 1, p.lda
	}
	full := mcur / mr * mr
	if full < mcur {
		w.a = grow(w.a, mr*kcur)
		pack(w.a, p.a, p.lda, p.transA, mr, ic+full, mcur-full, pc, kcur)
	}
	for jr := 0; jr < ncur; jr += nr {
		panel := bp[jr*step:]
		cols := min(nr, ncur-jr)
		for ir := 0; ir < mcur; ir += mr {
			a, rs, cs := p.a[(ic+ir)*rsa+pc*csa:], rsa, csa
			if ir == full {
				a, rs, cs = w.a, 1, mr
			}
			c := p.c[(ic+ir)*p.ldc+jc+jr:]
			rows := min(mr, mcur-ir)
			if rows == mr && cols == nr {
				p.kern.run(kcur, p.alpha, beta, a, rs, cs, panel, rsb, c, p.ldc)
				continue
			}
			p.kern.run(kcur, 1, 0, a, rs, cs, panel, rsb, w.tile[:], nr)
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
	if trans && r == 16 {
		full := rows / r * r
		packRows16(dst, src, ld, i0, full, p0, depth)
		dst, i0, rows = dst[full*depth:], i0+full, rows-full
	}
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

// packRows16 is pack's transposed case for whole panels of sixteen (the
// AVX-512 kernel's B): each row of the source, read once in order, is
// dealt out sixteen elements to a panel, with copies of a fixed size that
// the compiler makes inline.
func packRows16(dst, src []float64, ld, i0, rows, p0, depth int) {
	for q := range depth {
		row := src[(p0+q)*ld+i0 : (p0+q)*ld+i0+rows]
		for s := 0; s < rows; s += 16 {
			v := *(*[16]float64)(row[s:]) // through a value: no overlap, no call to memmove
			*(*[16]float64)(dst[s*depth+q*16:]) = v
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
