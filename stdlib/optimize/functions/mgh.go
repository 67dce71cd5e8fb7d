package functions

import "math"

// MGH returns the catalogue: the problems of Moré, Garbow and Hillstrom
// (ACM TOMS 7(1), 1981), numbered as there, with the standard starting
// points and the minimum values the paper publishes. Problems of variable
// dimension appear in the dimensions the paper reports minima for.
func MGH() []Problem {
	return []Problem{
		extendedRosenbrock(2),
		freudensteinRoth(),
		powellBadlyScaled(),
		brownBadlyScaled(),
		beale(),
		jennrichSampson(),
		helicalValley(),
		bard(),
		gaussian(),
		meyer(),
		gulfResearch(),
		box3D(),
		extendedPowell(4),
		wood(),
		kowalikOsborne(),
		brownDennis(),
		biggsEXP6(),
		watson(6),
		watson(9),
		extendedRosenbrock(10),
		extendedPowell(8),
		penaltyI(4),
		penaltyII(4),
		variablyDimensioned(10),
		trigonometric(10),
		brownAlmostLinear(10),
		discreteBoundaryValue(10),
		broydenTridiagonal(10),
		chebyquad(8),
	}
}

// extendedRosenbrock is problem 21 (problem 1, Rosenbrock's, for n = 2):
// r_{2i} = 10(x_{2i+1} − x_{2i}²), r_{2i+1} = 1 − x_{2i}.
func extendedRosenbrock(n int) Problem {
	p := Problem{Name: "Extended Rosenbrock n=" + itoa(n), Number: 21, N: n, M: n,
		X0: make([]float64, n), Minima: []float64{0}, XMin: fill(make([]float64, n), 1)}
	if n == 2 {
		p.Name, p.Number = "Rosenbrock", 1
	}
	for i := range p.X0 {
		p.X0[i] = 1
		if i%2 == 0 {
			p.X0[i] = -1.2
		}
	}
	p.Residuals = func(x, r []float64) {
		for i := 0; i < n; i += 2 {
			r[i] = 10 * (x[i+1] - x[i]*x[i])
			r[i+1] = 1 - x[i]
		}
	}
	p.Jacobian = func(x, jac []float64) {
		clear(jac)
		for i := 0; i < n; i += 2 {
			jac[i*n+i] = -20 * x[i]
			jac[i*n+i+1] = 10
			jac[(i+1)*n+i] = -1
		}
	}
	return p
}

// freudensteinRoth is problem 2.
func freudensteinRoth() Problem {
	return Problem{Name: "Freudenstein-Roth", Number: 2, N: 2, M: 2,
		X0: []float64{0.5, -2}, Minima: []float64{0, 48.9842}, XMin: []float64{5, 4},
		Residuals: func(x, r []float64) {
			r[0] = -13 + x[0] + ((5-x[1])*x[1]-2)*x[1]
			r[1] = -29 + x[0] + ((x[1]+1)*x[1]-14)*x[1]
		},
		Jacobian: func(x, jac []float64) {
			jac[0], jac[1] = 1, x[1]*(10-3*x[1])-2
			jac[2], jac[3] = 1, x[1]*(3*x[1]+2)-14
		},
	}
}

// powellBadlyScaled is problem 3.
func powellBadlyScaled() Problem {
	return Problem{Name: "Powell badly scaled", Number: 3, N: 2, M: 2,
		X0: []float64{0, 1}, Minima: []float64{0}, XMin: []float64{1.098e-5, 9.106},
		Residuals: func(x, r []float64) {
			r[0] = 1e4*x[0]*x[1] - 1
			r[1] = math.Exp(-x[0]) + math.Exp(-x[1]) - 1.0001
		},
		Jacobian: func(x, jac []float64) {
			jac[0], jac[1] = 1e4*x[1], 1e4*x[0]
			jac[2], jac[3] = -math.Exp(-x[0]), -math.Exp(-x[1])
		},
	}
}

// brownBadlyScaled is problem 4.
func brownBadlyScaled() Problem {
	return Problem{Name: "Brown badly scaled", Number: 4, N: 2, M: 3,
		X0: []float64{1, 1}, Minima: []float64{0}, XMin: []float64{1e6, 2e-6},
		Residuals: func(x, r []float64) {
			r[0] = x[0] - 1e6
			r[1] = x[1] - 2e-6
			r[2] = x[0]*x[1] - 2
		},
		Jacobian: func(x, jac []float64) {
			copy(jac, []float64{1, 0, 0, 1, x[1], x[0]})
		},
	}
}

// beale is problem 5: r_i = y_i − x₁(1 − x₂^i), i = 1, 2, 3.
func beale() Problem {
	y := []float64{1.5, 2.25, 2.625}
	return Problem{Name: "Beale", Number: 5, N: 2, M: 3,
		X0: []float64{1, 1}, Minima: []float64{0}, XMin: []float64{3, 0.5},
		Residuals: func(x, r []float64) {
			t := x[1]
			for i := range r {
				r[i] = y[i] - x[0]*(1-t)
				t *= x[1]
			}
		},
		Jacobian: func(x, jac []float64) {
			t, dt := x[1], 1.0
			for i := 0; i < 3; i++ {
				jac[2*i] = -(1 - t)
				jac[2*i+1] = x[0] * float64(i+1) * dt
				dt = t
				t *= x[1]
			}
		},
	}
}

// jennrichSampson is problem 6 with m = 10: r_i = 2 + 2i − (e^{ix₁} +
// e^{ix₂}).
func jennrichSampson() Problem {
	return Problem{Name: "Jennrich-Sampson", Number: 6, N: 2, M: 10,
		X0: []float64{0.3, 0.4}, Minima: []float64{124.362}, XMin: []float64{0.2578, 0.2578},
		Residuals: func(x, r []float64) {
			for i := range r {
				t := float64(i + 1)
				r[i] = 2 + 2*t - (math.Exp(t*x[0]) + math.Exp(t*x[1]))
			}
		},
		Jacobian: func(x, jac []float64) {
			for i := 0; i < 10; i++ {
				t := float64(i + 1)
				jac[2*i], jac[2*i+1] = -t*math.Exp(t*x[0]), -t*math.Exp(t*x[1])
			}
		},
	}
}

// helicalValley is problem 7, Fletcher and Powell's helix.
func helicalValley() Problem {
	theta := func(x []float64) float64 {
		t := math.Atan(x[1]/x[0]) / (2 * math.Pi)
		if x[0] < 0 {
			t += 0.5
		}
		return t
	}
	return Problem{Name: "Helical valley", Number: 7, N: 3, M: 3,
		X0: []float64{-1, 0, 0}, Minima: []float64{0}, XMin: []float64{1, 0, 0},
		Residuals: func(x, r []float64) {
			r[0] = 10 * (x[2] - 10*theta(x))
			r[1] = 10 * (math.Hypot(x[0], x[1]) - 1)
			r[2] = x[2]
		},
		Jacobian: func(x, jac []float64) {
			rho2 := x[0]*x[0] + x[1]*x[1]
			rho := math.Sqrt(rho2)
			c := 100 / (2 * math.Pi * rho2)
			copy(jac, []float64{
				c * x[1], -c * x[0], 10,
				10 * x[0] / rho, 10 * x[1] / rho, 0,
				0, 0, 1,
			})
		},
	}
}

// bard is problem 8: r_i = y_i − (x₁ + u_i/(v_i x₂ + w_i x₃)), u_i = i,
// v_i = 16 − i, w_i = min(u_i, v_i).
func bard() Problem {
	y := []float64{0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39}
	uvw := func(i int) (u, v, w float64) {
		u, v = float64(i+1), float64(15-i)
		return u, v, math.Min(u, v)
	}
	return Problem{Name: "Bard", Number: 8, N: 3, M: 15,
		X0: []float64{1, 1, 1}, Minima: []float64{8.21487e-3, 17.4286},
		Residuals: func(x, r []float64) {
			for i := range r {
				u, v, w := uvw(i)
				r[i] = y[i] - (x[0] + u/(v*x[1]+w*x[2]))
			}
		},
		Jacobian: func(x, jac []float64) {
			for i := 0; i < 15; i++ {
				u, v, w := uvw(i)
				d := v*x[1] + w*x[2]
				jac[3*i], jac[3*i+1], jac[3*i+2] = -1, u*v/(d*d), u*w/(d*d)
			}
		},
	}
}

// gaussian is problem 9: r_i = x₁ exp(−x₂(t_i − x₃)²/2) − y_i, t_i = (8 −
// i)/2.
func gaussian() Problem {
	y := []float64{0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
		0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009}
	return Problem{Name: "Gaussian", Number: 9, N: 3, M: 15,
		X0: []float64{0.4, 1, 0}, Minima: []float64{1.12793e-8},
		Residuals: func(x, r []float64) {
			for i := range r {
				d := float64(7-i)/2 - x[2]
				r[i] = x[0]*math.Exp(-x[1]*d*d/2) - y[i]
			}
		},
		Jacobian: func(x, jac []float64) {
			for i := 0; i < 15; i++ {
				d := float64(7-i)/2 - x[2]
				e := math.Exp(-x[1] * d * d / 2)
				jac[3*i], jac[3*i+1], jac[3*i+2] = e, -x[0]*e*d*d/2, x[0]*e*x[1]*d
			}
		},
	}
}

// meyer is problem 10: r_i = x₁ exp(x₂/(t_i + x₃)) − y_i, t_i = 45 + 5i.
func meyer() Problem {
	y := []float64{34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744,
		8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872}
	return Problem{Name: "Meyer", Number: 10, N: 3, M: 16,
		X0: []float64{0.02, 4000, 250}, Minima: []float64{87.9458},
		Residuals: func(x, r []float64) {
			for i := range r {
				t := 45 + 5*float64(i+1)
				r[i] = x[0]*math.Exp(x[1]/(t+x[2])) - y[i]
			}
		},
		Jacobian: func(x, jac []float64) {
			for i := 0; i < 16; i++ {
				d := 45 + 5*float64(i+1) + x[2]
				e := math.Exp(x[1] / d)
				jac[3*i], jac[3*i+1], jac[3*i+2] = e, x[0]*e/d, -x[0]*e*x[1]/(d*d)
			}
		},
	}
}

// gulfResearch is problem 11 with m = 99: r_i = exp(−|y_i − x₂|^x₃/x₁) −
// t_i, t_i = i/100, y_i = 25 + (−50 ln t_i)^{2/3}.
func gulfResearch() Problem {
	ty := func(i int) (t, y float64) {
		t = float64(i+1) / 100
		return t, 25 + math.Pow(-50*math.Log(t), 2.0/3.0)
	}
	return Problem{Name: "Gulf research and development", Number: 11, N: 3, M: 99,
		X0: []float64{5, 2.5, 0.15}, Minima: []float64{0}, XMin: []float64{50, 25, 1.5},
		Residuals: func(x, r []float64) {
			for i := range r {
				t, y := ty(i)
				r[i] = math.Exp(-math.Pow(math.Abs(y-x[1]), x[2])/x[0]) - t
			}
		},
		Jacobian: func(x, jac []float64) {
			for i := 0; i < 99; i++ {
				_, y := ty(i)
				d := y - x[1]
				p := math.Pow(math.Abs(d), x[2])
				e := math.Exp(-p / x[0])
				jac[3*i] = e * p / (x[0] * x[0])
				jac[3*i+1] = e * x[2] * p / (d * x[0])
				jac[3*i+2] = -e * p * math.Log(math.Abs(d)) / x[0]
			}
		},
	}
}

// box3D is problem 12 with m = 10: r_i = e^{−t_i x₁} − e^{−t_i x₂} −
// x₃(e^{−t_i} − e^{−10 t_i}), t_i = i/10.
func box3D() Problem {
	return Problem{Name: "Box 3-d", Number: 12, N: 3, M: 10,
		X0: []float64{0, 10, 20}, Minima: []float64{0}, XMin: []float64{1, 10, 1},
		Residuals: func(x, r []float64) {
			for i := range r {
				t := 0.1 * float64(i+1)
				r[i] = math.Exp(-t*x[0]) - math.Exp(-t*x[1]) - x[2]*(math.Exp(-t)-math.Exp(-10*t))
			}
		},
		Jacobian: func(x, jac []float64) {
			for i := 0; i < 10; i++ {
				t := 0.1 * float64(i+1)
				jac[3*i] = -t * math.Exp(-t*x[0])
				jac[3*i+1] = t * math.Exp(-t*x[1])
				jac[3*i+2] = -(math.Exp(-t) - math.Exp(-10*t))
			}
		},
	}
}

// extendedPowell is problem 22 (problem 13, Powell's singular function,
// for n = 4): blocks of four with r = (x₁ + 10x₂, √5(x₃ − x₄), (x₂ −
// 2x₃)², √10(x₁ − x₄)²). The Hessian is singular at the minimum.
func extendedPowell(n int) Problem {
	p := Problem{Name: "Extended Powell n=" + itoa(n), Number: 22, N: n, M: n,
		X0: make([]float64, n), Minima: []float64{0}, XMin: make([]float64, n)}
	if n == 4 {
		p.Name, p.Number = "Powell singular", 13
	}
	for i := 0; i < n; i += 4 {
		copy(p.X0[i:], []float64{3, -1, 0, 1})
	}
	s5, s10 := math.Sqrt(5), math.Sqrt(10)
	p.Residuals = func(x, r []float64) {
		for i := 0; i < n; i += 4 {
			a, b := x[i+1]-2*x[i+2], x[i]-x[i+3]
			r[i] = x[i] + 10*x[i+1]
			r[i+1] = s5 * (x[i+2] - x[i+3])
			r[i+2] = a * a
			r[i+3] = s10 * b * b
		}
	}
	p.Jacobian = func(x, jac []float64) {
		clear(jac)
		for i := 0; i < n; i += 4 {
			a, b := x[i+1]-2*x[i+2], x[i]-x[i+3]
			jac[i*n+i], jac[i*n+i+1] = 1, 10
			jac[(i+1)*n+i+2], jac[(i+1)*n+i+3] = s5, -s5
			jac[(i+2)*n+i+1], jac[(i+2)*n+i+2] = 2*a, -4*a
			jac[(i+3)*n+i], jac[(i+3)*n+i+3] = 2*s10*b, -2*s10*b
		}
	}
	return p
}

// wood is problem 14.
func wood() Problem {
	s90, s10 := math.Sqrt(90), math.Sqrt(10)
	return Problem{Name: "Wood", Number: 14, N: 4, M: 6,
		X0: []float64{-3, -1, -3, -1}, Minima: []float64{0}, XMin: []float64{1, 1, 1, 1},
		Residuals: func(x, r []float64) {
			r[0] = 10 * (x[1] - x[0]*x[0])
			r[1] = 1 - x[0]
			r[2] = s90 * (x[3] - x[2]*x[2])
			r[3] = 1 - x[2]
			r[4] = s10 * (x[1] + x[3] - 2)
			r[5] = (x[1] - x[3]) / s10
		},
		Jacobian: func(x, jac []float64) {
			copy(jac, []float64{
				-20 * x[0], 10, 0, 0,
				-1, 0, 0, 0,
				0, 0, -2 * s90 * x[2], s90,
				0, 0, -1, 0,
				0, s10, 0, s10,
				0, 1 / s10, 0, -1 / s10,
			})
		},
	}
}

// kowalikOsborne is problem 15: r_i = y_i − x₁(u_i² + u_i x₂)/(u_i² + u_i
// x₃ + x₄).
func kowalikOsborne() Problem {
	y := []float64{0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246}
	u := []float64{4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625}
	return Problem{Name: "Kowalik-Osborne", Number: 15, N: 4, M: 11,
		X0: []float64{0.25, 0.39, 0.415, 0.39}, Minima: []float64{3.07505e-4, 1.02734e-3},
		Residuals: func(x, r []float64) {
			for i := range r {
				r[i] = y[i] - x[0]*(u[i]*u[i]+u[i]*x[1])/(u[i]*u[i]+u[i]*x[2]+x[3])
			}
		},
		Jacobian: func(x, jac []float64) {
			for i := range y {
				num := u[i]*u[i] + u[i]*x[1]
				den := u[i]*u[i] + u[i]*x[2] + x[3]
				jac[4*i] = -num / den
				jac[4*i+1] = -x[0] * u[i] / den
				jac[4*i+2] = x[0] * num * u[i] / (den * den)
				jac[4*i+3] = x[0] * num / (den * den)
			}
		},
	}
}

// brownDennis is problem 16 with m = 20: r_i = (x₁ + t_i x₂ − e^{t_i})² +
// (x₃ + x₄ sin t_i − cos t_i)², t_i = i/5.
func brownDennis() Problem {
	ab := func(x []float64, i int) (t, a, b float64) {
		t = float64(i+1) / 5
		return t, x[0] + t*x[1] - math.Exp(t), x[2] + x[3]*math.Sin(t) - math.Cos(t)
	}
	return Problem{Name: "Brown-Dennis", Number: 16, N: 4, M: 20,
		X0: []float64{25, 5, -5, -1}, Minima: []float64{85822.2},
		Residuals: func(x, r []float64) {
			for i := range r {
				_, a, b := ab(x, i)
				r[i] = a*a + b*b
			}
		},
		Jacobian: func(x, jac []float64) {
			for i := 0; i < 20; i++ {
				t, a, b := ab(x, i)
				jac[4*i], jac[4*i+1], jac[4*i+2], jac[4*i+3] = 2*a, 2*a*t, 2*b, 2*b*math.Sin(t)
			}
		},
	}
}

// biggsEXP6 is problem 17 with m = 13: r_i = x₃e^{−t_i x₁} − x₄e^{−t_i x₂}
// + x₆e^{−t_i x₅} − y_i, t_i = i/10, y_i = e^{−t_i} − 5e^{−10t_i} +
// 3e^{−4t_i}.
func biggsEXP6() Problem {
	ty := func(i int) (t, y float64) {
		t = 0.1 * float64(i+1)
		return t, math.Exp(-t) - 5*math.Exp(-10*t) + 3*math.Exp(-4*t)
	}
	return Problem{Name: "Biggs EXP6", Number: 18, N: 6, M: 13,
		X0: []float64{1, 2, 1, 1, 1, 1}, Minima: []float64{0, 5.65565e-3}, XMin: []float64{1, 10, 1, 5, 4, 3},
		Residuals: func(x, r []float64) {
			for i := range r {
				t, y := ty(i)
				r[i] = x[2]*math.Exp(-t*x[0]) - x[3]*math.Exp(-t*x[1]) + x[5]*math.Exp(-t*x[4]) - y
			}
		},
		Jacobian: func(x, jac []float64) {
			for i := 0; i < 13; i++ {
				t, _ := ty(i)
				e0, e1, e4 := math.Exp(-t*x[0]), math.Exp(-t*x[1]), math.Exp(-t*x[4])
				copy(jac[6*i:], []float64{-t * x[2] * e0, t * x[3] * e1, e0, -e1, -t * x[5] * e4, e4})
			}
		},
	}
}

// watson is problem 20 with m = 31: for t_i = i/29, i = 1…29, r_i =
// Σ_{j≥2} (j−1)x_j t_i^{j−2} − (Σ_j x_j t_i^{j−1})² − 1; r₃₀ = x₁, r₃₁ = x₂
// − x₁² − 1.
func watson(n int) Problem {
	minima := map[int]float64{6: 2.28767e-3, 9: 1.39976e-6, 12: 4.72238e-10}
	return Problem{Name: "Watson n=" + itoa(n), Number: 20, N: n, M: 31,
		X0: make([]float64, n), Minima: []float64{minima[n]},
		Residuals: func(x, r []float64) {
			for i := 0; i < 29; i++ {
				t := float64(i+1) / 29
				var s1, s2 float64
				tj := 1.0 // t^(j-1) for x[j], 0-based j
				for j := range x {
					if j > 0 {
						s1 += float64(j) * x[j] * tj / t
					}
					s2 += x[j] * tj
					tj *= t
				}
				r[i] = s1 - s2*s2 - 1
			}
			r[29] = x[0]
			r[30] = x[1] - x[0]*x[0] - 1
		},
		Jacobian: func(x, jac []float64) {
			clear(jac)
			for i := 0; i < 29; i++ {
				t := float64(i+1) / 29
				var s2 float64
				tj := 1.0
				for j := range x {
					s2 += x[j] * tj
					tj *= t
				}
				tj = 1.0
				for j := range x {
					jac[i*n+j] = float64(j)*tj/t - 2*s2*tj
					tj *= t
				}
			}
			jac[29*n] = 1
			jac[30*n], jac[30*n+1] = -2*x[0], 1
		},
	}
}

// penaltyI is problem 23 with m = n+1: r_i = √a(x_i − 1), r_{n+1} = Σ x_j²
// − ¼, a = 1e-5.
func penaltyI(n int) Problem {
	minima := map[int]float64{4: 2.24997e-5, 10: 7.08765e-5}
	sa := math.Sqrt(1e-5)
	p := Problem{Name: "Penalty I n=" + itoa(n), Number: 23, N: n, M: n + 1,
		X0: make([]float64, n), Minima: []float64{minima[n]},
		Residuals: func(x, r []float64) {
			var s float64
			for j, v := range x {
				r[j] = sa * (v - 1)
				s += v * v
			}
			r[n] = s - 0.25
		},
		Jacobian: func(x, jac []float64) {
			clear(jac)
			for j, v := range x {
				jac[j*n+j] = sa
				jac[n*n+j] = 2 * v
			}
		},
	}
	for j := range p.X0 {
		p.X0[j] = float64(j + 1)
	}
	return p
}

// penaltyII is problem 24 with m = 2n and a = 1e-5.
func penaltyII(n int) Problem {
	minima := map[int]float64{4: 9.37629e-6, 10: 2.93660e-4}
	sa := math.Sqrt(1e-5)
	e := func(v float64) float64 { return math.Exp(v / 10) }
	return Problem{Name: "Penalty II n=" + itoa(n), Number: 24, N: n, M: 2 * n,
		X0: fill(make([]float64, n), 0.5), Minima: []float64{minima[n]},
		Residuals: func(x, r []float64) {
			r[0] = x[0] - 0.2
			for i := 1; i < n; i++ {
				y := e(float64(i+1)) + e(float64(i))
				r[i] = sa * (e(x[i]) + e(x[i-1]) - y)
				r[n+i-1] = sa * (e(x[i]) - e(-1))
			}
			var s float64
			for j, v := range x {
				s += float64(n-j) * v * v
			}
			r[2*n-1] = s - 1
		},
		Jacobian: func(x, jac []float64) {
			clear(jac)
			jac[0] = 1
			for i := 1; i < n; i++ {
				jac[i*n+i] = sa * e(x[i]) / 10
				jac[i*n+i-1] = sa * e(x[i-1]) / 10
				jac[(n+i-1)*n+i] = sa * e(x[i]) / 10
			}
			for j, v := range x {
				jac[(2*n-1)*n+j] = 2 * float64(n-j) * v
			}
		},
	}
}

// variablyDimensioned is problem 25 with m = n+2: r_i = x_i − 1, r_{n+1} =
// Σ j(x_j − 1), r_{n+2} = r_{n+1}².
func variablyDimensioned(n int) Problem {
	p := Problem{Name: "Variably dimensioned n=" + itoa(n), Number: 25, N: n, M: n + 2,
		X0: make([]float64, n), Minima: []float64{0}, XMin: fill(make([]float64, n), 1),
		Residuals: func(x, r []float64) {
			var s float64
			for j, v := range x {
				r[j] = v - 1
				s += float64(j+1) * (v - 1)
			}
			r[n], r[n+1] = s, s*s
		},
		Jacobian: func(x, jac []float64) {
			clear(jac)
			var s float64
			for j, v := range x {
				s += float64(j+1) * (v - 1)
			}
			for j := range x {
				jac[j*n+j] = 1
				jac[n*n+j] = float64(j + 1)
				jac[(n+1)*n+j] = 2 * s * float64(j+1)
			}
		},
	}
	for j := range p.X0 {
		p.X0[j] = 1 - float64(j+1)/float64(n)
	}
	return p
}

// trigonometric is problem 26 with m = n: r_i = n − Σ cos x_j + i(1 − cos
// x_i) − sin x_i.
func trigonometric(n int) Problem {
	return Problem{Name: "Trigonometric n=" + itoa(n), Number: 26, N: n, M: n,
		X0: fill(make([]float64, n), 1/float64(n)), Minima: []float64{0, 2.79506e-5},
		Residuals: func(x, r []float64) {
			var s float64
			for _, v := range x {
				s += math.Cos(v)
			}
			for i, v := range x {
				r[i] = float64(n) - s + float64(i+1)*(1-math.Cos(v)) - math.Sin(v)
			}
		},
		Jacobian: func(x, jac []float64) {
			for i, v := range x {
				for j, w := range x {
					jac[i*n+j] = math.Sin(w)
				}
				jac[i*n+i] += float64(i+1)*math.Sin(v) - math.Cos(v)
			}
		},
	}
}

// brownAlmostLinear is problem 27 with m = n: r_i = x_i + Σ x_j − (n+1)
// for i < n, r_n = Π x_j − 1.
func brownAlmostLinear(n int) Problem {
	return Problem{Name: "Brown almost-linear n=" + itoa(n), Number: 27, N: n, M: n,
		X0: fill(make([]float64, n), 0.5), Minima: []float64{0, 1},
		Residuals: func(x, r []float64) {
			s, prod := 0.0, 1.0
			for _, v := range x {
				s += v
				prod *= v
			}
			for i := 0; i < n-1; i++ {
				r[i] = x[i] + s - float64(n+1)
			}
			r[n-1] = prod - 1
		},
		Jacobian: func(x, jac []float64) {
			for i := 0; i < n-1; i++ {
				for j := range x {
					jac[i*n+j] = 1
				}
				jac[i*n+i] = 2
			}
			for j := range x {
				prod := 1.0
				for k, v := range x {
					if k != j {
						prod *= v
					}
				}
				jac[(n-1)*n+j] = prod
			}
		},
	}
}

// discreteBoundaryValue is problem 28 with m = n: r_i = 2x_i − x_{i−1} −
// x_{i+1} + h²(x_i + t_i + 1)³/2, h = 1/(n+1), t_i = ih, x₀ = x_{n+1} = 0.
func discreteBoundaryValue(n int) Problem {
	h := 1 / float64(n+1)
	p := Problem{Name: "Discrete boundary value n=" + itoa(n), Number: 28, N: n, M: n,
		X0: make([]float64, n), Minima: []float64{0},
		Residuals: func(x, r []float64) {
			for i, v := range x {
				t := float64(i+1) * h
				c := v + t + 1
				r[i] = 2*v + h*h*c*c*c/2
				if i > 0 {
					r[i] -= x[i-1]
				}
				if i < n-1 {
					r[i] -= x[i+1]
				}
			}
		},
		Jacobian: func(x, jac []float64) {
			clear(jac)
			for i, v := range x {
				c := v + float64(i+1)*h + 1
				jac[i*n+i] = 2 + 1.5*h*h*c*c
				if i > 0 {
					jac[i*n+i-1] = -1
				}
				if i < n-1 {
					jac[i*n+i+1] = -1
				}
			}
		},
	}
	for j := range p.X0 {
		t := float64(j+1) * h
		p.X0[j] = t * (t - 1)
	}
	return p
}

// broydenTridiagonal is problem 30 with m = n: r_i = (3 − 2x_i)x_i −
// x_{i−1} − 2x_{i+1} + 1, x₀ = x_{n+1} = 0.
func broydenTridiagonal(n int) Problem {
	return Problem{Name: "Broyden tridiagonal n=" + itoa(n), Number: 30, N: n, M: n,
		X0: fill(make([]float64, n), -1), Minima: []float64{0},
		Residuals: func(x, r []float64) {
			for i, v := range x {
				r[i] = (3-2*v)*v + 1
				if i > 0 {
					r[i] -= x[i-1]
				}
				if i < n-1 {
					r[i] -= 2 * x[i+1]
				}
			}
		},
		Jacobian: func(x, jac []float64) {
			clear(jac)
			for i, v := range x {
				jac[i*n+i] = 3 - 4*v
				if i > 0 {
					jac[i*n+i-1] = -1
				}
				if i < n-1 {
					jac[i*n+i+1] = -2
				}
			}
		},
	}
}

// chebyquad is problem 35 with m = n: r_i = (1/n) Σ_j T_i(x_j) − ∫₀¹ T_i,
// T_i the Chebyshev polynomials shifted to [0, 1], whose integrals are 0
// for odd i and −1/(i²−1) for even i.
func chebyquad(n int) Problem {
	minima := map[int]float64{8: 3.51687e-3, 10: 6.50395e-3}
	// each calls f(i, T_i(x), T_i'(x)) for i = 1…n.
	each := func(v float64, f func(i int, t, dt float64)) {
		y := 2*v - 1
		t0, t1 := 1.0, y
		d0, d1 := 0.0, 2.0
		for i := 1; i <= n; i++ {
			f(i, t1, d1)
			t0, t1 = t1, 2*y*t1-t0
			d0, d1 = d1, 4*t0+2*y*d1-d0
		}
	}
	p := Problem{Name: "Chebyquad n=" + itoa(n), Number: 35, N: n, M: n,
		X0: make([]float64, n), Minima: []float64{minima[n]},
		Residuals: func(x, r []float64) {
			clear(r)
			for _, v := range x {
				each(v, func(i int, t, _ float64) { r[i-1] += t })
			}
			for i := range r {
				r[i] /= float64(n)
				if (i+1)%2 == 0 {
					r[i] += 1 / (float64((i+1)*(i+1)) - 1)
				}
			}
		},
		Jacobian: func(x, jac []float64) {
			for j, v := range x {
				each(v, func(i int, _, dt float64) { jac[(i-1)*n+j] = dt / float64(n) })
			}
		},
	}
	for j := range p.X0 {
		p.X0[j] = float64(j+1) / float64(n+1)
	}
	return p
}

// itoa formats a small non-negative integer.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
