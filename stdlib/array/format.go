package array

import (
	"math"
	"strconv"
	"strings"
)

// FormatOptions controls Format. The zero value of each field means its
// default, so FormatOptions{} prints as numpy does by default, apart from
// the number of digits.
type FormatOptions struct {
	// Precision is the number of significant digits of numbers that are
	// not integers. The default is 10.
	Precision int
	// Threshold is the most elements an array may have to be printed in
	// full; larger ones are summarized. The default is 1000, numpy's.
	Threshold int
	// EdgeItems is how many entries a summary shows at each end of each
	// axis. The default is 3, numpy's.
	EdgeItems int
	// LineWidth is the number of characters after which rows wrap. The
	// default is 75, numpy's.
	LineWidth int
}

// withDefaults returns o with each zero field set to its default.
func (o FormatOptions) withDefaults() FormatOptions {
	def := func(v, d int) int {
		if v == 0 {
			return d
		}
		return v
	}
	return FormatOptions{
		Precision: def(o.Precision, 10),
		Threshold: def(o.Threshold, 1000),
		EdgeItems: def(o.EdgeItems, 3),
		LineWidth: def(o.LineWidth, 75),
	}
}

// FormatNumber formats x for people: an integer of magnitude below 10¹⁶
// (every such float64 is exact) without a fraction ("3", "-2", "-0"), any
// other finite number in strconv's shortest 'g' form with at most precision
// significant digits ("0.1", "2.5e+20", "1e-08", as Python's repr writes
// exponents), and the rest as "inf", "-inf" and "nan". A precision of 0 or
// less means 10.
func FormatNumber(x float64, precision int) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	case x == math.Trunc(x) && math.Abs(x) < 1e16:
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	if precision <= 0 {
		precision = FormatOptions{}.withDefaults().Precision
	}
	return strconv.FormatFloat(x, 'g', precision, 64)
}

// Format returns a as numpy's repr prints arrays, without the "array(...)"
// around them and with numbers written by FormatNumber:
//
//	[[ 1, -2],
//	 [30,  4]]
//
// A 0-d array prints as its number, an empty array as "[]". Elements are
// separated by ", "; a 1-d array prints them as they are, while in higher
// dimensions every element is right-aligned to the widest of the array.
// Rows wider than opts.LineWidth wrap onto lines indented to the row's
// opening bracket; rows of a 2-d block end with ",\n" and blocks with one
// more newline per extra dimension, as in numpy. An array of more than
// opts.Threshold elements is summarized: each axis longer than twice
// opts.EdgeItems shows that many entries at each end with "..." between.
//
// The layout follows numpy's _formatArray (numpy/_core/arrayprint.py) line
// for line.
func Format(a *Array, opts FormatOptions) string {
	opts = opts.withDefaults()
	if a.Ndim() == 0 {
		return FormatNumber(a.Data[0], opts.Precision)
	}
	if len(a.Data) == 0 {
		return "[]"
	}
	word := func(k int) string { return FormatNumber(a.Data[k], opts.Precision) }
	if a.Depth == Bool {
		word = func(k int) string { return strconv.FormatBool(a.Data[k] != 0) }
	}
	return layout(a.Shape, word, opts)
}

// layout lays out the elements of an array of the given shape, each
// written by word from its row-major offset, as Format describes.
func layout(shape []int, word func(k int) string, opts FormatOptions) string {
	p := &printer{shape: shape, edge: -1, word: word}
	if Size(shape) > opts.Threshold {
		p.edge = opts.EdgeItems
	}
	p.collect(rowMajorStrides(shape), 0, 0)
	if len(shape) > 1 {
		width := 0
		for _, w := range p.words {
			width = max(width, len(w))
		}
		for i, w := range p.words {
			p.words[i] = strings.Repeat(" ", width-len(w)) + w
		}
	}
	return p.format(0, " ", opts.LineWidth)
}

// A printer lays out an array for Format. collect formats the elements to
// be shown into words, in row-major order; format then lays them out,
// taking them back in the same order.
type printer struct {
	shape []int
	word  func(k int) string // the text of the element at offset k
	// edge is the number of entries shown at each end of an axis, or -1
	// when the array is printed in full.
	edge  int
	words []string
	next  int
}

// shown returns the indices printed along an axis of length n, and the
// position in them of the "..." that stands for the rest, or -1 when all
// are printed.
func (p *printer) shown(n int) (idx []int, gap int) {
	if p.edge < 0 || 2*p.edge >= n {
		idx = make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx, -1
	}
	for i := range p.edge {
		idx = append(idx, i)
	}
	for i := n - p.edge; i < n; i++ {
		idx = append(idx, i)
	}
	return idx, p.edge
}

// collect appends to p.words the shown elements of the block of data at
// offset spanning axes axis... of the array.
func (p *printer) collect(strides []int, axis, offset int) {
	idx, _ := p.shown(p.shape[axis])
	for _, i := range idx {
		if axis == len(p.shape)-1 {
			p.words = append(p.words, p.word(offset+i))
		} else {
			p.collect(strides, axis+1, offset+i*strides[axis])
		}
	}
}

// format returns the block spanning axes axis... of the array, whose
// continuation lines start with hanging and which must fit in width
// columns, bracketed.
func (p *printer) format(axis int, hanging string, width int) string {
	idx, gap := p.shown(p.shape[axis])
	var items []string
	for k := range idx {
		if k == gap {
			items = append(items, "...")
		}
		if axis == len(p.shape)-1 {
			items = append(items, p.words[p.next])
			p.next++
		} else {
			// Nested blocks are one column further in, and one narrower
			// to leave room for the closing bracket.
			items = append(items, p.format(axis+1, hanging+" ", width-1))
		}
	}
	var s strings.Builder
	if axis == len(p.shape)-1 {
		wrap(&s, items, hanging, width-len("]"))
	} else {
		sep := "," + strings.Repeat("\n", len(p.shape)-axis-1)
		for k, item := range items {
			if k > 0 {
				s.WriteString(sep)
			}
			s.WriteString(hanging + item)
		}
	}
	return "[" + s.String()[len(hanging):] + "]"
}

// wrap writes to s the words of one row separated by ", ", each line
// starting with hanging, moving to a new line before any word that would
// pass width unless the line holds no word yet.
func wrap(s *strings.Builder, words []string, hanging string, width int) {
	line := hanging
	for k, w := range words {
		if len(line)+len(w) > width && len(line) > len(hanging) {
			s.WriteString(strings.TrimRight(line, " ") + "\n")
			line = hanging
		}
		line += w
		if k < len(words)-1 {
			line += ", "
		}
	}
	s.WriteString(line)
}
