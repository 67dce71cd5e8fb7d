#include "textflag.h"

// The sign of the imaginary parts of two complex128: x XOR negimag is
// (re, −im) for each.
DATA negimag<>+0(SB)/8, $0x0000000000000000
DATA negimag<>+8(SB)/8, $0x8000000000000000
DATA negimag<>+16(SB)/8, $0x0000000000000000
DATA negimag<>+24(SB)/8, $0x8000000000000000
GLOBL negimag<>(SB), RODATA|NOPTR, $32

// CMUL sets dst to z·(wr + i·wi) for the two complex128 in z, with wr and
// wi broadcast: (zr·wr − zi·wi, zi·wr + zr·wi), the products and sums of
// Go's complex multiplication. It overwrites tmp.
#define CMUL(z, wr, wi, tmp, dst) \
	VMULPD    wr, z, dst; \
	VPERMILPD $5, z, tmp; \
	VMULPD    wi, tmp, tmp; \
	VADDSUBPD tmp, dst, dst

// LOAD4 loads the next two complex128 of x0..x3 (AX, BX, CX, DX) into
// Y0..Y3; BUTTERFLY4 computes a + b + c + d into Y0 and the untwiddled
// outputs 1, 2, 3 into Y1, Y2, Y3, as radix4's Go loop, with Y15 holding
// negimag; ADVANCE moves the eight pointers on by two complex128.
#define LOAD4 \
	VMOVUPD (AX), Y0; \
	VMOVUPD (BX), Y1; \
	VMOVUPD (CX), Y2; \
	VMOVUPD (DX), Y3

#define BUTTERFLY4 \
	VADDPD    Y2, Y0, Y4; \
	VSUBPD    Y2, Y0, Y5; \
	VADDPD    Y3, Y1, Y6; \
	VSUBPD    Y3, Y1, Y7; \
	VPERMILPD $5, Y7, Y7; \
	VXORPD    Y15, Y7, Y7; \
	VADDPD    Y6, Y4, Y0; \
	VADDPD    Y7, Y5, Y1; \
	VSUBPD    Y6, Y4, Y2; \
	VSUBPD    Y7, Y5, Y3

#define ADVANCE \
	ADDQ $32, AX; \
	ADDQ $32, BX; \
	ADDQ $32, CX; \
	ADDQ $32, DX; \
	ADDQ $32, SI; \
	ADDQ $32, DI; \
	ADDQ $32, R8; \
	ADDQ $32, R9

#define ARGS \
	MOVQ x0+0(FP), AX; \
	MOVQ x1+8(FP), BX; \
	MOVQ x2+16(FP), CX; \
	MOVQ x3+24(FP), DX; \
	MOVQ y0+32(FP), SI; \
	MOVQ y1+40(FP), DI; \
	MOVQ y2+48(FP), R8; \
	MOVQ y3+56(FP), R9; \
	MOVQ n+64(FP), R10; \
	SHRQ $1, R10; \
	VMOVUPD negimag<>(SB), Y15

// func radix4AVX2(x0, x1, x2, x3, y0, y1, y2, y3 *complex128, n int, w *[3]complex128)
// The radix-4 butterflies of radix4's general pass with twiddles w, two
// per iteration.
TEXT ·radix4AVX2(SB), NOSPLIT, $0-80
	ARGS
	MOVQ         w+72(FP), R11
	VBROADCASTSD 0(R11), Y9
	VBROADCASTSD 8(R11), Y10
	VBROADCASTSD 16(R11), Y11
	VBROADCASTSD 24(R11), Y12
	VBROADCASTSD 32(R11), Y13
	VBROADCASTSD 40(R11), Y14

loop:
	LOAD4
	BUTTERFLY4
	VMOVUPD Y0, (SI)
	CMUL(Y1, Y9, Y10, Y4, Y5)
	VMOVUPD Y5, (DI)
	CMUL(Y2, Y11, Y12, Y6, Y7)
	VMOVUPD Y7, (R8)
	CMUL(Y3, Y13, Y14, Y4, Y8)
	VMOVUPD Y8, (R9)
	ADVANCE
	DECQ    R10
	JNZ     loop

	VZEROUPPER
	RET

// func radix4UnitAVX2(x0, x1, x2, x3, y0, y1, y2, y3 *complex128, n int)
// The radix-4 butterflies of the group with unit twiddles, two per
// iteration.
TEXT ·radix4UnitAVX2(SB), NOSPLIT, $0-72
	ARGS

unitloop:
	LOAD4
	BUTTERFLY4
	VMOVUPD Y0, (SI)
	VMOVUPD Y1, (DI)
	VMOVUPD Y2, (R8)
	VMOVUPD Y3, (R9)
	ADVANCE
	DECQ    R10
	JNZ     unitloop

	VZEROUPPER
	RET
