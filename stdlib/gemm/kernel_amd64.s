#include "textflag.h"

// STEP accumulates one outer product: the row of the B panel at boff(DI)
// into Y0:Y1, the column of A at SI (rows R9 bytes apart; R10 = 3·R9,
// R11 = 5·R9) broadcast an element at a time into Y2 and Y3, and row i of
// the 6×8 block in Y(4+2i):Y(5+2i); then SI moves to A's next column.
#define STEP(boff) \
	VMOVUPD      boff(DI), Y0;      \
	VMOVUPD      boff+32(DI), Y1;   \
	VBROADCASTSD (SI), Y2;          \
	VBROADCASTSD (SI)(R9*1), Y3;    \
	VFMADD231PD  Y0, Y2, Y4;        \
	VFMADD231PD  Y1, Y2, Y5;        \
	VFMADD231PD  Y0, Y3, Y6;        \
	VFMADD231PD  Y1, Y3, Y7;        \
	VBROADCASTSD (SI)(R9*2), Y2;    \
	VBROADCASTSD (SI)(R10*1), Y3;   \
	VFMADD231PD  Y0, Y2, Y8;        \
	VFMADD231PD  Y1, Y2, Y9;        \
	VFMADD231PD  Y0, Y3, Y10;       \
	VFMADD231PD  Y1, Y3, Y11;       \
	VBROADCASTSD (SI)(R9*4), Y2;    \
	VBROADCASTSD (SI)(R11*1), Y3;   \
	VFMADD231PD  Y0, Y2, Y12;       \
	VFMADD231PD  Y1, Y2, Y13;       \
	VFMADD231PD  Y0, Y3, Y14;       \
	VFMADD231PD  Y1, Y3, Y15;       \
	ADDQ         R12, SI

// SCALE multiplies the accumulators of one row of C by alpha in Y0.
#define SCALE(r0, r1) \
	VMULPD Y0, r0, r0; \
	VMULPD Y0, r1, r1

// ROWBETA stores alpha·AB + beta·C for one row of C at DX, beta in Y1,
// and moves DX to the next row.
#define ROWBETA(r0, r1) \
	VFMADD231PD (DX), Y1, r0;   \
	VFMADD231PD 32(DX), Y1, r1; \
	VMOVUPD     r0, (DX);       \
	VMOVUPD     r1, 32(DX);     \
	ADDQ        R8, DX

// ROWZERO stores alpha·AB for one row of C at DX without reading C.
#define ROWZERO(r0, r1) \
	VMOVUPD r0, (DX);   \
	VMOVUPD r1, 32(DX); \
	ADDQ    R8, DX

// func dgemmKernel6x8(k int, alpha, beta float64, a *float64, rsa, csa int, b, c *float64, ldc int)
TEXT ·dgemmKernel6x8(SB), NOSPLIT, $0-72
	MOVQ k+0(FP), CX
	MOVQ a+24(FP), SI
	MOVQ rsa+32(FP), R9
	SHLQ $3, R9
	LEAQ (R9)(R9*2), R10
	LEAQ (R9)(R9*4), R11
	MOVQ csa+40(FP), R12
	SHLQ $3, R12
	MOVQ b+48(FP), DI
	MOVQ c+56(FP), DX
	MOVQ ldc+64(FP), R8
	SHLQ $3, R8

	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	VXORPD Y8, Y8, Y8
	VXORPD Y9, Y9, Y9
	VXORPD Y10, Y10, Y10
	VXORPD Y11, Y11, Y11
	VXORPD Y12, Y12, Y12
	VXORPD Y13, Y13, Y13
	VXORPD Y14, Y14, Y14
	VXORPD Y15, Y15, Y15

	MOVQ CX, BX
	SHRQ $2, BX
	ANDQ $3, CX
	TESTQ BX, BX
	JZ   tail

loop4:
	STEP(0)
	STEP(64)
	STEP(128)
	STEP(192)
	ADDQ $256, DI
	DECQ BX
	JNZ  loop4

tail:
	TESTQ CX, CX
	JZ    store

loop1:
	STEP(0)
	ADDQ $64, DI
	DECQ CX
	JNZ  loop1

store:
	VBROADCASTSD alpha+8(FP), Y0
	SCALE(Y4, Y5)
	SCALE(Y6, Y7)
	SCALE(Y8, Y9)
	SCALE(Y10, Y11)
	SCALE(Y12, Y13)
	SCALE(Y14, Y15)

	// beta == 0 (either sign) means C is only written; a NaN beta
	// compares unordered and takes the reading path, as in the
	// reference BLAS.
	VXORPD   X2, X2, X2
	VMOVSD   beta+16(FP), X1
	VUCOMISD X1, X2
	JNE      readc
	JPS      readc

	ROWZERO(Y4, Y5)
	ROWZERO(Y6, Y7)
	ROWZERO(Y8, Y9)
	ROWZERO(Y10, Y11)
	ROWZERO(Y12, Y13)
	ROWZERO(Y14, Y15)
	VZEROUPPER
	RET

readc:
	VBROADCASTSD beta+16(FP), Y1
	ROWBETA(Y4, Y5)
	ROWBETA(Y6, Y7)
	ROWBETA(Y8, Y9)
	ROWBETA(Y10, Y11)
	ROWBETA(Y12, Y13)
	ROWBETA(Y14, Y15)
	VZEROUPPER
	RET
