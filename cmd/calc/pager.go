package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/chzyer/readline"
)

// page writes text to the console; on a terminal, text taller than the
// screen goes through $PAGER (run by the shell, as man and git do), or,
// without one, through page by page paging of calc's own.
func (r *repl) page(text string) {
	height := r.screenHeight()
	if !r.con.terminal || height <= 0 || strings.Count(text, "\n")+1 < height {
		fmt.Fprintln(r.con.out, text)
		return
	}
	if pager := os.Getenv("PAGER"); pager != "" {
		cmd := exec.Command("sh", "-c", pager)
		cmd.Stdin = strings.NewReader(text + "\n")
		cmd.Stdout, cmd.Stderr = r.con.out, r.con.errOut
		if err := cmd.Run(); err == nil {
			return
		} else if _, ok := err.(*exec.ExitError); ok {
			return // the pager ran, and said what went wrong
		}
		r.errorf("calc: cannot run the pager %q; paging without it", pager)
	}
	lines := strings.Split(text, "\n")
	for len(lines) > 0 {
		n := min(len(lines), height-1)
		fmt.Fprintln(r.con.out, strings.Join(lines[:n], "\n"))
		lines = lines[n:]
		if len(lines) == 0 {
			break
		}
		r.rl.SetPrompt(r.dim(fmt.Sprintf("-- %d more lines: Enter shows the next page, q stops --", len(lines))) + " ")
		answer, err := r.rl.Readline()
		if err != nil || strings.TrimSpace(answer) != "" {
			break
		}
	}
}

// screenHeight returns the terminal's height in lines, or 0 if unknown.
func (r *repl) screenHeight() int {
	if r.con.height != nil {
		return r.con.height()
	}
	_, h, err := readline.GetSize(int(os.Stdout.Fd()))
	if err != nil {
		return 0
	}
	return h
}
