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
