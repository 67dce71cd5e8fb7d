package dataio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"calc/stdlib/array"
)

// The .npy format is described in numpy's NEP 1, "A simple file format for
// NumPy arrays", and in numpy/lib/format.py: the magic string "\x93NUMPY",
// a major and a minor version byte, the header's length (2 bytes little
// endian in version 1, 4 in versions 2 and 3), the header, a Python dict
// literal such as {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }
// padded with spaces and ended by a newline so that the data is aligned
// (numpy aligns to 64 bytes), then the raw data, in C (row-major) order
// unless fortran_order is True.

const npyMagic = "\x93NUMPY"

// npyAlign is the alignment numpy ≥ 1.14 gives the data (ARRAY_ALIGN in
// numpy/lib/format.py; NEP 1 asked for 16).
const npyAlign = 64

// DType is an element type calc writes to .npy files. Calc's arrays are
// float64; Int64, Bool and Uint8 are for files that numpy code expects to
// hold integers (labels, counts), masks or 8-bit images.
type DType string

// The element types WriteNPY writes, named by their numpy descr, and
// ByDepth, which writes each array as its depth says (see DTypeOf).
const (
	Float64 DType = "<f8"
	Int64   DType = "<i8"
	Bool    DType = "|b1"
	Uint8   DType = "|u1"
	ByDepth DType = ""
)

// DTypeOf returns the dtype that keeps what a's depth says: Bool for a
// mask and Uint8 for an 8-bit image, so that numpy reads them back as
// bool and uint8 arrays, and Float64 for others.
func DTypeOf(a *array.Array) DType {
	switch a.Depth {
	case array.Bool:
		return Bool
	case array.Uint8:
		return Uint8
	}
	return Float64
}

// descrDepths are the depths of the numpy dtypes (by kind and size) that
// read as labelled arrays: bool as masks, uint8 as 8-bit images.
var descrDepths = map[string]array.Depth{"b1": array.Bool, "u1": array.Uint8}

// ParseDType returns the DType named by numpy's name for it: float64 (or
// f8), int64 (or i8, int), bool or uint8 (or u1).
func ParseDType(name string) (DType, error) {
	switch name {
	case "float64", "f8", "float":
		return Float64, nil
	case "int64", "i8", "int":
		return Int64, nil
	case "bool", "b1":
		return Bool, nil
	case "uint8", "u1":
		return Uint8, nil
	}
	return "", fmt.Errorf("unknown dtype %q (float64, int64, bool or uint8)", name)
}

// ReadNPY reads the .npy file at path; see DecodeNPY.
func ReadNPY(path string, limit int) (*array.Array, error) {
	b, err := ReadFile(path, MostBytes(limit))
	if err != nil {
		return nil, err
	}
	return DecodeNPY(path, b, limit)
}

// DecodeNPY decodes the .npy file b, named name in errors, into a float64
// array. It reads versions 1.0, 2.0 and 3.0, C and Fortran order, and the
// dtypes bool, int8…int64, uint8…uint64, float16, float32 and float64 in
// either byte order; integers beyond 2^53 are rounded to the nearest
// float64, as numpy's astype(float64) rounds them. An array of more than
// limit elements is an error before anything is allocated for it; data
// past the array's end is ignored, as numpy.load ignores it.
func DecodeNPY(name string, b []byte, limit int) (*array.Array, error) {
	h, data, err := splitNPY(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	a, err := h.decode(data, limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

// npyHeader is what a .npy header says of its array.
type npyHeader struct {
	descr   string
	fortran bool
	shape   []int
}

// splitNPY checks the magic string and version of a .npy file and returns
// its parsed header and its data.
func splitNPY(b []byte) (npyHeader, []byte, error) {
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return npyHeader{}, nil, fmt.Errorf("a zip archive, such as numpy's .npz, not a .npy file (loadz reads .npz files)")
	}
	if len(b) < len(npyMagic)+2 || string(b[:len(npyMagic)]) != npyMagic {
		return npyHeader{}, nil, fmt.Errorf("not a .npy file (it does not start with \"\\x93NUMPY\")")
	}
	major := b[len(npyMagic)]
	rest := b[len(npyMagic)+2:]
	var hlen int
	switch major {
	case 1:
		if len(rest) < 2 {
			return npyHeader{}, nil, fmt.Errorf("truncated header")
		}
		hlen, rest = int(binary.LittleEndian.Uint16(rest)), rest[2:]
	case 2, 3:
		if len(rest) < 4 {
			return npyHeader{}, nil, fmt.Errorf("truncated header")
		}
		hlen, rest = int(binary.LittleEndian.Uint32(rest)), rest[4:]
	default:
		return npyHeader{}, nil, fmt.Errorf("unknown .npy format version %d.%d", major, b[len(npyMagic)+1])
	}
	if hlen > len(rest) {
		return npyHeader{}, nil, fmt.Errorf("truncated header: it promises %d bytes, the file holds %d", hlen, len(rest))
	}
	h, err := parseNPYHeader(string(rest[:hlen]))
	return h, rest[hlen:], err
}

// parseNPYHeader parses the Python dict literal of a .npy header, which
// must have exactly the keys descr (a string), fortran_order (True or
// False) and shape (a tuple of integers).
func parseNPYHeader(text string) (npyHeader, error) {
	p := &literal{text: text}
	var h npyHeader
	seen := map[string]bool{}
	p.expect('{')
	for p.err == nil && !p.peek('}') {
		key := p.str()
		p.expect(':')
		if seen[key] {
			p.fail("key %q twice", key)
		}
		seen[key] = true
		switch key {
		case "descr":
			if p.peek('[') {
				p.fail("structured dtypes (a descr that is a list of fields) are not supported")
			}
			h.descr = p.str()
		case "fortran_order":
			h.fortran = p.boolean()
		case "shape":
			h.shape = p.tuple()
		default:
			p.fail("unexpected key %q", key)
		}
		if !p.peek('}') {
			p.expect(',')
		}
	}
	p.expect('}')
	if p.err == nil && len(seen) != 3 {
		p.fail("the header lacks descr, fortran_order or shape")
	}
	if p.err != nil {
		return h, fmt.Errorf("bad header %q: %w", strings.TrimSpace(text), p.err)
	}
	return h, nil
}

// literal is a parser of the Python literals a .npy header holds; the
// first error sticks and makes the later calls no-ops.
type literal struct {
	text string
	i    int
	err  error
}

func (p *literal) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("at offset %d: %s", p.i, fmt.Sprintf(format, args...))
	}
}

func (p *literal) space() {
	for p.i < len(p.text) && strings.IndexByte(" \t\r\n", p.text[p.i]) >= 0 {
		p.i++
	}
}

// peek reports whether the next character, after space, is c.
func (p *literal) peek(c byte) bool {
	p.space()
	return p.err == nil && p.i < len(p.text) && p.text[p.i] == c
}

func (p *literal) expect(c byte) {
	if p.peek(c) {
		p.i++
		return
	}
	p.fail("expected %q", c)
}

// str parses a quoted string without escapes, which is all numpy writes.
func (p *literal) str() string {
	p.space()
	if p.err != nil || p.i >= len(p.text) || (p.text[p.i] != '\'' && p.text[p.i] != '"') {
		p.fail("expected a string")
		return ""
	}
	q := p.text[p.i]
	end := strings.IndexByte(p.text[p.i+1:], q)
	if end < 0 {
		p.fail("unterminated string")
		return ""
	}
	s := p.text[p.i+1 : p.i+1+end]
	if strings.ContainsRune(s, '\\') {
		p.fail("escapes in strings are not supported")
	}
	p.i += end + 2
	return s
}

func (p *literal) boolean() bool {
	p.space()
	for _, w := range []string{"True", "False"} {
		if p.err == nil && strings.HasPrefix(p.text[p.i:], w) {
			p.i += len(w)
			return w == "True"
		}
	}
	p.fail("expected True or False")
	return false
}

// tuple parses a tuple of non-negative integers, such as (), (3,) or
// (2, 3); Python 2's long suffix L is allowed, as numpy allows it.
func (p *literal) tuple() []int {
	shape := []int{}
	p.expect('(')
	for p.err == nil && !p.peek(')') {
		start := p.i
		for p.i < len(p.text) && p.text[p.i] >= '0' && p.text[p.i] <= '9' {
			p.i++
		}
		n, err := strconv.Atoi(p.text[start:p.i])
		if err != nil {
			p.i = start
			p.fail("expected a dimension (a non-negative integer)")
			break
		}
		if p.i < len(p.text) && p.text[p.i] == 'L' {
			p.i++
		}
		shape = append(shape, n)
		if !p.peek(')') {
			p.expect(',')
		}
	}
	p.expect(')')
	return shape
}

// decode converts the data of an array with header h to float64, in C
// order; uint8 data in C order is kept as bytes (see array.FromBytes).
func (h npyHeader) decode(data []byte, limit int) (*array.Array, error) {
	conv, size, err := elementDecoder(h.descr)
	if err != nil {
		return nil, err
	}
	n := 1
	for _, d := range h.shape {
		if d > limit || (d > 0 && n > limit/d) {
			return nil, fmt.Errorf("the header promises an array of shape %s, more than the limit of %d elements", array.ShapeString(h.shape), limit)
		}
		n *= d
	}
	if n > limit {
		return nil, fmt.Errorf("the header promises an array of shape %s, more than the limit of %d elements", array.ShapeString(h.shape), limit)
	}
	if len(data)/size < n {
		return nil, fmt.Errorf("truncated: the header promises %d values (%d bytes) of data, the file holds %d bytes", n, n*size, len(data))
	}
	if h.descr[1:] == "u1" && (!h.fortran || len(h.shape) < 2) {
		return array.FromBytes(h.shape, bytes.Clone(data[:n])), nil
	}
	v := make([]float64, n)
	for i := range v {
		v[i] = conv(data[i*size:])
	}
	if h.fortran && len(h.shape) > 1 {
		v = fromFortran(v, h.shape)
	}
	r := array.New(h.shape, v)
	r.Depth = descrDepths[h.descr[1:]]
	return r, nil
}

// fromFortran returns the values v of an array of the given shape, stored
// in Fortran (column-major) order, in C (row-major) order.
func fromFortran(v []float64, shape []int) []float64 {
	out := make([]float64, len(v))
	k := len(shape)
	stride := make([]int, k) // Fortran strides: the first axis varies fastest
	s := 1
	for i, d := range shape {
		stride[i] = s
		s *= d
	}
	idx := make([]int, k)
	off := 0
	for i := range out {
		out[i] = v[off]
		// Advance the C-order index, the last axis fastest.
		for ax := k - 1; ax >= 0; ax-- {
			idx[ax]++
			off += stride[ax]
			if idx[ax] < shape[ax] {
				break
			}
			off -= idx[ax] * stride[ax]
			idx[ax] = 0
		}
	}
	return out
}

// elementDecoder returns the function that converts one element of the
// numpy dtype descr (such as '<f8', '>i4', '|b1') to float64, and the
// element's size in bytes.
func elementDecoder(descr string) (func([]byte) float64, int, error) {
	if len(descr) < 3 {
		return nil, 0, fmt.Errorf("unsupported dtype %q", descr)
	}
	var order binary.ByteOrder = binary.LittleEndian
	switch descr[0] {
	case '<', '|', '=':
	case '>':
		order = binary.BigEndian
	default:
		return nil, 0, fmt.Errorf("unsupported dtype %q", descr)
	}
	kind, size := descr[1], descr[2:]
	if kind == 'c' {
		return nil, 0, fmt.Errorf("complex arrays (dtype %q) are not supported yet: calc has no complex numbers", descr)
	}
	switch string(kind) + size {
	case "b1":
		return func(b []byte) float64 { return float64(min(b[0], 1)) }, 1, nil
	case "u1":
		return func(b []byte) float64 { return float64(b[0]) }, 1, nil
	case "i1":
		return func(b []byte) float64 { return float64(int8(b[0])) }, 1, nil
	case "u2":
		return func(b []byte) float64 { return float64(order.Uint16(b)) }, 2, nil
	case "i2":
		return func(b []byte) float64 { return float64(int16(order.Uint16(b))) }, 2, nil
	case "u4":
		return func(b []byte) float64 { return float64(order.Uint32(b)) }, 4, nil
	case "i4":
		return func(b []byte) float64 { return float64(int32(order.Uint32(b))) }, 4, nil
	case "u8":
		return func(b []byte) float64 { return float64(order.Uint64(b)) }, 8, nil
	case "i8":
		return func(b []byte) float64 { return float64(int64(order.Uint64(b))) }, 8, nil
	case "f2":
		return func(b []byte) float64 { return halfToFloat(order.Uint16(b)) }, 2, nil
	case "f4":
		return func(b []byte) float64 { return float64(math.Float32frombits(order.Uint32(b))) }, 4, nil
	case "f8":
		return func(b []byte) float64 { return math.Float64frombits(order.Uint64(b)) }, 8, nil
	}
	return nil, 0, fmt.Errorf("unsupported dtype %q (calc reads bool, integers and floats)", descr)
}

// halfToFloat converts an IEEE 754 binary16 value to float64.
func halfToFloat(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp, frac := int(h>>10&0x1f), float64(h&0x3ff)
	switch exp {
	case 0: // zero or subnormal
		return sign * math.Ldexp(frac, -24)
	case 0x1f:
		if frac != 0 {
			return math.NaN()
		}
		return sign * math.Inf(1)
	}
	return sign * math.Ldexp(1024+frac, exp-25)
}

// WriteNPY writes a as a version 1.0 .npy file of the given dtype, in C
// order, with the header numpy.save writes for it. Int64 needs whole
// numbers within ±2^63; Bool writes true for every nonzero value (NaN
// included, as numpy's astype(bool) does); Uint8 needs whole numbers in
// 0..255; ByDepth writes each array as DTypeOf says.
func WriteNPY(w io.Writer, a *array.Array, dtype DType) error {
	if dtype == ByDepth {
		dtype = DTypeOf(a)
	}
	enc, err := elementEncoder(dtype)
	if err != nil {
		return err
	}
	dims := make([]string, len(a.Shape))
	for i, d := range a.Shape {
		dims[i] = strconv.Itoa(d)
	}
	shape := "(" + strings.Join(dims, ", ") + ")"
	if len(dims) == 1 {
		shape = "(" + dims[0] + ",)"
	}
	header := fmt.Sprintf("{'descr': '%s', 'fortran_order': False, 'shape': %s, }", dtype, shape)
	// Pad with spaces and a final newline so that the data starts at a
	// multiple of npyAlign; version 2.0's 4-byte length only if needed.
	version, lenBytes := byte(1), 2
	if len(header)+1+len(npyMagic)+4 > math.MaxUint16 {
		version, lenBytes = 2, 4
	}
	prefix := len(npyMagic) + 2 + lenBytes
	pad := npyAlign - (prefix+len(header)+1)%npyAlign
	if pad == npyAlign {
		pad = 0
	}
	header += strings.Repeat(" ", pad) + "\n"
	var buf bytes.Buffer
	buf.WriteString(npyMagic)
	buf.Write([]byte{version, 0})
	if version == 1 {
		buf.Write(binary.LittleEndian.AppendUint16(nil, uint16(len(header))))
	} else {
		buf.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(header))))
	}
	buf.WriteString(header)
	if _, err := w.Write(buf.Bytes()); err != nil {
		return err
	}
	if b, ok := a.Uint8s(); ok && dtype == Uint8 {
		_, err := w.Write(b) // the bytes backing an 8-bit image, as they are
		return err
	}
	out := make([]byte, 0, 1<<16)
	for i, x := range a.Floats() {
		if out, err = enc(out, x); err != nil {
			return fmt.Errorf("element %d: %w", i, err)
		}
		if len(out) > cap(out)-8 {
			if _, err := w.Write(out); err != nil {
				return err
			}
			out = out[:0]
		}
	}
	_, err = w.Write(out)
	return err
}

// elementEncoder returns the function that appends one value as an
// element of dtype.
func elementEncoder(dtype DType) (func([]byte, float64) ([]byte, error), error) {
	switch dtype {
	case Float64:
		return func(b []byte, x float64) ([]byte, error) {
			return binary.LittleEndian.AppendUint64(b, math.Float64bits(x)), nil
		}, nil
	case Int64:
		return func(b []byte, x float64) ([]byte, error) {
			if x != math.Trunc(x) || x < -0x1p63 || x >= 0x1p63 {
				return b, fmt.Errorf("%v is not an int64", x)
			}
			return binary.LittleEndian.AppendUint64(b, uint64(int64(x))), nil
		}, nil
	case Uint8:
		return func(b []byte, x float64) ([]byte, error) {
			if array.Uint8.Saturate(x) != x {
				return b, fmt.Errorf("%v is not a uint8", x)
			}
			return append(b, byte(x)), nil
		}, nil
	case Bool:
		return func(b []byte, x float64) ([]byte, error) {
			if x != 0 {
				return append(b, 1), nil
			}
			return append(b, 0), nil
		}, nil
	}
	return nil, fmt.Errorf("unknown dtype %q", dtype)
}
