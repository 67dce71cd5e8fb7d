package gemm

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Work runs in phases of independent pieces (the tiles of C that share a
// packed block of B, the ranges of a Split). The calling goroutine offers
// a phase to the idle helpers, then claims pieces itself, one after the
// other, from a shared counter; a helper that gets the processor claims
// pieces too. Nobody waits for a helper that has not started: on a busy
// machine the caller does the whole phase alone, and only pieces already
// being computed are waited for.
//
// Waking a parked goroutine on another core takes microseconds (tens on
// a virtual machine whose idle processor has halted), as long as a small
// product itself. So a helper that finishes a phase first spins for
// spinFor, watching the offered slot, before it parks: a training step's
// products and elementwise instructions, microseconds apart, then reach a
// running helper, as BLAS libraries' spinning threads do.

// pieces is a phase's work: piece i of n, computed with the thread's
// workspace.
type pieces interface {
	piece(i int, w *workspace)
}

// crew is one phase being run: the pieces, the next one to claim, the
// pieces not yet finished (pending to wait for, left to watch), and how
// many goroutines (the caller and the helpers it handed the phase to)
// still hold the crew, the last of which recycles it.
type crew struct {
	work    pieces
	n       int
	next    atomic.Int64
	pending sync.WaitGroup
	left    atomic.Int64
	holders atomic.Int32
	stop    func() bool
	stopped atomic.Bool
}

var crews = sync.Pool{New: func() any { return new(crew) }}

// runPhase computes pieces 0..n-1 of work on up to threads goroutines,
// asking stop (if not nil) before each piece whether to give up; it
// reports whether every piece was computed.
func runPhase(work pieces, n, threads int, stop func() bool) bool {
	c := crews.Get().(*crew)
	c.work, c.n, c.stop = work, n, stop
	c.next.Store(0)
	c.stopped.Store(false)
	c.pending.Add(n)
	c.left.Store(int64(n))
	c.holders.Store(1)
	helpers := min(threads, n) - 1
	if helpers > 0 && time.Now().UnixNano() < aloneUntil.Load() {
		helpers = 0
	}
	if helpers > 0 {
		startHelpers(helpers)
		for range helpers {
			c.holders.Add(1)
			if spinning.Load() > 0 && offered.CompareAndSwap(nil, c) {
				continue
			}
			select {
			case tasks <- c:
			default: // every helper is busy
				c.holders.Add(-1)
			}
		}
	}
	start := time.Now()
	claimed := c.claim()
	if offered.CompareAndSwap(c, nil) { // no spinning helper came by
		c.holders.Add(-1)
	}
	if helpers > 0 {
		waitForHelpers(c, time.Since(start)/time.Duration(max(1, claimed)))
	} else {
		c.pending.Wait()
	}
	finished := !c.stopped.Load()
	c.release()
	return finished
}

// A helper that the operating system suspends in the middle of a piece
// (the machine is shared) holds its caller up for a scheduling period,
// milliseconds, longer than a whole training step. When the caller waits
// for a phase's last pieces longer than it takes to compute two of them,
// plus lateHelper, the phases of the next aloneFor run on the calling
// goroutine alone, which on such a machine is faster; then the helpers
// are tried again.
const (
	lateHelper = 30 * time.Microsecond
	aloneFor   = 50 * time.Millisecond
)

// aloneUntil is the time, in Unix nanoseconds, until which phases run
// without helpers.
var aloneUntil atomic.Int64

// waitForHelpers waits for the pieces of c that helpers are computing,
// perPiece being the time the caller took for one, and has phases run
// alone for aloneFor when the helpers were late.
//
// It watches left, spinning, as long as a helper on time may take, and
// only then blocks. A goroutine woken from blocking is queued on the
// processor of the goroutine that woke it, here the helper, which then
// spins for the next phase while its caller waits in its queue: the two
// would share one core.
func waitForHelpers(c *crew, perPiece time.Duration) {
	start := time.Now()
	late := 2*perPiece + lateHelper
	for c.left.Load() > 0 && time.Since(start) <= late {
	}
	c.pending.Wait()
	if end := time.Now(); end.Sub(start) > late {
		aloneUntil.Store(end.Add(aloneFor).UnixNano())
	}
}

// claim computes pieces until none is left; once stop has said so, it
// only marks the rest as finished.
func (c *crew) claim() (claimed int) {
	w := workspaces.Get().(*workspace)
	defer workspaces.Put(w)
	for ; ; claimed++ {
		i := int(c.next.Add(1)) - 1
		if i >= c.n {
			break
		}
		if !c.stopped.Load() && c.stop != nil && c.stop() {
			c.stopped.Store(true)
		}
		if !c.stopped.Load() {
			c.work.piece(i, w)
		}
		c.pending.Done()
		c.left.Add(-1) // after Done, so that pending is done when left is 0
	}
	return claimed
}

// release lets go of the crew; the last holder recycles it.
func (c *crew) release() {
	if c.holders.Add(-1) == 0 {
		c.work, c.stop = nil, nil // let the operands go
		crews.Put(c)
	}
}

// tasks hands phases to parked helpers. It is unbuffered: a phase is only
// sent to a helper that is waiting for one. offered holds a phase for a
// spinning helper to take (with a holder counted for it), and spinning
// counts the helpers spinning.
var (
	tasks    = make(chan *crew)
	offered  atomic.Pointer[crew]
	spinning atomic.Int32
)

// spinFor is how long a helper watches offered after a phase before it
// parks: longer than the gaps between a tape's instructions, short enough
// that an idle calc takes no processor time from others.
const spinFor = 50 * time.Microsecond

// next returns the next phase for a helper: one offered while it spins,
// else one sent to it once parked.
func next() *crew {
	spinning.Add(1)
	start := time.Now()
	for {
		for range 64 {
			if c := offered.Swap(nil); c != nil {
				spinning.Add(-1)
				return c
			}
		}
		if time.Since(start) > spinFor {
			break
		}
	}
	spinning.Add(-1)
	return <-tasks
}

// helpers counts the helper goroutines started so far, under helpersMu.
// Helpers live as long as the process, parked on tasks when idle; their
// number grows to GOMAXPROCS-1 and never shrinks. Being stateless between
// phases, they serve every caller (and session) alike.
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
			for {
				c := next()
				c.claim()
				c.release()
			}
		}()
	}
}

// Split calls f on consecutive ranges [lo, hi) covering [0, n), in
// parallel on Dgemm's threads: ranges of at least grain elements, about
// four per thread, claimed as Dgemm's tiles are. f must be safe to call
// concurrently on disjoint ranges. Elementwise work on the matrices Dgemm
// produces (a network layer's activation) runs this way at the speed of
// every idle core. Split allocates nothing.
func Split(n, grain int, f func(lo, hi int)) {
	threads := min(runtime.GOMAXPROCS(0), n/max(1, grain))
	if threads <= 1 {
		f(0, n)
		return
	}
	r := rangeSets.Get().(*ranges)
	*r = ranges{f: f, n: n, size: max(grain, (n+4*threads-1)/(4*threads))}
	runPhase(r, (n+r.size-1)/r.size, threads, nil)
	r.f = nil // let f go
	rangeSets.Put(r)
}

// ranges is a Split's work.
type ranges struct {
	f       func(lo, hi int)
	n, size int
}

var rangeSets = sync.Pool{New: func() any { return new(ranges) }}

func (r *ranges) piece(i int, _ *workspace) { r.f(i*r.size, min((i+1)*r.size, r.n)) }

// Parts calls f(0), …, f(n-1), each once, in parallel on Dgemm's
// threads. A caller whose result must not depend on the number of threads
// (a sum of partial sums, added in a fixed order) cuts its work into a
// fixed number of parts and runs them this way, each part's products by
// DgemmPart. As for Dgemm's tiles, the caller computes every part that no
// helper has started, so a helper that the machine does not run in time
// costs it no waiting. f must be safe to call concurrently with
// different i. Parts allocates nothing.
func Parts(n int, f func(i int)) {
	threads := min(runtime.GOMAXPROCS(0), n)
	if threads <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	w := partSets.Get().(*parts)
	w.f = f
	runPhase(w, n, threads, nil)
	w.f = nil // let f go
	partSets.Put(w)
}

// parts is a Parts's work.
type parts struct{ f func(i int) }

var partSets = sync.Pool{New: func() any { return new(parts) }}

func (w *parts) piece(i int, _ *workspace) { w.f(i) }
