#include "textflag.h"

// func netAVX2(w *wires, net []comparator)
//
// Each comparator loads its two wires, 32 bytes each, and stores back
// their byte-wise minimum (VPMINUB) on lo and maximum (VPMAXUB) on hi.
TEXT ·netAVX2(SB), NOSPLIT, $0-32
	MOVQ  w+0(FP), DI
	MOVQ  net_base+8(FP), SI
	MOVQ  net_len+16(FP), CX
	TESTQ CX, CX
	JZ    done

loop:
	MOVBQZX 0(SI), AX
	MOVBQZX 1(SI), BX
	SHLQ    $5, AX
	SHLQ    $5, BX
	VMOVDQU (DI)(AX*1), Y0
	VMOVDQU (DI)(BX*1), Y1
	VPMINUB Y1, Y0, Y2
	VPMAXUB Y1, Y0, Y3
	VMOVDQU Y2, (DI)(AX*1)
	VMOVDQU Y3, (DI)(BX*1)
	ADDQ    $2, SI
	DECQ    CX
	JNZ     loop
	VZEROUPPER

done:
	RET
