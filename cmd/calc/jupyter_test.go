package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"calc"
)

// jupyterPython returns a Python that can import the given modules of
// Debian's Jupyter packages, or skips the test.
func jupyterPython(t *testing.T, modules, packages string) string {
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import "+modules).Run() == nil {
			return py
		}
	}
	t.Skipf("skipping the test with a real Jupyter client: no python3 with %s (apt-get install %s)", modules, packages)
	return ""
}

// runJupyter installs the kernelspec in a temporary prefix with `calc
// jupyter install --prefix`, runs a Python script of testdata against it,
// and returns what the script printed. The kernel is this test binary,
// which is calc under CALC_TEST_MAIN.
func runJupyter(t *testing.T, py, script string, args ...string) string {
	prefix := t.TempDir()
	install := exec.Command(os.Args[0], "jupyter", "install", "--prefix", prefix)
	install.Env = append(os.Environ(), "CALC_TEST_MAIN=1")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("calc jupyter install: %v\n%s", err, out)
	}
	spec, err := os.ReadFile(filepath.Join(prefix, "share", "jupyter", "kernels", "calc", "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ks struct{ Argv []string }
	if err := json.Unmarshal(spec, &ks); err != nil || len(ks.Argv) != 4 || !filepath.IsAbs(ks.Argv[0]) {
		t.Fatalf("kernel.json: %v\n%s", err, spec)
	}
	script, err = filepath.Abs(filepath.Join("testdata", script))
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := exec.Command(py, append([]string{script}, args...)...)
	cmd.Dir = home
	cmd.Env = append(os.Environ(), "CALC_TEST_MAIN=1",
		"JUPYTER_PATH="+filepath.Join(prefix, "share", "jupyter"),
		"JUPYTER_DATA_DIR="+filepath.Join(home, "data"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(home, "runtime"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(home, "config"),
		"JUPYTER_PLATFORM_DIRS=1")
	// Output goes to a file, not a pipe: a kernel left running by a failed
	// check would keep a pipe open, and the test waiting.
	log, err := os.Create(filepath.Join(home, "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(5*time.Minute, func() { cmd.Process.Kill() })
	err = cmd.Wait()
	timer.Stop()
	out, _ := os.ReadFile(log.Name())
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, out)
	}
	return string(out)
}

// TestJupyterEndToEnd runs testdata/jupyter_e2e.py, which starts the
// kernel as Jupyter does and checks execution, figures, formulas, errors,
// completion, inspection, interrupts and shutdown through jupyter_client.
func TestJupyterEndToEnd(t *testing.T) {
	py := jupyterPython(t, "jupyter_client", "python3-jupyter-client")
	out := runJupyter(t, py, "jupyter_e2e.py")
	t.Logf("%s", out)
	if !strings.HasSuffix(out, "ok\n") {
		t.Errorf("the script did not finish:\n%s", out)
	}
}

// TestJupyterNotebooks runs every notebook of examples/notebooks with
// nbclient (testdata/jupyter_notebooks.py): their outputs must be the
// golden examples/NAME.out.
func TestJupyterNotebooks(t *testing.T) {
	py := jupyterPython(t, "jupyter_client, nbclient, nbformat", "python3-jupyter-client python3-nbclient python3-nbformat")
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", runJupyter(t, py, "jupyter_notebooks.py", examples))
}

// TestJupyterHooks: the kernel completes and explains names as the REPL
// does.
func TestJupyterHooks(t *testing.T) {
	s := calc.NewSession()
	endings, n := jupyterHooks.Complete(s, []rune("y = fmin_bf"), 11)
	if n != 7 || len(endings) != 1 || string(endings[0]) != "gs" {
		t.Errorf("completion of fmin_bf: %q, %d", endings, n)
	}
	text, err := jupyterHooks.Help(s, "fmin")
	if err != nil || !strings.Contains(text, "Nelder") || !strings.Contains(text, "calc> ") {
		t.Errorf("help for fmin: %v\n%s", err, text)
	}
	if _, err := jupyterHooks.Help(s, "no_such_name"); err == nil {
		t.Error("help for an unknown name gave no error")
	}
}
