#include "textflag.h"

// The constants of sigmoid (sigmoid.go), each four times for full-width
// memory operands.
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
GLOBL sigconst<>(SB), RODATA|NOPTR, $448

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

// The same steps with AVX-512 on eight elements per register, the
// constants held in registers: Z14 = 1, Z15 = expFloor, Z16 = log2e,
// Z17 = ln2Hi, Z18 = ln2Lo, Z19-Z23 = P5..P1, Z24 = 2, Z25 = 0.5,
// Z26 = 2^52 + 1023, Z27 = the sign bit. The sign of x selects the
// numerator through the mask register m.

#define REDUCE16(x, y, k, l, r) \
	VPORQ        Z27, x, y;   \
	VMAXPD       y, Z15, y;   \
	VMULPD       Z16, y, k;   \
	VRNDSCALEPD  $0, k, k;    \
	VFNMADD231PD Z17, k, y;   \
	VMULPD       Z18, k, l;   \
	VSUBPD       l, y, r

#define EXPR16(y, l, r, t, p) \
	VMULPD       r, r, t;      \
	VMOVAPD      Z19, p;       \
	VFMADD213PD  Z20, t, p;    \
	VFMADD213PD  Z21, t, p;    \
	VFMADD213PD  Z22, t, p;    \
	VFMADD213PD  Z23, t, p;    \
	VFNMADD213PD r, t, p;      \
	VMULPD       p, r, t;      \
	VSUBPD       p, Z24, r;    \
	VDIVPD       r, t, t;      \
	VSUBPD       t, l, t;      \
	VSUBPD       y, t, t;      \
	VSUBPD       t, Z14, t

#define SCALE16E(k, t, p) \
	VMULPD      Z25, k, p;  \
	VRNDSCALEPD $1, p, p;   \
	VSUBPD      p, k, k;    \
	VADDPD      Z26, p, p;  \
	VPSLLQ      $52, p, p;  \
	VADDPD      Z26, k, k;  \
	VPSLLQ      $52, k, k;  \
	VMULPD      p, t, t;    \
	VMULPD      k, t, t

#define LOGISTIC16(x, y, k, l, r, t, p, m) \
	VADDPD       Z14, t, y;    \
	VSUBPD       y, Z14, l;    \
	VADDPD       t, l, l;      \
	VPMOVQ2M     x, m;         \
	VBLENDMPD    t, Z14, m, p; \
	VDIVPD       y, Z14, r;    \
	VMULPD       r, p, k;      \
	VFNMADD231PD k, y, p;      \
	VFNMADD231PD k, l, p;      \
	VMULPD       r, p, p;      \
	VADDPD       k, p, p

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
	VBROADCASTSD P5, Z19
	VBROADCASTSD P4, Z20
	VBROADCASTSD P3, Z21
	VBROADCASTSD P2, Z22
	VBROADCASTSD P1, Z23
	VBROADCASTSD TWO, Z24
	VBROADCASTSD HALF, Z25
	VBROADCASTSD MAGIC, Z26
	VBROADCASTSD SIGN, Z27

loop16:
	VMOVUPD (SI), Z0
	VMOVUPD 64(SI), Z7
	REDUCE16(Z0, Z1, Z2, Z3, Z4)
	REDUCE16(Z7, Z8, Z9, Z10, Z11)
	EXPR16(Z1, Z3, Z4, Z5, Z6)
	EXPR16(Z8, Z10, Z11, Z12, Z13)
	SCALE16E(Z2, Z5, Z6)
	SCALE16E(Z9, Z12, Z13)
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
