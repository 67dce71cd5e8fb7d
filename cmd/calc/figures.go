package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/chzyer/readline"

	"calc"
	"calc/builtins"
	"calc/lang"
	"calc/stdlib/plot"
)

// In the REPL a figure that is the value of a line is shown: written to a
// PNG file in the figure folder (figure-1.png, figure-2.png, ...), its path
// printed, and on a terminal drawn in braille under it. Scripts print
// figures as their one-line description; savefig and the file option
// write them. The session's Show hook hands the REPL each line's value.

// figureShelf is where the REPL puts the figures it shows. It lives in
// the session's locals, so tests can point it at a folder of their own.
type figureShelf struct {
	dir string // "" is builtins.PlotDir()
	n   int    // the number of the last figure written
}

// figureShelfKey is the session local holding the *figureShelf.
const figureShelfKey = "cmd/calc.figures"

// exec runs source text for the REPL, showing the figures that lines
// typed at the prompt give.
func (r *repl) exec(name, text string) error {
	if r.con.terminal {
		r.s.Width = max(0, r.screenWidth()) // the terminal may have been resized
	}
	if name == replName {
		r.s.Show = func(v lang.Value) bool {
			fig, ok := v.Object().(*plot.Figure)
			if ok {
				r.showFigure(fig)
			}
			return ok
		}
		defer func() { r.s.Show = nil }()
	}
	return calc.Run(r.s, name, text, r.con.out, r.con.errOut)
}

// showFigure writes fig to the next figure-N.png, says where, and on a
// terminal previews it. Safe mode writes no file.
func (r *repl) showFigure(fig *plot.Figure) {
	shelf, _ := r.s.Local(figureShelfKey).(*figureShelf)
	if shelf == nil {
		shelf = &figureShelf{}
		r.s.SetLocal(figureShelfKey, shelf)
	}
	switch path, err := shelf.put(r.s, fig); {
	case r.s.Safe:
		fmt.Fprintln(r.con.out, fig.String())
	case err != nil:
		fmt.Fprintln(r.con.out, fig.String())
		r.errorf("calc: cannot write the figure: %v", err)
		return
	default:
		fmt.Fprintf(r.con.out, "%s → %s\n", fig, path)
	}
	if rows := previewRows(); r.con.terminal && rows > 0 {
		cols := plot.PreviewCols
		if w := r.screenWidth(); w > 0 {
			cols = max(20, min(cols, w-12))
		}
		io.WriteString(r.con.out, fig.Preview(cols, rows, r.con.colour))
	}
}

// previewRows is the height of the figure preview in lines:
// $CALC_PREVIEW_ROWS when it is a whole number (0 turns the preview off),
// else plot.PreviewRows.
func previewRows() int {
	if n, err := strconv.Atoi(os.Getenv("CALC_PREVIEW_ROWS")); err == nil && n >= 0 {
		return min(n, 200)
	}
	return plot.PreviewRows
}

// put writes fig to the shelf's next free figure-N.png and returns its
// path; in safe mode it writes nothing.
func (f *figureShelf) put(s *lang.Session, fig *plot.Figure) (string, error) {
	if s.Safe {
		return "", nil
	}
	if f.dir == "" {
		dir, err := builtins.PlotDir()
		if err != nil {
			return "", err
		}
		f.dir = dir
	}
	for {
		f.n++
		path := filepath.Join(f.dir, "figure-"+strconv.Itoa(f.n)+".png")
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return path, fig.Save(path)
		}
	}
}

// screenWidth returns the terminal's width in columns, or 0 if unknown.
func (r *repl) screenWidth() int {
	if r.con.width != nil {
		return r.con.width()
	}
	return readline.GetScreenWidth()
}
