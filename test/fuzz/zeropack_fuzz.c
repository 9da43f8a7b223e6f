/*
 * test/fuzz/zeropack_fuzz.c
 *	  libFuzzer harness for zero-run packing: any bytes, read as a packed
 *	  string for any length, unpack without reading or writing out of
 *	  bounds; any bytes, packed, stay within the bound and unpack to
 *	  themselves, and their packed form is the only length that unpacks.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zeropack.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		outlen,
				n;
	unsigned char *out,
			   *packed,
			   *back;

	/* the input as a packed string, for a length taken from its first bytes */
	if (size >= 2)
	{
		outlen = ((size_t) data[0] << 8 | data[1]) % 8192;
		out = malloc(outlen ? outlen : 1);
		if (sum_zp_unpack(data + 2, size - 2, out, outlen))
		{
			/* well-formed: repacking and unpacking gives the same bytes */
			packed = malloc(SUM_ZP_BOUND(outlen) + 1);
			back = malloc(outlen ? outlen : 1);
			n = sum_zp_pack(out, outlen, packed);
			if (n > SUM_ZP_BOUND(outlen) ||
				!sum_zp_unpack(packed, n, back, outlen) || memcmp(back, out, outlen) != 0)
				abort();
			free(packed);
			free(back);
		}
		free(out);
	}

	/* the input as a string to pack */
	packed = malloc(SUM_ZP_BOUND(size) + 1);
	back = malloc(size + 1);
	n = sum_zp_pack(data, size, packed);
	if (n > SUM_ZP_BOUND(size) || !sum_zp_unpack(packed, n, back, size) || memcmp(back, data, size) != 0)
		abort();
	if (sum_zp_unpack(packed, n, back, size + 1) || (size > 0 && sum_zp_unpack(packed, n, back, size - 1)))
		abort();
	free(packed);
	free(back);
	return 0;
}
