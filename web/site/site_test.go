package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	builtDir  string
	buildErr  error
)

// built builds the site once for all the tests of the package, into a
// folder removed when they end (see TestMain).
func built(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		builtDir, buildErr = os.MkdirTemp("", "calc-web-")
		if buildErr == nil {
			buildErr = Build(builtDir)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

func TestBuildWritesTheSite(t *testing.T) {
	dir := built(t)
	for _, name := range []string{"index.html", "app.js", "worker.js", "memfs.js", "style.css", "wasm_exec.js", "calc.wasm", "examples.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	var site struct {
		Examples                      []Example
		Builtins, Constants, Keywords []string
	}
	b, err := os.ReadFile(filepath.Join(dir, "examples.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &site); err != nil {
		t.Fatal(err)
	}
	for i, name := range Lessons {
		if site.Examples[i].Name != name || !site.Examples[i].Lesson {
			t.Errorf("example %d is %q, want the lesson %q", i, site.Examples[i].Name, name)
		}
	}
	for _, c := range []struct {
		names []string
		want  string
	}{{site.Builtins, "odeint"}, {site.Constants, "pi"}, {site.Keywords, "let"}} {
		if !slices.Contains(c.names, c.want) {
			t.Errorf("the names for highlighting lack %s: %v", c.want, c.names)
		}
	}
	raw, gz := wasmSize(t, dir)
	t.Logf("calc.wasm: %.1f MB, %.1f MB gzipped", float64(raw)/1e6, float64(gz)/1e6)
}

// wasmSize returns the size of calc.wasm and of it gzipped.
func wasmSize(t *testing.T, dir string) (raw, gz int) {
	b, err := os.ReadFile(filepath.Join(dir, "calc.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return len(b), buf.Len()
}

// nodeRun is the result of one program in testdata/smoke.js.
type nodeRun struct {
	Result struct {
		Items []struct{ Text, SVG, Caption string }
		Error *struct {
			Message   string
			Line, Col int
		}
	}
	Files []string
}

// TestNode runs calc.wasm in Node.js the way the page's worker does.
func TestNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: skipping the Node.js smoke test of calc.wasm")
	}
	dir := built(t)
	programs := []string{
		"fmin(x**2 - 4*x + 8, 1.3)",
		"x = 1\ny = 2 * sinn(x)",
		"plot(sin, 0, 6, {title: \"sine\"})",
		"savefig(plot(sin, 0, 6), tempdir() + \"/sine.png\")\nimwrite(\"/a.png\", zeros(3, 5))\nimread(\"/a.png\", {gray: true}).shape",
	}
	in, _ := json.Marshal(programs)
	cmd := exec.Command(node, filepath.Join("testdata", "smoke.js"), dir)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var runs []nodeRun
	if err := json.Unmarshal(out, &runs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(runs) != len(programs) {
		t.Fatalf("%d results for %d programs", len(runs), len(programs))
	}
	fmin := runs[0].Result
	if fmin.Error != nil || len(fmin.Items) != 1 || !strings.HasPrefix(fmin.Items[0].Text, "Optimization terminated successfully.") || !strings.HasSuffix(fmin.Items[0].Text, "\n2.000019531\n") {
		t.Errorf("fmin: %+v", fmin)
	}
	if e := runs[1].Result.Error; e == nil || e.Line != 2 || e.Col != 9 || !strings.HasPrefix(e.Message, "smoke.calc:2:9: unknown function \"sinn\"") {
		t.Errorf("error: %+v", e)
	}
	if it := runs[2].Result.Items; len(it) != 1 || !strings.Contains(it[0].SVG, "<svg") || !strings.Contains(it[0].SVG, ">sine</text>") {
		t.Errorf("figure: %.200v", it)
	}
	files := runs[3]
	if files.Result.Error != nil || files.Result.Items[0].Text != "\"/tmp/calc-plots/sine.png\"\n\"/a.png\"\n[3, 5]\n" ||
		strings.Join(files.Files, " ") != "/tmp/calc-plots/sine.png /a.png" {
		t.Errorf("files: %+v", files)
	}
}
