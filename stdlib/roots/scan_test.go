package roots

import (
	"math"
	"strings"
	"testing"
)

func TestFindAll(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func(float64) float64
		a, b float64
		want []float64
		tol  float64
	}{
		{"sin", math.Sin, -1, 10, []float64{0, math.Pi, 2 * math.Pi, 3 * math.Pi}, 1e-12},
		{"cubic", func(x float64) float64 { return x*x*x - 2*x - 5 }, -5, 5, []float64{2.0945514815423265}, 1e-12},
		{"grid zero", func(x float64) float64 { return x * (x - 1) * (x + 1) }, -2, 2, []float64{-1, 0, 1}, 1e-12},
		{"tangential", func(x float64) float64 { return (x - 0.3) * (x - 0.3) }, -1, 2, []float64{0.3}, 1e-7},
		{"tangential sin²", func(x float64) float64 { return math.Sin(x) * math.Sin(x) }, 0.5, 7, []float64{math.Pi, 2 * math.Pi}, 1e-7},
		{"close pair", func(x float64) float64 { return (x - 1) * (x - 1.0001) }, 0, 2.3, []float64{1, 1.0001}, 1e-12},
		{"no roots", func(x float64) float64 { return x*x + 1 }, -3, 3, nil, 0},
		{"near miss", func(x float64) float64 { return x*x + 1e-6 }, -1, 1, nil, 0},
		{"pole", func(x float64) float64 { return 1 / x }, -1, 1, nil, 0},
		{"tan", math.Tan, 0.5, 4, []float64{math.Pi}, 1e-12},
		{"partial domain", func(x float64) float64 { return math.Sqrt(x) - 1 }, -1, 4, []float64{1}, 1e-12},
		{"endpoints", func(x float64) float64 { return x * (x - 2) }, 0, 2, []float64{0, 2}, 0},
	} {
		res, err := FindAll(c.f, c.a, c.b, nil)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		got := res.Roots
		if len(got) != len(c.want) {
			t.Errorf("%s: roots %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > c.tol*math.Max(1, math.Abs(c.want[i])) {
				t.Errorf("%s: roots %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

func TestFindAllErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		a, b float64
		s    *ScanSettings
		f    func(float64) float64
	}{
		{"reversed", 1, 0, nil, math.Sin},
		{"infinite", 0, math.Inf(1), nil, math.Sin},
		{"intervals", 0, 1, &ScanSettings{Intervals: -1}, math.Sin},
		{"all NaN", 0, 1, nil, func(float64) float64 { return math.NaN() }},
	} {
		if _, err := FindAll(c.f, c.a, c.b, c.s); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

func TestExtrema(t *testing.T) {
	// x³ - 3x on [-2, 3]: f' = 3x² - 3 vanishes at ±1; f(-2) = f(1) = -2,
	// f(-1) = 2, f(3) = 18.
	cubic := func(x float64) float64 { return x*x*x - 3*x }
	dcubic := func(x float64) float64 { return 3*x*x - 3 }
	// sin x + cos 2x on [0, 2π]: f' = cos x (1 - 4 sin x) vanishes at
	// asin(1/4), π/2, π - asin(1/4), 3π/2; the maximum 9/8 is at
	// asin(1/4) and π - asin(1/4), the minimum -2 at 3π/2.
	trig := func(x float64) float64 { return math.Sin(x) + math.Cos(2*x) }
	dtrig := func(x float64) float64 { return math.Cos(x) - 2*math.Sin(2*x) }
	s := math.Asin(0.25)
	for _, c := range []struct {
		name                   string
		f, df                  func(float64) float64
		a, b                   float64
		min, max               float64
		argmins, argmaxs, crit []float64
		tol                    float64
	}{
		{"cubic", cubic, dcubic, -2, 3, -2, 18, []float64{-2, 1}, []float64{3}, []float64{-1, 1}, 1e-12},
		{"cubic numeric", cubic, nil, -2, 3, -2, 18, []float64{-2, 1}, []float64{3}, []float64{-1, 1}, 1e-9},
		{"trig", trig, dtrig, 0, 2 * math.Pi, -2, 1.125, []float64{3 * math.Pi / 2}, []float64{s, math.Pi - s},
			[]float64{s, math.Pi / 2, math.Pi - s, 3 * math.Pi / 2}, 1e-12},
	} {
		got, err := Extrema(c.f, c.df, c.a, c.b, nil)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !near(got.Min, c.min, c.tol) || !near(got.Max, c.max, c.tol) {
			t.Errorf("%s: min %v, max %v; want %v, %v", c.name, got.Min, got.Max, c.min, c.max)
		}
		if !nearAny(got.ArgMin, c.argmins, 1e-7) || !nearAny(got.ArgMax, c.argmaxs, 1e-7) {
			t.Errorf("%s: argmin %v, argmax %v; want one of %v, %v", c.name, got.ArgMin, got.ArgMax, c.argmins, c.argmaxs)
		}
		if !closeVec(got.Critical, c.crit, math.Sqrt(c.tol)) {
			t.Errorf("%s: critical points %v, want %v", c.name, got.Critical, c.crit)
		}
	}
	if _, err := Extrema(cubic, dcubic, 3, -2, nil); err == nil {
		t.Error("a reversed interval is accepted")
	}
	// log on [0, 1] is -inf at 0, its least value; not the least one seen near 0.
	got, err := Extrema(math.Log, func(x float64) float64 { return 1 / x }, 0, 1, nil)
	if err != nil || !math.IsInf(got.Min, -1) || got.ArgMin != 0 || got.Max != 0 || got.ArgMax != 1 {
		t.Errorf("log on [0, 1]: %+v, %v; want min -inf at 0, max 0 at 1", got, err)
	}
}

// TestExtremaRefusesAPole: tan on [0, 3] has a pole at π/2 where its
// derivative 1 + tan² keeps its sign, so no critical point and no cluster
// betrays it; the check on a grid does, and names a point near the pole.
// On [0, 1.5], where tan is continuous, the answer stands.
func TestExtremaRefusesAPole(t *testing.T) {
	dtan := func(x float64) float64 { return 1 + math.Tan(x)*math.Tan(x) }
	_, err := Extrema(math.Tan, dtan, 0, 3, nil)
	if err == nil || !strings.Contains(err.Error(), "f(1.572)") || !strings.Contains(err.Error(), "not continuous") {
		t.Errorf("tan on [0, 3]: err = %v, want one naming f(1.572) and saying f is not continuous", err)
	}
	got, err := Extrema(math.Tan, dtan, 0, 1.5, nil)
	if err != nil || got.Min != 0 || !near(got.Max, math.Tan(1.5), 1e-15) {
		t.Errorf("tan on [0, 1.5]: %+v, %v", got, err)
	}
}

// TestExtremaRefusesPoles: 1/(x - 1.5) on [0, 3] and 1/x² on [-1, 1]
// have poles; without interval bounds the grid scan of f' misses them
// and the check grid says so, and a finite jump is refused the same way
// (with bounds, as extrema has them, the jump's cluster gives the answer
// and the pole's is named: see builtins' TestExtremaOfPolesAndJumps).
func TestExtremaRefusesPoles(t *testing.T) {
	jump := func(x float64) float64 {
		if x < 1 {
			return x
		}
		return x - 5
	}
	for name, c := range map[string]struct {
		f    func(float64) float64
		a, b float64
	}{
		"1/(x - 1.5)": {func(x float64) float64 { return 1 / (x - 1.5) }, 0, 3},
		"1/x²":        {func(x float64) float64 { return 1 / (x * x) }, -1, 1},
		"jump":        {jump, 0, 3},
	} {
		_, err := Extrema(c.f, nil, c.a, c.b, nil)
		if err == nil || !strings.Contains(err.Error(), "not continuous") && !strings.Contains(err.Error(), "has a pole") {
			t.Errorf("%s: err = %v, want one saying f is not continuous or has a pole", name, err)
		}
	}
}

func nearAny(x float64, want []float64, tol float64) bool {
	for _, w := range want {
		if near(x, w, tol) {
			return true
		}
	}
	return false
}
