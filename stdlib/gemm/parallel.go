package gemm

import (
	"runtime"
	"sync"
)

// minWork is the number of multiply-adds, m·n·k, per thread below which a
// product runs on fewer threads: handing a share to another thread costs a
// few microseconds, about what the micro-kernel needs for 64³.
const minWork = 1 << 18

// parallel computes p on up to runtime.GOMAXPROCS(0) threads, each
// running the blocked algorithm on its own rows (or columns) of C: the
// calling goroutine takes the first share and helpers the others. It
// splits the longer of C's two sides, so that the operand every thread
// packs for itself (B when splitting rows, A's edge when splitting
// columns) is the smaller; shares are whole tiles, so only the last has
// edges.
func (p *problem) parallel() {
	byRows := p.m >= p.n
	side, tile := p.n, p.kern.nr
	if byRows {
		side, tile = p.m, p.kern.mr
	}
	threads := min(runtime.GOMAXPROCS(0), p.m*p.n*p.k/minWork, (side+tile-1)/tile)
	if threads <= 1 {
		p.blocked()
		return
	}
	share := roundUp((side+threads-1)/threads, tile)
	t := teams.Get().(*team)
	t.parts = t.parts[:0]
	for lo := 0; lo < side; lo += share {
		t.parts = append(t.parts, p.part(byRows, lo, min(lo+share, side)))
	}
	startHelpers(len(t.parts) - 1)
	for i := range t.parts[1:] {
		q := &t.parts[1+i]
		q.done = &t.wg
		hand(q, &t.wg)
	}
	t.parts[0].blocked()
	t.wg.Wait()
	clear(t.parts) // let the operands go
	teams.Put(t)
}

// run computes a share for a helper and signals its team.
func (p *problem) run() {
	p.blocked()
	p.done.Done()
}

// task is a share of work a helper can run: it signals its team's
// WaitGroup when done.
type task interface{ run() }

// hand gives t to an idle helper, or, when every helper is busy (another
// product runs concurrently), runs it in the calling goroutine; wg
// counts it either way.
func hand(t task, wg *sync.WaitGroup) {
	wg.Add(1)
	select {
	case tasks <- t:
	default:
		t.run()
	}
}

// Split calls f on consecutive ranges [lo, hi) covering [0, n), in
// parallel on Dgemm's threads: one range per thread, each at least grain
// long (so n < 2·grain runs in the calling goroutine alone). f must be
// safe to call concurrently on disjoint ranges. Elementwise work on the
// matrices Dgemm produces (a network layer's activation) runs this way at
// the speed of both cores. Split allocates nothing.
func Split(n, grain int, f func(lo, hi int)) {
	threads := min(runtime.GOMAXPROCS(0), n/max(1, grain))
	if threads <= 1 {
		f(0, n)
		return
	}
	share := (n + threads - 1) / threads
	c := chunkSets.Get().(*chunkSet)
	c.chunks = c.chunks[:0]
	for lo := share; lo < n; lo += share {
		c.chunks = append(c.chunks, chunk{f: f, lo: lo, hi: min(lo+share, n), wg: &c.wg})
	}
	startHelpers(len(c.chunks))
	for i := range c.chunks {
		hand(&c.chunks[i], &c.wg)
	}
	f(0, share)
	c.wg.Wait()
	clear(c.chunks) // let f go
	chunkSets.Put(c)
}

// chunk is one range of a Split.
type chunk struct {
	f      func(lo, hi int)
	lo, hi int
	wg     *sync.WaitGroup
}

func (c *chunk) run() {
	c.f(c.lo, c.hi)
	c.wg.Done()
}

// chunkSet is one Split's ranges and the group its helpers signal,
// recycled like teams.
type chunkSet struct {
	chunks []chunk
	wg     sync.WaitGroup
}

var chunkSets = sync.Pool{New: func() any { return new(chunkSet) }}

// part returns the problem restricted to rows [lo, hi) of C when byRows is
// set, else to columns [lo, hi).
func (p *problem) part(byRows bool, lo, hi int) problem {
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
	return q
}

// offset is where op(X)'s row i begins (its column i when trans is set)
// in a matrix stored with leading dimension ld.
func offset(i, ld int, trans bool) int {
	if trans {
		return i
	}
	return i * ld
}

// team is one parallel product's shares and the group its helpers signal;
// teams are recycled so that a product allocates nothing.
type team struct {
	parts []problem
	wg    sync.WaitGroup
}

var teams = sync.Pool{New: func() any { return new(team) }}

// tasks hands shares to the helpers. It is unbuffered: a share is only
// sent to a helper that is waiting for one.
var tasks = make(chan task)

// helpers counts the helper goroutines started so far, under helpersMu.
// Helpers live as long as the process, blocked on tasks when idle; their
// number grows to GOMAXPROCS-1 and never shrinks. Being stateless between
// shares, they serve every caller (and session) alike.
var (
	helpersMu sync.Mutex
	helpers   int
)

// startHelpers makes sure that n helpers run.
func startHelpers(n int) {
	helpersMu.Lock()
	defer helpersMu.Unlock()
	for ; helpers < n; helpers++ {
		go func() {
			for t := range tasks {
				t.run()
			}
		}()
	}
}
