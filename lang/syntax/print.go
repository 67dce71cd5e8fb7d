package syntax

import (
	"strconv"
	"strings"
)

// Precedence levels for printing, loosest first. Print adds parentheses
// only where a child binds more loosely than its place needs.
const (
	precLambda = iota + 1 // lambdas and let: their body runs to the end
	precTernary
	precOr
	precAnd
	precNot
	precCompare
	precSum
	precProduct
	precUnary
	precPower
	precPostfix
)

var binaryPrec = map[string]int{"or": precOr, "and": precAnd, "in": precCompare,
	"+": precSum, "-": precSum, "*": precProduct, "/": precProduct, "//": precProduct, "%": precProduct, "@": precProduct,
	"**": precPower, "^": precPower}

// tightOps are printed without spaces around them, as the symbolic
// printer writes products and powers: x**2 - 4*x + 8.
var tightOps = map[string]bool{"*": true, "/": true, "**": true}

// Print writes an expression as calc source that parses back to the same
// tree.
func Print(e Expr) string {
	var b strings.Builder
	write(&b, e, 0)
	return b.String()
}

// PrintStmt writes a statement as calc source.
func PrintStmt(s Stmt) string {
	var b strings.Builder
	quiet := false
	switch n := s.(type) {
	case *ExprStmt:
		write(&b, n.X, 0)
		quiet = n.Quiet
	case *Assign:
		if t, ok := n.Target.(*Tuple); ok && len(t.Items) > 1 {
			for i, it := range t.Items {
				if i > 0 {
					b.WriteString(", ")
				}
				write(&b, it, 0)
			}
		} else {
			write(&b, n.Target, 0)
		}
		b.WriteString(" " + n.Op + "= ")
		if t, ok := n.Value.(*Tuple); ok && n.Op == "" {
			for i, it := range t.Items {
				if i > 0 {
					b.WriteString(", ")
				}
				write(&b, it, 0)
			}
			switch len(t.Items) {
			case 0:
				b.WriteString("()")
			case 1:
				b.WriteString(",")
			}
		} else {
			write(&b, n.Value, 0)
		}
		quiet = n.Quiet
	case *Def:
		b.WriteString(n.Name + "(" + strings.Join(n.Params, ", ") + ") = ")
		write(&b, n.Body, 0)
		quiet = n.Quiet
	}
	if quiet {
		b.WriteString(";")
	}
	return b.String()
}

// write writes e in a place that needs precedence at least min.
func write(b *strings.Builder, e Expr, min int) {
	prec := precedence(e)
	if prec < min {
		b.WriteString("(")
		defer b.WriteString(")")
	}
	switch n := e.(type) {
	case *Num:
		b.WriteString(n.Text)
	case *Str:
		b.WriteString(strconv.Quote(n.Value))
	case *Ident:
		b.WriteString(n.Name)
	case *Const:
		b.WriteString(n.Name)
	case *Unary:
		if n.Op == "not" {
			b.WriteString("not ")
			write(b, n.X, precNot)
			return
		}
		b.WriteString(n.Op)
		if u, ok := n.X.(*Unary); ok && u.Op != "not" {
			b.WriteString(" ") // - -x, not --x
		}
		write(b, n.X, precUnary)
	case *Binary:
		p := binaryPrec[n.Op]
		left, right := p, p+1
		if n.Op == "**" || n.Op == "^" {
			left, right = precPostfix, precUnary
		}
		write(b, n.X, left)
		if tightOps[n.Op] {
			b.WriteString(n.Op)
		} else {
			b.WriteString(" " + n.Op + " ")
		}
		write(b, n.Y, right)
	case *Compare:
		for i, x := range n.Operands {
			if i > 0 {
				b.WriteString(" " + n.Ops[i-1] + " ")
			}
			write(b, x, precSum)
		}
	case *Cond:
		if n.If {
			b.WriteString("if ")
			write(b, n.Test, 0)
			b.WriteString(" { ")
			write(b, n.Then, 0)
			b.WriteString(" } else ")
			if c, ok := n.Else.(*Cond); ok && c.If {
				write(b, c, 0)
				return
			}
			b.WriteString("{ ")
			write(b, n.Else, 0)
			b.WriteString(" }")
			return
		}
		write(b, n.Test, precOr)
		b.WriteString(" ? ")
		write(b, n.Then, precTernary)
		b.WriteString(" : ")
		write(b, n.Else, precTernary)
	case *Let:
		b.WriteString("let " + strings.Join(n.Names, ", ") + " = ")
		write(b, n.Value, 0)
		b.WriteString("; ")
		write(b, n.Body, 0)
	case *Call:
		write(b, n.Fn, precPostfix)
		b.WriteString("(")
		writeList(b, n.Args)
		for i, k := range n.Keywords {
			if i > 0 || len(n.Args) > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k.Name + "=")
			write(b, k.Value, 0)
		}
		b.WriteString(")")
	case *Index:
		write(b, n.X, precPostfix)
		b.WriteString("[")
		writeList(b, n.Items)
		b.WriteString("]")
	case *Slice:
		if n.Lo != nil {
			write(b, n.Lo, 0)
		}
		b.WriteString(":")
		if n.Hi != nil {
			write(b, n.Hi, 0)
		}
		if n.Step != nil {
			b.WriteString(":")
			write(b, n.Step, 0)
		}
	case *Member:
		if _, ok := n.X.(*Num); ok {
			b.WriteString("(" + Print(n.X) + ")") // 0.A would read as a number
		} else {
			write(b, n.X, precPostfix)
		}
		b.WriteString("." + n.Name)
	case *List:
		b.WriteString("[")
		writeList(b, n.Items)
		b.WriteString("]")
	case *Tuple:
		b.WriteString("(")
		writeList(b, n.Items)
		if len(n.Items) == 1 {
			b.WriteString(",")
		}
		b.WriteString(")")
	case *Record:
		b.WriteString("{")
		for i, f := range n.Fields {
			if i > 0 {
				b.WriteString(", ")
			}
			switch {
			case f.Key != nil:
				b.WriteString("(")
				write(b, f.Key, 0)
				b.WriteString(")")
			case isName(f.Name):
				b.WriteString(f.Name)
			default:
				b.WriteString(strconv.Quote(f.Name))
			}
			b.WriteString(": ")
			write(b, f.Value, 0)
		}
		b.WriteString("}")
	case *Lambda:
		if len(n.Params) == 1 {
			b.WriteString(n.Params[0])
		} else {
			b.WriteString("(" + strings.Join(n.Params, ", ") + ")")
		}
		b.WriteString(" -> ")
		write(b, n.Body, 0)
	}
}

func writeList(b *strings.Builder, items []Expr) {
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		write(b, it, 0)
	}
}

// precedence returns how tightly e's outermost operator binds.
func precedence(e Expr) int {
	switch n := e.(type) {
	case *Lambda, *Let:
		return precLambda
	case *Cond:
		if n.If {
			return precPostfix
		}
		return precTernary
	case *Binary:
		return binaryPrec[n.Op]
	case *Compare:
		return precCompare
	case *Unary:
		if n.Op == "not" {
			return precNot
		}
		return precUnary
	}
	return precPostfix
}

// isName reports whether s can be written as a bare field name.
func isName(s string) bool {
	if s == "" || Keywords[s] {
		return false
	}
	toks, err := Scan(s)
	return err == nil && len(toks) == 2 && toks[0].Kind == Name && toks[0].Text == s
}
