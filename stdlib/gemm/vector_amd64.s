#include "textflag.h"

// func dotFMA(x, y *float64, n int) float64
// Σ x[i]·y[i] for n a positive multiple of 16, with four YMM accumulators
// so that four FMA chains are in flight.
TEXT ·dotFMA(SB), NOSPLIT, $0-32
	MOVQ   x+0(FP), SI
	MOVQ   y+8(FP), DI
	MOVQ   n+16(FP), CX
	SHRQ   $4, CX
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3

dotloop:
	VMOVUPD     (SI), Y4
	VMOVUPD     32(SI), Y5
	VMOVUPD     64(SI), Y6
	VMOVUPD     96(SI), Y7
	VFMADD231PD (DI), Y4, Y0
	VFMADD231PD 32(DI), Y5, Y1
	VFMADD231PD 64(DI), Y6, Y2
	VFMADD231PD 96(DI), Y7, Y3
	ADDQ        $128, SI
	ADDQ        $128, DI
	DECQ        CX
	JNZ         dotloop

	VADDPD       Y1, Y0, Y0
	VADDPD       Y3, Y2, Y2
	VADDPD       Y2, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPD       X1, X0, X0
	VHADDPD      X0, X0, X0
	VMOVSD       X0, ret+24(FP)
	VZEROUPPER
	RET

// func axpyFMA(alpha float64, x, y *float64, n int)
// y[i] += alpha·x[i] for n a positive multiple of 16.
TEXT ·axpyFMA(SB), NOSPLIT, $0-32
	VBROADCASTSD alpha+0(FP), Y0
	MOVQ         x+8(FP), SI
	MOVQ         y+16(FP), DI
	MOVQ         n+24(FP), CX
	SHRQ         $4, CX

axpyloop:
	VMOVUPD     (DI), Y1
	VMOVUPD     32(DI), Y2
	VMOVUPD     64(DI), Y3
	VMOVUPD     96(DI), Y4
	VFMADD231PD (SI), Y0, Y1
	VFMADD231PD 32(SI), Y0, Y2
	VFMADD231PD 64(SI), Y0, Y3
	VFMADD231PD 96(SI), Y0, Y4
	VMOVUPD     Y1, (DI)
	VMOVUPD     Y2, 32(DI)
	VMOVUPD     Y3, 64(DI)
	VMOVUPD     Y4, 96(DI)
	ADDQ        $128, SI
	ADDQ        $128, DI
	DECQ        CX
	JNZ         axpyloop
	VZEROUPPER
	RET

// func mulFMA(dst, y, x *float64, n int)
// dst[i] = y[i]·x[i] for n a positive multiple of 16.
TEXT ·mulFMA(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ y+8(FP), DX
	MOVQ x+16(FP), SI
	MOVQ n+24(FP), CX
	SHRQ $4, CX

mulloop:
	VMOVUPD (DX), Y0
	VMOVUPD 32(DX), Y1
	VMOVUPD 64(DX), Y2
	VMOVUPD 96(DX), Y3
	VMULPD  (SI), Y0, Y0
	VMULPD  32(SI), Y1, Y1
	VMULPD  64(SI), Y2, Y2
	VMULPD  96(SI), Y3, Y3
	VMOVUPD Y0, (DI)
	VMOVUPD Y1, 32(DI)
	VMOVUPD Y2, 64(DI)
	VMOVUPD Y3, 96(DI)
	ADDQ    $128, DX
	ADDQ    $128, SI
	ADDQ    $128, DI
	DECQ    CX
	JNZ     mulloop
	VZEROUPPER
	RET

// func mulAffineFMA(dst, y, x *float64, n int, c, d float64)
// dst[i] = y[i]·(c + d·x[i]) for n a positive multiple of 16, with the
// multiplication and the addition rounded separately, as in Go.
TEXT ·mulAffineFMA(SB), NOSPLIT, $0-48
	MOVQ         dst+0(FP), DI
	MOVQ         y+8(FP), DX
	MOVQ         x+16(FP), SI
	MOVQ         n+24(FP), CX
	SHRQ         $4, CX
	VBROADCASTSD c+32(FP), Y8
	VBROADCASTSD d+40(FP), Y9

affineloop:
	VMULPD  (SI), Y9, Y4
	VMULPD  32(SI), Y9, Y5
	VMULPD  64(SI), Y9, Y6
	VMULPD  96(SI), Y9, Y7
	VADDPD  Y8, Y4, Y4
	VADDPD  Y8, Y5, Y5
	VADDPD  Y8, Y6, Y6
	VADDPD  Y8, Y7, Y7
	VMULPD  (DX), Y4, Y4
	VMULPD  32(DX), Y5, Y5
	VMULPD  64(DX), Y6, Y6
	VMULPD  96(DX), Y7, Y7
	VMOVUPD Y4, (DI)
	VMOVUPD Y5, 32(DI)
	VMOVUPD Y6, 64(DI)
	VMOVUPD Y7, 96(DI)
	ADDQ    $128, DX
	ADDQ    $128, SI
	ADDQ    $128, DI
	DECQ    CX
	JNZ     affineloop
	VZEROUPPER
	RET

// func axpy512(alpha float64, x, y *float64, n int)
// axpyFMA with AVX-512: y[i] += alpha·x[i] for n a positive multiple of
// 32, the same fused multiply-add per element.
TEXT ·axpy512(SB), NOSPLIT, $0-32
	VBROADCASTSD alpha+0(FP), Z0
	MOVQ         x+8(FP), SI
	MOVQ         y+16(FP), DI
	MOVQ         n+24(FP), CX
	SHRQ         $5, CX

axpyloop512:
	VMOVUPD     (DI), Z1
	VMOVUPD     64(DI), Z2
	VMOVUPD     128(DI), Z3
	VMOVUPD     192(DI), Z4
	VFMADD231PD (SI), Z0, Z1
	VFMADD231PD 64(SI), Z0, Z2
	VFMADD231PD 128(SI), Z0, Z3
	VFMADD231PD 192(SI), Z0, Z4
	VMOVUPD     Z1, (DI)
	VMOVUPD     Z2, 64(DI)
	VMOVUPD     Z3, 128(DI)
	VMOVUPD     Z4, 192(DI)
	ADDQ        $256, SI
	ADDQ        $256, DI
	DECQ        CX
	JNZ         axpyloop512
	VZEROUPPER
	RET

// func axpyRows512(alpha float64, x *float64, incx int, mat *float64, ld int, y *float64, rows, n int)
// y[i] += (alpha·x[q·incx])·mat[q·ld+i] for q = 0, 1, …, rows-1 in order
// and i < n, n a positive multiple of 32: thirty-two elements of y stay
// in Z1-Z4 down all the rows, each row one fused multiply-add per element
// as in axpy512.
TEXT ·axpyRows512(SB), NOSPLIT, $0-64
	MOVSD alpha+0(FP), X0
	MOVQ  x+8(FP), SI
	MOVQ  incx+16(FP), R8
	SHLQ  $3, R8
	MOVQ  mat+24(FP), DX
	MOVQ  ld+32(FP), R9
	SHLQ  $3, R9
	MOVQ  y+40(FP), DI
	MOVQ  rows+48(FP), R10
	MOVQ  n+56(FP), CX
	SHRQ  $5, CX

rowsblock512:
	VMOVUPD (DI), Z1
	VMOVUPD 64(DI), Z2
	VMOVUPD 128(DI), Z3
	VMOVUPD 192(DI), Z4
	MOVQ    SI, R11
	MOVQ    DX, R12
	MOVQ    R10, BX

rowsloop512:
	VMULSD       (R11), X0, X5
	VBROADCASTSD X5, Z5
	VFMADD231PD  (R12), Z5, Z1
	VFMADD231PD  64(R12), Z5, Z2
	VFMADD231PD  128(R12), Z5, Z3
	VFMADD231PD  192(R12), Z5, Z4
	ADDQ         R8, R11
	ADDQ         R9, R12
	DECQ         BX
	JNZ          rowsloop512
	VMOVUPD      Z1, (DI)
	VMOVUPD      Z2, 64(DI)
	VMOVUPD      Z3, 128(DI)
	VMOVUPD      Z4, 192(DI)
	ADDQ         $256, DI
	ADDQ         $256, DX
	DECQ         CX
	JNZ          rowsblock512
	VZEROUPPER
	RET

// func mulAffine512(dst, y, x *float64, n int, c, d float64)
// mulAffineFMA with AVX-512: dst[i] = y[i]·(c + d·x[i]) for n a positive
// multiple of 32, the same three roundings per element.
TEXT ·mulAffine512(SB), NOSPLIT, $0-48
	MOVQ         dst+0(FP), DI
	MOVQ         y+8(FP), DX
	MOVQ         x+16(FP), SI
	MOVQ         n+24(FP), CX
	SHRQ         $5, CX
	VBROADCASTSD c+32(FP), Z8
	VBROADCASTSD d+40(FP), Z9

affineloop512:
	VMULPD  (SI), Z9, Z4
	VMULPD  64(SI), Z9, Z5
	VMULPD  128(SI), Z9, Z6
	VMULPD  192(SI), Z9, Z7
	VADDPD  Z8, Z4, Z4
	VADDPD  Z8, Z5, Z5
	VADDPD  Z8, Z6, Z6
	VADDPD  Z8, Z7, Z7
	VMULPD  (DX), Z4, Z4
	VMULPD  64(DX), Z5, Z5
	VMULPD  128(DX), Z6, Z6
	VMULPD  192(DX), Z7, Z7
	VMOVUPD Z4, (DI)
	VMOVUPD Z5, 64(DI)
	VMOVUPD Z6, 128(DI)
	VMOVUPD Z7, 192(DI)
	ADDQ    $256, DX
	ADDQ    $256, SI
	ADDQ    $256, DI
	DECQ    CX
	JNZ     affineloop512
	VZEROUPPER
	RET
