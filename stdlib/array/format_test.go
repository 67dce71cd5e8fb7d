package array

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	tenth := 0.1 // A variable, so that tenth + 2*tenth rounds as floats do.
	for _, c := range []struct {
		x         float64
		precision int
		want      string
	}{
		{3, 10, "3"},
		{-2, 10, "-2"},
		{math.Copysign(0, -1), 10, "-0"},
		{1e15, 10, "1000000000000000"},
		{1e16, 10, "1e+16"},
		{1234567890.123, 10, "1234567890.123"},
		{1e10 + 0.5, 10, "10000000000.5"},
		{123456789.123456, 10, "123456789.1"},
		{12345.678, 4, "12345.678"},
		{1e15 + 0.5, 10, "1000000000000000.5"},
		{0.1, 10, "0.1"},
		{tenth + 2*tenth, 10, "0.3"},
		{tenth + 2*tenth, 17, "0.30000000000000004"},
		{2.00001953125, 9, "2.00001953"},
		{1.0 / 3, 10, "0.3333333333"},
		{1.0 / 3, 0, "0.3333333333"},
		{-2.5, 3, "-2.5"},
		{1e-8, 10, "1e-08"},
		{0.0001, 10, "0.0001"},
		{1.5e-5, 10, "1.5e-05"},
		{2.5e20, 10, "2.5e+20"},
		{math.Inf(1), 10, "inf"},
		{math.Inf(-1), 10, "-inf"},
		{math.NaN(), 10, "nan"},
	} {
		if got := FormatNumber(c.x, c.precision); got != c.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", c.x, c.precision, got, c.want)
		}
	}
}

func TestFormat(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	big, _ := Arange(0, 1000001, 1)
	for _, c := range []struct {
		name string
		a    *Array
		opts FormatOptions
		want string
	}{
		{"number", scalar(3.5), FormatOptions{}, "3.5"},
		{"empty", vec(), FormatOptions{}, "[]"},
		{"empty 2-d", Zeros(2, 0), FormatOptions{}, "[]"},
		{"ints", vec(1, 2, 3), FormatOptions{}, "[1, 2, 3]"},
		{"mixed", vec(1, 2.5, -3), FormatOptions{}, "[ 1. ,  2.5, -3. ]"},
		{"decimals", vec(1.0/3, 2), FormatOptions{Decimals: 3}, "[0.333, 2.   ]"},
		{"nan and inf", vec(nan, inf, -inf, 1), FormatOptions{}, "[ nan,  inf, -inf,    1]"},
		{"booleans", &Array{Shape: []int{2}, data: []float64{1, 0}, Depth: Bool}, FormatOptions{}, "[ true, false]"},
		{"2-d", arr(shape(2, 2), 1, 2, 3, 4), FormatOptions{}, "" +
			"[[1, 2],\n" +
			" [3, 4]]"},
		{"2-d aligned", arr(shape(2, 3), 1, -2, 3, 40, 5.5, -6), FormatOptions{}, "" +
			"[[ 1. , -2. ,  3. ],\n" +
			" [40. ,  5.5, -6. ]]"},
		{"2-d nan and inf", arr(shape(2, 2), nan, 1, -inf, 0.5), FormatOptions{}, "" +
			"[[ nan,  1. ],\n" +
			" [-inf,  0.5]]"},
		{"column", arr(shape(3, 1), 1, 10, 100), FormatOptions{}, "" +
			"[[  1],\n" +
			" [ 10],\n" +
			" [100]]"},
		{"3-d", iota(2, 2, 2), FormatOptions{}, "" +
			"[[[0, 1],\n" +
			"  [2, 3]],\n" +
			"\n" +
			" [[4, 5],\n" +
			"  [6, 7]]]"},
		{"4-d", iota(2, 1, 1, 2), FormatOptions{}, "" +
			"[[[[0, 1]]],\n" +
			"\n" +
			"\n" +
			" [[[2, 3]]]]"},
		{"wrapped", iota(12), FormatOptions{LineWidth: 20}, "" +
			"[ 0,  1,  2,  3,  4,\n" +
			"  5,  6,  7,  8,  9,\n" +
			" 10, 11]"},
		{"wrapped 2-d", iota(2, 6), FormatOptions{LineWidth: 20}, "" +
			"[[ 0,  1,  2,  3,\n" +
			"   4,  5],\n" +
			" [ 6,  7,  8,  9,\n" +
			"  10, 11]]"},
		{"too narrow to wrap", vec(123456), FormatOptions{LineWidth: 3}, "[123456]"},
		{"long arange", big, FormatOptions{}, "[      0,       1,       2, ...,  999998,  999999, 1000000]"},
		{"not quite long", iota(1000), FormatOptions{Threshold: 1000, LineWidth: 1 << 20}, "[" + count(1000, 3) + "]"},
		{"edge items", iota(20), FormatOptions{Threshold: 10, EdgeItems: 2}, "[ 0,  1, ..., 18, 19]"},
		{"100×100", iota(100, 100), FormatOptions{}, "" +
			"[[   0,    1,    2, ...,   97,   98,   99],\n" +
			" [ 100,  101,  102, ...,  197,  198,  199],\n" +
			" [ 200,  201,  202, ...,  297,  298,  299],\n" +
			" ...,\n" +
			" [9700, 9701, 9702, ..., 9797, 9798, 9799],\n" +
			" [9800, 9801, 9802, ..., 9897, 9898, 9899],\n" +
			" [9900, 9901, 9902, ..., 9997, 9998, 9999]]"},
		{"3-d summarized", iota(3, 3, 3), FormatOptions{Threshold: 10, EdgeItems: 1}, "" +
			"[[[ 0, ...,  2],\n" +
			"  ...,\n" +
			"  [ 6, ...,  8]],\n" +
			"\n" +
			" ...,\n" +
			"\n" +
			" [[18, ..., 20],\n" +
			"  ...,\n" +
			"  [24, ..., 26]]]"},
	} {
		if got := Format(c.a, c.opts); got != c.want {
			t.Errorf("Format %s:\n%s\nwant:\n%s", c.name, got, c.want)
		}
	}
}

// count returns "0, 1, ..., n-1", each number right-aligned in width
// columns.
func count(n, width int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprintf("%*d", width, i)
	}
	return strings.Join(words, ", ")
}

// TestFormatNumpy compares Format with numpy's array2string over the
// arrays of testdata/numpy_format.txt, which testdata/numpy_format.py
// wrote, at 80 and 120 columns.
func TestFormatNumpy(t *testing.T) {
	text, err := os.ReadFile("testdata/numpy_format.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases := strings.Split(string(text), "=== ")[1:]
	if len(cases) < 30 {
		t.Fatalf("only %d cases in numpy_format.txt", len(cases))
	}
	for _, c := range cases {
		header, rest, _ := strings.Cut(c, "\n")
		values, want, _ := strings.Cut(rest, "\n")
		var name string
		var width int
		var dims []int
		for _, field := range strings.Fields(header) {
			switch k, v, _ := strings.Cut(field, "="); k {
			case "width":
				width, _ = strconv.Atoi(v)
			case "shape":
				for _, d := range strings.Split(v, ",") {
					n, _ := strconv.Atoi(d)
					dims = append(dims, n)
				}
			default:
				name += field + " "
			}
		}
		var data []float64
		for _, f := range strings.Fields(values) {
			x, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			data = append(data, x)
		}
		got := Format(New(dims, data), FormatOptions{LineWidth: width})
		if want = strings.TrimSuffix(want, "\n"); got != want {
			t.Errorf("%sat %d columns:\n%s\nnumpy:\n%s", name, width, got, want)
		}
	}
}

// TestFormatComplexNumpy compares FormatComplex with numpy's array2string
// over the arrays of testdata/numpy_complex_format.json, which
// testdata/numpy_complex_format.py wrote.
func TestFormatComplexNumpy(t *testing.T) {
	text, err := os.ReadFile("testdata/numpy_complex_format.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Re, Im []float64
		Shape  []int
		Want   string
	}
	if err := json.Unmarshal(text, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		z := NewComplex(New(c.Shape, c.Re), New(c.Shape, c.Im))
		if got := FormatComplex(z, FormatOptions{}); got != c.Want {
			t.Errorf("got\n%s\nnumpy:\n%s", got, c.Want)
		}
	}
}

// TestFormatExact checks against Python's repr (less its ".0" on whole
// numbers) and numpy's names for NaN and the infinities.
func TestFormatExact(t *testing.T) {
	tenth := 0.1
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0.1, "0.1"}, {tenth + 0.2, "0.30000000000000004"}, {1e-5, "1e-05"}, {1e-4, "0.0001"},
		{1e6, "1000000"}, {1e16, "1e+16"}, {-2.5e-300, "-2.5e-300"}, {math.Copysign(0, -1), "-0"},
		{math.NaN(), "nan"}, {math.Inf(1), "inf"}, {math.Inf(-1), "-inf"},
	} {
		if got := FormatExact(c.x); got != c.want {
			t.Errorf("FormatExact(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}
