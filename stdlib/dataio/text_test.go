package dataio

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"calc/stdlib/array"
)

// LoadTxt against numpy.loadtxt's (and, for missing values,
// numpy.genfromtxt's) results, kept in testdata/loadtxt.npz.
func TestLoadTxtMatchesNumpy(t *testing.T) {
	ref, err := ReadNPZ("testdata/loadtxt.npz", 1e8)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*array.Array{}
	for _, r := range ref {
		want[r.Name] = r.Array
	}
	for _, c := range []struct {
		name, file string
		opts       TextOptions
	}{
		{"spaces", "spaces.txt", TextOptions{}},
		{"commas", "commas.txt", TextOptions{Delimiter: ",", SkipRows: 1}},
		{"commas_usecols", "commas.txt", TextOptions{Delimiter: ",", SkipRows: 1, UseCols: []int{2, 0}}},
		{"one_column", "one_column.txt", TextOptions{}},
		{"one_row", "one_row.txt", TextOptions{}},
		{"one_row_ndmin2", "one_row.txt", TextOptions{NDMin: 2}},
		{"one_column_ndmin2", "one_column.txt", TextOptions{NDMin: 2}},
		{"spaces_max_rows", "spaces.txt", TextOptions{MaxRows: 2}},
		{"spaces_skiprows", "spaces.txt", TextOptions{SkipRows: 2}},
	} {
		got, err := ReadTxt(filepath.Join("testdata", c.file), c.opts)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		w := want[c.name]
		if !slices.Equal(got.Shape, w.Shape) || !sameValues(got.Floats(), w.Floats()) {
			t.Errorf("%s: got %v %v, numpy %v %v", c.name, got.Shape, got.Floats(), w.Shape, w.Floats())
		}
	}
}

func TestLoadTxtErrors(t *testing.T) {
	for _, c := range []struct {
		text string
		opts TextOptions
		want string
	}{
		{"1 2\n3 n/a\n", TextOptions{}, `data.txt:2:3: expected a number, got "n/a"`},
		{"1,2\n3,  0x10\n", TextOptions{Delimiter: ","}, `data.txt:2:5: expected a number, got "0x10"`},
		{"é,1\n", TextOptions{Delimiter: ","}, `data.txt:1:1: expected a number, got "é"`},
		{"é,  x\n", TextOptions{Delimiter: ",", UseCols: []int{1}}, `data.txt:1:5: expected a number, got "x"`},
		{"1 2 3\n4 5\n", TextOptions{}, "data.txt:2: this row has 2 columns, the rows before it 3"},
		{"1 2\n", TextOptions{UseCols: []int{5}}, "data.txt:1: there is no column 5 in this row of 2 columns"},
		{"1 2\n3 4\n5 6\n", TextOptions{Limit: 5}, "data.txt:3: more than the limit of 5 elements"},
	} {
		_, err := LoadTxt(strings.NewReader(c.text), "data.txt", 0, c.opts)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v, want %s", c.text, err, c.want)
		}
	}
}

func TestLoadTxtDetails(t *testing.T) {
	for _, c := range []struct {
		text  string
		opts  TextOptions
		shape []int
		want  []float64
	}{
		{"\uFEFF1 2\r\n3 4\r\n", TextOptions{}, []int{2, 2}, []float64{1, 2, 3, 4}},
		{"% c\n1;2 // x\n", TextOptions{Delimiter: ";", Comments: []string{"%", "//"}}, []int{2}, []float64{1, 2}},
		{"#1\n", TextOptions{Comments: []string{}}, nil, nil}, // "#1" is no number: checked below
		{"", TextOptions{}, []int{0}, []float64{}},
		{"5\n", TextOptions{}, []int{}, []float64{5}},
		{"5\n", TextOptions{NDMin: 1}, []int{1}, []float64{5}},
		{"+NaN -inf 1_000 1e999\n", TextOptions{}, []int{4}, []float64{nan, -inf, 1000, inf}},
	} {
		got, err := LoadTxt(strings.NewReader(c.text), "t", 0, c.opts)
		if c.shape == nil {
			if err == nil {
				t.Errorf("%q: no error", c.text)
			}
			continue
		}
		if err != nil || !slices.Equal(got.Shape, c.shape) || !sameValues(got.Floats(), c.want) {
			t.Errorf("%q: got %v, %v", c.text, got, err)
		}
	}
}

// SaveTxt writes what numpy.savetxt wrote for the same arrays and formats.
func TestSaveTxtMatchesNumpy(t *testing.T) {
	m := array.New([]int{3, 3}, []float64{1.5, -2, 1e-7, nan, inf, -inf, 1234.5678, 0, -0.1})
	mInt := array.New([]int{2, 3}, []float64{1, -2, 3.7, 400, 5, -6.9})
	for _, c := range []struct {
		file string
		a    *array.Array
		opts SaveOptions
	}{
		{"savetxt_default.txt", m, SaveOptions{}},
		{"savetxt_g.txt", m, SaveOptions{Fmt: []string{"%g"}, Delimiter: ",", Header: "a,b,c\nsecond line", Footer: "end"}},
		{"savetxt_widths.txt", m, SaveOptions{Fmt: []string{"%10.3f", "%-+9.2e", "%08.3G"}}},
		{"savetxt_multi.txt", mInt, SaveOptions{Fmt: []string{"%d | %5i | %.1f"}}},
		{"savetxt_vector.txt", array.Vector([]float64{1, 2.5, 3}), SaveOptions{Fmt: []string{"%.2f"}}},
	} {
		var b bytes.Buffer
		if err := SaveTxt(&b, c.a, c.opts); err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		want, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		if b.String() != string(want) {
			t.Errorf("%s: calc wrote\n%s\nnumpy wrote\n%s", c.file, b.String(), want)
		}
	}
	for _, c := range []struct {
		a    *array.Array
		fmt  []string
		want string
	}{
		{m, []string{"%d"}, "row 1, column 0: cannot write nan as an integer (%d)"},
		{m, []string{"%x"}, `unsupported conversion "%x"`},
		{m, []string{"%f", "%f"}, "2 formats for 3 columns"},
		{m, []string{"%f %f"}, `the format "%f %f" has 2 conversions for 3 columns`},
		{array.New([]int{1, 1, 1}, []float64{1}), nil, "savetxt writes a vector or a matrix, not an array of shape (1, 1, 1)"},
	} {
		err := SaveTxt(&bytes.Buffer{}, c.a, SaveOptions{Fmt: c.fmt})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: got %v, want %s", c.fmt, err, c.want)
		}
	}
}

// Inputs of several blocks: the values join in order, and errors and
// limits name the right line.
func TestLoadTxtBlocks(t *testing.T) {
	var b strings.Builder
	b.WriteString("\uFEFF# header\n")
	const rows = 200_000 // about 3 MB: several blocks
	for i := range rows {
		fmt.Fprintf(&b, "%d,%d.5\r\n", i, i)
	}
	text := b.String()
	for _, hint := range []int64{0, int64(len(text))} {
		got, err := LoadTxt(strings.NewReader(text), "big.csv", hint, TextOptions{Delimiter: ","})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Shape, []int{rows, 2}) {
			t.Fatalf("shape %v", got.Shape)
		}
		for i := 0; i < rows; i += 997 {
			if got.Floats()[2*i] != float64(i) || got.Floats()[2*i+1] != float64(i)+0.5 {
				t.Fatalf("row %d: %v", i, got.Floats()[2*i:2*i+2])
			}
		}
	}
	got, err := LoadTxt(strings.NewReader(text), "big.csv", 0, TextOptions{Delimiter: ",", MaxRows: 150_001, SkipRows: 2})
	if err != nil || got.Shape[0] != 150_001 || got.Floats()[0] != 1 || got.Floats()[got.Len()-2] != 150_001 {
		t.Errorf("max_rows across blocks: %v, %v", got.Shape, err)
	}
	for _, c := range []struct {
		replace, with, want string
	}{
		{"\n150000,150000.5", "\n150000,x", "big.csv:150002:8: expected a number, got \"x\""},
		{"\n150000,", "\n150000,1,", "big.csv:150002: this row has 3 columns, the rows before it 2"},
	} {
		bad := strings.Replace(text, c.replace, c.with, 1)
		if _, err := LoadTxt(strings.NewReader(bad), "big.csv", 0, TextOptions{Delimiter: ","}); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
	if _, err := LoadTxt(strings.NewReader(text), "big.csv", 0, TextOptions{Delimiter: ",", Limit: 300_000}); err == nil || !strings.Contains(err.Error(), "more than the limit of 300000 elements") {
		t.Errorf("limit: %v", err)
	}
	// A line longer than a block.
	long := strings.Repeat("1 ", blockSize) + "\n"
	got, err = LoadTxt(strings.NewReader(long+long), "long.txt", 0, TextOptions{})
	if err != nil || !slices.Equal(got.Shape, []int{2, blockSize}) {
		t.Errorf("long lines: %v, %v", got.Shape, err)
	}
}

// The fast path of parseNumber agrees with strconv, bit for bit, on
// halfway cases and on random numbers of every length and exponent it
// takes.
func TestFastNumber(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	taken := 0
	for _, s := range []string{"9007199254740993", "9007199254740995", "9007199254740993.0000000001", "18014398509481985",
		"9999999999999999999", "1.000000000000000111e0", "1.0000000000000001110223024625156540e0", "4.9406564584124654e-19",
		"123456789012345678.9", "2.2250738585072014e-19", "0.1", "1.797693134862315708e19"} {
		checkFastNumber(t, s)
	}
	for range 1_000_000 {
		digits := 1 + r.IntN(19)
		m := r.Uint64() % uint64(math.Pow10(digits))
		s := strconv.FormatUint(m, 10)
		if p := r.IntN(len(s) + 1); p < len(s) {
			s = s[:p] + "." + s[p:]
		}
		if r.IntN(2) == 0 {
			s += "e" + strconv.Itoa(r.IntN(60)-30)
		}
		if r.IntN(2) == 0 {
			s = "-" + s
		}
		if _, ok := fastNumber(s); ok {
			taken++
		}
		checkFastNumber(t, s)
	}
	if taken < 500_000 {
		t.Errorf("the fast path took only %d numbers", taken)
	}
}

// sameParse fails unless parsing text with fastRow and without it gives
// the same values, shape and error.
func sameParse(t *testing.T, text string, opts TextOptions) {
	t.Helper()
	fast := newTextConfig("f.txt", opts)
	slow := newTextConfig("f.txt", opts)
	slow.fast = false
	a, b := fast.parse([]byte(text), 1, 0, nil), slow.parse([]byte(text), 1, 0, nil)
	if fmt.Sprint(a.err) != fmt.Sprint(b.err) || a.rows != b.rows || a.ncols != b.ncols || !sameValues(a.data, b.data) {
		t.Fatalf("%q %+v: fastRow gives %v %d×%d %v, row gives %v %d×%d %v", text, opts, a.err, a.rows, a.ncols, a.data, b.err, b.rows, b.ncols, b.data)
	}
}

// fastRow reads what row reads, and leaves the rest to it.
func TestFastRow(t *testing.T) {
	lines := []string{"1,2,3", "1.5e3,-2,+.5", "1,,3", "1,2,", " 1,2,3", "1,2 ,3", "1,2,3 # c", "1,2,3#c", "1,2", "1,2,3,4",
		"9007199254740993,1,2", "1e400,nan,inf", "0x10,1,2", "", "   ", "# only", "1\t2 3", "1  2   3 ", "\t1 2 3", "1,2,3\v"}
	for _, delim := range []string{",", "", ";", "1", ", "} {
		for _, comments := range [][]string{nil, {"%"}, {"-"}} {
			for i, a := range lines {
				for _, b := range lines[i:] {
					sameParse(t, a+"\n"+b+"\n"+a, TextOptions{Delimiter: delim, Comments: comments, Limit: 7})
				}
			}
		}
	}
}
