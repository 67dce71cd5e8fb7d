package calc_test

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
