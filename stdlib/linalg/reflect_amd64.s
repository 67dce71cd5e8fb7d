#include "textflag.h"

// func reflectRows3AVX2(r1, r2, r3 *float64, n int, v1, v2, t1, t2, t3 float64)
// For each of the n columns (n a positive multiple of 4), with
// sum = (r1 + v1·r2) + v2·r3: r1 −= sum·t1, r2 −= sum·t2, r3 −= sum·t3,
// each product and sum rounded separately, as reflectLeft3's Go loop.
TEXT ·reflectRows3AVX2(SB), NOSPLIT, $0-72
	MOVQ         r1+0(FP), SI
	MOVQ         r2+8(FP), DI
	MOVQ         r3+16(FP), DX
	MOVQ         n+24(FP), CX
	SHRQ         $2, CX
	VBROADCASTSD v1+32(FP), Y0
	VBROADCASTSD v2+40(FP), Y1
	VBROADCASTSD t1+48(FP), Y2
	VBROADCASTSD t2+56(FP), Y3
	VBROADCASTSD t3+64(FP), Y4

loop:
	VMOVUPD (SI), Y5
	VMOVUPD (DI), Y6
	VMOVUPD (DX), Y7
	VMULPD  Y6, Y0, Y8
	VADDPD  Y8, Y5, Y8
	VMULPD  Y7, Y1, Y9
	VADDPD  Y9, Y8, Y8
	VMULPD  Y8, Y2, Y9
	VSUBPD  Y9, Y5, Y5
	VMULPD  Y8, Y3, Y10
	VSUBPD  Y10, Y6, Y6
	VMULPD  Y8, Y4, Y11
	VSUBPD  Y11, Y7, Y7
	VMOVUPD Y5, (SI)
	VMOVUPD Y6, (DI)
	VMOVUPD Y7, (DX)
	ADDQ    $32, SI
	ADDQ    $32, DI
	ADDQ    $32, DX
	DECQ    CX
	JNZ     loop

	VZEROUPPER
	RET
