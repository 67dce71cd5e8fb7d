package playground

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"calc"
)

// TestExamplesAsScripts runs every example through a playground session:
// its text, figure captions and error are what `calc FILE` prints.
func TestExamplesAsScripts(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.calc")
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		var want bytes.Buffer
		calc.Run(calc.NewSession(), name, string(text), &want, &want)
		if got := New().Run(name, string(text)).Text(); got != want.String() {
			t.Errorf("%s: the playground's output differs from calc's:\n%s", name, got)
		}
	}
}

func TestRunShowsFiguresInOrder(t *testing.T) {
	r := New().Run("p.calc", "1 + 1\nplot(sin, 0, 6, {title: \"sine\"})\nprint(\"after\")")
	if r.Error != nil {
		t.Fatal(r.Error.Message)
	}
	if len(r.Items) != 3 || r.Items[0].Text != "2\n" || r.Items[2].Text != "after\n" {
		t.Fatalf("items: %+v", r.Items)
	}
	fig := r.Items[1]
	if !strings.Contains(fig.SVG, "<svg") || !strings.Contains(fig.SVG, "sine") || !strings.HasPrefix(fig.Caption, "<figure 640×480: sine") {
		t.Errorf("figure item: caption %q, SVG starting %.80q", fig.Caption, fig.SVG)
	}
}

func TestErrorPosition(t *testing.T) {
	p := New()
	r := p.Run("p.calc", "x = 1\ny = 2 * sinn(x)")
	if r.Error == nil || r.Error.Line != 2 || r.Error.Col != 9 {
		t.Fatalf("error: %+v", r.Error)
	}
	if !strings.HasPrefix(r.Error.Message, "p.calc:2:9: unknown function \"sinn\"") || !strings.HasSuffix(r.Error.Message, "\n            ^") {
		t.Errorf("message:\n%s", r.Error.Message)
	}
	// The statements before the error keep their effect.
	if r := p.Run("p.calc", "x + 1"); r.Error != nil || r.Text() != "2\n" {
		t.Errorf("after the error: %q %+v", r.Text(), r.Error)
	}
}

func TestLimits(t *testing.T) {
	p := New()
	p.SetLimits(Limits{MaxElements: 100})
	if r := p.Run("p.calc", "zeros(1000)"); r.Error == nil {
		t.Error("zeros(1000) passed a limit of 100 elements")
	}
	p.SetLimits(Limits{MaxOutput: 100})
	if r := p.Run("p.calc", "linspace(0, 1, 1000)"); r.Error == nil || !strings.Contains(r.Error.Message, "limit of 100 bytes") {
		t.Errorf("1000 numbers passed an output limit of 100 bytes: %+v", r.Error)
	}
	p.SetLimits(Limits{})
	if r := p.Run("p.calc", "len(zeros(1000))"); r.Error != nil || r.Text() != "1000\n" {
		t.Errorf("with the default limits: %q %+v", r.Text(), r.Error)
	}
}
