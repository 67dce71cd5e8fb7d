#include "textflag.h"

// STEP accumulates one outer product: the row of the B panel at b0 and b1
// (its two halves) into Y0:Y1, the column of A at SI (rows R9 bytes apart; R10 = 3·R9,
// R11 = 5·R9) broadcast an element at a time into Y2 and Y3, and row i of
// the 6×8 block in Y(4+2i):Y(5+2i); then SI moves to A's next column.
#define STEP(b0, b1) \
	VMOVUPD      b0, Y0;            \
	VMOVUPD      b1, Y1;            \
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

// func dgemmKernel6x8(k int, alpha, beta float64, a *float64, rsa, csa int, b *float64, rsb int, c *float64, ldc int)
//
// The rows of the B panel are AX bytes apart (R13 = 3·AX).
TEXT ·dgemmKernel6x8(SB), NOSPLIT, $0-80
	MOVQ k+0(FP), CX
	MOVQ a+24(FP), SI
	MOVQ rsa+32(FP), R9
	SHLQ $3, R9
	LEAQ (R9)(R9*2), R10
	LEAQ (R9)(R9*4), R11
	MOVQ csa+40(FP), R12
	SHLQ $3, R12
	MOVQ b+48(FP), DI
	MOVQ rsb+56(FP), AX
	SHLQ $3, AX
	LEAQ (AX)(AX*2), R13
	MOVQ c+64(FP), DX
	MOVQ ldc+72(FP), R8
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
	STEP((DI), 32(DI))
	STEP((DI)(AX*1), 32(DI)(AX*1))
	STEP((DI)(AX*2), 32(DI)(AX*2))
	STEP((DI)(R13*1), 32(DI)(R13*1))
	LEAQ (DI)(AX*4), DI
	DECQ BX
	JNZ  loop4

tail:
	TESTQ CX, CX
	JZ    store

loop1:
	STEP((DI), 32(DI))
	ADDQ AX, DI
	DECQ CX
	JNZ  loop1

store:
	// alpha == 1, the bits of 1.0, leaves AB as it is.
	MOVQ alpha+8(FP), AX
	MOVQ $0x3ff0000000000000, BX
	CMPQ AX, BX
	JEQ  beta

	VBROADCASTSD alpha+8(FP), Y0
	SCALE(Y4, Y5)
	SCALE(Y6, Y7)
	SCALE(Y8, Y9)
	SCALE(Y10, Y11)
	SCALE(Y12, Y13)
	SCALE(Y14, Y15)

beta:

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

// STEP16 accumulates one outer product for the 8×16 kernel: the row of
// the B panel at b0 and b1 (its two halves) into Z0:Z1, rows 0-3 of A's column from SI and
// rows 4-7 from R13 (rows R9 bytes apart, R10 = 3·R9) broadcast into
// Z2-Z9, and row i of the block in Z(16+2i):Z(17+2i); then SI and R13
// move to A's next column.
#define STEP16(b0, b1) \
	VMOVUPD      b0, Z0;             \
	VMOVUPD      b1, Z1;             \
	VBROADCASTSD (SI), Z2;           \
	VBROADCASTSD (SI)(R9*1), Z3;     \
	VBROADCASTSD (SI)(R9*2), Z4;     \
	VBROADCASTSD (SI)(R10*1), Z5;    \
	VFMADD231PD  Z0, Z2, Z16;        \
	VFMADD231PD  Z1, Z2, Z17;        \
	VFMADD231PD  Z0, Z3, Z18;        \
	VFMADD231PD  Z1, Z3, Z19;        \
	VFMADD231PD  Z0, Z4, Z20;        \
	VFMADD231PD  Z1, Z4, Z21;        \
	VFMADD231PD  Z0, Z5, Z22;        \
	VFMADD231PD  Z1, Z5, Z23;        \
	VBROADCASTSD (R13), Z6;          \
	VBROADCASTSD (R13)(R9*1), Z7;    \
	VBROADCASTSD (R13)(R9*2), Z8;    \
	VBROADCASTSD (R13)(R10*1), Z9;   \
	VFMADD231PD  Z0, Z6, Z24;        \
	VFMADD231PD  Z1, Z6, Z25;        \
	VFMADD231PD  Z0, Z7, Z26;        \
	VFMADD231PD  Z1, Z7, Z27;        \
	VFMADD231PD  Z0, Z8, Z28;        \
	VFMADD231PD  Z1, Z8, Z29;        \
	VFMADD231PD  Z0, Z9, Z30;        \
	VFMADD231PD  Z1, Z9, Z31;        \
	ADDQ         R12, SI;            \
	ADDQ         R12, R13

// SCALE16 multiplies the accumulators of one row of C by alpha in Z0.
#define SCALE16(r0, r1) \
	VMULPD Z0, r0, r0; \
	VMULPD Z0, r1, r1

// ROWBETA16 stores alpha·AB + beta·C for one row of C at DX, beta in Z1,
// and moves DX to the next row.
#define ROWBETA16(r0, r1) \
	VFMADD231PD (DX), Z1, r0;   \
	VFMADD231PD 64(DX), Z1, r1; \
	VMOVUPD     r0, (DX);       \
	VMOVUPD     r1, 64(DX);     \
	ADDQ        R8, DX

// ROWZERO16 stores alpha·AB for one row of C at DX without reading C.
#define ROWZERO16(r0, r1) \
	VMOVUPD r0, (DX);   \
	VMOVUPD r1, 64(DX); \
	ADDQ    R8, DX

// func dgemmKernel8x16(k int, alpha, beta float64, a *float64, rsa, csa int, b *float64, rsb int, c *float64, ldc int)
//
// The rows of the B panel are AX bytes apart (R11 = 3·AX).
TEXT ·dgemmKernel8x16(SB), NOSPLIT, $0-80
	MOVQ k+0(FP), CX
	MOVQ a+24(FP), SI
	MOVQ rsa+32(FP), R9
	SHLQ $3, R9
	LEAQ (R9)(R9*2), R10
	LEAQ (SI)(R9*4), R13
	MOVQ csa+40(FP), R12
	SHLQ $3, R12
	MOVQ b+48(FP), DI
	MOVQ rsb+56(FP), AX
	SHLQ $3, AX
	LEAQ (AX)(AX*2), R11
	MOVQ c+64(FP), DX
	MOVQ ldc+72(FP), R8
	SHLQ $3, R8

	VPXORQ Z16, Z16, Z16
	VPXORQ Z17, Z17, Z17
	VPXORQ Z18, Z18, Z18
	VPXORQ Z19, Z19, Z19
	VPXORQ Z20, Z20, Z20
	VPXORQ Z21, Z21, Z21
	VPXORQ Z22, Z22, Z22
	VPXORQ Z23, Z23, Z23
	VPXORQ Z24, Z24, Z24
	VPXORQ Z25, Z25, Z25
	VPXORQ Z26, Z26, Z26
	VPXORQ Z27, Z27, Z27
	VPXORQ Z28, Z28, Z28
	VPXORQ Z29, Z29, Z29
	VPXORQ Z30, Z30, Z30
	VPXORQ Z31, Z31, Z31

	MOVQ CX, BX
	SHRQ $2, BX
	ANDQ $3, CX
	TESTQ BX, BX
	JZ   tail16

loop16:
	STEP16((DI), 64(DI))
	STEP16((DI)(AX*1), 64(DI)(AX*1))
	STEP16((DI)(AX*2), 64(DI)(AX*2))
	STEP16((DI)(R11*1), 64(DI)(R11*1))
	LEAQ (DI)(AX*4), DI
	DECQ BX
	JNZ  loop16

tail16:
	TESTQ CX, CX
	JZ    store16

loop16one:
	STEP16((DI), 64(DI))
	ADDQ AX, DI
	DECQ CX
	JNZ  loop16one

store16:
	MOVQ alpha+8(FP), AX
	MOVQ $0x3ff0000000000000, BX
	CMPQ AX, BX
	JEQ  beta16

	VBROADCASTSD alpha+8(FP), Z0
	SCALE16(Z16, Z17)
	SCALE16(Z18, Z19)
	SCALE16(Z20, Z21)
	SCALE16(Z22, Z23)
	SCALE16(Z24, Z25)
	SCALE16(Z26, Z27)
	SCALE16(Z28, Z29)
	SCALE16(Z30, Z31)

beta16:

	// As in dgemmKernel6x8: beta == 0 only writes C.
	VXORPD   X2, X2, X2
	VMOVSD   beta+16(FP), X1
	VUCOMISD X1, X2
	JNE      readc16
	JPS      readc16

	ROWZERO16(Z16, Z17)
	ROWZERO16(Z18, Z19)
	ROWZERO16(Z20, Z21)
	ROWZERO16(Z22, Z23)
	ROWZERO16(Z24, Z25)
	ROWZERO16(Z26, Z27)
	ROWZERO16(Z28, Z29)
	ROWZERO16(Z30, Z31)
	VZEROUPPER
	RET

readc16:
	VBROADCASTSD beta+16(FP), Z1
	ROWBETA16(Z16, Z17)
	ROWBETA16(Z18, Z19)
	ROWBETA16(Z20, Z21)
	ROWBETA16(Z22, Z23)
	ROWBETA16(Z24, Z25)
	ROWBETA16(Z26, Z27)
	ROWBETA16(Z28, Z29)
	ROWBETA16(Z30, Z31)
	VZEROUPPER
	RET
