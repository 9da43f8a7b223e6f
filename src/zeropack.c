/*-------------------------------------------------------------------------
 *
 * zeropack.c
 *	  Runs of zero bytes squeezed out of a byte string (see zeropack.h).
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "zeropack.h"

/*
 * A zero run shorter than this stays inside the literal run around it:
 * cutting the literal there would cost a control byte on each side.
 */
#define MIN_ZERO_RUN	3

static size_t
PutLiterals(const unsigned char *in, size_t n, unsigned char *out)
{
	size_t		w = 0;

	while (n > 0)
	{
		size_t		k = n > 128 ? 128 : n;

		out[w++] = (unsigned char) (k - 1);
		memcpy(out + w, in, k);
		w += k;
		in += k;
		n -= k;
	}
	return w;
}

size_t
sum_zp_pack(const unsigned char *in, size_t len, unsigned char *out)
{
	size_t		w = 0,
				i = 0,
				lit = 0;		/* where the pending literal run starts */

	while (i < len)
	{
		size_t		j;

		if (in[i] != 0)
		{
			i++;
			continue;
		}
		for (j = i; j < len && in[j] == 0; j++)
			;
		/* (a short run at either end needs no literal cut: pack it too) */
		if (j - i >= MIN_ZERO_RUN || i == lit || j == len)
		{
			size_t		run = j - i;

			w += PutLiterals(in + lit, i - lit, out + w);
			while (run > 0)
			{
				size_t		k = run > 128 ? 128 : run;

				out[w++] = (unsigned char) (0x80 + k - 1);
				run -= k;
			}
			lit = j;
		}
		i = j;
	}
	w += PutLiterals(in + lit, len - lit, out + w);
	return w;
}

bool
sum_zp_unpack(const unsigned char *in, size_t inlen, unsigned char *out, size_t outlen)
{
	size_t		r = 0,
				w = 0;

	while (r < inlen)
	{
		unsigned	c = in[r++];
		size_t		k = (c & 0x7f) + 1;

		if (k > outlen - w)
			return false;
		if (c & 0x80)
			memset(out + w, 0, k);
		else
		{
			if (k > inlen - r)
				return false;
			memcpy(out + w, in + r, k);
			r += k;
		}
		w += k;
	}
	return w == outlen;
}
