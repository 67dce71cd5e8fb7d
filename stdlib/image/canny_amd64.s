#include "textflag.h"

// iota64 is 0, 1, ..., 7 as quadwords.
DATA iota64<>+0(SB)/8, $0
DATA iota64<>+8(SB)/8, $1
DATA iota64<>+16(SB)/8, $2
DATA iota64<>+24(SB)/8, $3
DATA iota64<>+32(SB)/8, $4
DATA iota64<>+40(SB)/8, $5
DATA iota64<>+48(SB)/8, $6
DATA iota64<>+56(SB)/8, $7
GLOBL iota64<>(SB), RODATA|NOPTR, $64

// func suppressAVX512(mag, above, below, gx, gy *int32, n int, lo, hi int, out *uint8, pos int, edges *int) int
//
// suppressRow's loop on 16 pixels at a time, n a multiple of 16: mag,
// above and below point at the magnitude rows' values before the first
// pixel (q-1), gx and gy at its derivatives. Each pixel's neighbours before
// and after are loaded for the falling diagonal and replaced, by loads
// under masks, for the rising one, vertical and horizontal; the states
// (notEdge 1, candidate 0, edge 2) are stored as bytes at out, and the
// positions of the edges (pos for the first pixel) compressed to edges,
// which has room for 8 more. Returns the number of edges.
TEXT ·suppressAVX512(SB), NOSPLIT, $0-96
	MOVQ mag+0(FP), SI
	MOVQ above+8(FP), R8
	MOVQ below+16(FP), R9
	MOVQ gx+24(FP), R10
	MOVQ gy+32(FP), R11
	MOVQ n+40(FP), CX
	MOVQ out+64(FP), DI
	MOVQ edges+80(FP), DX
	MOVL $13573, BX // tg22
	VPBROADCASTD BX, Z20
	MOVQ lo+48(FP), BX
	VPBROADCASTD BX, Z21
	MOVQ hi+56(FP), BX
	VPBROADCASTD BX, Z22
	MOVL $1, BX
	VPBROADCASTD BX, Z23
	MOVL $2, BX
	VPBROADCASTD BX, Z24
	VPXORD Z25, Z25, Z25
	MOVQ pos+72(FP), BX
	VPBROADCASTQ BX, Z26
	VPADDQ iota64<>(SB), Z26, Z26 // positions of pixels 0-7
	MOVQ $8, BX
	VPBROADCASTQ BX, Z28
	VPADDQ Z28, Z26, Z27          // of pixels 8-15
	MOVQ $16, BX
	VPBROADCASTQ BX, Z28
	XORQ AX, AX
	TESTQ CX, CX
	JZ done

loop:
	VMOVDQU32 4(SI)(AX*4), Z0   // m
	VMOVDQU32 (R10)(AX*4), Z1   // xs
	VMOVDQU32 (R11)(AX*4), Z2   // ys
	VPABSD Z1, Z3               // ax
	VPABSD Z2, Z4
	VPSLLD $15, Z4, Z4          // ay
	VPMULLD Z20, Z3, Z5         // ax·tg22
	VPSLLD $16, Z3, Z6
	VPADDD Z5, Z6, Z6           // ax·tg22 + ax<<16
	VPCMPGTD Z4, Z5, K1         // horizontal
	VPCMPGTD Z6, Z4, K2         // vertical
	VPXORD Z1, Z2, Z7
	VPCMPGTD Z7, Z25, K3        // rising: xs^ys < 0
	VMOVDQU32 (R8)(AX*4), Z8        // before: above[q-1]
	VMOVDQU32 8(R8)(AX*4), K3, Z8   // above[q+1]
	VMOVDQU32 4(R8)(AX*4), K2, Z8   // above[q]
	VMOVDQU32 (SI)(AX*4), K1, Z8    // mag[q-1]
	VMOVDQU32 8(R9)(AX*4), Z9       // after: below[q+1]
	VMOVDQU32 (R9)(AX*4), K3, Z9    // below[q-1]
	VMOVDQU32 4(R9)(AX*4), K2, Z9   // below[q]
	VMOVDQU32 8(SI)(AX*4), K1, Z9   // mag[q+1]
	KORW K1, K2, K4                 // not diagonal: m ≥ after is m+1 > after
	VMOVDQA32 Z0, Z10
	VPADDD Z23, Z0, K4, Z10
	VPCMPGTD Z21, Z0, K5            // m > lo
	VPCMPGTD Z8, Z0, K5, K5         // and m > before
	VPCMPGTD Z9, Z10, K5, K5        // and beats after: a peak
	VPCMPGTD Z22, Z0, K5, K6        // a peak above hi: an edge
	VMOVDQA32 Z23, Z11
	VMOVDQA32 Z25, K5, Z11
	VMOVDQA32 Z24, K6, Z11
	VPMOVDB Z11, (DI)(AX*1)
	VPCOMPRESSQ Z26, K6, Z12 // then stored whole: compressing to memory is slow on some CPUs
	VMOVDQU64 Z12, (DX)
	KMOVW K6, BX
	MOVL BX, R12
	ANDL $0xff, R12
	POPCNTL R12, R12
	LEAQ (DX)(R12*8), DX
	KSHIFTRW $8, K6, K7
	VPCOMPRESSQ Z27, K7, Z12
	VMOVDQU64 Z12, (DX)
	SHRL $8, BX
	POPCNTL BX, BX
	LEAQ (DX)(BX*8), DX
	VPADDQ Z28, Z26, Z26
	VPADDQ Z28, Z27, Z27
	ADDQ $16, AX
	CMPQ AX, CX
	JLT loop

done:
	MOVQ DX, AX
	SUBQ edges+80(FP), AX
	SHRQ $3, AX
	MOVQ AX, ret+88(FP)
	VZEROUPPER
	RET
