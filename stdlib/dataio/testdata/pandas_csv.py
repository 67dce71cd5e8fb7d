"""Writes tricky.csv and pandas' reading of it, tricky.json, for dataio's
CSV test. Run with Debian's python3-pandas (pandas 1.5) from this
directory:
    /usr/bin/python3 pandas_csv.py
The file has a byte order mark, CRLF line ends, quoted fields holding the
delimiter, line breaks and doubled quotes, numbers in Python's syntax
(signs, exponents, inf, nan, a leading dot), an empty number, and a
column of digits with leading zeros next to a text column.
"""
import json

import pandas as pd

text = (
    "\ufeffname,x,y,code,note\r\n"
    '"Smith, J.",1.5,-2e3,007,plain\r\n'
    '"two\nlines",,.5,012,"say ""hi"""\r\n'
    "third,-0.0,inf,100,\"a,b\"\r\n"
    "fourth,1e-300,-inf,9,x\r\n"
    "fifth,123456789012345678,NaN,0,\"\"\"\"\r\n"
)
with open("tricky.csv", "w", encoding="utf-8", newline="") as f:
    f.write(text)

df = pd.read_csv("tricky.csv")
out = {}
for col in df.columns:
    s = df[col]
    if s.dtype.kind in "fi":
        out[col] = {"numbers": [repr(float(v)) for v in s]}
    else:
        out[col] = {"text": [str(v) for v in s]}
with open("tricky.json", "w") as f:
    json.dump(out, f, indent=1)
