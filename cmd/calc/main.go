// Command calc runs calc scripts and expressions: `calc FILE.calc`,
// `calc -e 'EXPR'`, a script on standard input, or a prompt on a terminal.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"calc"
	"calc/lang"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// run is the whole command, with its streams as parameters for tests.
// It returns the exit status: 0 ok, 1 an error in a script, 2 bad usage.
func run(args []string, stdin *os.File, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("calc", flag.ContinueOnError)
	flags.SetOutput(stderr)
	expr := flags.String("e", "", "evaluate `EXPR` and print its value")
	version := flags.Bool("version", false, "print the version and exit")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: calc [FILE.calc ...] | calc -e EXPR | calc - (script on standard input)\n\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *version {
		fmt.Fprintln(stdout, "calc", calc.Version)
		return 0
	}
	s := calc.NewSession()
	if *expr != "" {
		return status(calc.Run(s, "<expr>", *expr, stdout, stderr))
	}
	files := flags.Args()
	if len(files) == 0 {
		if isTerminal(stdin) {
			prompt(s, stdin, stdout, stderr)
			return 0
		}
		files = []string{"-"}
	}
	for _, f := range files {
		name, text, err := readScript(f, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "calc: %v\n", err)
			return 1
		}
		if err := calc.Run(s, name, text, stdout, stderr); err != nil {
			return 1
		}
	}
	return 0
}

func status(err error) int {
	if err != nil {
		return 1
	}
	return 0
}

// readScript reads a script file, or standard input for "-".
func readScript(path string, stdin io.Reader) (name, text string, err error) {
	if path == "-" {
		b, err := io.ReadAll(stdin)
		return "<stdin>", string(b), err
	}
	b, err := os.ReadFile(path)
	return path, string(b), err
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// prompt is a plain read-eval-print loop: it reads until brackets close,
// runs the statement and keeps going after errors.
func prompt(s *lang.Session, stdin io.Reader, stdout, stderr io.Writer) {
	in := bufio.NewScanner(stdin)
	var pending strings.Builder
	fmt.Fprint(stdout, "calc> ")
	for in.Scan() {
		pending.WriteString(in.Text())
		pending.WriteString("\n")
		if lang.Incomplete(pending.String()) {
			fmt.Fprint(stdout, "  ... ")
			continue
		}
		calc.Run(s, "<stdin>", pending.String(), stdout, stderr)
		pending.Reset()
		fmt.Fprint(stdout, "calc> ")
	}
	fmt.Fprintln(stdout)
}
