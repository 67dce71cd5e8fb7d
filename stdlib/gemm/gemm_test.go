package gemm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// call is one Dgemm call's arguments.
type call struct {
	transA, transB bool
	m, n, k        int
	alpha, beta    float64
	lda, ldb, ldc  int
}

func (c call) String() string {
	return fmt.Sprintf("tA=%v tB=%v m=%d n=%d k=%d alpha=%v beta=%v lda=%d ldb=%d ldc=%d",
		c.transA, c.transB, c.m, c.n, c.k, c.alpha, c.beta, c.lda, c.ldb, c.ldc)
}

// operands returns random A, B and C for c, with the elements outside the
// matrices (the padding of a leading dimension) set to a sentinel, and C
// full of NaN when beta is 0, to show it is not read.
func (c call) operands(rng *rand.Rand) (a, b, cm []float64) {
	ar, br := c.m, c.k
	if c.transA {
		ar = c.k
	}
	if c.transB {
		br = c.n
	}
	fill := func(rows, ld int) []float64 {
		x := make([]float64, rows*ld)
		for i := range x {
			x[i] = 2*rng.Float64() - 1
		}
		return x
	}
	a, b, cm = fill(ar, c.lda), fill(br, c.ldb), fill(c.m, c.ldc)
	if c.beta == 0 {
		for i := range cm {
			cm[i] = math.NaN()
		}
	}
	return a, b, cm
}

// check compares got = Dgemm(c, a, b, c0) with the definition, element by
// element, within 1e-13 of the sum of the magnitudes of the terms (the
// conditioning of each dot product), and checks that C's padding is
// untouched, reporting the first difference.
func (c call) check(t *testing.T, name string, a, b, c0, got []float64) {
	t.Helper()
	for i := range c.m {
		for j := range c.ldc {
			g := got[i*c.ldc+j]
			if j >= c.n {
				if math.Float64bits(g) != math.Float64bits(c0[i*c.ldc+j]) {
					t.Errorf("%s %v: padding c[%d,%d] changed to %v", name, c, i, j, g)
					return
				}
				continue
			}
			var s, mag float64
			for p := range c.k {
				x := at(a, c.lda, c.transA, i, p) * at(b, c.ldb, c.transB, p, j)
				s += x
				mag += math.Abs(x)
			}
			want, bound := c.alpha*s, math.Abs(c.alpha)*mag
			if c.beta != 0 {
				want += c.beta * c0[i*c.ldc+j]
				bound += math.Abs(c.beta * c0[i*c.ldc+j])
			}
			if math.Abs(g-want) > 1e-13*bound || math.IsNaN(g) {
				t.Errorf("%s %v: c[%d,%d] = %v, want %v", name, c, i, j, g, want)
				return
			}
		}
	}
}

// at returns op(X)'s element (i, j), X stored with leading dimension ld.
func at(x []float64, ld int, trans bool, i, j int) float64 {
	if trans {
		return x[j*ld+i]
	}
	return x[i*ld+j]
}

// run calls dgemm with kern on copies of the operands and returns C.
func (c call) run(kern kernel, a, b, c0 []float64) []float64 {
	got := append([]float64(nil), c0...)
	dgemm(kern, 0, nil, nil, c.transA, c.transB, c.m, c.n, c.k, c.alpha, a, c.lda, b, c.ldb, c.beta, got, c.ldc)
	return got
}

// random returns a call of the given shape with random transposes,
// scalars and leading dimensions.
func random(rng *rand.Rand, m, n, k int) call {
	c := call{transA: rng.IntN(2) == 0, transB: rng.IntN(2) == 0, m: m, n: n, k: k,
		alpha: []float64{1, -0.5, 2.25}[rng.IntN(3)], beta: []float64{0, 1, -0.75}[rng.IntN(3)]}
	pad := func(cols int) int { return max(1, cols+rng.IntN(3)) }
	c.lda, c.ldb, c.ldc = pad(k), pad(n), pad(n)
	if c.transA {
		c.lda = pad(m)
	}
	if c.transB {
		c.ldb = pad(k)
	}
	return c
}

func TestDgemmSmallShapes(t *testing.T) {
	sizes := []int{1, 2, 3, 5, 6, 7, 8, 9, 12, 13, 17, 31}
	for name, kern := range kernels() {
		rng := rand.New(rand.NewPCG(1, 2))
		for _, m := range sizes {
			for _, n := range sizes {
				for _, k := range sizes {
					c := random(rng, m, n, k)
					a, b, c0 := c.operands(rng)
					c.check(t, name, a, b, c0, c.run(kern, a, b, c0))
				}
			}
		}
	}
}

// TestDgemmBlocks crosses the block sizes mc, kc and nc and the threshold
// of the parallel driver, cutting C into tiles across rows and columns for
// four threads whatever the machine.
func TestDgemmBlocks(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	shapes := [][3]int{
		{mc + 1, 2*nr + 3, kc + 1},
		{2*mc + 5, 3, 2*kc + 7},
		{3, 2*mc + 5, 2*kc + 7},
		{5, nc + 13, 3},
		{201, 77, 150},
		{77, 201, 150},
		{256, 128, 64},
		{64, 128, 256},
		{40, 64, 2*kc + 7},
		{300, 1, 40},
		{1, 300, 40},
	}
	for name, kern := range kernels() {
		rng := rand.New(rand.NewPCG(3, 4))
		for _, s := range shapes {
			for _, tA := range []bool{false, true} {
				for _, tB := range []bool{false, true} {
					c := random(rng, s[0], s[1], s[2])
					c.transA, c.transB = tA, tB
					c.lda, c.ldb = s[2]+1, s[1]+2
					if tA {
						c.lda = s[0] + 1
					}
					if tB {
						c.ldb = s[2] + 2
					}
					a, b, c0 := c.operands(rng)
					c.check(t, name, a, b, c0, c.run(kern, a, b, c0))
				}
			}
		}
	}
}

// TestDgemmThen checks that DgemmThen's result is Dgemm's with then
// applied to every element of C once (then counts its calls per element),
// and that C's padding is left alone, for shapes that cross the block
// sizes, tile C across rows and columns on four threads, take the
// matrix-vector path and skip the product (k = 0).
func TestDgemmThen(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	rng := rand.New(rand.NewPCG(5, 6))
	for _, s := range [][3]int{{256, 128, 64}, {64, 128, 256}, {2*mc + 5, 3, 2*kc + 7}, {5, nc + 13, 3}, {300, 1, 40}, {1, 300, 40}, {7, 9, 0}} {
		for _, pad := range []int{0, 3} {
			c := random(rng, s[0], s[1], s[2])
			c.ldc = s[1] + pad
			a, b, c0 := c.operands(rng)
			want := c.run(bestKernel, a, b, c0)
			got := make([]float64, len(c0)) // cap(got) = len(got), for then's index
			copy(got, c0)
			calls := make([]atomic.Int32, len(got))
			then := func(row []float64) {
				for i := range row {
					calls[len(got)-cap(row[i:])].Add(1)
					row[i] = 2*row[i] + 1
				}
			}
			dgemm(bestKernel, 0, nil, then, c.transA, c.transB, c.m, c.n, c.k, c.alpha, a, c.lda, b, c.ldb, c.beta, got, c.ldc)
			for i := range got {
				w, n := want[i], int32(1)
				if i%c.ldc < c.n {
					w = 2*w + 1
				} else {
					n = 0
				}
				if math.Float64bits(got[i]) != math.Float64bits(w) || calls[i].Load() != n {
					t.Fatalf("%v: c[%d] = %v after %d calls, want %v after %d", c, i, got[i], calls[i].Load(), w, n)
				}
			}
		}
	}
}

// TestDgemmDegenerate covers k = 0 and alpha = 0, where A and B are not
// read (they hold NaN here) and C becomes beta·C, unread when beta is 0,
// and m or n = 0, where nothing is read or written.
func TestDgemmDegenerate(t *testing.T) {
	nan := []float64{math.NaN(), math.NaN(), math.NaN(), math.NaN()}
	for _, beta := range []float64{0, 1, -2} {
		for _, k := range []int{0, 2} {
			c := []float64{2, 3, 4, 5}
			if beta == 0 {
				c[0] = math.NaN()
			}
			Dgemm(false, false, 2, 2, k, 0, nan, 2, nan, 2, beta, c, 2)
			Dgemm(true, true, 2, 2, 0, 1, nil, 2, nil, 1, 1, c, 2)
			for i, x := range []float64{2, 3, 4, 5} {
				if c[i] != beta*x {
					t.Errorf("k=%d beta=%v: c = %v, want beta·C", k, beta, c)
					break
				}
			}
		}
	}
	Dgemm(true, false, 0, 3, 2, 1, nil, 1, nil, 3, 0, nil, 3)
	Dgemm(false, true, 3, 0, 2, 1, nil, 2, nil, 2, 0, nil, 1)
}

// TestDgemmConcurrent runs parallel products from several goroutines at
// once, so that some find every helper busy; run it with -race.
func TestDgemmConcurrent(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 9))
			for range 5 {
				c := random(rng, 100+rng.IntN(100), 100+rng.IntN(100), 100)
				a, b, c0 := c.operands(rng)
				c.check(t, "concurrent", a, b, c0, c.run(bestKernel, a, b, c0))
			}
		})
	}
	wg.Wait()
}

func TestDgemmPanics(t *testing.T) {
	x := make([]float64, 6)
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"negative m", func() { Dgemm(false, false, -1, 2, 3, 1, x, 3, x, 2, 0, x, 2) }},
		{"lda", func() { Dgemm(false, false, 2, 2, 3, 1, x, 2, x, 2, 0, x, 2) }},
		{"lda transposed", func() { Dgemm(true, false, 3, 2, 2, 1, x, 2, x, 2, 0, x, 2) }},
		{"ldb", func() { Dgemm(false, true, 2, 3, 2, 1, x, 2, x, 1, 0, x, 3) }},
		{"ldc", func() { Dgemm(false, false, 2, 3, 2, 1, x, 2, x, 3, 0, x, 2) }},
		{"short a", func() { Dgemm(false, false, 3, 2, 3, 1, x, 3, x, 2, 0, x, 2) }},
		{"short b", func() { Dgemm(false, false, 2, 2, 4, 1, x, 4, x, 2, 0, x, 2) }},
		{"short c", func() { Dgemm(false, false, 4, 2, 1, 1, x, 1, x, 2, 0, x, 2) }},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", c.name)
				}
			}()
			c.f()
		}()
	}
}

// TestDgemmMatchesGonum compares Dgemm with gonum's blas64.Gemm on random
// shapes, parallel ones included.
func TestDgemmMatchesGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 60 {
		c := random(rng, 1+rng.IntN(300), 1+rng.IntN(300), 1+rng.IntN(300))
		a, b, c0 := c.operands(rng)
		if c.beta == 0 {
			c.beta = 0.5 // gonum reads C when beta is 0
			for i := range c0 {
				c0[i] = 1
			}
		}
		got := c.run(bestKernel, a, b, c0)
		want := append([]float64(nil), c0...)
		ar, ac, br, bc := c.m, c.k, c.k, c.n
		tA, tB := blas.NoTrans, blas.NoTrans
		if c.transA {
			ar, ac, tA = c.k, c.m, blas.Trans
		}
		if c.transB {
			br, bc, tB = c.n, c.k, blas.Trans
		}
		blas64.Gemm(tA, tB, c.alpha,
			blas64.General{Rows: ar, Cols: ac, Stride: c.lda, Data: a},
			blas64.General{Rows: br, Cols: bc, Stride: c.ldb, Data: b},
			c.beta, blas64.General{Rows: c.m, Cols: c.n, Stride: c.ldc, Data: want})
		for i := range want {
			if d := math.Abs(got[i] - want[i]); d > 1e-12*math.Max(1, math.Abs(want[i]))*float64(c.k) {
				t.Fatalf("%v: c[%d] = %v, gonum %v", c, i, got[i], want[i])
			}
		}
	}
}

// TestNoAllocations checks that a parallel product, a stoppable one and a
// Split allocate nothing once their pools are warm, as compiled tapes
// that multiply in a loop need.
func TestNoAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items under the race detector")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	a, b, c := make([]float64, 256*64), make([]float64, 64*128), make([]float64, 256*128)
	stop := func() bool { return false }
	f := func(lo, hi int) { clear(c[lo:hi]) }
	for name, run := range map[string]func(){
		"Dgemm":     func() { Dgemm(false, false, 256, 128, 64, 1, a, 64, b, 128, 0, c, 128) },
		"DgemmStop": func() { DgemmStop(stop, true, false, 64, 128, 256, 1, a, 64, c, 128, 0, b, 128) },
		"Split":     func() { Split(len(c), 4096, f) },
	} {
		run()
		if allocs := testing.AllocsPerRun(50, run); allocs != 0 {
			t.Errorf("%s: %v allocations per call", name, allocs)
		}
	}
}

// TestDgemmStop stops a product after a few tiles: DgemmStop reports it
// and returns, and an unstopped one reports completion.
func TestDgemmStop(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	n := 600
	a, c := make([]float64, n*n), make([]float64, n*n)
	var asked atomic.Int32
	stop := func() bool { return asked.Add(1) > 3 }
	if DgemmStop(stop, false, false, n, n, n, 1, a, n, a, n, 0, c, n) {
		t.Error("a stopped product reports completion")
	}
	if got := asked.Load(); got > 4+int32(runtime.GOMAXPROCS(0)) {
		t.Errorf("stop was asked %d times after it said stop", got-4)
	}
	if !DgemmStop(func() bool { return false }, false, false, n, n, n, 1, a, n, a, n, 0, c, n) {
		t.Error("an unstopped product reports being stopped")
	}
}
