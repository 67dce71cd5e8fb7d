module calc

go 1.26.8

require (
	github.com/chzyer/readline v1.5.1 // indirect
	github.com/expr-lang/expr v1.17.8 // indirect
	golang.org/x/sys v0.0.0-20220310020820-b874c991c1a5 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)
