#include "textflag.h"

// func linearDownAVX2(out []uint8, r0, r1 []int32, b0, b1 int32)
//
// Per 16 values: 2×8 of r0 and of r1 shifted right by 4 and packed to
// words (VPACKSSDW interleaves the 128-bit lanes: words 0-3, 8-11 | 4-7,
// 12-15), multiplied by the weights keeping the high words, summed, plus
// 2, shifted right by 2, put back in order (VPERMQ) and packed to bytes
// with unsigned saturation.
TEXT ·linearDownAVX2(SB), NOSPLIT, $0-80
	MOVQ         out_base+0(FP), DI
	MOVQ         out_len+8(FP), CX
	MOVQ         r0_base+24(FP), SI
	MOVQ         r1_base+48(FP), DX
	MOVL         b0+72(FP), AX
	MOVL         b1+76(FP), BX
	VMOVD        AX, X8
	VMOVD        BX, X9
	VPBROADCASTW X8, Y8
	VPBROADCASTW X9, Y9
	VPCMPEQW     Y10, Y10, Y10
	VPSRLW       $15, Y10, Y10
	VPSLLW       $1, Y10, Y10  // words of 2
	SHRQ         $4, CX
	JZ           done

loop:
	VMOVDQU      0(SI), Y0
	VMOVDQU      32(SI), Y1
	VMOVDQU      0(DX), Y2
	VMOVDQU      32(DX), Y3
	VPSRAD       $4, Y0, Y0
	VPSRAD       $4, Y1, Y1
	VPSRAD       $4, Y2, Y2
	VPSRAD       $4, Y3, Y3
	VPACKSSDW    Y1, Y0, Y0
	VPACKSSDW    Y3, Y2, Y2
	VPMULHW      Y8, Y0, Y0
	VPMULHW      Y9, Y2, Y2
	VPADDW       Y2, Y0, Y0
	VPADDW       Y10, Y0, Y0
	VPSRAW       $2, Y0, Y0
	VPERMQ       $0xD8, Y0, Y0
	VEXTRACTI128 $1, Y0, X1
	VPACKUSWB    X1, X0, X0
	VMOVDQU      X0, (DI)
	ADDQ         $64, SI
	ADDQ         $64, DX
	ADDQ         $16, DI
	DECQ         CX
	JNZ          loop
	VZEROUPPER

done:
	RET

// func linearAcrossAVX2(in []uint8, off, w, row []int32, shuffle *[32]uint8)
TEXT ·linearAcrossAVX2(SB), NOSPLIT, $0-104
	MOVQ    in_base+0(FP), SI
	MOVQ    off_base+24(FP), R8
	MOVQ    off_len+32(FP), CX
	MOVQ    w_base+48(FP), R9
	MOVQ    row_base+72(FP), DI
	MOVQ    shuffle+96(FP), AX
	VMOVDQU (AX), Y3
	SHRQ    $3, CX
	JZ      across_done

across_loop:
	VMOVDQU    (R8), Y1
	VPCMPEQD   Y2, Y2, Y2
	VPGATHERDD Y2, (SI)(Y1*1), Y0
	VPSHUFB    Y3, Y0, Y0
	VPMADDWD   (R9), Y0, Y0
	VMOVDQU    Y0, (DI)
	ADDQ       $32, R8
	ADDQ       $32, R9
	ADDQ       $32, DI
	DECQ       CX
	JNZ        across_loop
	VZEROUPPER

across_done:
	RET

// func cubicAcrossAVX2(in []uint8, base []int32, wx [][4]int16, row []int32)
//
// Per 8 values: the 4 bytes at each base gathered, the first 4 values'
// bytes widened to words in Y1 and the last 4's in Y2, each multiplied by
// their 4 weights and added in pairs (VPMADDWD), the pairs added
// (VPHADDD: values 0, 1, 4, 5 | 2, 3, 6, 7) and put in order (VPERMQ).
TEXT ·cubicAcrossAVX2(SB), NOSPLIT, $0-96
	MOVQ in_base+0(FP), SI
	MOVQ base_base+24(FP), R8
	MOVQ base_len+32(FP), CX
	MOVQ wx_base+48(FP), R9
	MOVQ row_base+72(FP), DI
	SHRQ $3, CX
	JZ   cubic_across_done

cubic_across_loop:
	VMOVDQU      (R8), Y3
	VPCMPEQD     Y4, Y4, Y4
	VPGATHERDD   Y4, (SI)(Y3*1), Y0
	VPMOVZXBW    X0, Y1
	VEXTRACTI128 $1, Y0, X2
	VPMOVZXBW    X2, Y2
	VPMADDWD     (R9), Y1, Y1
	VPMADDWD     32(R9), Y2, Y2
	VPHADDD      Y2, Y1, Y1
	VPERMQ       $0xD8, Y1, Y1
	VMOVDQU      Y1, (DI)
	ADDQ         $32, R8
	ADDQ         $64, R9
	ADDQ         $32, DI
	DECQ         CX
	JNZ          cubic_across_loop
	VZEROUPPER

cubic_across_done:
	RET

// func cubicVectorAVX2(dst []uint8, r0, r1, r2, r3 *int32, bf *[4]float32)
//
// Per 8 values: s = r3·b3, then s = r2·b2 + s, r1·b1 + s, r0·b0 + s, each
// product and sum rounded to float32 (no fused multiply-add), converted
// to int32 rounding half to even, packed to words and to bytes with
// saturation (0…255), and the 8 bytes stored.
TEXT ·cubicVectorAVX2(SB), NOSPLIT, $0-64
	MOVQ         dst_base+0(FP), DI
	MOVQ         dst_len+8(FP), CX
	MOVQ         r0+24(FP), R8
	MOVQ         r1+32(FP), R9
	MOVQ         r2+40(FP), R10
	MOVQ         r3+48(FP), R11
	MOVQ         bf+56(FP), AX
	VBROADCASTSS 0(AX), Y8
	VBROADCASTSS 4(AX), Y9
	VBROADCASTSS 8(AX), Y10
	VBROADCASTSS 12(AX), Y11
	SHRQ         $3, CX
	JZ           cubic_vector_done

cubic_vector_loop:
	VCVTDQ2PS    (R11), Y0
	VMULPS       Y11, Y0, Y0
	VCVTDQ2PS    (R10), Y1
	VMULPS       Y10, Y1, Y1
	VADDPS       Y0, Y1, Y0
	VCVTDQ2PS    (R9), Y1
	VMULPS       Y9, Y1, Y1
	VADDPS       Y0, Y1, Y0
	VCVTDQ2PS    (R8), Y1
	VMULPS       Y8, Y1, Y1
	VADDPS       Y0, Y1, Y0
	VCVTPS2DQ    Y0, Y0
	VEXTRACTI128 $1, Y0, X1
	VPACKSSDW    X1, X0, X0
	VPACKUSWB    X0, X0, X0
	VMOVQ        X0, (DI)
	ADDQ         $32, R8
	ADDQ         $32, R9
	ADDQ         $32, R10
	ADDQ         $32, R11
	ADDQ         $8, DI
	DECQ         CX
	JNZ          cubic_vector_loop
	VZEROUPPER

cubic_vector_done:
	RET

// func areaAcrossAVX2(row []uint8, from []int32, alpha []float32, k int, sums []float32)
TEXT ·areaAcrossAVX2(SB), NOSPLIT, $0-104
	MOVQ     row_base+0(FP), SI
	MOVQ     from_base+24(FP), R8
	MOVQ     alpha_base+48(FP), R9
	MOVQ     k+72(FP), BX
	MOVQ     sums_base+80(FP), DI
	MOVQ     sums_len+88(FP), CX
	VPCMPEQD Y15, Y15, Y15
	VPSRLD   $24, Y15, Y15 // the low byte of each 4
	SHRQ     $3, CX
	JZ       area_done

area_group:
	VXORPS Y0, Y0, Y0
	MOVQ   BX, DX

area_entry:
	VMOVDQU    (R8), Y1
	VPCMPEQD   Y2, Y2, Y2
	VPGATHERDD Y2, (SI)(Y1*1), Y3
	VPAND      Y15, Y3, Y3
	VCVTDQ2PS  Y3, Y3
	VMULPS     (R9), Y3, Y3
	VADDPS     Y3, Y0, Y0
	ADDQ       $32, R8
	ADDQ       $32, R9
	DECQ       DX
	JNZ        area_entry
	VMOVUPS    Y0, (DI)
	ADDQ       $32, DI
	DECQ       CX
	JNZ        area_group
	VZEROUPPER

area_done:
	RET

// func linearAcrossVBMI(in []uint8, starts []int32, idx []uint8, w, row []int32)
TEXT ·linearAcrossVBMI(SB), NOSPLIT, $0-120
	MOVQ  in_base+0(FP), SI
	MOVQ  starts_base+24(FP), R10
	MOVQ  starts_len+32(FP), CX
	MOVQ  idx_base+48(FP), R11
	MOVQ  w_base+72(FP), R9
	MOVQ  row_base+96(FP), DI
	TESTQ CX, CX
	JZ    vbmi_done

vbmi_loop:
	MOVLQSX       (R10), AX
	VMOVDQU64     (SI)(AX*1), Z0
	VMOVDQU64     (R11), Z1
	VPERMB        Z0, Z1, Z2
	VPMOVZXBW     Y2, Z3
	VEXTRACTI64X4 $1, Z2, Y4
	VPMOVZXBW     Y4, Z4
	VPMADDWD      (R9), Z3, Z3
	VPMADDWD      64(R9), Z4, Z4
	VMOVDQU64     Z3, (DI)
	VMOVDQU64     Z4, 64(DI)
	ADDQ          $4, R10
	ADDQ          $64, R11
	ADDQ          $128, R9
	ADDQ          $128, DI
	DECQ          CX
	JNZ           vbmi_loop
	VZEROUPPER

vbmi_done:
	RET

// func addScaledBytesAVX2(dst []int32, src []uint8, k int32)
TEXT ·addScaledBytesAVX2(SB), NOSPLIT, $0-52
	MOVQ         dst_base+0(FP), DI
	MOVQ         dst_len+8(FP), CX
	MOVQ         src_base+24(FP), SI
	MOVL         k+48(FP), AX
	VMOVD        AX, X8
	VPBROADCASTD X8, Y8
	SHRQ         $3, CX
	JZ           bytes_done

bytes_loop:
	VPMOVZXBD (SI), Y0
	VPMULLD   Y8, Y0, Y0
	VPADDD    (DI), Y0, Y0
	VMOVDQU   Y0, (DI)
	ADDQ      $8, SI
	ADDQ      $32, DI
	DECQ      CX
	JNZ       bytes_loop
	VZEROUPPER

bytes_done:
	RET

// func addScaledAVX2(dst, src []int32, k int32)
TEXT ·addScaledAVX2(SB), NOSPLIT, $0-52
	MOVQ         dst_base+0(FP), DI
	MOVQ         dst_len+8(FP), CX
	MOVQ         src_base+24(FP), SI
	MOVL         k+48(FP), AX
	VMOVD        AX, X8
	VPBROADCASTD X8, Y8
	SHRQ         $3, CX
	JZ           int32_done

int32_loop:
	VPMULLD (SI), Y8, Y0
	VPADDD  (DI), Y0, Y0
	VMOVDQU Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	DECQ    CX
	JNZ     int32_loop
	VZEROUPPER

int32_done:
	RET

// func roundShiftAVX2(out []uint8, sums []int32, add int32, shift uint64)
TEXT ·roundShiftAVX2(SB), NOSPLIT, $0-64
	MOVQ         out_base+0(FP), DI
	MOVQ         out_len+8(FP), CX
	MOVQ         sums_base+24(FP), SI
	MOVL         add+48(FP), AX
	VMOVD        AX, X8
	VPBROADCASTD X8, Y8
	MOVQ         shift+56(FP), X9
	SHRQ         $3, CX
	JZ           round_done

round_loop:
	VPADDD       (SI), Y8, Y0
	VPSRAD       X9, Y0, Y0
	VEXTRACTI128 $1, Y0, X1
	VPACKSSDW    X1, X0, X0
	VPACKUSWB    X0, X0, X0
	VMOVQ        X0, (DI)
	ADDQ         $32, SI
	ADDQ         $8, DI
	DECQ         CX
	JNZ          round_loop
	VZEROUPPER

round_done:
	RET
