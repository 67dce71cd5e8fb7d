package autodiff

import (
	"calc/stdlib/array"
	"calc/stdlib/gemm"
)

// Fusion of elementwise work into sums. A sum such as 100*a**2 + b**2, or
// the sum over all elements of one, would take one pass over memory per
// operation if every node had its own instruction. Instead, the operands
// of a sum that are used nowhere else are folded into it as terms of the
// forms c, c*a, c*a*b and c*a*a, each over a range of the output (which
// also absorbs the scatters of a gradient). Rosenbrock's function then
// runs in three passes and its gradient in five.

// Instructions beyond the graph's own operations.
const (
	opTerms      Op = 100 + iota // out = val + Σ terms
	opTermsTotal                 // out[0] = Σ over elements of (val + Σ terms)
	opRows                       // a region computed by parts of its batch (see rows.go)
)

// fterm is one term of a fused sum: coef * a[k] (* b[k], or * a[k] when
// square) added to out[lo+k] for k < n; a < 0 means the constant coef.
// Strides are 1, or 0 for a single element used across the range.
type fterm struct {
	coef       float64
	a, b       int
	sa, sb     int
	square     bool
	lo, n      int
	hasA, hasB bool
}

// fusion decides which nodes are folded into the sums that use them, and
// which transposes are only read by matrix products: those are never
// computed, the products read their argument transposed in place (as
// BLAS's trans flags do), which saves a pass over a matrix and its
// gathered copy in every backward step (Xᵀ·Δ).
type fusion struct {
	uses       map[*Node]int
	consumer   map[*Node]*Node
	output     map[*Node]bool
	fused      map[*Node]bool
	affine     map[*Node]bool // fused into a product as an affine factor
	outer      map[*Node]bool // fused into a product as an outer-product factor
	activated  map[*Node]bool // a product whose activation is applied as it is computed
	transposed map[*Node]bool
}

func planFusion(order, outs []*Node) *fusion {
	f := &fusion{uses: map[*Node]int{}, consumer: map[*Node]*Node{}, output: map[*Node]bool{},
		fused: map[*Node]bool{}, affine: map[*Node]bool{}, outer: map[*Node]bool{}, activated: map[*Node]bool{},
		transposed: map[*Node]bool{}}
	for _, o := range outs {
		f.output[o] = true
	}
	dotUses := map[*Node]int{}
	for _, n := range order {
		for _, a := range n.Args {
			f.uses[a]++
			f.consumer[a] = n
			if n.Op == OpDot {
				dotUses[a]++
			}
		}
	}
	for n, k := range dotUses {
		if n.Op == OpTranspose && len(n.Shape) == 2 && k == f.uses[n] && !f.output[n] {
			f.transposed[n] = true
		}
	}
	// Consumers come after their arguments, so walking backwards settles
	// a scatter's fate before its argument's.
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		switch {
		case f.canFuse(n):
			f.fused[n] = true
		case f.isAffineFactor(n):
			f.fused[n], f.affine[n] = true, true
		case f.isOuterFactor(n):
			f.fused[n], f.outer[n] = true, true
		case f.isActivated(n):
			f.fused[n], f.activated[n] = true, true
		}
	}
	return f
}

// Products of whole arrays (the backward pass's y·(1 - y)·Δ of a sigmoid
// layer) run as one instruction over factors, each an operand or, folded
// into it, an operand's affine function c + d·x used nowhere else, so
// that the product takes one pass instead of three and can be split
// across threads.

// A factor may also be the outer product u·vᵀ of a column and a row (the
// backward pass's Δ·w2ᵀ of a layer with one output), used nowhere else:
// its elements are then made as the product needs them, not stored.
//
// A matrix product whose only use is an elementwise primitive with a
// slice kernel (a sigmoid layer's activation) is computed with the
// primitive applied by gemm.DgemmThen, tile by tile while C is in cache.

// mulFactor is one factor of a product: mem[off+k], or c + d·mem[off+k]
// when affine, or, when outer, u[k/cols]·v[k%cols] with u at off and v
// the cols elements at vOff.
type mulFactor struct {
	off    int
	c, d   float64
	affine bool
	outer  bool
	vOff   int
	cols   int
}

// factorsMul reports whether the Mul n runs over factors: every operand
// fills n's shape and n is not folded into a sum.
func (f *fusion) factorsMul(n *Node) bool {
	if n.Op != OpMul || f.fused[n] {
		return false
	}
	for _, a := range n.Args {
		if a.Size() != n.Size() {
			return false
		}
	}
	return true
}

// isAffineFactor reports whether n is c + d·x of one operand of its own
// size, used only as a factor of a product.
func (f *fusion) isAffineFactor(n *Node) bool {
	return n.Op == OpAdd && len(n.Args) == 1 && n.Args[0].Size() == n.Size() &&
		f.uses[n] == 1 && !f.output[n] && f.factorsMul(f.consumer[n])
}

// isOuterFactor reports whether n is the outer product of a column and a
// row (matrices m×1 and 1×n), used only as a factor of a product.
func (f *fusion) isOuterFactor(n *Node) bool {
	return n.Op == OpDot && len(n.Args[0].Shape) == 2 && len(n.Args[1].Shape) == 2 && n.Args[1].Shape[0] == 1 &&
		f.uses[n] == 1 && !f.output[n] && f.factorsMul(f.consumer[n])
}

// isActivated reports whether n is a matrix product used only by a
// unary primitive with a slice kernel.
func (f *fusion) isActivated(n *Node) bool {
	if n.Op != OpDot || f.uses[n] != 1 || f.output[n] {
		return false
	}
	c := f.consumer[n]
	return c.Op == OpApply && c.Prim.Arity == 1 && c.Prim.Slice != nil
}

// factors lists the factors of the product n.
func (f *fusion) factors(n *Node, regs map[*Node]span) []mulFactor {
	fs := make([]mulFactor, len(n.Args))
	for i, a := range n.Args {
		switch {
		case f.affine[a]:
			fs[i] = mulFactor{off: regs[a.Args[0]].off, c: a.Val, d: a.Coefs[0], affine: true}
			continue
		case f.outer[a]:
			fs[i] = mulFactor{off: regs[a.Args[0]].off, vOff: regs[a.Args[1]].off, cols: a.Shape[1], outer: true}
			continue
		}
		fs[i] = mulFactor{off: regs[a].off}
	}
	return fs
}

// factorBlock is the length of the pieces a product of factors is
// computed in: each factor multiplies a piece of the output held in the
// level-1 cache, in the order the product is written, so that the result
// is the same to the bit as one multiplication after the other.
const factorBlock = 512

// runFactors sets out[lo:hi] to v·Π factors a piece of out at a time.
// The piece starts as v, or, when v is 1 (which multiplies to the same
// number), as the first factor, which the second then multiplies on its
// way into the piece, saving a copy; each further factor multiplies the
// piece in place, with gemm's vector loops. An outer product's element
// u_r·v_j multiplies as the affine factor 0 + u_r·v_j, which is the same
// number.
func runFactors(v float64, fs []mulFactor, mem, out []float64, lo, hi int) {
	first := v == 1 && !fs[0].affine && !fs[0].outer
	for b := lo; b < hi; b += factorBlock {
		o := out[b:min(b+factorBlock, hi)]
		rest, src := fs, o // src is what the next factor multiplies into o
		switch {
		case first && len(fs) == 1:
			copy(o, mem[fs[0].off+b:])
			continue
		case first:
			rest, src = fs[1:], mem[fs[0].off+b:]
		default:
			for k := range o {
				o[k] = v
			}
		}
		for _, f := range rest {
			switch {
			case f.outer:
				mulOuter(o, src, b, mem[f.off:], mem[f.vOff:f.vOff+f.cols])
			case f.affine:
				gemm.MulAffine(o, src, mem[f.off+b:], f.c, f.d)
			default:
				gemm.Mul(o, src, mem[f.off+b:])
			}
			src = o
		}
	}
}

// scalarFactors is runFactors for one element, without the vector
// loops: the same multiplications in the same order.
func scalarFactors(v float64, fs []mulFactor, mem []float64) float64 {
	p := v
	for i := range fs {
		f := &fs[i]
		switch {
		case f.outer:
			p *= 0 + mem[f.off]*mem[f.vOff]
		case f.affine:
			p *= f.c + f.d*mem[f.off]
		default:
			p *= mem[f.off]
		}
	}
	return p
}

// mulOuter sets o, the elements from b on of a matrix with rows of
// len(v), to those of src times those of the outer product u·vᵀ, a run
// within a row at a time.
func mulOuter(o, src []float64, b int, u, v []float64) {
	cols := len(v)
	for j := 0; j < len(o); {
		r, c := (b+j)/cols, (b+j)%cols
		run := min(cols-c, len(o)-j)
		gemm.MulAffine(o[j:j+run], src[j:], v[c:], 0, u[r])
		j += run
	}
}

// termsConsumer reports whether n is compiled as a fused sum: an Add whose
// operands all fill its shape or are single elements, or a total sum.
func termsConsumer(n *Node) bool {
	switch n.Op {
	case OpAdd:
		for _, a := range n.Args {
			if a.Size() != n.Size() && a.Size() != 1 {
				return false
			}
		}
		return true
	case OpSum:
		return n.Lo == AllAxes
	}
	return false
}

// canFuse reports whether n can be folded into its only user.
func (f *fusion) canFuse(n *Node) bool {
	if f.uses[n] != 1 || f.output[n] {
		return false
	}
	c := f.consumer[n]
	switch {
	case f.affine[c]: // it reads n's register
		return false
	case c.Op == OpScatter:
		if !f.fused[c] {
			return false
		}
	case !termsConsumer(c):
		return false
	case c.Op == OpAdd && n.Size() != c.Size():
		return false
	}
	switch n.Op {
	case OpAdd:
		return termsConsumer(n)
	case OpMul:
		if len(n.Args) > 2 {
			return false
		}
		for _, a := range n.Args {
			if a.Size() != n.Size() && a.Size() != 1 {
				return false
			}
		}
		return true
	case OpPow:
		return n.Args[1].isConstValue(2) && n.Args[0].Size() == n.Size()
	case OpScatter:
		return c.Op != OpScatter
	}
	return false
}

// terms appends the terms computing coef*n into out[lo : lo+size],
// where n has size elements or one (broadcast across them).
func (f *fusion) terms(ts []fterm, n *Node, coef float64, lo, size int, regs map[*Node]span) []fterm {
	operand := func(x *Node) (int, int) {
		r := regs[x]
		if x.Size() == 1 && size != 1 {
			return r.off, 0
		}
		return r.off, 1
	}
	if f.fused[n] {
		switch n.Op {
		case OpAdd:
			for i, a := range n.Args {
				ts = f.terms(ts, a, coef*n.Coefs[i], lo, size, regs)
			}
			if n.Val != 0 { // the constant last, as the sum is written
				ts = append(ts, fterm{coef: coef * n.Val, lo: lo, n: size})
			}
			return ts
		case OpMul:
			t := fterm{coef: coef * n.Val, lo: lo, n: size, hasA: true}
			t.a, t.sa = operand(n.Args[0])
			if len(n.Args) == 2 {
				t.hasB = true
				t.b, t.sb = operand(n.Args[1])
			}
			return append(ts, t)
		case OpPow:
			t := fterm{coef: coef, lo: lo, n: size, hasA: true, square: true}
			t.a, t.sa = operand(n.Args[0])
			return append(ts, t)
		case OpScatter:
			return f.terms(ts, n.Args[0], coef, lo+n.Lo*array.Size(n.Shape[1:]), n.Args[0].Size(), regs)
		}
	}
	t := fterm{coef: coef, lo: lo, n: size, hasA: true}
	t.a, t.sa = operand(n)
	return append(ts, t)
}

// compileTerms makes the fused instruction for an Add or a total Sum.
func (f *fusion) compileTerms(n *Node, regs map[*Node]span) instr {
	in := instr{node: n, out: regs[n]}
	if n.Op == OpSum {
		in.op = opTermsTotal
		in.terms = f.terms(nil, n.Args[0], 1, 0, n.Args[0].Size(), regs)
		in.k = n.Args[0].Size()
		return in
	}
	in.op, in.val = opTerms, n.Val
	for i, a := range n.Args {
		in.terms = f.terms(in.terms, a, n.Coefs[i], 0, n.Size(), regs)
	}
	return in
}

// runTerms computes out = Σ terms + val, adding in the order the sum was
// written with the constant last, as a person (and Python) evaluates
// x**2 - 4*x + 8, so that results agree to the last bit. The first term
// that covers all of out writes it instead of adding, saving a pass.
func runTerms(val float64, ts []fterm, mem, out []float64) {
	first := -1
	for i := range ts {
		if ts[i].lo == 0 && ts[i].n == len(out) {
			first = i
			break
		}
	}
	if first < 0 {
		clear(out)
	} else {
		setTerm(&ts[first], mem, out)
	}
	for i := range ts {
		if i == first {
			continue
		}
		t := &ts[i]
		o := out[t.lo : t.lo+t.n]
		c := t.coef
		switch {
		case !t.hasA:
			for k := range o {
				o[k] += c
			}
		case t.sa == 1 && !t.hasB && !t.square:
			a := mem[t.a : t.a+t.n]
			a = a[:len(o)]
			for k := range o {
				o[k] += c * a[k]
			}
		case t.sa == 1 && t.square:
			a := mem[t.a : t.a+t.n]
			a = a[:len(o)]
			for k := range o {
				o[k] += c * (a[k] * a[k])
			}
		case t.sa == 1 && t.hasB && t.sb == 1:
			a, b := mem[t.a:t.a+t.n], mem[t.b:t.b+t.n]
			a, b = a[:len(o)], b[:len(o)]
			for k := range o {
				o[k] += c * a[k] * b[k]
			}
		default:
			for k := range o {
				o[k] += c * t.value(mem, k)
			}
		}
	}
	if val != 0 {
		for k := range out {
			out[k] += val
		}
	}
}

// setTerm writes the term into o. It, runTerms and totalTerms spell out
// one loop per kind of term on purpose: these are the tape's innermost
// loops, and a loop per kind keeps them free of per-element branches.
func setTerm(t *fterm, mem, o []float64) {
	c := t.coef
	switch {
	case !t.hasA:
		for k := range o {
			o[k] = c
		}
	case t.sa == 1 && !t.hasB && !t.square:
		a := mem[t.a : t.a+t.n]
		a = a[:len(o)]
		for k := range o {
			o[k] = c * a[k]
		}
	case t.sa == 1 && t.square:
		a := mem[t.a : t.a+t.n]
		a = a[:len(o)]
		for k := range o {
			o[k] = c * (a[k] * a[k])
		}
	case t.sa == 1 && t.hasB && t.sb == 1:
		a, b := mem[t.a:t.a+t.n], mem[t.b:t.b+t.n]
		a, b = a[:len(o)], b[:len(o)]
		for k := range o {
			o[k] = c * a[k] * b[k]
		}
	default:
		for k := range o {
			o[k] = c * t.value(mem, k)
		}
	}
}

// scalarTerms is runTerms for one element whose first term covers it,
// without the loops: the same operations in the same order.
func scalarTerms(val float64, ts []fterm, mem []float64) float64 {
	s := scalarTerm(&ts[0], mem)
	for i := 1; i < len(ts); i++ {
		if ts[i].n == 1 {
			s += scalarTerm(&ts[i], mem)
		}
	}
	if val != 0 {
		s += val
	}
	return s
}

// scalarTerm is setTerm's number for a term of one element.
func scalarTerm(t *fterm, mem []float64) float64 {
	c := t.coef
	switch {
	case !t.hasA:
		return c
	case t.sa == 1 && !t.hasB && !t.square:
		return c * mem[t.a]
	case t.sa == 1 && t.square:
		a := mem[t.a]
		return c * (a * a)
	case t.sa == 1 && t.hasB && t.sb == 1:
		return c * mem[t.a] * mem[t.b]
	}
	return c * t.value(mem, 0)
}

// value returns the term's element k without its coefficient, for any
// strides.
func (t *fterm) value(mem []float64, k int) float64 {
	x := mem[t.a+k*t.sa]
	switch {
	case t.square:
		x = x * x
	case t.hasB:
		x *= mem[t.b+k*t.sb]
	}
	return x
}

// totalTerms returns the sum over all elements of the terms (a constant
// term counts once per element it covers).
func totalTerms(ts []fterm, mem []float64) float64 {
	s := 0.0
	for i := range ts {
		t := &ts[i]
		c, part := t.coef, 0.0
		switch {
		case !t.hasA:
			part = float64(t.n)
		case t.sa == 1 && !t.hasB && !t.square:
			for _, x := range mem[t.a : t.a+t.n] {
				part += x
			}
		case t.sa == 1 && t.square:
			for _, x := range mem[t.a : t.a+t.n] {
				part += x * x
			}
		case t.sa == 1 && t.hasB && t.sb == 1:
			a, b := mem[t.a:t.a+t.n], mem[t.b:t.b+t.n]
			b = b[:len(a)]
			for k, x := range a {
				part += x * b[k]
			}
		default:
			for k := 0; k < t.n; k++ {
				part += t.value(mem, k)
			}
		}
		s += c * part
	}
	return s
}
