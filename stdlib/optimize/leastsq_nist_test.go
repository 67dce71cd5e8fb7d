package optimize

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// nistProblem is one of NIST's StRD nonlinear regression problems, read
// from testdata/nist.json, with its model and the model's gradient in the
// parameters written out by hand.
type nistProblem struct {
	Name      string
	Model     string
	X, Y      []float64
	Start1    []float64
	Start2    []float64
	Certified []float64
	StdErr    []float64
	RSS       float64
	f         func(x float64, b []float64) float64
	grad      func(x float64, b, g []float64)
}

// nistModels holds y = f(x; b) and ∂f/∂b for each problem, keyed by name.
var nistModels = map[string]struct {
	f    func(x float64, b []float64) float64
	grad func(x float64, b, g []float64)
}{
	"Misra1a": {nistExpRise, nistExpRiseGrad},
	"BoxBOD":  {nistExpRise, nistExpRiseGrad},
	"Chwirut2": {
		func(x float64, b []float64) float64 { return math.Exp(-b[0]*x) / (b[1] + b[2]*x) },
		func(x float64, b, g []float64) {
			e, d := math.Exp(-b[0]*x), b[1]+b[2]*x
			g[0] = -x * e / d
			g[1] = -e / (d * d)
			g[2] = -x * e / (d * d)
		},
	},
	"Lanczos3": {
		func(x float64, b []float64) float64 {
			return b[0]*math.Exp(-b[1]*x) + b[2]*math.Exp(-b[3]*x) + b[4]*math.Exp(-b[5]*x)
		},
		func(x float64, b, g []float64) {
			for k := 0; k < 6; k += 2 {
				e := math.Exp(-b[k+1] * x)
				g[k] = e
				g[k+1] = -b[k] * x * e
			}
		},
	},
	"Thurber": {
		func(x float64, b []float64) float64 {
			return (b[0] + x*(b[1]+x*(b[2]+x*b[3]))) / (1 + x*(b[4]+x*(b[5]+x*b[6])))
		},
		func(x float64, b, g []float64) {
			num := b[0] + x*(b[1]+x*(b[2]+x*b[3]))
			den := 1 + x*(b[4]+x*(b[5]+x*b[6]))
			p := 1.0
			for k := 0; k < 4; k++ {
				g[k] = p / den
				p *= x
			}
			p = x
			for k := 4; k < 7; k++ {
				g[k] = -num * p / (den * den)
				p *= x
			}
		},
	},
	"MGH09": {
		func(x float64, b []float64) float64 { return b[0] * (x*x + x*b[1]) / (x*x + x*b[2] + b[3]) },
		func(x float64, b, g []float64) {
			num, den := x*x+x*b[1], x*x+x*b[2]+b[3]
			g[0] = num / den
			g[1] = b[0] * x / den
			g[2] = -b[0] * num * x / (den * den)
			g[3] = -b[0] * num / (den * den)
		},
	},
	"Eckerle4": {
		func(x float64, b []float64) float64 {
			u := (x - b[2]) / b[1]
			return b[0] / b[1] * math.Exp(-0.5*u*u)
		},
		func(x float64, b, g []float64) {
			u := (x - b[2]) / b[1]
			e := math.Exp(-0.5 * u * u)
			g[0] = e / b[1]
			g[1] = b[0] * e * (u*u - 1) / (b[1] * b[1])
			g[2] = b[0] * e * u / (b[1] * b[1])
		},
	},
	"Rat42": {
		func(x float64, b []float64) float64 { return b[0] / (1 + math.Exp(b[1]-b[2]*x)) },
		func(x float64, b, g []float64) {
			e := math.Exp(b[1] - b[2]*x)
			g[0] = 1 / (1 + e)
			g[1] = -b[0] * e / ((1 + e) * (1 + e))
			g[2] = b[0] * e * x / ((1 + e) * (1 + e))
		},
	},
}

func nistExpRise(x float64, b []float64) float64 { return b[0] * (1 - math.Exp(-b[1]*x)) }

func nistExpRiseGrad(x float64, b, g []float64) {
	e := math.Exp(-b[1] * x)
	g[0] = 1 - e
	g[1] = b[0] * x * e
}

// nistLoad reads the NIST catalogue.
func nistLoad(t testing.TB) []*nistProblem {
	t.Helper()
	data, err := os.ReadFile("testdata/nist.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Problems []*nistProblem }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Problems {
		mod, ok := nistModels[p.Name]
		if !ok {
			t.Fatalf("no model for %s", p.Name)
		}
		p.f, p.grad = mod.f, mod.grad
	}
	return doc.Problems
}

// residuals returns r_i = f(x_i; b) − y_i and its Jacobian.
func (p *nistProblem) residuals() (Residuals, Jacobian) {
	n := len(p.Certified)
	r := func(b, r []float64) {
		for i, x := range p.X {
			r[i] = p.f(x, b) - p.Y[i]
		}
	}
	jac := func(b, jac []float64) {
		for i, x := range p.X {
			p.grad(x, b, jac[i*n:(i+1)*n])
		}
	}
	return r, jac
}

// relErr is |got − want| / |want|.
func relErr(got, want float64) float64 { return math.Abs(got-want) / math.Abs(want) }

// jsonFloat reads a float that scipy_leastsq.py may have written as the
// string "inf" or "-inf", JSON having no infinities.
type jsonFloat float64

func (f *jsonFloat) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case `"inf"`:
		*f = jsonFloat(math.Inf(1))
	case `"-inf"`:
		*f = jsonFloat(math.Inf(-1))
	default:
		var v float64
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*f = jsonFloat(v)
	}
	return nil
}

// floats converts a vector of jsonFloat.
func floats(v []jsonFloat) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}
