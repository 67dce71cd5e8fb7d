package builtins_test

import (
	"strings"
	"testing"
	"time"

	"calc/builtins"
	"calc/lang"
)

// TestUnstoppableNote: a factorization large enough to take a while says,
// before it starts, that Ctrl-C cannot stop it; a small one says nothing.
func TestUnstoppableNote(t *testing.T) {
	for _, c := range []struct {
		src  string
		note bool
	}{
		{"det(ones(1500, 1500) + eye(1500))", true},
		{"det(ones(100, 100) + eye(100))", false},
	} {
		s := builtins.NewSession()
		var out strings.Builder
		s.Out = &out
		if _, err := s.Eval(c.src); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out.String(), "Ctrl-C cannot stop"); got != c.note {
			t.Errorf("%s: note %v, want %v (output %q)", c.src, got, c.note, out.String())
		}
	}
}

// TestUnstoppableRefused: under a time limit, a LAPACK call that cannot
// end before it is refused at once rather than run past the limit.
func TestUnstoppableRefused(t *testing.T) {
	s := builtins.NewSession()
	s.Deadline = time.Now().Add(time.Second)
	start := time.Now()
	_, err := s.Eval("svd(ones(2000, 2000))")
	if err == nil || !strings.Contains(err.Error(), "svd of a 2000×2000 matrix is about 1.8e+11 floating-point operations") ||
		!strings.Contains(err.Error(), "past the time limit (-timeout)") {
		t.Errorf("got %v, want a refusal", err)
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("the refusal took %v", d)
	}
	s.Deadline = time.Now().Add(time.Hour)
	if _, err := s.Eval("svd(ones(200, 200))"); err != nil {
		t.Errorf("a small svd under an hour's limit: %v", err)
	}
}

// TestRealWhenAllReal: eigvals, eig and polyroots give real arrays when
// every imaginary part is 0 and complex ones otherwise, as numpy's do
// (numpy 1.24: eigvals([[2, 0], [0, 3]]) is array([2., 3.]), roots([3,
// -12, 9]) array([3., 1.]), roots([1, 0, 1]) array([-0.+1.j, 0.-1.j])).
func TestRealWhenAllReal(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string]string{
		"type(eigvals([[2, 0], [0, 3]]))":      "array(2,)",
		"type(eig([[2, 1], [1, 3]]).values)":   "array(2,)",
		"type(eig([[2, 1], [1, 3]]).vectors)":  "array(2, 2)",
		"type(polyroots([3, -12, 9]))":         "array(2,)",
		"type(polyroots([1, 0, 1]))":           "complex array(2,)",
		"type(eig([[0, -1], [1, 0]]).vectors)": "complex array(2, 2)",
		"polyroots([3, -12, 9])":               "[3, 1]",
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got := strings.Trim(lang.Format(v), `"`); got != want {
			t.Errorf("%s = %s, want %s", src, got, want)
		}
	}
}

// TestSolveOfAFunction: solve given an equation, as sympy's solve is
// called, says what calc's solve is and names the root finders.
func TestSolveOfAFunction(t *testing.T) {
	s := builtins.NewSession()
	for _, src := range []string{"solve(diff(x**3 - 3*x, x), x)", "solve(x -> x**2 - 2, 1)"} {
		if _, err := s.Eval(src); err == nil || !strings.Contains(err.Error(), "roots(f, a, b)") {
			t.Errorf("%s: err = %v, want one naming roots(f, a, b)", src, err)
		}
	}
}

// TestDecompositionModes checks qr's mode and svd's compute_uv against
// numpy 1.24: for A = [[1, 2], [3, 4], [5, 6]], np.linalg.qr(A, "complete")
// gives q[:, 2] = [0.40824829, -0.81649658, 0.40824829] and r of shape
// (3, 2), qr(A, "r") the 2×2 r with r[1, 1] = 0.82807867, and
// svd(A, compute_uv=False) [9.52551809, 0.51430058].
func TestDecompositionModes(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string]string{
		`A = [[1, 2], [3, 4], [5, 6]]
		 q = qr(A, mode="complete")
		 [col(q.q, 2), q.r.shape]`: "[[ 0.40824829, -0.81649658,  0.40824829], [3, 2]]",
		`qr([[1, 2], [3, 4], [5, 6]], mode="r")`:                "[[-5.91607978, -7.43735744],\n [ 0.        ,  0.82807867]]",
		`qr([[1, 2], [3, 4], [5, 6]]).q.shape`:                  "[3, 2]",
		`qr([[1, 2], [3, 4], [5, 6]], mode="economic").q.shape`: "[3, 2]",
		`qr([[1, 2], [3, 4], [5, 6]], mode="full").q.shape`:     "[3, 3]",
		`svd([[1, 2], [3, 4], [5, 6]], compute_uv=false)`:       "[9.52551809, 0.51430058]",
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if got := lang.Format(v); got != want {
			t.Errorf("%s = %s, want %s", src, got, want)
		}
	}
}
