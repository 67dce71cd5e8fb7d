package builtins

import (
	"os"
	"path/filepath"

	"calc/lang"
)

// plotBuiltins make figures: values that are pictures of data and
// functions, written to PNG, SVG or PDF files.
var plotBuiltins = []*lang.Builtin{
	{
		Name: "tempdir", Params: "", Topic: "plots",
		Doc:     "the folder for figures and other scratch files: calc-plots in the system's temporary folder,\ncreated if it is missing. The REPL writes the figures it shows there.",
		Example: `len(tempdir()) > 0`,
		MaxArgs: 0,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			dir, err := plotDir()
			if err != nil {
				lang.Throw(err)
			}
			return lang.Str(dir)
		},
	},
}

// plotDir returns the folder for figures, creating it if need be.
func plotDir() (string, error) {
	dir := filepath.Join(os.TempDir(), "calc-plots")
	return dir, os.MkdirAll(dir, 0o755)
}
