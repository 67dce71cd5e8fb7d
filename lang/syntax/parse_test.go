package syntax

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// strip returns a copy of a tree's printable content with every position
// zeroed, so that trees parsed from different text can be compared.
func strip(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			strip(v.Elem())
		}
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			f := v.Field(i)
			switch name := t.Field(i).Name; {
			case name == "At" || name == "NamePos" || name == "Text" && t.Name() == "Num":
				f.SetZero()
			case name == "OpPos" || name == "ParamPos":
				f.SetZero()
			default:
				strip(f)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			strip(v.Index(i))
		}
	}
}

func stripped(stmts []Stmt) []Stmt {
	strip(reflect.ValueOf(stmts))
	return stmts
}

// roundTrip checks that each statement of text prints as source that
// parses to the same tree.
func roundTrip(t *testing.T, text string) {
	stmts, err := Parse(text)
	if err != nil {
		return
	}
	for _, st := range stmts {
		printed := PrintStmt(st)
		again, err := Parse(printed)
		if err != nil {
			t.Fatalf("%q printed as %q, which does not parse: %v", text, printed, err)
		}
		a, b := stripped([]Stmt{st}), stripped(again)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%q printed as %q, which parses to another tree", text, printed)
		}
	}
}

var seeds = []string{
	"x = 1; x", "f(x) = x**2 - 4*x + 8", "7 // 2 + 1", "a[1:-1, ::2]", "a[a > 0] = 0", "w[0][0] = 5",
	"x, f, d = fmin_l_bfgs_b(g, [0, 0])", "(0.0, 1.0, 0.0)", "w += 1", "grad(f)(x)", "fs[1](0)",
	"reduce((acc, d) -> acc*10 + d, [5, 2, 1])", "sorted(xs, key=abs, reverse=true)", "-2**-2**3",
	"let d = 3; d * d + 1", "if n == 1 { 0 } else if n > 2 { 1 } else { 2 }", "xs | map(f) | filter(g)",
	"0 < x <= 1 != y", "not a and b or c", "{x: 1, \"a b\": 2, (k): 3}", "r.x.y = 1", "`raw\n`", "1_000 + 0x1F + 1e-8 + .5",
	"(x -> x)(3)", "a @ b @ c", "x in [1, 2] == true", "c ? a ? 1 : 2 : b ? 3 : 4", "() -> 1", "(a,)", "help sin",
	"[1,\n 2] # c", "f(a, b,)", "y[:36:6, 1]", "1 if x else 2", "lambda x: x", "[x**2 for x in xs if x > 0]",
}

func TestRoundTrip(t *testing.T) {
	for _, s := range seeds {
		roundTrip(t, s)
	}
}

// FuzzParse parses arbitrary text: no input panics or hangs, and every
// tree prints back to source that parses to the same tree.
func FuzzParse(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkContinuation(t, text)
		roundTrip(t, text)
	})
}

// checkContinuation feeds text to a Continuation line by line, as the
// REPL does, and checks each answer against Incomplete of the whole text
// so far, until the statement is done.
func checkContinuation(t *testing.T, text string) {
	t.Helper()
	var c Continuation
	so := 0
	for so < len(text) {
		end := strings.IndexByte(text[so:], '\n') + 1
		if end == 0 {
			end = len(text) - so
		}
		so += end
		got, want := c.Add(text[so-end:so]), Incomplete(text[:so])
		if got != want {
			t.Fatalf("after %q: Continuation says incomplete %v, Incomplete %v", text[:so], got, want)
		}
		if !got {
			return
		}
	}
}

func TestContinuation(t *testing.T) {
	for _, text := range append(seeds,
		"x = [1,\n2,\n3]\n", "f(\n`raw\n(((\n`,\n 2\n)\n", "`a\nb` + [\n1]\n", "[\n# ]\n]\n", "[1,\n 2)\n3\n",
		"a = {\n x: \"[\",\n}\n", "[\n\"unclosed\n]\n", "((\n)\n)\n", "x\\\n+ 1\n", "[a\n'\n]\n") {
		checkContinuation(t, text)
	}
}

// TestContinuationLinear pastes a 60,000-line list literal, line by line:
// each line is scanned once, so it takes milliseconds (rescanning the
// pending text at each line took half a minute in the REPL).
func TestContinuationLinear(t *testing.T) {
	start := time.Now()
	var c Continuation
	c.Add("x = [\n")
	for i := range 60000 {
		if !c.Add(strconv.Itoa(i) + ",\n") {
			t.Fatalf("line %d ended the statement", i)
		}
	}
	if c.Add("]\n") {
		t.Fatal("the closing bracket did not end the statement")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("60,000 lines took %v", d)
	}
}

func TestNestingLimit(t *testing.T) {
	deep := strings.Repeat("(", 600000) + "1" + strings.Repeat(")", 600000)
	_, err := Parse(deep)
	if err == nil || !strings.Contains(err.Error(), "nest more than") {
		t.Fatalf("600,000 parentheses: got %v, want a nesting error", err)
	}
	for _, op := range []string{"-", "not ", "2**"} {
		_, err := Parse(strings.Repeat(op, 100000) + "1")
		if err == nil || !strings.Contains(err.Error(), "nest more than") {
			t.Fatalf("100,000 × %q: got %v, want a nesting error", op, err)
		}
	}
}

func TestPositions(t *testing.T) {
	stmts, err := Parse("x = 1\n  y = [1,\n 2] + sinn(x)")
	if err != nil {
		t.Fatal(err)
	}
	a := stmts[1].(*Assign)
	if a.Target.Pos() != 8 {
		t.Errorf("y at %d, want 8", a.Target.Pos())
	}
	b := a.Value.(*Binary)
	if b.At != 20 || b.Y.Pos() != 22 {
		t.Errorf("+ at %d and sinn at %d, want 20 and 22", b.At, b.Y.Pos())
	}
}

// BenchmarkParse10k parses 10,000 lines of typical calc. Target: < 50 ms.
func BenchmarkParse10k(b *testing.B) {
	lines := []string{
		"f(x) = x**2 - 4*x + 8",
		"r = fmin(f, 1.3, disp=false)",
		"y = odeint(lorenz, [0, 1, 0], range(0, 30, 0.01), {args: [10, 28, 3]})",
		"w[0, 1] = w[1:, ::2] @ v + sigmoid(dot(x, w1)) # a comment",
		"ok = 0 < r.x <= 3 and not isnan(r.fun) ? \"yes\" : \"no\"",
	}
	var sb strings.Builder
	for i := range 10000 {
		sb.WriteString(lines[i%len(lines)] + "\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}
