#include "textflag.h"

// The constants of sigmoid (sigmoid.go), each four times for full-width
// memory operands, then, once each, the Taylor coefficients 1/n! of exp
// that the AVX-512 loop broadcasts.
#define CONST(off, v) \
	DATA sigconst<>+(off+0)(SB)/8, v; \
	DATA sigconst<>+(off+8)(SB)/8, v; \
	DATA sigconst<>+(off+16)(SB)/8, v; \
	DATA sigconst<>+(off+24)(SB)/8, v

CONST(0, $-746.0)
CONST(32, $1.44269504088896338700e+00)
CONST(64, $6.93147180369123816490e-01)
CONST(96, $1.90821492927058770002e-10)
CONST(128, $4.13813679705723846039e-08)
CONST(160, $-1.65339022054652515390e-06)
CONST(192, $6.61375632143793436117e-05)
CONST(224, $-2.77777777770155933842e-03)
CONST(256, $1.66666666666666657415e-01)
CONST(288, $2.0)
CONST(320, $1.0)
CONST(352, $0.5)
CONST(384, $4503599627371519.0)
CONST(416, $0x8000000000000000)
DATA sigconst<>+448(SB)/8, $1.6059043836821613e-10
DATA sigconst<>+456(SB)/8, $2.08767569878681e-09
DATA sigconst<>+464(SB)/8, $2.505210838544172e-08
DATA sigconst<>+472(SB)/8, $2.755731922398589e-07
DATA sigconst<>+480(SB)/8, $2.7557319223985893e-06
DATA sigconst<>+488(SB)/8, $2.48015873015873e-05
DATA sigconst<>+496(SB)/8, $0.0001984126984126984
DATA sigconst<>+504(SB)/8, $0.001388888888888889
DATA sigconst<>+512(SB)/8, $0.008333333333333333
DATA sigconst<>+520(SB)/8, $0.041666666666666664
DATA sigconst<>+528(SB)/8, $0.16666666666666666
GLOBL sigconst<>(SB), RODATA|NOPTR, $536

#define FLOOR sigconst<>+0(SB)
#define LOG2E sigconst<>+32(SB)
#define LN2HI sigconst<>+64(SB)
#define LN2LO sigconst<>+96(SB)
#define P5 sigconst<>+128(SB)
#define P4 sigconst<>+160(SB)
#define P3 sigconst<>+192(SB)
#define P2 sigconst<>+224(SB)
#define P1 sigconst<>+256(SB)
#define TWO sigconst<>+288(SB)
#define ONE sigconst<>+320(SB)
#define HALF sigconst<>+352(SB)
#define MAGIC sigconst<>+384(SB)
#define SIGN sigconst<>+416(SB)
#define TAYLOR13 sigconst<>+448(SB)
#define TAYLOR12 sigconst<>+456(SB)
#define TAYLOR11 sigconst<>+464(SB)
#define TAYLOR10 sigconst<>+472(SB)
#define TAYLOR9 sigconst<>+480(SB)
#define TAYLOR8 sigconst<>+488(SB)
#define TAYLOR7 sigconst<>+496(SB)
#define TAYLOR6 sigconst<>+504(SB)
#define TAYLOR5 sigconst<>+512(SB)
#define TAYLOR4 sigconst<>+520(SB)
#define TAYLOR3 sigconst<>+528(SB)

// The steps of sigmoid (sigmoid.go) on four elements, in registers
// x, y, k, l, r, t and p; Y14 holds 1 and Y15 expFloor. Two groups of
// four go through them interleaved, so that the processor overlaps two
// long chains of dependent instructions.

// REDUCE: y = max(-|x|, expFloor) = k·ln2 + r with r = y - l, y now
// hi = y - k·ln2Hi and l = lo = k·ln2Lo.
#define REDUCE(x, y, k, l, r) \
	VORPD        SIGN, x, y;  \
	VMAXPD       y, Y15, y;   \
	VMULPD       LOG2E, y, k; \
	VROUNDPD     $0, k, k;    \
	VFNMADD231PD LN2HI, k, y; \
	VMULPD       LN2LO, k, l; \
	VSUBPD       l, y, r

// EXPR: t = exp(r) = 1 - ((lo - r·c/(2-c)) - hi) with
// c = r - r²·P(r²); frees r and p.
#define EXPR(y, l, r, t, p) \
	VMULPD       r, r, t;      \
	VMOVUPD      P5, p;        \
	VFMADD213PD  P4, t, p;     \
	VFMADD213PD  P3, t, p;     \
	VFMADD213PD  P2, t, p;     \
	VFMADD213PD  P1, t, p;     \
	VFNMADD213PD r, t, p;      \
	VMULPD       p, r, t;      \
	VMOVUPD      TWO, r;       \
	VSUBPD       p, r, r;      \
	VDIVPD       r, t, t;      \
	VSUBPD       t, l, t;      \
	VSUBPD       y, t, t;      \
	VSUBPD       t, Y14, t

// SCALE: t = e = t·2^k1·2^k2 with k1 = floor(k/2), k2 = k - k1, each
// power built by adding 2^52 + 1023 and shifting the low bits of the
// significand into the exponent field; frees k and p.
#define SCALE(k, t, p) \
	VMULPD   HALF, k, p;  \
	VROUNDPD $1, p, p;    \
	VSUBPD   p, k, k;     \
	VADDPD   MAGIC, p, p; \
	VPSLLQ   $52, p, p;   \
	VADDPD   MAGIC, k, k; \
	VPSLLQ   $52, k, k;   \
	VMULPD   p, t, t;     \
	VMULPD   k, t, t

// LOGISTIC: p = num/(1+e) rounded once, num = e where x < 0, else 1:
// y = hi = 1+e, l = lo = (1-hi)+e, r = 1/hi, k = q = num·r, then
// q + (num - q·hi - q·lo)·r.
#define LOGISTIC(x, y, k, l, r, t, p) \
	VADDPD       Y14, t, y;   \
	VSUBPD       y, Y14, l;   \
	VADDPD       t, l, l;     \
	VBLENDVPD    x, t, Y14, p; \
	VDIVPD       y, Y14, r;   \
	VMULPD       r, p, k;     \
	VFNMADD231PD k, y, p;     \
	VFNMADD231PD k, l, p;     \
	VMULPD       r, p, p;     \
	VADDPD       k, p, p

// func sigmoid8(dst, src *float64, n int)
//
// sigmoid8 applies sigmoid to n elements, n a positive multiple of 8.
TEXT ·sigmoid8(SB), NOSPLIT, $0-24
	MOVQ    dst+0(FP), DI
	MOVQ    src+8(FP), SI
	MOVQ    n+16(FP), CX
	SHRQ    $3, CX
	VMOVUPD FLOOR, Y15
	VMOVUPD ONE, Y14

loop:
	VMOVUPD (SI), Y0
	VMOVUPD 32(SI), Y7
	REDUCE(Y0, Y1, Y2, Y3, Y4)
	REDUCE(Y7, Y8, Y9, Y10, Y11)
	EXPR(Y1, Y3, Y4, Y5, Y6)
	EXPR(Y8, Y10, Y11, Y12, Y13)
	SCALE(Y2, Y5, Y6)
	SCALE(Y9, Y12, Y13)
	LOGISTIC(Y0, Y1, Y2, Y3, Y4, Y5, Y6)
	LOGISTIC(Y7, Y8, Y9, Y10, Y11, Y12, Y13)
	VMOVUPD Y6, (DI)
	VMOVUPD Y13, 32(DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	DECQ    CX
	JNZ     loop
	VZEROUPPER
	RET

// With AVX-512 the steps avoid both divisions, which the processor runs
// one at a time in a long-latency unit: exp(r) is Taylor's polynomial of
// degree 13 (its remainder, below r¹⁴/14! ≤ 4·10⁻¹⁸ for |r| ≤ ln2/2, is
// far below an ulp), 1 + (r + r²·Q(r)) with Q's coefficients 1/2!..1/13!,
// scaled by 2^k with VSCALEFPD (one rounding, subnormal results
// included); the quotient num/(1+e) starts from VRCP14PD's reciprocal
// (relative error below 2⁻¹⁴), refined by a Newton step (2⁻²⁸), and the
// correction q + (num - q·hi - q·lo)·r squares that error away. Eight
// elements per register, the constants in registers: Z14 = 1, Z15 =
// expFloor, Z16 = log2e, Z17 = ln2Hi, Z18 = ln2Lo, Z19 = the sign bit,
// Z20-Z31 = 1/13!..1/2!. The sign of x selects the numerator through the
// mask register m.

#define REDUCE16(x, y, k, l, r) \
	VPORQ        Z19, x, y;   \
	VMAXPD       y, Z15, y;   \
	VMULPD       Z16, y, k;   \
	VRNDSCALEPD  $0, k, k;    \
	VFNMADD231PD Z17, k, y;   \
	VMULPD       Z18, k, l;   \
	VSUBPD       l, y, r

// EXP16: t = e = (1 + (r + r²·Q(r)))·2^k; frees y, l and p.
#define EXP16(k, r, t, p) \
	VMULPD      r, r, t;    \
	VMOVAPD     Z20, p;     \
	VFMADD213PD Z21, r, p;  \
	VFMADD213PD Z22, r, p;  \
	VFMADD213PD Z23, r, p;  \
	VFMADD213PD Z24, r, p;  \
	VFMADD213PD Z25, r, p;  \
	VFMADD213PD Z26, r, p;  \
	VFMADD213PD Z27, r, p;  \
	VFMADD213PD Z28, r, p;  \
	VFMADD213PD Z29, r, p;  \
	VFMADD213PD Z30, r, p;  \
	VFMADD213PD Z31, r, p;  \
	VFMADD213PD r, t, p;    \
	VADDPD      Z14, p, t;  \
	VSCALEFPD   k, t, t

// LOGISTIC16: p = num/(1+e), num = e where x < 0, else 1: y = hi = 1+e,
// l = lo = (1-hi)+e, r = 1/hi to 2⁻²⁸, k = q = num·r, then
// q + (num - q·hi - q·lo)·r.
#define LOGISTIC16(x, y, k, l, r, t, p, m) \
	VADDPD       Z14, t, y;    \
	VSUBPD       y, Z14, l;    \
	VADDPD       t, l, l;      \
	VPMOVQ2M     x, m;         \
	VBLENDMPD    t, Z14, m, p; \
	VRCP14PD     y, r;         \
	VMOVAPD      Z14, t;       \
	VFNMADD231PD r, y, t;      \
	VFMADD231PD  t, r, r;      \
	VMULPD       r, p, k;      \
	VFNMADD231PD k, y, p;      \
	VFNMADD231PD k, l, p;      \
	VFMADD213PD  k, r, p

// func sigmoid16(dst, src *float64, n int)
//
// sigmoid16 applies sigmoid to n elements, n a positive multiple of 16.
TEXT ·sigmoid16(SB), NOSPLIT, $0-24
	MOVQ         dst+0(FP), DI
	MOVQ         src+8(FP), SI
	MOVQ         n+16(FP), CX
	SHRQ         $4, CX
	VBROADCASTSD ONE, Z14
	VBROADCASTSD FLOOR, Z15
	VBROADCASTSD LOG2E, Z16
	VBROADCASTSD LN2HI, Z17
	VBROADCASTSD LN2LO, Z18
	VBROADCASTSD SIGN, Z19
	VBROADCASTSD TAYLOR13, Z20
	VBROADCASTSD TAYLOR12, Z21
	VBROADCASTSD TAYLOR11, Z22
	VBROADCASTSD TAYLOR10, Z23
	VBROADCASTSD TAYLOR9, Z24
	VBROADCASTSD TAYLOR8, Z25
	VBROADCASTSD TAYLOR7, Z26
	VBROADCASTSD TAYLOR6, Z27
	VBROADCASTSD TAYLOR5, Z28
	VBROADCASTSD TAYLOR4, Z29
	VBROADCASTSD TAYLOR3, Z30
	VBROADCASTSD HALF, Z31

loop16:
	VMOVUPD (SI), Z0
	VMOVUPD 64(SI), Z7
	REDUCE16(Z0, Z1, Z2, Z3, Z4)
	REDUCE16(Z7, Z8, Z9, Z10, Z11)
	EXP16(Z2, Z4, Z5, Z6)
	EXP16(Z9, Z11, Z12, Z13)
	LOGISTIC16(Z0, Z1, Z2, Z3, Z4, Z5, Z6, K1)
	LOGISTIC16(Z7, Z8, Z9, Z10, Z11, Z12, Z13, K2)
	VMOVUPD Z6, (DI)
	VMOVUPD Z13, 64(DI)
	ADDQ    $128, SI
	ADDQ    $128, DI
	DECQ    CX
	JNZ     loop16
	VZEROUPPER
	RET
