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

// func sigmoid4(dst, src *float64, n int)
//
// sigmoid4 applies sigmoid (sigmoid.go) to n elements, n a positive
// multiple of 4, four at a time. 2^j is built by adding 2^52 + 1023 to j,
// which leaves j + 1023 in the low bits of the significand, and shifting
// those bits into the exponent field.
TEXT ·sigmoid4(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	SHRQ $2, CX
	VMOVUPD FLOOR, Y15
	VMOVUPD ONE, Y14

loop:
	VMOVUPD (SI), Y0            // x
	VORPD   SIGN, Y0, Y1        // -|x|
	VMAXPD  Y1, Y15, Y1         // y = max(-|x|, -746), NaN kept
	VMULPD  LOG2E, Y1, Y2
	VROUNDPD $0, Y2, Y2         // k
	VFNMADD231PD LN2HI, Y2, Y1  // hi = y - k·ln2Hi
	VMULPD  LN2LO, Y2, Y3       // lo = k·ln2Lo
	VSUBPD  Y3, Y1, Y4          // r = hi - lo
	VMULPD  Y4, Y4, Y5          // t = r²
	VMOVUPD P5, Y6
	VFMADD213PD P4, Y5, Y6
	VFMADD213PD P3, Y5, Y6
	VFMADD213PD P2, Y5, Y6
	VFMADD213PD P1, Y5, Y6
	VFNMADD213PD Y4, Y5, Y6     // c = r - t·P(t)
	VMULPD  Y6, Y4, Y7          // r·c
	VMOVUPD TWO, Y8
	VSUBPD  Y6, Y8, Y8          // 2 - c
	VDIVPD  Y8, Y7, Y7          // r·c/(2-c)
	VSUBPD  Y7, Y3, Y7          // lo - r·c/(2-c)
	VSUBPD  Y1, Y7, Y7          // ... - hi
	VSUBPD  Y7, Y14, Y7         // exp(r) = 1 - (...)
	VMULPD  HALF, Y2, Y9
	VROUNDPD $1, Y9, Y9         // k1 = floor(k/2)
	VSUBPD  Y9, Y2, Y10         // k2 = k - k1
	VADDPD  MAGIC, Y9, Y9
	VPSLLQ  $52, Y9, Y9         // 2^k1
	VADDPD  MAGIC, Y10, Y10
	VPSLLQ  $52, Y10, Y10       // 2^k2
	VMULPD  Y9, Y7, Y7
	VMULPD  Y10, Y7, Y7         // e = exp(-|x|)
	VADDPD  Y14, Y7, Y8         // hi = 1 + e
	VSUBPD  Y8, Y14, Y11
	VADDPD  Y7, Y11, Y11        // lo = (1 - hi) + e
	VBLENDVPD Y0, Y7, Y14, Y9   // num = e where x < 0, else 1
	VDIVPD  Y8, Y14, Y12        // inv = 1/hi
	VMULPD  Y12, Y9, Y10        // q = num·inv
	VFNMADD231PD Y10, Y8, Y9    // num - q·hi
	VFNMADD231PD Y10, Y11, Y9   // ... - q·lo
	VMULPD  Y12, Y9, Y9
	VADDPD  Y10, Y9, Y9         // q + (num - q·(hi+lo))·inv
	VMOVUPD Y9, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET
