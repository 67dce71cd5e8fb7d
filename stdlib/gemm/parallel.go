package gemm

import (
	"runtime"
	"sync"
)

// minWork is the number of multiply-adds, m·n·k, per thread below which a
// product runs on fewer threads: starting and joining a goroutine costs a
// few microseconds, about what the micro-kernel needs for 64³.
const minWork = 1 << 18

// parallel computes p on up to runtime.GOMAXPROCS(0) goroutines, each
// running the blocked algorithm on its own rows (or columns) of C. It
// splits the longer of C's two sides, so that the operand every thread
// packs for itself (B when splitting rows, A when splitting columns) is
// the smaller one; shares are whole tiles, so only the last has edges.
func (p *problem) parallel() {
	byRows := p.m >= p.n
	side, tile := p.n, nr
	if byRows {
		side, tile = p.m, mr
	}
	threads := min(runtime.GOMAXPROCS(0), p.m*p.n*p.k/minWork, (side+tile-1)/tile)
	if threads <= 1 {
		p.blocked()
		return
	}
	share := roundUp((side+threads-1)/threads, tile)
	var wg sync.WaitGroup
	for lo := share; lo < side; lo += share {
		q := p.part(byRows, lo, min(lo+share, side))
		wg.Go(q.blocked)
	}
	q := p.part(byRows, 0, min(share, side))
	q.blocked()
	wg.Wait()
}

// part returns the problem restricted to rows [lo, hi) of C when byRows is
// set, else to columns [lo, hi).
func (p *problem) part(byRows bool, lo, hi int) *problem {
	q := *p
	if byRows {
		q.m = hi - lo
		q.c = p.c[lo*p.ldc:]
		q.a = p.a[offset(lo, p.lda, p.transA):]
	} else {
		q.n = hi - lo
		q.c = p.c[lo:]
		q.b = p.b[offset(lo, p.ldb, !p.transB):]
	}
	return &q
}

// offset is where op(X)'s row i begins (its column i when trans is set)
// in a matrix stored with leading dimension ld.
func offset(i, ld int, trans bool) int {
	if trans {
		return i
	}
	return i * ld
}
