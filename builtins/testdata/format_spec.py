#!/usr/bin/env python3
"""Writes format_spec.txt: Python's format(value, spec), the reference of
TestFormatSpec (format_test.go). Each line is the value (Python's repr, or
a quoted string), a tab, the spec, a tab and Python's result.

    python3 format_spec.py > format_spec.txt
"""
import math

cases = [
    (math.pi, ".3f"), (math.pi, "f"), (-math.pi, "+.2f"), (math.pi, "+.2f"),
    (math.pi, " .2f"), (-3.14159, "+08.2f"), (3.14159, "08.2f"), (2.5, "10.3f"),
    (2.5, "<10.3f"), (2.5, "^10.3f"), (2.5, "*>10.1f"), (1234567.891, ",.2f"),
    (1234567.891, "_.1f"), (1234567.891, ",.0f"), (0.5, ".1%"), (0.25, "6.1%"),
    (1.0 / 3, "%"), (12345.6789, ".2e"), (12345.6789, "E"), (0.000123456, "g"),
    (0.0000123456, "g"), (1e20, "g"), (123456789.0, "g"), (100000.0, "g"),
    (1e6, "g"), (2.5, ".3g"), (1234.5678, ".2G"), (float("nan"), "f"),
    (float("inf"), "+f"), (float("-inf"), "10.2f"), (-0.0, ".1f"), (1e-7, ".2e"),
    (987654321.0, ",.3e"), ("ab", "*^6"), ("ab", ">5"), ("ab", "5"),
]

cases += [
    (1j, ".2f"), (1 - 2j, "10.1e"), (-1.5 + 0.25j, "+.3f"), (3 + 4j, ">20.2f"), (1234.5 + 1j, ",.1f"),
    (2 + 3j, ".3g"), (True, ".2f"), (False, "d"), (True, "5.1%"),
]

for value, spec in cases:
    shown = '"%s"' % value if isinstance(value, str) else repr(value)
    print(f"{shown}\t{spec}\t{format(value, spec)}")
for value, spec in [(1000000, "_d"), (1000000, ",d"), (-42, "05d"), (7, "+d")]:
    print(f"{float(value)!r}\t{spec}\t{format(value, spec)}")
