/*-------------------------------------------------------------------------
 *
 * zeropack.h
 *	  A byte string with its runs of zero bytes squeezed out.
 *
 *	  The milestone state has a fixed layout (a ring of daily counts, room
 *	  for funnel samples) and is mostly zeros: about 940 bytes of which a
 *	  typical user fills 150.  PostgreSQL compresses a value only when its
 *	  row passes about 2 kB, so the type packs itself.  Pure C, no
 *	  PostgreSQL headers.
 *
 *	  The format is a sequence of runs, each a control byte c and its bytes:
 *	    c <  0x80: c + 1 literal bytes follow (1 to 128);
 *	    c >= 0x80: c - 0x7f zero bytes (1 to 128), nothing follows.
 *	  Packing is deterministic: the same input gives the same bytes.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_ZEROPACK_H
#define SUM_ZEROPACK_H

#include <stdbool.h>
#include <stddef.h>

/* the most bytes sum_zp_pack() writes for len input bytes */
#define SUM_ZP_BOUND(len)	((len) + ((len) + 127) / 128)

/* sum_zp_pack: pack in[0..len) into out (SUM_ZP_BOUND(len) bytes); its length */
extern size_t sum_zp_pack(const unsigned char *in, size_t len, unsigned char *out);

/*
 * sum_zp_unpack: unpack in[0..inlen) into exactly outlen bytes of out.
 * false when the input is malformed: a literal run cut short, or runs that
 * come to more or fewer than outlen bytes.  Never writes past out[outlen).
 */
extern bool sum_zp_unpack(const unsigned char *in, size_t inlen, unsigned char *out, size_t outlen);

#endif							/* SUM_ZEROPACK_H */
