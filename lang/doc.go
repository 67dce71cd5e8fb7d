// Package lang is calc's interpreter: values, the compiler from syntax
// trees to closures, sessions, and errors with positions.
//
// Data flows through it in one direction. Session.Run hands the source to
// package syntax, which returns statements whose nodes carry their
// positions; the compiler (compile.go, index.go, exec.go) turns each
// statement into a tree of closures over the Session, with locals in
// stack slots and globals in cells, and runs it. A Value is a small
// struct — numbers and booleans unboxed, arrays from stdlib/array, lists,
// records, functions, symbolic expressions of the autodiff graph and
// opaque objects — so scalar code allocates nothing. Arithmetic on a
// symbol builds graph nodes (symbolic.go); Trace calls a function with
// symbolic arguments so that autodiff can differentiate it and compile a
// tape for the solvers (trace.go). A user mistake anywhere below a
// statement is a panic with an *Error, recovered at one boundary (exec);
// any other panic is a bug. Builtins are Go functions registered by
// package builtins; lang knows them only through the Builtin type.
package lang
