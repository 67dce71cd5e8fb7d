package main

import (
	"calc/cmd/calc/jupyter"
	"calc/lang"
)

// jupyterMain runs `calc jupyter ...` with the REPL's completion and help.
func jupyterMain(args []string, sys *system) int {
	return jupyter.Main(args, sys.stdout, sys.stderr, sys.signals, jupyterHooks)
}

// jupyterHooks give the kernel the REPL's completion and help.
var jupyterHooks = jupyter.Hooks{
	Complete: func(s *lang.Session, line []rune, pos int) ([][]rune, int) { return completer{s}.Do(line, pos) },
	Help:     helpText,
}
