package builtins_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"calc/builtins"
	"calc/lang"
)

// dataSession returns a session with dir bound to a fresh temporary
// folder.
func dataSession(t *testing.T) (*lang.Session, string) {
	dir := t.TempDir()
	s := builtins.NewSession()
	s.Set("dir", lang.Str(dir))
	return s, dir
}

// Every value a data file can hold comes back as it went out.
func TestDataRoundTrips(t *testing.T) {
	s, _ := dataSession(t)
	for _, c := range []struct{ src, want string }{
		{`save(dir + "/a.npy", [[1, 2.5], [0.1, -1e-300]]); load(dir + "/a.npy")`, "[[1, 2.5], [0.1, -1e-300]]"},
		{`save(dir + "/s.npy", 0.1 + 0.2); load(dir + "/s.npy") == 0.1 + 0.2`, "true"},
		{`save(dir + "/i.npy", [3, -4], {dtype: "int64"}); load(dir + "/i.npy")`, "[3, -4]"},
		{`savez(dir + "/z.npz", {x: [1, 2], y: eye(2)}); loadz(dir + "/z.npz").y`, "[[1, 0], [0, 1]]"},
		{`savetxt(dir + "/t.txt", [1, nan, 3]); loadtxt(dir + "/t.txt")`, "[1, nan, 3]"},
		{`savetxt(dir + "/u.txt", [[1, 2], [3, 4]]); loadtxt(dir + "/u.txt", {unpack: true})`, "[[1, 3], [2, 4]]"},
		{`writecsv(dir + "/c.csv", {x: [1, 2], s: ["a,b", "c"]}); readcsv(dir + "/c.csv")`, `{x: [1, 2], s: ["a,b", "c"]}`},
		{`writecsv(dir + "/m.csv", [[1, 2], [3, 4]], {header: ["p", "q"]}); readcsv(dir + "/m.csv").q`, "[2, 4]"},
		{`writecsv(dir + "/n.csv", [[1, 2], [3, 4]]); readcsv(dir + "/n.csv", {header: false}).col1`, "[2, 4]"},
		{`writejson(dir + "/j.json", {a: [[1, 2], [3, 4]], b: ["x", nil, true], c: {}}); readjson(dir + "/j.json")`, `{a: [[1, 2], [3, 4]], b: ["x", nil, true], c: {}}`},
		{"v = {w: [0.1, 1e-300, nan, -inf], s: \"q\\\"\\n\", l: [\"a\", [1, 2]]}\nsavevars(dir + \"/v.calc\")\nv = 0\nloadvars(dir + \"/v.calc\")\nv",
			`{w: [0.1, 1e-300, nan, -inf], s: "q\"\n", l: ["a", [1, 2]]}`},
		{"x = 0.1 + 0.2\ny = x\nsavevars(dir + \"/x.calc\", {names: [\"x\"]})\nx = 0\nloadvars(dir + \"/x.calc\")\nx == y", "true"},
	} {
		v, err := s.Eval(c.src)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		want, err := builtins.NewSession().Eval(c.want)
		if err != nil {
			t.Fatalf("%s: %v", c.want, err)
		}
		// Both printed the same way: nan is unequal to itself.
		if got := lang.Format(v); got != lang.Format(want) {
			t.Errorf("%s = %s, want %s", c.src, got, c.want)
		}
	}
}

// npyHeader returns the start of a .npy file of float64 values of the
// given shape, as numpy writes it (a version 1.0 header padded to 64 bytes).
func npyHeader(shape string) string {
	dict := "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }"
	pad := 63 - (10+len(dict))%64
	n := len(dict) + pad + 1
	return "\x93NUMPY\x01\x00" + string([]byte{byte(n), byte(n >> 8)}) + dict + strings.Repeat(" ", pad) + "\n"
}

// Bad files are errors that name the file, line and column; none is a
// panic or a silent wrong answer.
func TestDataErrors(t *testing.T) {
	s, dir := dataSession(t)
	files := map[string]string{
		"bad.txt":    "1 2\n3 4\n5 n/a\n",
		"ragged.csv": "a,b\n1,2\n3\n",
		"quote.csv":  "a,b\n1,\"2\n",
		"bad.json":   "{\"a\": [1, 2,]}",
		"trunc.npy":  npyHeader("(3,)") + "12345678",
		"huge.npy":   npyHeader("(1000000, 1000000)"),
		"func.calc":  "f(x) = x\n",
		"text.npy":   "hello",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ src, want string }{
		{`loadtxt(dir + "/bad.txt")`, "bad.txt:3:3: expected a number, got \"n/a\""},
		{`readcsv(dir + "/ragged.csv")`, "ragged.csv:3: this row has 1 field, the first row 2"},
		{`readcsv(dir + "/quote.csv")`, "quote.csv:2:3: the quoted field that starts here is not closed by the end of the file"},
		{`readjson(dir + "/bad.json")`, "bad.json:1:13: invalid character ']' looking for beginning of value"},
		{`load(dir + "/trunc.npy")`, "trunc.npy: truncated: the header promises 3 values (24 bytes) of data, the file holds 8 bytes"},
		{`load(dir + "/huge.npy")`, "huge.npy: the header promises an array of shape (1000000, 1000000), more than the limit of 100000000 elements"},
		{`load(dir + "/text.npy")`, "text.npy: not a .npy file"},
		{`loadz(dir + "/text.npy")`, "text.npy: not an .npz file"},
		{`savez(dir + "/z.npz", {x: [1]}) + load(dir + "/z.npz")`, "z.npz: a zip archive, such as numpy's .npz, not a .npy file (loadz reads .npz files)"},
		{`loadvars(dir + "/func.calc")`, "func.calc: f is a function: loadvars reads values; run the file with :load instead"},
		{`writejson(dir + "/x.json", [1, nan])`, "JSON has no nan"},
		{`writejson(dir + "/x.json", sin)`, "JSON cannot hold a function"},
		{`save(dir + "/x.npy", [1.5], {dtype: "int64"})`, "element 0: 1.5 is not an int64"},
		{`save(dir + "/x.npy", [1], {dtype: "complex"})`, `unknown dtype "complex"`},
		{`savez(dir + "/x.npz", [1, 2])`, "savez writes a record of arrays"},
		{`writecsv(dir + "/x.csv", {a: [1, 2], b: [1]})`, `column "b" has 1 values, column "a" has 2`},
		{`loadtxt(dir + "/bad.txt", {delimter: ","})`, `unknown option "delimter"`},
		{`loadtxt(dir + "/nothing.txt")`, "no such file"},
	} {
		_, err := s.Eval(c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.src, err, c.want)
		}
	}
	// A small element limit is checked before reading.
	s.MaxElements = 5
	if _, err := s.Eval(`loadtxt(dir + "/bad.txt")`); err == nil || !strings.Contains(err.Error(), "bad.txt:3: more than the limit of 5 elements") {
		t.Errorf("limit: %v", err)
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(matches) > 0 {
		t.Errorf("failed writes left %v", matches)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.npy")); err == nil {
		t.Errorf("a failed save left a file")
	}
}

// Safe mode refuses every read and write.
func TestDataSafeMode(t *testing.T) {
	s, dir := dataSession(t)
	s.Safe = true
	for _, src := range []string{
		`loadtxt(dir + "/a")`, `savetxt(dir + "/a", [1])`, `readcsv(dir + "/a")`, `writecsv(dir + "/a", [1])`,
		`load(dir + "/a")`, `save(dir + "/a", [1])`, `loadz(dir + "/a")`, `savez(dir + "/a", {x: [1]})`,
		`readjson(dir + "/a")`, `writejson(dir + "/a", 1)`, `savevars(dir + "/a")`, `loadvars(dir + "/a")`,
	} {
		if _, err := s.Eval(src); err == nil || !strings.Contains(err.Error(), "files are off in safe mode") {
			t.Errorf("%s in safe mode: %v", src, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("safe mode wrote %d files", len(entries))
	}
}

// Every builtin that writes a file replaces only a regular file: a
// symbolic link or a named pipe in its place stays, with an error, and a
// replaced file keeps its mode.
func TestWritersRefuseSpecialFiles(t *testing.T) {
	s, dir := dataSession(t)
	target := filepath.Join(dir, "target")
	os.WriteFile(target, []byte("kept"), 0o600)
	for _, name := range []string{"l.png", "l.svg", "l.txt", "l.npy", "l.csv"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "f.png"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ src, want string }{
		{`imwrite(dir + "/l.png", zeros(2, 2))`, "l.png: it is a symbolic link"},
		{`imwrite(dir + "/f.png", zeros(2, 2))`, "f.png: it is a named pipe (FIFO)"},
		{`savefig(plot([1, 2]), dir + "/l.svg")`, "l.svg: it is a symbolic link"},
		{`savefig(plot([1, 2]), dir + "/f.png")`, "f.png: it is a named pipe (FIFO)"},
		{`savetxt(dir + "/l.txt", [1])`, "l.txt: it is a symbolic link"},
		{`save(dir + "/l.npy", [1])`, "l.npy: it is a symbolic link"},
		{`writecsv(dir + "/l.csv", [[1]])`, "l.csv: it is a symbolic link"},
	} {
		if _, err := s.Eval(c.src); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error saying %q", c.src, err, c.want)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "kept" {
		t.Errorf("a link's target holds %q", b)
	}
	kept := filepath.Join(dir, "kept.png")
	os.WriteFile(kept, nil, 0o600)
	for _, src := range []string{`imwrite(dir + "/kept.png", zeros(2, 2))`, `savefig(plot([1, 2]), dir + "/kept.png")`} {
		if _, err := s.Eval(src); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(kept); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: the file's mode became %v (%v), want 0600 kept", src, fi.Mode().Perm(), err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 8 {
		t.Errorf("%d files in the folder, want 8: a temporary file was left", len(entries))
	}
}
