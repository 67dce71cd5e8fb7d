package dataio

import (
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// FuzzNPY decodes arbitrary bytes as a .npy file: errors are fine, panics
// and allocations past the limit are not.
func FuzzNPY(f *testing.F) {
	for _, name := range []string{"f8.npy", "f8_be.npy", "f8_fortran.npy", "f8_v2.npy", "b1.npy", "scalar.npy", "f2.npy"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("\x93NUMPY\x01\x00\x10\x00{'shape': (2L,)}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := DecodeNPY("f.npy", b, 1<<16)
		if err == nil && a.Len() > 1<<16 {
			t.Fatalf("%d elements passed the limit", a.Len())
		}
	})
}

// textSeeds start the fuzzing of the text readers.
var textSeeds = []string{"1 2\n3 4\n", "a,b\n1,\"2\"\r\n,3\n", "\"x\ny\",1\n", "#c\n1;2;;\n", "\uFEFF1\n", "1,2e5,-.5\n3,,nan\n"}

// FuzzLoadTxt reads arbitrary text as loadtxt, checking that the fast
// row reader agrees with the general one and that the limit holds.
func FuzzLoadTxt(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, delim := range []string{"", ","} {
			sameParse(t, s, TextOptions{Delimiter: delim, Limit: 1 << 12})
			if a, err := LoadTxt(strings.NewReader(s), "f.txt", int64(len(s)), TextOptions{Delimiter: delim, Limit: 1 << 12}); err == nil && a.Len() > 1<<12 {
				t.Fatalf("%d elements passed the limit", a.Len())
			}
		}
	})
}

// FuzzCSV reads arbitrary text as CSV with csvReader and with
// encoding/csv, which must give the same records, and the same place
// where they stop with an error; then ReadCSV must not panic, and give
// columns of equal length.
func FuzzCSV(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	for _, s := range []string{"a,\"b\"\"c\",d\r\n\n\"e\nf\"\r", "\"a\"b", "a\"b", "\"a", "a,b\n1\n", "\r\n\r\n1\r", "\"\"\"\"", ",,\n,,"} {
		f.Add(s)
	}
	path := filepath.Join(f.TempDir(), "f.csv")
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimPrefix(s, "\uFEFF")
		var mine, theirs [][]string
		cr := newCSVReader(strings.NewReader(s), "f.csv", ',')
		var mineErr error
		for {
			rec, _, err := cr.read()
			if err != nil {
				if err != io.EOF {
					mineErr = err
				}
				break
			}
			fields := make([]string, len(rec))
			for i, f := range rec {
				fields[i] = string(f)
			}
			mine = append(mine, fields)
		}
		gr := csv.NewReader(strings.NewReader(s))
		var theirErr error
		for {
			rec, err := gr.Read()
			if err != nil {
				if err != io.EOF {
					theirErr = err
				}
				break
			}
			theirs = append(theirs, rec)
		}
		if (mineErr == nil) != (theirErr == nil) || !reflect.DeepEqual(mine, theirs) {
			t.Fatalf("%q: csvReader gives %q, %v; encoding/csv %q, %v", s, mine, mineErr, theirs, theirErr)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		tab, err := ReadCSV(path, CSVOptions{Limit: 1 << 12})
		if err != nil {
			return
		}
		for _, c := range tab.Columns {
			if c.Len() != tab.Columns[0].Len() {
				t.Fatalf("columns of unequal length: %+v", tab)
			}
		}
	})
}

// FuzzNumber checks the fast path of parseNumber against strconv.
func FuzzNumber(f *testing.F) {
	for _, s := range []string{"1.5", "-0.000123", "9007199254740991", "9007199254740993", "1e22", "1e23", "123.456e-7", "-0", ".5", "5.", "1e", "+.e1",
		"1234567890123456789e-19", "9.999999999999999999e18", "37.944549835531085", "-4.005883316435388e+01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFastNumber(t, s)
	})
}

// checkFastNumber fails if fastNumber takes s and disagrees with strconv
// (bit for bit, so that -0 is -0).
func checkFastNumber(t *testing.T, s string) {
	x, ok := fastNumber(s)
	if !ok {
		return
	}
	want, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Float64bits(x) != math.Float64bits(want) {
		t.Fatalf("fastNumber(%q) = %v, strconv gives %v, %v", s, x, want, err)
	}
}
