package lang_test

import (
	"fmt"
	"runtime"
	"testing"

	"calc/builtins"
)

// TestLongSessionStaysFlat runs 100,000 symbolic statements that define,
// differentiate, call and drop expressions, and checks that the graph's
// live nodes and the heap stay bounded: what no value holds is freed.
func TestLongSessionStaysFlat(t *testing.T) {
	s := builtins.NewSession()
	s.Graph().MaxNodes = 200000
	run := func(i int) {
		src := fmt.Sprintf("e = sin(%d*x)**2 + x**%d/(%d + y)\nd = diff(e, x)\ng = grad(e)\nv = g(%d, 1)\nf(t) = t*%d + exp(t)\nh = diff(f)\n",
			i, i%7+2, i, i%5, i)
		if _, err := s.Eval(src); err != nil {
			t.Fatalf("statement %d: %v", i, err)
		}
	}
	heap := func() uint64 {
		s.Sweep()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	const n = 100000 / 6 // six statements each
	peak := 0
	var mid uint64
	for i := range n {
		run(i)
		peak = max(peak, s.Graph().Len())
		if i == n/3 {
			mid = heap()
		}
	}
	end := heap()
	t.Logf("graph: at most %d live nodes, %d at the end (without sweeping: ~%d); heap %d kB after a third, %d kB at the end",
		peak, s.Graph().Len(), 30*n, mid/1024, end/1024)
	if peak > 60000 {
		t.Errorf("the graph grew to %d live nodes", peak)
	}
	if end > mid+mid/2+4<<20 {
		t.Errorf("the heap grew from %d kB to %d kB over the last two thirds", mid/1024, end/1024)
	}
}
