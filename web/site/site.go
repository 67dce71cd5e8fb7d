// Package site builds calc's browser playground: the static page in
// static/, calc compiled to WebAssembly (web/wasm), Go's wasm_exec.js from
// the installed toolchain, and the examples as the page's lessons — all
// written to one folder that any static file server can serve.
package site

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"calc"
	"calc/builtins"
	"calc/lang/syntax"
)

//go:embed static
var static embed.FS

// Lessons are the examples the page's menu lists first, in this order:
// the seed's lessons. The other examples follow in alphabetical order.
var Lessons = []string{"nn", "optimize", "functional", "ode", "roots", "images"}

// WasmPackage is the import path of the WebAssembly program.
const WasmPackage = "calc/web/wasm"

// Example is a program of the page's menu.
type Example struct {
	Name   string `json:"name"`   // the file's name without .calc
	Title  string `json:"title"`  // its first comment line
	Lesson bool   `json:"lesson"` // one of the seed's lessons
	Text   string `json:"text"`
}

// Build writes the site to dir: it compiles the WebAssembly program with
// the go command and copies wasm_exec.js from its GOROOT, the static
// files, and examples.json made from the module's examples/*.calc.
func Build(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := fs.WalkDir(static, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := static.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, strings.TrimPrefix(path, "static/")), b, 0o644)
	}); err != nil {
		return err
	}
	root, err := goOutput("list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		return err
	}
	goroot, err := goOutput("env", "GOROOT")
	if err != nil {
		return err
	}
	if err := copyWasmExec(goroot, dir); err != nil {
		return err
	}
	if err := writeExamples(filepath.Join(root, "examples"), filepath.Join(dir, "examples.json")); err != nil {
		return err
	}
	// -s -w leave out the symbol table and DWARF: a smaller download.
	// GOWASM turns on WebAssembly's saturating float-to-int conversions
	// and sign extension (in every major browser since 2021): Go then
	// converts numbers to indices without long checking sequences, which
	// makes the Lorenz odeint about a third faster.
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "calc.wasm"), WasmPackage)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWASM=satconv,signext")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %v\n%s", WasmPackage, err, out)
	}
	return nil
}

// goOutput runs the go command and returns its output, trimmed.
func goOutput(args ...string) (string, error) {
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			err = fmt.Errorf("%v: %s", err, ee.Stderr)
		}
		return "", fmt.Errorf("go %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}

// copyWasmExec copies the JavaScript support file that matches the
// toolchain: lib/wasm since Go 1.24, misc/wasm before.
func copyWasmExec(goroot, dir string) error {
	var last error
	for _, sub := range []string{"lib/wasm", "misc/wasm"} {
		b, err := os.ReadFile(filepath.Join(goroot, sub, "wasm_exec.js"))
		if err == nil {
			return os.WriteFile(filepath.Join(dir, "wasm_exec.js"), b, 0o644)
		}
		last = err
	}
	return fmt.Errorf("no wasm_exec.js in the Go toolchain: %v", last)
}

// writeExamples writes the examples of folder src, lessons first, with
// calc's keywords and the names of its builtins and constants for the
// editor's highlighting.
func writeExamples(src, path string) error {
	files, err := filepath.Glob(filepath.Join(src, "*.calc"))
	if err != nil {
		return err
	}
	rank := map[string]int{}
	for i, name := range Lessons {
		rank[name] = i + 1
	}
	var lessons, others []Example
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".calc")
		ex := Example{Name: name, Title: title(string(b), name), Lesson: rank[name] > 0, Text: string(b)}
		if ex.Lesson {
			lessons = append(lessons, ex)
		} else {
			others = append(others, ex)
		}
	}
	if len(lessons) != len(Lessons) {
		return fmt.Errorf("found %d of the %d lessons %v in %s", len(lessons), len(Lessons), Lessons, src)
	}
	slices.SortFunc(lessons, func(a, b Example) int { return rank[a.Name] - rank[b.Name] })
	var names []string
	for _, b := range builtins.All() {
		names = append(names, b.Name)
	}
	constants := slices.Sorted(maps.Keys(builtins.Constants()))
	keywords := slices.Sorted(maps.Keys(syntax.Keywords))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(map[string]any{
		"version":   calc.Version,
		"examples":  append(lessons, others...),
		"builtins":  names,
		"constants": constants,
		"keywords":  keywords,
	}); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// title is the first line of a program's leading comment, or name.
func title(text, name string) string {
	line, _, _ := strings.Cut(text, "\n")
	if t, ok := strings.CutPrefix(line, "#"); ok && strings.TrimSpace(t) != "" {
		return strings.TrimSuffix(strings.TrimSpace(t), ".")
	}
	return name
}
