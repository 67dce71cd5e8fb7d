package array

import (
	"math"
	"testing"
)

func TestFullEye(t *testing.T) {
	check(t, "Full", Full(shape(2, 2), 7), nil, arr(shape(2, 2), 7, 7, 7, 7), "", 0)
	check(t, "Full 0-d", Full(shape(), 7), nil, scalar(7), "", 0)
	check(t, "Full negative", Full(shape(2, -1), 7), nil, Zeros(2, 0), "", 0)
	check(t, "Eye", Eye(3, 3, 0), nil, arr(shape(3, 3), 1, 0, 0, 0, 1, 0, 0, 0, 1), "", 0)
	check(t, "Eye above", Eye(2, 3, 1), nil, arr(shape(2, 3), 0, 1, 0, 0, 0, 1), "", 0)
	check(t, "Eye below", Eye(3, 2, -1), nil, arr(shape(3, 2), 0, 0, 1, 0, 0, 1), "", 0)
	check(t, "Eye off the matrix", Eye(2, 2, 5), nil, Zeros(2, 2), "", 0)
	check(t, "Eye negative", Eye(-1, 2, 0), nil, Zeros(0, 2), "", 0)
}

func TestCheckShape(t *testing.T) {
	if err := CheckShape(shape(2, 0)); err != nil {
		t.Errorf("CheckShape (2, 0): %v", err)
	}
	for _, c := range []struct {
		shape []int
		want  string
	}{
		{shape(2, -1), "negative dimensions are not allowed in shape (2, -1)"},
		{shape(1<<15, 1<<15, 2), "shape (32768, 32768, 2) has more than 1073741824 elements"},
		{shape(1<<62, 1<<62), "shape (4611686018427387904, 4611686018427387904) has more than 1073741824 elements"},
	} {
		if err := CheckShape(c.shape); err == nil || err.Error() != c.want {
			t.Errorf("CheckShape %v: %v, want %q", c.shape, err, c.want)
		}
	}
	if err := CheckShape(shape(1<<62, 0)); err != nil {
		t.Errorf("CheckShape of an empty shape: %v", err)
	}
}

func TestArange(t *testing.T) {
	for _, c := range []struct {
		name              string
		start, stop, step float64
		want              *Array
		err               string
	}{
		{"ints", 0, 5, 1, vec(0, 1, 2, 3, 4), ""},
		{"down", 5, 0, -2, vec(5, 3, 1), ""},
		{"fractional stop", 0, 2.5, 1, vec(0, 1, 2), ""},
		{"tenths", 0, 0.5, 0.1, vec(0, 0.1, 0.2, 0.30000000000000004, 0.4), ""},
		{"empty", 5, 0, 1, vec(), ""},
		{"zero step", 0, 1, 0, nil, "arange: step must not be zero"},
		{"infinite", 0, math.Inf(1), 1, nil, "arange: cannot make +Inf elements (at most 1073741824)"},
		{"huge", 0, 1e18, 1, nil, "arange: cannot make 1e+18 elements (at most 1073741824)"},
		{"nan", 0, math.NaN(), 1, nil, "arange: cannot make NaN elements (at most 1073741824)"},
		{"below 2**53", 1<<53 - 3, 1 << 53, 1, vec(1<<53-3, 1<<53-2, 1<<53-1), ""},
		{"even steps past 2**53", 1 << 53, 1<<53 + 6, 2, vec(1<<53, 1<<53+2, 1<<53+4), ""},
		{"whole steps past 2**53", 1 << 53, 1<<53 + 4, 1, nil, "arange: a step of 1 cannot be taken at 9007199254740992: " +
			"float64 numbers there are 2 apart (whole numbers are exact only up to 2**53 = 9007199254740992)"},
		{"end past 2**53", 1<<53 - 2, 1<<53 + 2, 1, nil, "arange: a step of 1 cannot be taken at 9007199254740992: " +
			"float64 numbers there are 2 apart (whole numbers are exact only up to 2**53 = 9007199254740992)"},
		{"odd steps past 2**53", 1e16, 1e16 + 20, 5, nil, "arange: a step of 5 cannot be taken at 1e+16: " +
			"float64 numbers there are 2 apart (whole numbers are exact only up to 2**53 = 9007199254740992)"},
	} {
		got, err := Arange(c.start, c.stop, c.step)
		check(t, "Arange "+c.name, got, err, c.want, c.err, 0)
	}

	if a, _ := Arange(0, 4, 0.01); a.Len() != 400 || a.Floats()[399] != 3.99 {
		t.Errorf("Arange(0, 4, 0.01) has %d elements ending %v, want 400 ending 3.99", a.Len(), a.Floats()[a.Len()-1])
	}
	// numpy's well-known surprise: (1.3-1)/0.1 rounds up past 3, so 1.3
	// itself, rounded up, is included.
	if a, _ := Arange(1, 1.3, 0.1); a.Len() != 4 || a.Floats()[3] <= 1.3 {
		t.Errorf("Arange(1, 1.3, 0.1) = %v, want 4 elements ending above 1.3", a.Floats())
	}
}

func TestLinspace(t *testing.T) {
	for _, c := range []struct {
		start, stop float64
		n           int
		endpoint    bool
		want        *Array
		err         string
	}{
		{0, 1, 5, true, vec(0, 0.25, 0.5, 0.75, 1), ""},
		{0, 1, 5, false, vec(0, 0.2, 0.4, 0.6000000000000001, 0.8), ""},
		{1, 0, 3, true, vec(1, 0.5, 0), ""},
		{2, 2, 3, true, vec(2, 2, 2), ""},
		{0, 0.3, 4, true, vec(0, 0.09999999999999999, 0.19999999999999998, 0.3), ""},
		{5, 9, 1, true, vec(5), ""},
		{5, 9, 1, false, vec(5), ""},
		{0, 1, 0, true, vec(), ""},
		{0, 1, -1, true, nil, "linspace: number of samples must be non-negative, got -1"},
		{0, 1, 1 << 31, true, nil, "linspace: cannot make 2.147483648e+09 elements (at most 1073741824)"},
	} {
		got, err := Linspace(c.start, c.stop, c.n, c.endpoint)
		check(t, "Linspace", got, err, c.want, c.err, 0)
	}
}

func TestLogspace(t *testing.T) {
	got, err := Logspace(0, 3, 4, 10)
	check(t, "Logspace base 10", got, err, vec(1, 10, 100, 1000), "", 0)
	got, err = Logspace(0, 2, 3, 2)
	check(t, "Logspace base 2", got, err, vec(1, 2, 4), "", 0)
	got, err = Logspace(0, 2, -3, 2)
	check(t, "Logspace negative", got, err, nil, "linspace: number of samples must be non-negative, got -3", 0)
}
