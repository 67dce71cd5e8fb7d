package dataio

import (
	"encoding/json"
	"io"
	"os/exec"
	"path/filepath"
	"testing"

	"calc/stdlib/array"
)

// numpyPython returns a Python that imports numpy, or skips the test.
func numpyPython(t *testing.T) string {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import numpy").Run() == nil {
			return py
		}
	}
	t.Skip("no python3 with numpy (Debian: apt-get install python3-numpy): files calc writes are not checked in numpy")
	return ""
}

// The files calc writes load in numpy with the values calc wrote.
func TestNumpyLoadsCalcFiles(t *testing.T) {
	py := numpyPython(t)
	dir := t.TempDir()
	m := array.New([]int{2, 3}, []float64{1.5, -2, 1e-300, nan, inf, 0.1})
	write := func(name string, w func(io.Writer) error) {
		if err := WriteFile(filepath.Join(dir, name), w); err != nil {
			t.Fatal(err)
		}
	}
	write("m.npy", func(w io.Writer) error { return WriteNPY(w, m, Float64) })
	write("i.npy", func(w io.Writer) error { return WriteNPY(w, array.Vector([]float64{-3, 0, 1 << 60}), Int64) })
	write("b.npy", func(w io.Writer) error { return WriteNPY(w, array.Vector([]float64{0, 2, nan}), Bool) })
	write("d.npz", func(w io.Writer) error {
		return WriteNPZ(w, []Named{{"m", m}, {"v", array.Vector([]float64{1, 2})}}, Float64)
	})
	write("m.txt", func(w io.Writer) error { return SaveTxt(w, m, SaveOptions{}) })
	write("m.csv", func(w io.Writer) error {
		return WriteCSV(w, &Table{Columns: []Column{{Name: "x", Numbers: m.Floats()}, {Name: "s, t", Text: []string{"a", "b\"", "c\nd", "", "e", "f"}}}}, true)
	})
	script := `
import json, sys, csv
import numpy as np
d = sys.argv[1]
out = {}
def put(name, a):
    out[name] = {"dtype": str(a.dtype), "shape": list(a.shape), "values": [repr(x) for x in a.ravel().tolist()]}
for name in ["m.npy", "i.npy", "b.npy"]:
    put(name, np.load(d + "/" + name))
with np.load(d + "/d.npz") as z:
    out["npz files"] = z.files
    put("d.npz/m", z["m"])
put("m.txt", np.loadtxt(d + "/m.txt"))
with open(d + "/m.csv", newline="") as f:
    out["m.csv"] = list(csv.reader(f))
json.dump(out, sys.stdout)
`
	b, err := exec.Command(py, "-c", script, dir).Output()
	if err != nil {
		t.Fatalf("numpy: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	mValues := []any{"1.5", "-2.0", "1e-300", "nan", "inf", "0.1"}
	want := map[string]any{
		"m.npy":     map[string]any{"dtype": "float64", "shape": []any{2.0, 3.0}, "values": mValues},
		"i.npy":     map[string]any{"dtype": "int64", "shape": []any{3.0}, "values": []any{"-3", "0", "1152921504606846976"}},
		"b.npy":     map[string]any{"dtype": "bool", "shape": []any{3.0}, "values": []any{"False", "True", "True"}},
		"npz files": []any{"m", "v"},
		"d.npz/m":   map[string]any{"dtype": "float64", "shape": []any{2.0, 3.0}, "values": mValues},
		"m.txt":     map[string]any{"dtype": "float64", "shape": []any{2.0, 3.0}, "values": mValues},
		"m.csv": []any{
			[]any{"x", "s, t"}, []any{"1.5", "a"}, []any{"-2", "b\""}, []any{"1e-300", "c\nd"},
			[]any{"nan", ""}, []any{"inf", "e"}, []any{"0.1", "f"},
		},
	}
	for k, w := range want {
		gj, _ := json.Marshal(got[k])
		wj, _ := json.Marshal(w)
		if string(gj) != string(wj) {
			t.Errorf("%s: numpy read\n%s\nwant\n%s", k, gj, wj)
		}
	}
}
