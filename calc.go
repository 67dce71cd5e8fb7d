// Package calc is the embedding API of the calc language: make a session,
// run source in it, and read values back.
//
//	s := calc.NewSession()
//	err := calc.Run(s, "<expr>", "f(x) = x**2 - 4*x + 8\nf(3)", os.Stdout, os.Stderr)
//
// Run is the one driver: the command-line tool, the REPL and the golden
// tests all go through it.
package calc

import (
	"io"

	"calc/builtins"
	"calc/lang"
)

// Version is calc's version.
const Version = "0.1.0"

// NewSession returns a session with every builtin and constant defined.
func NewSession() *lang.Session { return builtins.NewSession() }

// Run executes the source text, named name in error messages, in session
// s. The value of each bare expression, print() output and notes go to
// out (notes to s.Err instead when it is set); an error stops the run, is
// written to errOut with its position and a caret, and is returned.
func Run(s *lang.Session, name, text string, out, errOut io.Writer) error {
	s.Out = out
	err := s.Run(name, text)
	if err != nil {
		io.WriteString(errOut, err.Error()+"\n")
	}
	return err
}
