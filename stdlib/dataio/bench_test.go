package dataio

import (
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"calc/stdlib/array"
)

// benchRows is the size of the speed target: a 1,000,000-row,
// 5-column numeric CSV. bench/dataio_numpy.py times numpy.loadtxt,
// pandas.read_csv and numpy.savetxt on the same file (CALC_BENCH_CSV).
const benchRows, benchCols = 1_000_000, 5

// benchCSV returns the path of the benchmark's CSV file: CALC_BENCH_CSV
// if set and present, else one written to a temporary folder (random
// values in the shortest form that reads back exactly, as pandas'
// to_csv writes them, with a header line).
func benchCSV(b *testing.B) (string, *array.Array) {
	r := rand.New(rand.NewPCG(1, 2))
	m := array.Zeros(benchRows, benchCols)
	for i := range m.Len() {
		m.Floats()[i] = r.NormFloat64() * 100
	}
	path := os.Getenv("CALC_BENCH_CSV")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.csv")
	}
	if _, err := os.Stat(path); err == nil {
		return path, m
	}
	t := &Table{}
	for j := range benchCols {
		c := Column{Name: "c" + strings.Repeat("x", j), Numbers: make([]float64, benchRows)}
		for i := range benchRows {
			c.Numbers[i] = m.Floats()[i*benchCols+j]
		}
		t.Columns = append(t.Columns, c)
	}
	if err := WriteFile(path, func(w io.Writer) error { return WriteCSV(w, t, true) }); err != nil {
		b.Fatal(err)
	}
	return path, m
}

// BenchmarkLoadTxtCSV1e6x5 reads the file as loadtxt(path, {delimiter:
// ",", skiprows: 1}) does.
func BenchmarkLoadTxtCSV1e6x5(b *testing.B) {
	path, _ := benchCSV(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := ReadTxt(path, TextOptions{Delimiter: ",", SkipRows: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCSV1e6x5 reads the file as readcsv(path) does.
func BenchmarkReadCSV1e6x5(b *testing.B) {
	path, _ := benchCSV(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := ReadCSV(path, CSVOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveTxt1e6x5 writes the values as savetxt(path, m,
// {delimiter: ","}) does, with numpy's default format %.18e.
func BenchmarkSaveTxt1e6x5(b *testing.B) {
	_, m := benchCSV(b)
	path := filepath.Join(b.TempDir(), "out.txt")
	b.ResetTimer()
	for b.Loop() {
		if err := WriteFile(path, func(w io.Writer) error { return SaveTxt(w, m, SaveOptions{Delimiter: ","}) }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteCSV1e6x5 writes the values as writecsv does.
func BenchmarkWriteCSV1e6x5(b *testing.B) {
	path, _ := benchCSV(b)
	t, err := ReadCSV(path, CSVOptions{})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "out.csv")
	b.ResetTimer()
	for b.Loop() {
		if err := WriteFile(out, func(w io.Writer) error { return WriteCSV(w, t, true) }); err != nil {
			b.Fatal(err)
		}
	}
}
