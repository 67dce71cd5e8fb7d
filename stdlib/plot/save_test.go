package plot

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSave(t *testing.T) {
	dir := t.TempDir()
	f := sineFigure(t)
	for _, name := range []string{"a.png", "b.svg", "c.pdf", "D.PNG"} {
		if err := f.Save(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	old := filepath.Join(dir, "old.png")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := f.Clone()
	bad.Width = MaxSide + 1
	for _, c := range []struct {
		fig  *Figure
		path string
		want string
	}{
		{f, filepath.Join(dir, "x.gif"), `unknown file extension ".gif"`},
		{f, filepath.Join(dir, "noext"), "has no file extension"},
		{f, filepath.Join(dir, "missing", "x.png"), "does not exist"},
		{f, dir + ".png", ""}, // a file beside dir: allowed, removed below
		{bad, old, "between 1 and 8000 pixels"},
		{f, filepath.Join(old, "x.png"), "is not a folder"},
		{f, dir, "has no file extension"},
	} {
		err := c.fig.Save(c.path)
		if c.want == "" {
			os.Remove(c.path)
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Save(%s) = %v, want an error saying %q", c.path, err, c.want)
		}
	}
	if got, _ := os.ReadFile(old); string(got) != "old" {
		t.Errorf("a failed save changed the old file: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("a temporary file was left behind: %s", e.Name())
		}
	}
}

// TestSaveUnwritable: a folder that cannot be written to gives an error
// naming the file, and leaves the old file there.
func TestSaveUnwritable(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root may write anywhere")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "f.png")
	os.WriteFile(path, []byte("old"), 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	err := sineFigure(t).Save(path)
	if err == nil || !strings.Contains(err.Error(), "cannot write "+path) {
		t.Errorf("got %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("the old file changed: %q", got)
	}
}

func TestWithChecks(t *testing.T) {
	f := &Figure{}
	for _, c := range []struct {
		s    Series
		want string
	}{
		{&Line{X: []float64{1, 2}, Y: []float64{1}}, "x and y differ in length: 2 and 1"},
		{&Bars{X: []float64{1}, Heights: []float64{1}}, "width must be positive"},
		{&Contour{X: []float64{0, 1}, Y: []float64{0, 1}, Z: []float64{1, 2, 3}}, "needs 4 values"},
		{&Image{Rows: 2, Cols: 2, Channels: 2, Data: make([]float64, 8)}, "1, 3 or 4 channels"},
	} {
		if _, err := f.With(c.s); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("With(%T) = %v, want %q", c.s, err, c.want)
		}
	}
	g, _ := f.With(&Line3{X: []float64{0}, Y: []float64{0}, Z: []float64{0}})
	if _, err := g.With(&Line{}); err == nil {
		t.Error("a 2-D series joined a 3-D figure")
	}
	grid, _ := Grid([]*Figure{g}, 0)
	if _, err := grid.With(&Line{}); err == nil {
		t.Error("a series joined a grid of panels")
	}
}

// TestNaNIsAGap: NaNs break lines and leave out points, in pictures and
// in the preview, without failing.
func TestNaNIsAGap(t *testing.T) {
	nan := math.NaN()
	f, err := (&Figure{}).With(
		&Line{X: []float64{0, 1, 2, 3, 4}, Y: []float64{0, 1, nan, 1, 0}},
		&Scatter{X: []float64{nan, 1}, Y: []float64{1, nan}},
		&Line{X: []float64{nan}, Y: []float64{nan}},
	)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b, "png"); err != nil {
		t.Fatal(err)
	}
	preview := f.Braille(20, 5)
	if !strings.Contains(preview, "⠀") {
		t.Errorf("preview:\n%s", preview)
	}
	x, y := f.Limits()
	if math.Abs(x.Min+0.2) > 1e-12 || math.Abs(x.Max-4.2) > 1e-12 || math.Abs(y.Min+0.05) > 1e-12 || math.Abs(y.Max-1.05) > 1e-12 {
		t.Errorf("limits %v %v", x, y)
	}
}

func TestStringAndRelabel(t *testing.T) {
	f := sineFigure(t)
	if got, want := f.String(), "<figure 640×480: sine, 1 series>"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	g, err := f.Relabel([]string{"sine wave"})
	if err != nil || g.Series[0].Label() != "sine wave" || f.Series[0].Label() != "sin" {
		t.Errorf("Relabel changed the original or failed: %v", err)
	}
	if _, err := f.Relabel([]string{"a", "b"}); err == nil {
		t.Error("two labels for one series accepted")
	}
	grid, _ := Grid([]*Figure{f, f, f}, 0)
	if got, want := grid.String(), "<figure 960×720: 2×2 panels>"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := (&Figure{Width: 100, Height: 50}).String(); got != "<figure 100×50: empty>" {
		t.Errorf("String() = %q", got)
	}
}

func TestParseColor(t *testing.T) {
	for in, want := range map[string]string{"red": "d62728", "#00ff80": "00ff80", "k": "000000"} {
		c, err := ParseColor(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := hex(c.R) + hex(c.G) + hex(c.B); got != want {
			t.Errorf("%s = %s, want %s", in, got, want)
		}
	}
	if _, err := ParseColor("reddish"); err == nil {
		t.Error("reddish accepted")
	}
}

func hex(b uint8) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[b>>4], digits[b&15]})
}

func TestTicks(t *testing.T) {
	var labels []string
	for _, tk := range (niceTicks{8}).Ticks(0, 2*math.Pi) {
		labels = append(labels, tk.Label)
	}
	if got := strings.Join(labels, " "); got != "0 1 2 3 4 5 6" {
		t.Errorf("ticks of [0, 2π]: %s", got)
	}
	labels = nil
	for _, tk := range (niceTicks{5}).Ticks(-1.05, 1.05) {
		labels = append(labels, tk.Label)
	}
	if got := strings.Join(labels, " "); got != "-1.0 -0.5 0 0.5 1.0" {
		t.Errorf("ticks of [-1.05, 1.05]: %s", got)
	}
}
