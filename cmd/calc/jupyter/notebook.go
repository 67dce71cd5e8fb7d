package jupyter

import (
	"encoding/json"
	"strings"

	"calc/lang"
)

// Notebook converts a calc script into a Jupyter notebook (nbformat 4,
// nbformat.readthedocs.io/en/latest/format_description.html) for the calc
// kernel, without outputs. The script's paragraphs (separated by blank
// lines) become cells: the comment lines that open a paragraph become a
// Markdown cell, the rest a code cell. So a script and its notebook read
// alike, and running the notebook prints what the script prints.
func Notebook(script string) ([]byte, error) {
	var cells []map[string]any
	add := func(kind string, lines []string) {
		if len(lines) == 0 {
			return
		}
		src := make([]string, len(lines))
		for i, l := range lines {
			src[i] = l + "\n"
		}
		src[len(src)-1] = lines[len(lines)-1] // nbformat: no newline after the last line
		cell := map[string]any{"cell_type": kind, "metadata": map[string]any{}, "source": src}
		if kind == "code" {
			cell["execution_count"] = nil
			cell["outputs"] = []any{}
		}
		cells = append(cells, cell)
	}
	var paragraph []string
	flush := func() {
		i := 0
		var text []string
		for ; i < len(paragraph) && strings.HasPrefix(paragraph[i], "#"); i++ {
			text = append(text, markdownEscaper.Replace(strings.TrimPrefix(strings.TrimPrefix(paragraph[i], "#"), " ")))
		}
		add("markdown", text)
		add("code", paragraph[i:])
		paragraph = nil
	}
	for _, line := range strings.Split(strings.TrimRight(script, "\n"), "\n") {
		line = strings.TrimRight(line, " \t\r")
		// A blank line ends a paragraph, unless a bracket is open across it.
		if line == "" && !lang.Incomplete(strings.Join(paragraph, "\n")) {
			if len(paragraph) > 0 {
				flush()
			}
			continue
		}
		paragraph = append(paragraph, line)
	}
	flush()
	nb := map[string]any{
		"nbformat": 4, "nbformat_minor": 4,
		"metadata": map[string]any{
			"kernelspec":    map[string]any{"name": "calc", "display_name": "calc", "language": "calc"},
			"language_info": languageInfo(),
		},
		"cells": cells,
	}
	b, err := json.MarshalIndent(nb, "", " ")
	return append(b, '\n'), err
}

// markdownEscaper keeps comments' text literal in Markdown (x**2 is not
// bold, $ starts no formula) with CommonMark's backslash escapes.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "<", `\<`, "[", `\[`, "]", `\]`, "$", `\$`)

// languageInfo returns calc's description for Jupyter, in notebooks'
// metadata and (with the version) in kernel_info replies.
func languageInfo() map[string]any {
	return map[string]any{
		"name":           "calc",
		"mimetype":       "text/x-calc",
		"file_extension": ".calc",
		// calc's expressions read like Python's, so Python's highlighting
		// fits them best among the existing modes.
		"pygments_lexer":     "python",
		"codemirror_mode":    "python",
		"nbconvert_exporter": "script",
	}
}
