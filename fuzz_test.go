package calc_test

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"calc"
	"calc/lang"
)

// FuzzRun runs arbitrary programs: whatever the input, calc answers with
// a value or an error, never a panic. Sessions get small limits and a
// watchdog so that runaway programs stop quickly.
func FuzzRun(f *testing.F) {
	scripts, _ := filepath.Glob("examples/*.calc")
	for _, path := range scripts {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			f.Add(line)
		}
	}
	for _, src := range []string{"1 +", "(((", "f(x) = f(x)\nf(1)", "[1, 2][5]", "diff(x**2, x)", "grad(sum(x**2))", "\"unclosed", "x = [1, 2", "let y = 1; y",
		"x = [10, 20, 30]; x[x > 15] = 0; x", "w = [[1, 2], [3, 4]]; w[0][1] += 5; w @ w.T", "a, b = (1, 2); a // b",
		"y = reshape(range(12), 3, 4); y[::-1, 1:3]; y[[0, 2], :]", "r = {x: 1}; r.x = [1]; r[0]", "(x -> x**2)(3)",
		"reduce((a, d) -> a*10 + d, [1, 2])", "sorted([3, 1], key=abs, reverse=true)", "grad(x -> sum(x**2))([1, 2])"} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s := calc.NewSession()
		s.Safe = true // seeds include savefig and imwrite lines
		s.MaxDepth = 200
		s.MaxElements = 1e5
		s.Graph().MaxNodes = 1e5
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				s.Interrupt()
			}
		}()
		calc.Run(s, "<fuzz>", src, io.Discard, io.Discard)
	})
}

// FuzzDerivative differentiates arbitrary expressions in x and checks the
// derivative against central differences wherever the function is smooth
// enough for them to agree with themselves (two step sizes).
func FuzzDerivative(f *testing.F) {
	for _, src := range []string{"x**2*sin(x)", "exp(-x**2/2)", "log(1 + x**2)", "x**x", "tanh(3*x) / (1 + x**2)",
		"sqrt(x**2 + 1)", "atan2(x, 2)", "sigmoid(x)*cos(x)", "abs(x - 1)", "x < 1 ? x**2 : 2*x - 1", "max(x, 0.5)**3"} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s := calc.NewSession()
		s.MaxDepth, s.MaxElements = 100, 1e4
		s.Graph().MaxNodes = 2e4
		e, err := s.Eval(src)
		if err != nil || e.Node() == nil || !e.Node().IsScalar() {
			return
		}
		vars := s.Params(e, 1)
		if len(vars) != 1 || vars[0] != "x" {
			return
		}
		s.Set("_f", e)
		d, err := s.Eval("diff(_f, x)")
		if err != nil {
			return // not differentiable here (a comparison, digamma, ...): an error, not a wrong number
		}
		s.Set("_d", d)
		for _, x := range []float64{-1.7, -0.3, 0.4, 1.1, 2.6} {
			at := func(name string, v float64) float64 {
				r, err := s.Eval(name + "(" + strconv.FormatFloat(v, 'g', -1, 64) + ")")
				if err != nil || r.Kind() != lang.NumKind {
					return math.NaN()
				}
				return r.Float()
			}
			if d.Kind() == lang.NumKind {
				continue
			}
			got := at("_d", x)
			h := 1e-5 * math.Max(1, math.Abs(x))
			fd1 := (at("_f", x+h) - at("_f", x-h)) / (2 * h)
			fd2 := (at("_f", x+h/10) - at("_f", x-h/10)) / (h / 5)
			scale := math.Max(1, math.Abs(fd1))
			if math.IsNaN(got) || math.IsNaN(fd1) || math.IsNaN(fd2) || math.IsInf(fd1, 0) || math.Abs(fd1-fd2) > 1e-4*scale || scale > 1e6 {
				continue // not smooth or not finite here
			}
			if math.Abs(got-fd1) > 1e-3*scale {
				t.Errorf("d/dx %s = %s at %v is %v; central differences give %v", src, lang.Format(d), x, got, fd1)
			}
		}
	})
}

// fuzzArgs are the kinds of argument FuzzBuiltins passes: numbers
// (NaN, infinities, huge, negative, fractional), arrays of odd shapes,
// strings, functions, records (options among them) and empty lists.
var fuzzArgs = []string{
	"0", "1", "-1", "0.5", "-0.0", "2", "nan", "inf", "-inf", "1e300", "1e18", "-1e18", "2**53", "1e-300", "1j",
	"[]", "[1]", "[nan, inf]", "[[1], [1, 2]]", "[1, \"a\"]", "zeros(0)", "zeros(0, 3)", "zeros(3, 0)", "ones(1, 1, 1)",
	"range(7)", "reshape(range(24), 2, 3, 4)", "eye(3)", "[[1, 2], [3, 4]]", "ones(2, 3)", "[[nan]]", "[true, false]",
	"\"\"", "\"a\"", "\"fro\"", "\"linear\"", "\"a.png\"", "x", "x**2 + y", "sin(x)",
	"x -> x", "x -> nan", "(a, b) -> a", "sin", "x -> [x, x]", "(t, y) -> -y", "() -> 1",
	"{}", "{a: 1}", "{axis: 1e300}", "{axis: nan}", "{maxiter: nan}", "{n: -1}", "{size: 1e300}", "{method: \"nope\"}",
	"nil", "true", "[[]]", "[[[1]]]",
}

// fuzzBuiltinNames are the builtins FuzzBuiltins calls, sorted.
var fuzzBuiltinNames = sync.OnceValue(func() []string {
	var names []string
	for _, b := range calc.NewSession().Builtins() {
		names = append(names, b.Name)
	}
	sort.Strings(names)
	return names
})

// FuzzBuiltins calls every builtin with generated arguments of every
// kind: whatever they are, the builtin answers with a value or a clear
// error, never a Go panic (calc.Run lets those through) and never a hang
// (a watchdog interrupts, and the session's limits are small).
func FuzzBuiltins(f *testing.F) {
	names := fuzzBuiltinNames()
	for i := range names {
		f.Add(uint16(i), []byte{byte(i), byte(i / 3), byte(i * 7)})
	}
	f.Fuzz(func(t *testing.T, which uint16, kinds []byte) {
		src := fuzzCall(names[int(which)%len(names)], kinds)
		s := calc.NewSession()
		s.Safe = true
		s.MaxDepth = 200
		s.MaxElements = 1e5
		s.MaxOutput = 1 << 16
		s.Graph().MaxNodes = 1e5
		s.Deadline = time.Now().Add(2 * time.Second)
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				s.Interrupt()
			}
		}()
		calc.Run(s, "<fuzz>", src, io.Discard, io.Discard)
	})
}

// fuzzCall is the call of name with the arguments kinds picks from
// fuzzArgs: up to five of them.
func fuzzCall(name string, kinds []byte) string {
	args := make([]string, 0, 5)
	for _, k := range kinds[:min(len(kinds), 5)] {
		args = append(args, fuzzArgs[int(k)%len(fuzzArgs)])
	}
	return name + "(" + strings.Join(args, ", ") + ")"
}
