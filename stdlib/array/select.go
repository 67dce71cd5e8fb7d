package array

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// IndexKind says what one item of a numpy index is.
type IndexKind uint8

// The kinds of index item.
const (
	IndexInt   IndexKind = 0 // a[i]: picks one position and drops the axis
	IndexSlice IndexKind = 1 // a[lo:hi:step]: keeps the axis
	IndexArray IndexKind = 2 // a[[i, j]] or a[mask]: advanced indexing
)

// Indexer is one item of a numpy index a[i, lo:hi:step, [j, k], mask].
type Indexer struct {
	Kind         IndexKind
	I            int // IndexInt
	Lo, Hi, Step int // IndexSlice; Step 0 means 1
	HasLo, HasHi bool
	// Idx holds integer positions (IndexArray), of any shape, or a boolean
	// mask when Idx's depth is Bool: a mask covers as many axes as it has and
	// must match their lengths.
	Idx *Array
}

// Select returns a[items...] with numpy's rules: integers drop their axis,
// slices keep it, and index arrays (integer positions or boolean masks)
// select along theirs — several index arrays are broadcast together and
// walk in step, and their dimensions stand where the first of them stands
// when they are adjacent, first otherwise. Axes not indexed are taken
// whole. The result is a copy.
func Select(a *Array, items []Indexer) (*Array, error) {
	shape, offsets, err := resolve(a.Shape, items)
	if err != nil {
		return nil, err
	}
	if b, ok := a.Uint8s(); ok {
		return a.withBytes(shape, pick(b, offsets)), nil
	}
	return &Array{Shape: shape, data: pick(a.Floats(), offsets), Depth: a.Depth}, nil
}

// pick returns the values of src at offsets.
func pick[T uint8 | float64](src []T, offsets []int) []T {
	out := make([]T, len(offsets))
	for k, off := range offsets {
		out[k] = src[off]
	}
	return out
}

// Assign returns a copy of a with a[items...] = v, v broadcast to the
// shape of the selection as numpy does and converted to a's depth (see
// Saturate): a number stored in a mask becomes true or false, as numpy
// casts it, and one stored in an 8-bit image is rounded and saturated, as
// OpenCV's saturate_cast does. a is not changed.
func Assign(a *Array, items []Indexer, v *Array) (*Array, error) {
	shape, offsets, err := resolve(a.Shape, items)
	if err != nil {
		return nil, err
	}
	vals, err := BroadcastTo(v, shape)
	if err != nil {
		return nil, fmt.Errorf("cannot assign %s to a selection of shape %s", ShapeString(v.Shape), ShapeString(shape))
	}
	from := vals.Floats()
	if b, ok := a.Uint8s(); ok {
		data := slices.Clone(b)
		for k, off := range offsets {
			data[off] = uint8(Uint8.Saturate(from[k]))
		}
		return a.withBytes(slices.Clone(a.Shape), data), nil
	}
	data := slices.Clone(a.Floats())
	for k, off := range offsets {
		data[off] = a.Depth.Saturate(from[k])
	}
	return &Array{Shape: slices.Clone(a.Shape), data: data, Depth: a.Depth}, nil
}

// axisPart is one axis of the result: a slice of a source axis, or (adv)
// the walk of the advanced indices together.
type axisPart struct {
	adv                  bool
	axis, start, n, step int
}

// VectorNotMatrix explains a vector where a matrix was expected: Octave's
// zeros(n) is n×n.
const VectorNotMatrix = "zeros(n), ones(n) and rand(n) of one number are vectors, as numpy's; Octave's n×n matrix is zeros(n, n)"

// resolve returns the shape of a[items...] and the offsets into a's data
// of its elements in row-major order.
func resolve(shape []int, items []Indexer) ([]int, []int, error) {
	items, err := expandMasks(shape, items)
	if err != nil {
		return nil, nil, err
	}
	if len(items) > len(shape) {
		hint := ""
		if len(shape) == 1 && len(items) == 2 {
			hint = " (" + VectorNotMatrix + ")"
		}
		return nil, nil, fmt.Errorf("too many indices: the array has %d dimension%s, the index %d%s", len(shape), plural(len(shape)), len(items), hint)
	}
	strides := make([]int, len(shape))
	for k, st := len(shape)-1, 1; k >= 0; k-- {
		strides[k] = st
		st *= shape[k]
	}
	base := 0
	var parts []axisPart
	var advAxes []int
	var advIdx []*Array
	advAt, adjacent := -1, true
	for axis := range shape {
		it := Indexer{Kind: IndexSlice}
		if axis < len(items) {
			it = items[axis]
		}
		switch it.Kind {
		case IndexInt:
			i, err := normIndex(it.I, shape[axis], axis)
			if err != nil {
				return nil, nil, err
			}
			base += i * strides[axis]
		case IndexSlice:
			start, n, step, err := SliceRange(it.Lo, it.Hi, it.Step, it.HasLo, it.HasHi, shape[axis])
			if err != nil {
				return nil, nil, err
			}
			parts = append(parts, axisPart{axis: axis, start: start, n: n, step: step})
		case IndexArray:
			if advAt < 0 {
				advAt = len(parts)
				parts = append(parts, axisPart{adv: true})
			} else if prev := advAxes[len(advAxes)-1]; prev != axis-1 || items[prev].Kind != IndexArray {
				adjacent = false
			}
			advAxes = append(advAxes, axis)
			advIdx = append(advIdx, it.Idx)
		}
	}
	var advShape []int
	var advOffsets []int
	if advAt >= 0 {
		var err error
		advShape, advOffsets, err = advancedOffsets(shape, strides, advAxes, advIdx)
		if err != nil {
			return nil, nil, err
		}
		parts[advAt].n = len(advOffsets)
		if !adjacent && advAt > 0 {
			// numpy puts the dimensions of separated index arrays first.
			adv := parts[advAt]
			copy(parts[1:advAt+1], parts[:advAt])
			parts[0] = adv
			advAt = 0
		}
	}
	var outShape []int
	total := 1
	for k, p := range parts {
		if p.adv {
			outShape = append(outShape, advShape...)
		} else {
			outShape = append(outShape, p.n)
		}
		total *= parts[k].n
	}
	offsets := make([]int, 0, total)
	if total == 0 {
		return outShape, offsets, nil
	}
	idx := make([]int, len(parts))
	for {
		off := base
		for k, p := range parts {
			if p.adv {
				off += advOffsets[idx[k]]
			} else {
				off += (p.start + idx[k]*p.step) * strides[p.axis]
			}
		}
		offsets = append(offsets, off)
		k := len(parts) - 1
		for ; k >= 0; k-- {
			idx[k]++
			if idx[k] < parts[k].n {
				break
			}
			idx[k] = 0
		}
		if k < 0 {
			return outShape, offsets, nil
		}
	}
}

// expandMasks replaces each boolean mask by the integer index arrays of
// its true positions, one per axis it covers, as numpy's nonzero does.
func expandMasks(shape []int, items []Indexer) ([]Indexer, error) {
	hasMask := false
	for _, it := range items {
		hasMask = hasMask || (it.Kind == IndexArray && it.Idx.Depth == Bool)
	}
	if !hasMask {
		return items, nil
	}
	var out []Indexer
	axis := 0
	for _, it := range items {
		if it.Kind != IndexArray || it.Idx.Depth != Bool {
			out = append(out, it)
			axis++
			continue
		}
		m := it.Idx
		k := len(m.Shape)
		if k == 0 {
			return nil, errors.New("a boolean index must be an array, not a single bool")
		}
		if axis+k > len(shape) {
			return nil, fmt.Errorf("a boolean index of shape %s does not fit an array of shape %s", ShapeString(m.Shape), ShapeString(shape))
		}
		for j := range k {
			if m.Shape[j] != shape[axis+j] {
				return nil, fmt.Errorf("boolean index of shape %s does not match the array's shape %s at dimension %d", ShapeString(m.Shape), ShapeString(shape), axis+j)
			}
		}
		var pos [][]float64 = make([][]float64, k)
		for flat, x := range m.Floats() {
			if x == 0 {
				continue
			}
			for j := k - 1; j >= 0; j-- {
				pos[j] = append(pos[j], float64(flat%m.Shape[j]))
				flat /= m.Shape[j]
			}
		}
		for j := range k {
			out = append(out, Indexer{Kind: IndexArray, Idx: Vector(append([]float64{}, pos[j]...))})
		}
		axis += k
	}
	return out, nil
}

// advancedOffsets broadcasts the index arrays together and returns their
// common shape and, for each position of it, the offset they select.
func advancedOffsets(shape, strides, axes []int, idx []*Array) ([]int, []int, error) {
	common := idx[0].Shape
	for _, ix := range idx[1:] {
		s, err := BroadcastShapes(common, ix.Shape)
		if err != nil {
			return nil, nil, fmt.Errorf("index arrays of shapes %s and %s cannot be broadcast together", ShapeString(common), ShapeString(ix.Shape))
		}
		common = s
	}
	n := Size(common)
	offsets := make([]int, n)
	for k, ix := range idx {
		b, err := BroadcastTo(ix, common)
		if err != nil {
			return nil, nil, err
		}
		axis := axes[k]
		for p, x := range b.Floats() {
			if x != math.Trunc(x) {
				return nil, nil, fmt.Errorf("an index must be an integer, not %s", FormatNumber(x, 10))
			}
			i, err := normIndex(int(x), shape[axis], axis)
			if err != nil {
				return nil, nil, err
			}
			offsets[p] += i * strides[axis]
		}
	}
	return append([]int(nil), common...), offsets, nil
}

// SliceRange resolves lo:hi:step against an axis of length n with
// Python's rules and returns the first position, the count and the step.
// A step of 0 (not given) means 1.
func SliceRange(lo, hi, step int, hasLo, hasHi bool, n int) (start, count, st int, err error) {
	if step == 0 {
		step = 1
	}
	switch {
	case !hasLo && step > 0:
		lo = 0
	case !hasLo:
		lo = math.MaxInt
	}
	switch {
	case !hasHi && step > 0:
		hi = math.MaxInt
	case !hasHi:
		hi = math.MinInt
	}
	lo, hi = sliceBound(lo, n, step), sliceBound(hi, n, step)
	switch {
	case step > 0 && lo < hi:
		count = (hi-lo-1)/step + 1
	case step < 0 && hi < lo:
		count = (lo-hi-1)/-step + 1
	}
	return lo, count, step, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
