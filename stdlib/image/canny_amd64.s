#include "textflag.h"

// iota32 is 0, 1, ..., 15 as doublewords.
DATA iota32<>+0(SB)/4, $0
DATA iota32<>+4(SB)/4, $1
DATA iota32<>+8(SB)/4, $2
DATA iota32<>+12(SB)/4, $3
DATA iota32<>+16(SB)/4, $4
DATA iota32<>+20(SB)/4, $5
DATA iota32<>+24(SB)/4, $6
DATA iota32<>+28(SB)/4, $7
DATA iota32<>+32(SB)/4, $8
DATA iota32<>+36(SB)/4, $9
DATA iota32<>+40(SB)/4, $10
DATA iota32<>+44(SB)/4, $11
DATA iota32<>+48(SB)/4, $12
DATA iota32<>+52(SB)/4, $13
DATA iota32<>+56(SB)/4, $14
DATA iota32<>+60(SB)/4, $15
GLOBL iota32<>(SB), RODATA|NOPTR, $64

// func suppressAVX512(mag, above, below, gx, gy *int32, n int, lo, hi int, out *uint8, pos int, edges *int32) int
//
// suppressRow's loop on 16 pixels at a time, n a multiple of 16: mag,
// above and below point at the magnitude rows' values before the first
// pixel (q-1), gx and gy at its derivatives. Each pixel's neighbours before
// and after are loaded for the falling diagonal and replaced, by loads
// under masks, for the rising one, vertical and horizontal; the states
// (notEdge 1, candidate 0, edge 2) are stored as bytes at out, and the
// positions of the edges (pos for the first pixel) compressed to edges,
// which has room for 16 more. Returns the number of edges.
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
	VPBROADCASTD BX, Z26
	VPADDD iota32<>(SB), Z26, Z26 // the pixels' positions
	MOVL $16, BX
	VPBROADCASTD BX, Z28
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
	VPCOMPRESSD Z26, K6, Z12 // then stored whole: compressing to memory is slow on some CPUs
	VMOVDQU32 Z12, (DX)
	KMOVW K6, BX
	POPCNTL BX, BX
	LEAQ (DX)(BX*4), DX
	VPADDD Z28, Z26, Z26
	ADDQ $16, AX
	CMPQ AX, CX
	JLT loop

done:
	MOVQ DX, AX
	SUBQ edges+80(FP), AX
	SHRQ $2, AX
	MOVQ AX, ret+88(FP)
	VZEROUPPER
	RET

// func gradient3AVX512(above, row, below *uint8, n int, l2 bool, mag, gx, gy *int32)
//
// The Sobel derivatives of aperture 3 of one row of a gray image, and the
// gradient's magnitude (|dx| + |dy|, or dx² + dy² if l2), 16 pixels at a
// time: above, row and below are the source rows extended by one pixel of
// border on each side, n ≥ 16 the row's width; the last 16 pixels overlap
// the ones before.
TEXT ·gradient3AVX512(SB), NOSPLIT, $0-64
	MOVQ above+0(FP), R8
	MOVQ row+8(FP), R9
	MOVQ below+16(FP), R10
	MOVQ n+24(FP), CX
	MOVBQZX l2+32(FP), DX
	MOVQ mag+40(FP), SI
	MOVQ gx+48(FP), R11
	MOVQ gy+56(FP), R12
	SUBQ $16, CX
	XORQ AX, AX

loop:
	CMPQ AX, CX
	JLE  body
	MOVQ CX, AX

body:
	VPMOVZXBD (R8)(AX*1), Z0   // above[x-1]
	VPMOVZXBD 1(R8)(AX*1), Z1  // above[x]
	VPMOVZXBD 2(R8)(AX*1), Z2  // above[x+1]
	VPMOVZXBD (R9)(AX*1), Z3   // row[x-1]
	VPMOVZXBD 2(R9)(AX*1), Z4  // row[x+1]
	VPMOVZXBD (R10)(AX*1), Z5  // below[x-1]
	VPMOVZXBD 1(R10)(AX*1), Z6 // below[x]
	VPMOVZXBD 2(R10)(AX*1), Z7 // below[x+1]
	VPSUBD Z0, Z2, Z8          // dx: [-1 0 1] across, [1 2 1] down
	VPSUBD Z3, Z4, Z9
	VPSLLD $1, Z9, Z9
	VPADDD Z9, Z8, Z8
	VPSUBD Z5, Z7, Z9
	VPADDD Z9, Z8, Z8
	VPSUBD Z0, Z5, Z9          // dy: [1 2 1] across, [-1 0 1] down
	VPSUBD Z1, Z6, Z10
	VPSLLD $1, Z10, Z10
	VPADDD Z10, Z9, Z9
	VPSUBD Z2, Z7, Z10
	VPADDD Z10, Z9, Z9
	VMOVDQU32 Z8, (R11)(AX*4)
	VMOVDQU32 Z9, (R12)(AX*4)
	TESTQ DX, DX
	JNZ  squares
	VPABSD Z8, Z10
	VPABSD Z9, Z11
	VPADDD Z11, Z10, Z10
	JMP  store

squares:
	VPMULLD Z8, Z8, Z10
	VPMULLD Z9, Z9, Z11
	VPADDD Z11, Z10, Z10

store:
	VMOVDQU32 Z10, (SI)(AX*4)
	CMPQ AX, CX
	JGE  done
	ADDQ $16, AX
	JMP  loop

done:
	VZEROUPPER
	RET
