package autodiff

import "calc/stdlib/gemm"

// A network's training step, split by rows. The rows of a batch (the
// samples of a network's input X) go through a training step apart from
// each other until the gradient sums over them: the forward pass
// H = σ(X·W1), the output, the error terms Δ of the backward pass, row by
// row; only the gradients Xᵀ·Δ and Hᵀ·δ, and the loss, add up all rows.
// So the tape cuts the batch into a fixed number of parts, and each
// thread computes whole parts from the first product to the partial
// gradients Xᵀ[:, part]·Δ[part], reading only the rows of H and Δ it
// made itself: the threads meet twice a step, at its start and when
// their partial gradients are added (in the order of the parts). Cut into
// tiles of each product instead, the threads would meet at every product
// and read each other's rows, moving them from cache to cache.
//
// The parts depend on the batch only, not on the number of threads, so
// the results are the same whatever runs them: a gradient is the sum of
// its parts' sums, rounded differently from one sum over the batch but
// always the same way. One thread computes the parts one after the other.
//
// A region is a run of instructions from a matrix product with many rows,
// the batch, on; in it, an instruction is one of
//   - local: row i of its output needs only rows i of the region's
//     earlier outputs (a product with the batch as its rows, a fused sum
//     or product of whole arrays, arithmetic that may read a bias, a row
//     read by every row, a primitive's slice kernel), and is computed a
//     part's rows at a time;
//   - a reduction: a product whose inner dimension is the batch (Xᵀ·Δ),
//     or a sum over the batch (a bias's gradient), computed a part's
//     slice of the batch at a time into a partial result, the parts'
//     partials then added;
//   - deferred: any other instruction (the loss's total), which no local
//     instruction or reduction of the region reads; it runs after the
//     parts, in its order.

// minPartRows is the fewest rows of the batch in a part, and maxParts
// the most parts: a part's products then have rows enough for the
// micro-kernel's tiles, and the partial gradients to add stay few.
// minPartWork is the fewest multiply-adds of a part's first product,
// below which handing a part to another thread costs more than it saves.
const (
	minPartRows = 128
	maxParts    = 8
	minPartWork = 1 << 18
)

// rowRegion is a region compiled into parts: parts[p] are its local
// instructions and reductions on the rows of part p, sums the reductions'
// outputs with the other parts' partials to add to them, after the
// deferred instructions, and run computes part p.
type rowRegion struct {
	batch int
	parts [][]instr
	sums  []partialSum
	after []instr
	run   func(p int)
}

// partialSum is a reduction's output, which part 0 writes, and the
// partials of parts 1, 2, … to add to it.
type partialSum struct {
	out      span
	partials []span
}

// eval computes the region's parts on the threads, adds the partials and
// runs the deferred instructions.
func (r *rowRegion) eval(mem []float64) {
	gemm.Parts(len(r.parts), r.run)
	for _, s := range r.sums {
		out := mem[s.out.off : s.out.off+s.out.n]
		for _, p := range s.partials {
			gemm.Add(out, mem[p.off:p.off+p.n])
		}
	}
	for i := range r.after {
		r.after[i].exec(mem)
	}
}

// bind makes run compute a part in mem.
func (r *rowRegion) bind(mem []float64) {
	r.run = func(p int) {
		for i := range r.parts[p] {
			r.parts[p][i].run(mem)
		}
	}
}

// splitRows replaces each region of code by one instruction that
// computes it by parts, allocating the partials with alloc.
func splitRows(code []instr, alloc func(n int) span) []instr {
	var out []instr
	for i := 0; i < len(code); {
		if r, end := planRegion(code, i, alloc); r != nil {
			out = append(out, instr{op: opRows, node: code[end-1].node, region: r})
			i = end
			continue
		}
		out = append(out, code[i])
		i++
	}
	return out
}

// The roles of an instruction in a region.
const (
	deferred = iota
	local
	reduction
)

// regionPlan is a region being planned: the batch, the registers its
// local instructions wrote (whole rows of the batch, available to the
// next ones row by row) and those of its reductions and deferred
// instructions (available only after the region).
type regionPlan struct {
	batch   int
	rows    []span
	pending []span
}

// planRegion compiles the region starting at code[first], if one does,
// and returns it with the index just past it.
func planRegion(code []instr, first int, alloc func(n int) span) (*rowRegion, int) {
	start := &code[first]
	if start.op != OpDot || start.vecA {
		return nil, 0
	}
	batch := start.m
	parts := min(maxParts, batch/minPartRows)
	if parts < 2 || start.m/parts*start.n*start.k < minPartWork {
		return nil, 0
	}
	pl := &regionPlan{batch: batch}
	roles := make([]int, 0, len(code)-first)
	end := first
	for j := first; j < len(code); j++ {
		in := &code[j]
		role := pl.role(in)
		roles = append(roles, role)
		if role == local {
			pl.rows = append(pl.rows, in.out)
		} else {
			pl.pending = append(pl.pending, in.out)
		}
		if role != deferred {
			end = j + 1
		}
	}
	if byParts := len(roles) - countRole(roles, deferred); byParts < 2 {
		return nil, 0
	}
	r := &rowRegion{batch: batch, parts: make([][]instr, parts)}
	for j := first; j < end; j++ {
		in := &code[j]
		switch roles[j-first] {
		case deferred:
			r.after = append(r.after, *in)
			continue
		case reduction:
			s := partialSum{out: in.out}
			for range parts - 1 {
				s.partials = append(s.partials, alloc(in.out.n))
			}
			r.sums = append(r.sums, s)
		}
		for p := range parts {
			lo, hi := partRows(batch, parts, p)
			r.parts[p] = append(r.parts[p], pl.part(in, roles[j-first], lo, hi, r.sums, p))
		}
	}
	return r, end
}

// countRole returns the number of instructions of the role among roles.
func countRole(roles []int, role int) int {
	n := 0
	for _, r := range roles {
		if r == role {
			n++
		}
	}
	return n
}

// partRows returns the rows [lo, hi) of part p of the batch: as many
// rows to each part, in multiples of eight (the micro-kernels' rows).
func partRows(batch, parts, p int) (lo, hi int) {
	lo, hi = p*batch/parts&^7, (p+1)*batch/parts&^7
	if p == parts-1 {
		hi = batch
	}
	return lo, hi
}

// role returns the role of in in the region.
func (pl *regionPlan) role(in *instr) int {
	for _, s := range operands(in) {
		if overlaps(s, pl.pending) {
			return deferred
		}
	}
	switch {
	case in.op == OpDot && pl.localDot(in):
		return local
	case in.op == OpDot && pl.reductionDot(in), in.op == OpSumTo && pl.reductionSum(in):
		return reduction
	case in.op != OpDot && pl.elementwise(in):
		return local
	}
	return deferred
}

// rowOperand reports whether s, read by rows of the batch, is one of the
// region's local outputs (inRows), or apart from all of them; ok is false
// when it shares some of their elements only.
func (pl *regionPlan) rowOperand(s span) (inRows, ok bool) {
	for _, r := range pl.rows {
		if s == r {
			return true, true
		}
	}
	return false, !overlaps(s, pl.rows)
}

// localDot reports whether the product in has the batch as its rows,
// reading a local output (if any) by rows and its second factor whole.
func (pl *regionPlan) localDot(in *instr) bool {
	if in.vecA || in.m != pl.batch || overlaps(in.args[1].span, pl.rows) {
		return false
	}
	inRows, ok := pl.rowOperand(in.args[0].span)
	return ok && !(inRows && in.transA)
}

// reductionDot reports whether the product in sums over the batch (its
// inner dimension), reading a local output as rows of the batch: the
// first factor transposed, the second as it is.
func (pl *regionPlan) reductionDot(in *instr) bool {
	if in.k != pl.batch || in.then != nil {
		return false
	}
	aRows, aOK := pl.rowOperand(in.args[0].span)
	bRows, bOK := pl.rowOperand(in.args[1].span)
	return aOK && bOK && (aRows || bRows) && !(aRows && !in.transA && !in.vecA) && !(bRows && in.transB)
}

// reductionSum reports whether in sums a local output over the batch,
// keeping its columns (a bias's gradient), or a column over all of it
// (no index map).
func (pl *regionPlan) reductionSum(in *instr) bool {
	a := &in.args[0]
	inRows, _ := pl.rowOperand(a.span)
	return inRows && a.n == pl.batch*in.out.n && (in.idx == nil || rowBroadcast(in.idx, in.out.n))
}

// rowBroadcast reports whether idx maps element k of a matrix with rows
// of cols elements to element k mod cols: a row read by every row.
func rowBroadcast(idx []int32, cols int) bool {
	for k, j := range idx {
		if int(j) != k%cols {
			return false
		}
	}
	return idx != nil
}

// elementwise reports whether in computes each element of its output,
// whole rows of the batch, from the same elements of its operands, or
// from the element of its row of an outer product's column, or of its
// column of a row that every row reads (a bias): a fused sum or product
// of whole arrays, an arithmetic operation or a primitive's slice kernel,
// which cannot panic on another thread.
func (pl *regionPlan) elementwise(in *instr) bool {
	n := in.out.n
	if n%pl.batch != 0 {
		return false
	}
	switch {
	case in.op == OpAdd || in.op == OpMul && in.factors == nil || in.op == OpPow:
		for _, a := range in.args {
			if !(a.idx == nil && (a.n == n || a.n == 1) || rowBroadcast(a.idx, n/pl.batch)) {
				return false
			}
		}
	case in.op == opTerms:
		for i := range in.terms {
			t := &in.terms[i]
			if t.lo != 0 || t.n != n {
				return false
			}
		}
	case in.factors != nil:
		for _, f := range in.factors {
			if f.outer && (n != pl.batch*f.cols || overlaps(span{f.vOff, f.cols}, pl.rows)) {
				return false
			}
		}
	case in.op == OpApply:
		p := in.node.Prim
		if p.Arity != 1 || p.Slice == nil || in.args[0].n != n {
			return false
		}
	default:
		return false
	}
	for _, s := range operands(in) {
		if _, ok := pl.rowOperand(s); !ok {
			return false
		}
	}
	return true
}

// part returns in on rows [lo, hi) of the batch, part p's; a reduction's
// part other than the first writes its partial.
func (pl *regionPlan) part(in *instr, role, lo, hi int, sums []partialSum, p int) instr {
	c := *in
	c.split = nil
	switch {
	case role == reduction && p > 0:
		c.out = sums[len(sums)-1].partials[p-1]
	case role == local && in.op == OpDot:
		c.out = span{in.out.off + lo*in.n, (hi - lo) * in.n}
	case role == local:
		cols := in.out.n / pl.batch
		c.out = span{in.out.off + lo*cols, (hi - lo) * cols}
	}
	switch {
	case in.op == OpDot && role == reduction:
		c.alone = true
		c.args = sliceDot(in, lo, hi)
		c.k = hi - lo
	case in.op == OpDot:
		c.alone = true
		c.args = append([]arg(nil), in.args...)
		shift := lo * in.lda
		if in.transA {
			shift = lo
		}
		c.args[0].off += shift
		c.args[0].n -= shift
		c.m = hi - lo
	case in.op == OpSumTo:
		cols := in.out.n
		c.args = []arg{{span: span{in.args[0].off + lo*cols, (hi - lo) * cols}}}
		if in.idx != nil {
			c.idx = in.idx[:(hi-lo)*cols]
		}
	case in.op == opTerms:
		e0 := c.out.off - in.out.off
		c.terms = append([]fterm(nil), in.terms...)
		for i := range c.terms {
			t := &c.terms[i]
			t.n = c.out.n
			t.a += e0 * t.sa
			t.b += e0 * t.sb
		}
	case in.factors != nil:
		c.factors = append([]mulFactor(nil), in.factors...)
		for i := range c.factors {
			f := &c.factors[i]
			if f.outer {
				f.off += lo
			} else {
				f.off += c.out.off - in.out.off
			}
		}
	default: // elementwise over args: those of the output's size move with it
		c.args = append([]arg(nil), in.args...)
		for i := range c.args {
			if a := &c.args[i]; a.idx == nil && a.n == in.out.n {
				a.span = span{a.off + c.out.off - in.out.off, c.out.n}
			}
		}
	}
	return c
}

// sliceDot returns the factors of the product in on the slice [lo, hi)
// of its inner dimension: the columns of op(A) and the rows of op(B).
func sliceDot(in *instr, lo, hi int) []arg {
	k := hi - lo
	a, b := in.args[0], in.args[1]
	if in.transA {
		a.span = span{a.off + lo*in.lda, matrixSpan(k, in.m, in.lda)}
	} else {
		a.span = span{a.off + lo, matrixSpan(in.m, k, in.lda)}
	}
	if in.transB {
		b.span = span{b.off + lo, matrixSpan(in.n, k, in.ldb)}
	} else {
		b.span = span{b.off + lo*in.ldb, matrixSpan(k, in.n, in.ldb)}
	}
	return []arg{a, b}
}

// matrixSpan is the number of elements a rows×cols matrix with leading
// dimension ld spans.
func matrixSpan(rows, cols, ld int) int { return (rows-1)*ld + cols }

// operands returns the registers in reads.
func operands(in *instr) []span {
	var s []span
	for _, a := range in.args {
		s = append(s, a.span)
	}
	read := func(off, stride, n int) {
		if stride == 0 {
			n = 1
		}
		s = append(s, span{off, n})
	}
	for _, t := range in.terms {
		if t.hasA {
			read(t.a, t.sa, t.n)
		}
		if t.hasB {
			read(t.b, t.sb, t.n)
		}
	}
	for _, f := range in.factors {
		if f.outer {
			s = append(s, span{f.off, in.out.n / f.cols}, span{f.vOff, f.cols})
			continue
		}
		s = append(s, span{f.off, in.out.n})
	}
	return s
}

// overlaps reports whether s shares an element with one of regs.
func overlaps(s span, regs []span) bool {
	for _, r := range regs {
		if s.off < r.off+r.n && r.off < s.off+s.n {
			return true
		}
	}
	return false
}
