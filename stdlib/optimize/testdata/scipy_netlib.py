#!/usr/bin/python3
"""Record scipy 1.10's linprog on netlib's AFIRO.

    /usr/bin/python3 stdlib/optimize/testdata/scipy_netlib.py

reads afiro.mps (netlib's lp/data AFIRO, 27 rows and 32 columns, in free
MPS form; its published optimum is -4.6475314286E+02) and writes
scipy_netlib.json: the problem as linprog takes it (c, A_ub, b_ub, A_eq,
b_eq, x >= 0) and scipy's answer with method 'highs', in the form of
scipy_linprog.json's problems.
"""
import json
import os

import scipy
from scipy.optimize import linprog

HERE = os.path.dirname(os.path.abspath(__file__))


def read_mps(path):
    rows, kinds, cols, entries, rhs, section = [], {}, [], {}, {}, None
    with open(path) as fh:
        for line in fh:
            f = line.split()
            if not f:
                continue
            if line[0] != ' ':
                section = f[0]
                continue
            if section == 'ROWS':
                kinds[f[1]] = f[0]
                rows.append(f[1])
            elif section == 'COLUMNS':
                if f[0] not in cols:
                    cols.append(f[0])
                for r, v in zip(f[1::2], f[2::2]):
                    entries[(r, f[0])] = float(v)
            elif section == 'RHS':
                for r, v in zip(f[1::2], f[2::2]):
                    rhs[r] = float(v)
    c = [entries.get((r, col), 0.0) for r in rows if kinds[r] == 'N' for col in cols]
    p = {'c': c, 'A_ub': [], 'b_ub': [], 'A_eq': [], 'b_eq': []}
    for r in rows:
        row = [entries.get((r, col), 0.0) for col in cols]
        if kinds[r] == 'L':
            p['A_ub'].append(row)
            p['b_ub'].append(rhs.get(r, 0.0))
        elif kinds[r] == 'G':
            p['A_ub'].append([-v for v in row])
            p['b_ub'].append(-rhs.get(r, 0.0))
        elif kinds[r] == 'E':
            p['A_eq'].append(row)
            p['b_eq'].append(rhs.get(r, 0.0))
    return p


def main():
    p = read_mps(os.path.join(HERE, 'afiro.mps'))
    r = linprog(p['c'], A_ub=p['A_ub'], b_ub=p['b_ub'], A_eq=p['A_eq'], b_eq=p['b_eq'], method='highs')
    q = dict(p, name='afiro', bounds=[[0, None]] * len(p['c']), integrality=None, status=int(r.status),
             fun=float(r.fun), x=r.x.tolist(), ineqlin=r.ineqlin.marginals.tolist(),
             eqlin=r.eqlin.marginals.tolist(), lower=r.lower.marginals.tolist(), upper=r.upper.marginals.tolist())
    with open(os.path.join(HERE, 'scipy_netlib.json'), 'w') as fh:
        json.dump({'scipy': scipy.__version__, 'lp': [q]}, fh, indent=0)


if __name__ == '__main__':
    main()
