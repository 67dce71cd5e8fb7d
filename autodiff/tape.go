package autodiff

import (
	"fmt"
	"math"
	"strings"

	"calc/stdlib/array"
	"calc/stdlib/gemm"
)

// Tape is a graph compiled for numeric evaluation: a flat list of
// instructions over registers preallocated in one slab of memory. Every
// node gets a register of its size; indexing, slicing and reshaping share
// their argument's register instead of copying. Broadcasting, transposes
// and axis sums run through index maps computed once, at compile time.
// Evaluating a tape allocates nothing.
//
// A Tape is not safe for concurrent use: it owns its registers.
type Tape struct {
	mem     []float64
	code    []instr
	inputs  []span
	outputs []span
	nodes   int
}

// span is a register: mem[off : off+n].
type span struct{ off, n int }

// arg is an instruction's operand: its register and how its elements map
// onto the instruction's output elements.
type arg struct {
	span
	idx []int32 // general broadcast: element k reads idx[k]; nil if same size or scalar
}

// at returns operand element k for an output of n elements.
func (a *arg) at(mem []float64, k int) float64 {
	switch {
	case a.idx != nil:
		return mem[a.off+int(a.idx[k])]
	case a.n == 1:
		return mem[a.off]
	}
	return mem[a.off+k]
}

type instr struct {
	op    Op
	node  *Node
	out   span
	args  []arg
	coefs []float64
	val   float64
	// pow: the exponent when it is a constant scalar, with hasExp set.
	exp    float64
	hasExp bool
	// idx: gather (broadcast, transpose) or scatter-add (sum over an axis,
	// sum-to) index map.
	idx []int32
	// dot dimensions: out (m×n) = a (m×k) · b (k×n); vecA/vecB for
	// vectors; transA/transB when an operand is read transposed in place.
	m, k, n        int
	lda, ldb       int
	vecA, vecB     bool
	transA, transB bool
	// alone says that a dot runs on its thread alone: it is a part of a
	// region, whose parts the threads share.
	alone    bool
	lo       int
	terms    []fterm     // opTerms, opTermsTotal
	callArgs [][]float64 // OpCall: its arguments' registers
	factors  []mulFactor // OpMul over whole arrays
	// then, if set, is the activation applied to a dot's result (see
	// fusion.activated).
	then func(row []float64)
	// split, if set, computes the output's elements [lo, hi): the
	// instruction is elementwise and large, and Eval splits it across
	// threads.
	split func(lo, hi int)
	// scalar says that the instruction computes one number by a fused
	// sum or product, which Eval does itself (see scalarKind).
	scalar scalarKind
	// region is an opRows's region.
	region *rowRegion
}

// scalarKind marks the instructions that compute a single number by a
// fused sum or product: the code of a traced scalar function, an ODE's
// right-hand side, a Jacobian's entries, is mostly these, so that Eval
// runs them without run's dispatch, output slice and loops.
type scalarKind uint8

const (
	notScalar scalarKind = iota
	scalarSum
	scalarProduct
)

// scalarKindOf returns in's scalarKind.
func scalarKindOf(in *instr) scalarKind {
	switch {
	case in.out.n != 1:
	case in.op == opTerms && in.terms[0].lo == 0 && in.terms[0].n == 1:
		return scalarSum
	case in.op == OpMul && in.factors != nil:
		return scalarProduct
	}
	return notScalar
}

// splitGrain is the fewest elements per thread an elementwise instruction
// is split into: below it, handing a range to another thread (a few
// microseconds) costs more than it saves.
const splitGrain = 8192

// Compile compiles the graph of outs for evaluation with the variables
// inputs bound, in that order, to the slices given to Eval.
func Compile(outs []*Node, inputs []*Node) (*Tape, error) {
	t := &Tape{}
	regs := map[*Node]span{}
	size := 0
	alloc := func(n int) span {
		s := span{size, n}
		size += n
		return s
	}
	for _, in := range inputs {
		if in.Op != OpVar {
			return nil, fmt.Errorf("compile: input %s is not a variable", in)
		}
		if _, dup := regs[in]; !dup {
			regs[in] = alloc(in.Size())
		}
		t.inputs = append(t.inputs, regs[in])
	}
	order := callFirst(topo(outs...))
	t.nodes = len(order)
	fz := planFusion(order, outs)
	type preload struct {
		s    span
		data []float64
	}
	var consts []preload
	for _, n := range order {
		if _, ok := regs[n]; ok {
			continue
		}
		if c := constArray(n); c != nil {
			regs[n] = alloc(n.Size())
			full := c
			if c.Len() != n.Size() {
				full = check(array.Broadcast(c, array.Zeros(n.Shape...), func(x, _ float64) float64 { return x }))
			}
			consts = append(consts, preload{regs[n], full.Floats()})
			continue
		}
		switch n.Op {
		case OpVar:
			return nil, fmt.Errorf("compile: %s is not among the inputs", n.Name)
		case OpIndex, OpSlice:
			a := regs[n.Args[0]]
			stride := array.Size(n.Args[0].Shape[1:])
			regs[n] = span{a.off + n.Lo*stride, n.Size()}
			continue
		case OpReshape:
			regs[n] = regs[n.Args[0]]
			continue
		}
		if fz.transposed[n] {
			regs[n] = regs[n.Args[0]]
			continue
		}
		if fz.fused[n] {
			continue
		}
		regs[n] = alloc(n.Size())
		switch {
		case n.Op == OpAdd && termsConsumer(n), n.Op == OpSum && termsConsumer(n) && fz.fused[n.Args[0]]:
			t.code = append(t.code, fz.compileTerms(n, regs))
		case n.Op == OpApply && fz.activated[n.Args[0]]:
			t.code = append(t.code, compileActivated(n, regs, fz))
		case fz.factorsMul(n):
			t.code = append(t.code, instr{op: OpMul, node: n, out: regs[n], val: n.Val, factors: fz.factors(n, regs)})
		default:
			t.code = append(t.code, compileNode(n, regs, fz))
		}
	}
	t.code = splitRows(t.code, alloc)
	t.mem = make([]float64, size)
	prepare(t.code, t.mem)
	for _, c := range consts {
		copy(t.mem[c.s.off:], c.data)
	}
	for _, o := range outs {
		t.outputs = append(t.outputs, regs[o])
	}
	return t, nil
}

// prepare readies the instructions of code to run over mem: the
// splitters of the large elementwise ones, the kinds of the scalar ones,
// the regions' parts.
func prepare(code []instr, mem []float64) {
	for i := range code {
		in := &code[i]
		in.split = in.splitter(mem)
		in.scalar = scalarKindOf(in)
		if in.region != nil {
			in.region.bind(mem)
			prepare(in.region.after, mem)
		}
	}
}

// compileNode makes the instruction that computes n.
func compileNode(n *Node, regs map[*Node]span, fz *fusion) instr {
	in := instr{op: n.Op, node: n, out: regs[n], coefs: n.Coefs, val: n.Val, lo: n.Lo}
	elementwise := n.Op == OpAdd || n.Op == OpMul || n.Op == OpPow || n.Op == OpApply || n.Op == OpSelect
	for _, a := range n.Args {
		x := arg{span: regs[a]}
		if elementwise {
			x.idx = broadcastIndex(a.Shape, n.Shape)
		}
		in.args = append(in.args, x)
	}
	switch n.Op {
	case OpPow:
		if e, ok := n.Args[1].constValue(); ok {
			in.exp, in.hasExp = e, true
		}
	case OpDot:
		a, b := n.Args[0], n.Args[1]
		in.vecA, in.vecB = len(a.Shape) == 1, len(b.Shape) == 1
		in.k = b.Shape[0]
		in.m, in.n = 1, 1
		if !in.vecA {
			in.m = a.Shape[0]
		}
		if !in.vecB {
			in.n = b.Shape[1]
		}
		in.transA, in.transB = fz.transposed[a], fz.transposed[b]
		in.lda, in.ldb = in.k, in.n
		if in.transA {
			in.lda = in.m
		}
		if in.transB {
			in.ldb = in.k
		}
	case OpTranspose:
		in.idx = transposeIndex(n.Args[0].Shape)
	case OpBroadcast:
		in.idx = broadcastIndex(n.Args[0].Shape, n.Shape)
	case OpSum:
		if n.Lo != AllAxes {
			in.idx = axisSumIndex(n.Args[0].Shape, n.Lo)
		}
	case OpSumTo:
		in.idx = broadcastIndex(n.Shape, n.Args[0].Shape)
	case OpScatter:
		in.lo = n.Lo * array.Size(n.Shape[1:])
	case OpCall:
		in.callArgs = make([][]float64, len(n.Args))
	}
	return in
}

// compileActivated makes the instruction that computes the primitive n
// of a matrix product as the product's activation.
func compileActivated(n *Node, regs map[*Node]span, fz *fusion) instr {
	in := compileNode(n.Args[0], regs, fz)
	in.node, in.out = n, regs[n]
	slice := n.Prim.Slice
	in.then = func(row []float64) { slice(row, row) }
	return in
}

// broadcastIndex maps each element of shape to to the element of from it
// reads under numpy broadcasting; nil when from has the same size (no map
// needed) or a single element.
func broadcastIndex(from, to []int) []int32 {
	nf, nt := array.Size(from), array.Size(to)
	if nf == nt || nf == 1 {
		return nil
	}
	// Strides of from aligned to the trailing axes of to; 0 where from
	// has size 1 (broadcast) or lacks the axis.
	strides := make([]int, len(to))
	s := 1
	for i := len(from) - 1; i >= 0; i-- {
		j := len(to) - len(from) + i
		if from[i] != 1 {
			strides[j] = s
		}
		s *= from[i]
	}
	return walkIndex(to, strides)
}

// walkIndex returns, for each element of shape in row-major order, the
// sum of its multi-index times strides.
func walkIndex(shape, strides []int) []int32 {
	n := array.Size(shape)
	idx := make([]int32, n)
	pos := make([]int, len(shape))
	cur := 0
	for k := 0; k < n; k++ {
		idx[k] = int32(cur)
		for d := len(shape) - 1; d >= 0; d-- {
			pos[d]++
			cur += strides[d]
			if pos[d] < shape[d] {
				break
			}
			cur -= strides[d] * pos[d]
			pos[d] = 0
		}
	}
	return idx
}

// transposeIndex maps each element of the transpose of shape to the
// element of the original it reads.
func transposeIndex(shape []int) []int32 {
	nd := len(shape)
	orig := make([]int, nd)
	s := 1
	for i := nd - 1; i >= 0; i-- {
		orig[i] = s
		s *= shape[i]
	}
	tshape := make([]int, nd)
	strides := make([]int, nd)
	for i := range tshape {
		tshape[i] = shape[nd-1-i]
		strides[i] = orig[nd-1-i]
	}
	return walkIndex(tshape, strides)
}

// axisSumIndex maps each element of shape to the element of the sum over
// axis that it adds to.
func axisSumIndex(shape []int, axis int) []int32 {
	strides := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		if i == axis {
			continue
		}
		strides[i] = s
		s *= shape[i]
	}
	return walkIndex(shape, strides)
}

// Eval runs the tape with the inputs bound to the given values (one slice
// per input variable, of its size). Read the results with Output.
func (t *Tape) Eval(inputs ...[]float64) {
	for i, in := range inputs {
		copy(t.mem[t.inputs[i].off:t.inputs[i].off+t.inputs[i].n], in)
	}
	for i := range t.code {
		t.code[i].exec(t.mem)
	}
}

// exec runs in over mem on the calling goroutine and, for a region or an
// instruction with a splitter, on Dgemm's threads.
func (in *instr) exec(mem []float64) {
	switch {
	case in.scalar == scalarSum:
		mem[in.out.off] = scalarTerms(in.val, in.terms, mem)
	case in.scalar == scalarProduct:
		mem[in.out.off] = scalarFactors(in.val, in.factors, mem)
	case in.split != nil:
		gemm.Split(in.out.n, splitGrain, in.split)
	case in.region != nil:
		in.region.eval(mem)
	default:
		in.run(mem)
	}
}

// splitter returns the function computing a range of in's output, for
// the elementwise instructions large enough to split: products of whole
// arrays and primitives with a slice kernel (the sigmoid). Only these
// kernels, which cannot panic, run on other threads, where a panic could
// not be recovered as an error.
func (in *instr) splitter(mem []float64) func(lo, hi int) {
	if in.out.n < 2*splitGrain {
		return nil
	}
	out := mem[in.out.off : in.out.off+in.out.n]
	switch {
	case in.factors != nil:
		return func(lo, hi int) { runFactors(in.val, in.factors, mem, out, lo, hi) }
	case in.op == OpApply && in.node.Prim.Arity == 1 && in.node.Prim.Slice != nil:
		slice, a := in.node.Prim.Slice, in.args[0]
		src := mem[a.off : a.off+a.n]
		return func(lo, hi int) { slice(out[lo:hi], src[lo:hi]) }
	}
	return nil
}

// Output returns the value of output i of the last Eval. The slice is the
// tape's own register: copy it to keep it past the next Eval.
func (t *Tape) Output(i int) []float64 {
	o := t.outputs[i]
	return t.mem[o.off : o.off+o.n]
}

// OutputsFrom returns the values of outputs first, first+1, … of the last
// Eval as one slice, the tape's own registers, when these follow each
// other in its memory (a gradient's parts usually do), and false
// otherwise.
func (t *Tape) OutputsFrom(first int) ([]float64, bool) {
	outs := t.outputs[first:]
	end := outs[0].off
	for _, o := range outs {
		if o.off != end {
			return nil, false
		}
		end += o.n
	}
	return t.mem[outs[0].off:end], true
}

// Outputs returns the number of outputs of the tape.
func (t *Tape) Outputs() int { return len(t.outputs) }

// Len returns the number of instructions of the tape.
func (t *Tape) Len() int { return len(t.code) }

func (in *instr) run(mem []float64) {
	out := mem[in.out.off : in.out.off+in.out.n]
	switch in.op {
	case opTerms:
		runTerms(in.val, in.terms, mem, out)
	case opTermsTotal:
		out[0] = totalTerms(in.terms, mem)
	case OpAdd:
		first := 0
		if a := &in.args[0]; a.idx == nil && a.n == len(out) {
			src, c, v := mem[a.off:a.off+a.n], in.coefs[0], in.val
			for k := range out {
				out[k] = v + c*src[k]
			}
			first = 1
		} else {
			for k := range out {
				out[k] = in.val
			}
		}
		for i := first; i < len(in.args); i++ {
			a, c := &in.args[i], in.coefs[i]
			if a.idx == nil && a.n == len(out) {
				src := mem[a.off : a.off+a.n]
				if c == 1 {
					for k := range out {
						out[k] += src[k]
					}
					continue
				}
				for k := range out {
					out[k] += c * src[k]
				}
				continue
			}
			for k := range out {
				out[k] += c * a.at(mem, k)
			}
		}
	case OpMul:
		if in.factors != nil {
			runFactors(in.val, in.factors, mem, out, 0, len(out))
			return
		}
		first := 0
		if a := &in.args[0]; a.idx == nil && a.n == len(out) {
			src, v := mem[a.off:a.off+a.n], in.val
			for k := range out {
				out[k] = v * src[k]
			}
			first = 1
		} else {
			for k := range out {
				out[k] = in.val
			}
		}
		for i := first; i < len(in.args); i++ {
			a := &in.args[i]
			if a.idx == nil && a.n == len(out) {
				src := mem[a.off : a.off+a.n]
				for k := range out {
					out[k] *= src[k]
				}
				continue
			}
			for k := range out {
				out[k] *= a.at(mem, k)
			}
		}
	case OpPow:
		base := &in.args[0]
		if in.hasExp {
			powConst(out, base, mem, in.exp)
			return
		}
		for k := range out {
			out[k] = math.Pow(base.at(mem, k), in.args[1].at(mem, k))
		}
	case OpApply:
		p := in.node.Prim
		a := &in.args[0]
		if p.Arity == 1 {
			src := mem[a.off : a.off+a.n]
			if p.Slice != nil {
				p.Slice(out, src)
				return
			}
			for k := range out {
				out[k] = p.Unary(src[k])
			}
			return
		}
		b := &in.args[1]
		if p.Arity == 3 {
			c := &in.args[2]
			for k := range out {
				out[k] = p.Ternary(a.at(mem, k), b.at(mem, k), c.at(mem, k))
			}
			return
		}
		for k := range out {
			out[k] = p.Binary(a.at(mem, k), b.at(mem, k))
		}
	case OpSelect:
		c, a, b := &in.args[0], &in.args[1], &in.args[2]
		for k := range out {
			if c.at(mem, k) != 0 {
				out[k] = a.at(mem, k)
			} else {
				out[k] = b.at(mem, k)
			}
		}
	case OpDot:
		in.dot(mem, out)
	case OpTranspose, OpBroadcast:
		a := &in.args[0]
		src := mem[a.off : a.off+a.n]
		if in.idx == nil { // a broadcast from a single element
			for k := range out {
				out[k] = src[0]
			}
			return
		}
		for k, j := range in.idx {
			out[k] = src[j]
		}
	case OpSum, OpSumTo:
		a := &in.args[0]
		src := mem[a.off : a.off+a.n]
		if in.idx == nil { // a sum of everything
			s := 0.0
			for _, x := range src {
				s += x
			}
			out[0] = s
			return
		}
		clear(out)
		for k, j := range in.idx {
			out[j] += src[k]
		}
	case OpScatter:
		a := &in.args[0]
		clear(out)
		copy(out[in.lo:], mem[a.off:a.off+a.n])
	case OpCall:
		for i, a := range in.args {
			in.callArgs[i] = mem[a.off : a.off+a.n]
		}
		in.node.Call.Eval(in.callArgs, out)
	case OpStack:
		off := 0
		for i := range in.args {
			a := &in.args[i]
			if a.n == 1 { // a scalar (a gradient's, a Jacobian's entry): no copy call
				out[off] = mem[a.off]
			} else {
				copy(out[off:], mem[a.off:a.off+a.n])
			}
			off += a.n
		}
	default:
		panic(fmt.Sprintf("autodiff: no instruction for op %d", in.op))
	}
}

// powConst raises each element to a constant power, with the common
// powers done by multiplication.
func powConst(out []float64, base *arg, mem []float64, e float64) {
	src := mem[base.off : base.off+base.n]
	if base.n != len(out) || base.idx != nil {
		for k := range out {
			out[k] = pow(base.at(mem, k), e)
		}
		return
	}
	switch e {
	case 2:
		for k, x := range src {
			out[k] = x * x
		}
	case 0.5:
		for k, x := range src {
			out[k] = math.Sqrt(x)
		}
	case -1:
		for k, x := range src {
			out[k] = 1 / x
		}
	case -2:
		for k, x := range src {
			out[k] = 1 / (x * x)
		}
	case 3:
		for k, x := range src {
			out[k] = x * x * x
		}
	default:
		for k, x := range src {
			out[k] = math.Pow(x, e)
		}
	}
}

// dot computes a matrix product, then its activation if any, with
// gemm.DgemmThen, or a plain loop when the result is a single number (a
// vector's data reads the same transposed).
func (in *instr) dot(mem []float64, out []float64) {
	a := mem[in.args[0].off : in.args[0].off+in.args[0].n]
	b := mem[in.args[1].off : in.args[1].off+in.args[1].n]
	if in.m == 1 && in.n == 1 {
		s := 0.0
		for i, x := range a {
			s += x * b[i]
		}
		out[0] = s
		if in.then != nil {
			in.then(out)
		}
		return
	}
	lda, ldb := in.lda, in.ldb
	if in.m*in.n*in.k <= smallDot {
		in.smallDot(a, b, lda, ldb, out)
		if in.then != nil {
			for i := range in.m {
				in.then(out[i*in.n : (i+1)*in.n])
			}
		}
		return
	}
	if in.alone {
		gemm.DgemmPart(in.then, in.transA, in.transB, in.m, in.n, in.k, 1, a, lda, b, ldb, 0, out, in.n)
		return
	}
	gemm.DgemmThen(in.then, in.transA, in.transB, in.m, in.n, in.k, 1, a, lda, b, ldb, 0, out, in.n)
}

// smallDot is the most multiplications a matrix product does by plain
// loops: below it, the setup of Dgemm costs more than the arithmetic
// (the small products of an ODE's sensitivities, say).
const smallDot = 512

// smallDot computes out = a·b by plain loops, reading a and b transposed
// in place as the instruction says, with leading dimensions lda and ldb.
func (in *instr) smallDot(a, b []float64, lda, ldb int, out []float64) {
	for i := range in.m {
		for j := range in.n {
			s := 0.0
			for l := range in.k {
				x, y := a[i*lda+l], b[l*ldb+j]
				if in.transA {
					x = a[l*lda+i]
				}
				if in.transB {
					y = b[j*ldb+l]
				}
				s += x * y
			}
			out[i*in.n+j] = s
		}
	}
}

// Disassemble lists the tape's instructions, one a line, for debugging.
func (t *Tape) Disassemble() string {
	var b strings.Builder
	disassemble(&b, t.code, "")
	return b.String()
}

// disassemble lists code, each line after indent, a region's part 0 and
// deferred instructions below it.
func disassemble(b *strings.Builder, code []instr, indent string) {
	for i, in := range code {
		if r := in.region; r != nil {
			fmt.Fprintf(b, "%s%3d  %d parts of a batch of %d rows, part 0:\n", indent, i, len(r.parts), r.batch)
			disassemble(b, r.parts[0], indent+"     ")
			fmt.Fprintf(b, "%s     then:\n", indent)
			disassemble(b, r.after, indent+"     ")
			continue
		}
		fmt.Fprintf(b, "%s%3d  r%d[%d] = %s\n", indent, i, in.out.off, in.out.n, in.node)
	}
}
