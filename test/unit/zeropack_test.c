/*
 * test/unit/zeropack_test.c
 *	  Unit tests of zero-run packing: encodings worked out by hand, round
 *	  trips of random sparse strings within the bound, and the unpacker on
 *	  malformed input.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>

#include "tap.h"
#include "zeropack.h"

/* Packs(in, want): in packs to exactly want, and unpacks back */
static int
Packs(const unsigned char *in, size_t len, const unsigned char *want, size_t wantlen)
{
	unsigned char out[64],
				back[64];
	size_t		n = sum_zp_pack(in, len, out);

	return n == wantlen && memcmp(out, want, n) == 0 &&
		sum_zp_unpack(out, n, back, len) && memcmp(back, in, len) == 0;
}

static void
TestByHand(void)
{
	ok(Packs((const unsigned char *) "", 0, (const unsigned char *) "", 0), "nothing packs to nothing");
	ok(Packs((const unsigned char[]) {1, 0, 0, 0, 2}, 5, (const unsigned char[]) {0x00, 1, 0x82, 0x00, 2}, 5),
	   "three zeros between literals: one control byte");
	ok(Packs((const unsigned char[]) {5, 0, 6}, 3, (const unsigned char[]) {0x02, 5, 0, 6}, 4),
	   "a lone zero inside a literal run stays in it");
	ok(Packs((const unsigned char[]) {5, 0, 0, 6}, 4, (const unsigned char[]) {0x03, 5, 0, 0, 6}, 5),
	   "so do two");
	ok(Packs((const unsigned char[]) {0, 0, 7}, 3, (const unsigned char[]) {0x81, 0x00, 7}, 3),
	   "zeros at the start are a zero run however short");
	ok(Packs((const unsigned char[]) {7, 0}, 2, (const unsigned char[]) {0x00, 7, 0x80}, 3),
	   "and at the end");
	{
		unsigned char z[300],
					out[8],
					back[300];
		size_t		n;

		memset(z, 0, sizeof(z));
		n = sum_zp_pack(z, sizeof(z), out);
		ok(n == 3 && out[0] == 0xff && out[1] == 0xff && out[2] == 0x80 + 43,
		   "300 zeros: runs of 128, 128 and 44");
		ok(sum_zp_unpack(out, n, back, sizeof(back)) && memcmp(back, z, sizeof(z)) == 0, "and back");
	}
	{
		unsigned char lit[200],
					out[SUM_ZP_BOUND(200)],
					back[200];
		size_t		n;
		int			i;

		for (i = 0; i < 200; i++)
			lit[i] = (unsigned char) (i % 255 + 1);
		n = sum_zp_pack(lit, sizeof(lit), out);
		ok(n == 202 && n == SUM_ZP_BOUND(200) && out[0] == 127 && out[129] == 71,
		   "200 bytes without a zero: literal runs of 128 and 72, the bound");
		ok(sum_zp_unpack(out, n, back, sizeof(back)) && memcmp(back, lit, sizeof(lit)) == 0, "and back");
	}
}

static void
TestRandom(void)
{
	int			failures = 0,
				over = 0,
				t;

	for (t = 0; t < 20000; t++)
	{
		size_t		len = tap_rand() % 3000,
					i,
					n;
		int			density = (int) (tap_rand() % 101);	/* percent of non-zero bytes */
		unsigned char *in = malloc(len + 1),
				   *out = malloc(SUM_ZP_BOUND(len) + 1),
				   *back = malloc(len + 1);

		for (i = 0; i < len; i++)
			in[i] = (int) (tap_rand() % 100) < density ? (unsigned char) (tap_rand() % 255 + 1) : 0;
		/* runs: zero stretches and dense stretches, as a state has */
		if (len > 0 && t % 3 == 0)
		{
			size_t		at = tap_rand() % len;

			memset(in + at, 0, tap_rand() % (len - at + 1));
		}
		n = sum_zp_pack(in, len, out);
		if (n > SUM_ZP_BOUND(len))
			over++;
		if (!sum_zp_unpack(out, n, back, len) || memcmp(back, in, len) != 0)
			failures++;
		/* one byte fewer or more than the real length is refused */
		if (len > 0 && sum_zp_unpack(out, n, back, len - 1))
			failures++;
		if (sum_zp_unpack(out, n, back, len + 1))
			failures++;
		free(in);
		free(out);
		free(back);
	}
	ok(failures == 0, "20000 random strings: unpack(pack(x)) = x, any other length refused (%d failed)", failures);
	ok(over == 0, "no packing exceeds SUM_ZP_BOUND (%d did)", over);
}

static void
TestMalformed(void)
{
	unsigned char out[16];

	ok(!sum_zp_unpack((const unsigned char[]) {0x03, 1, 2}, 3, out, 4), "a literal run cut short is refused");
	ok(!sum_zp_unpack((const unsigned char[]) {0x85}, 1, out, 4), "a zero run past the length is refused");
	ok(!sum_zp_unpack((const unsigned char[]) {0x01, 1, 2}, 3, out, 1), "a literal run past the length is refused");
	ok(!sum_zp_unpack((const unsigned char[]) {0x80}, 1, out, 2), "runs short of the length are refused");
	ok(sum_zp_unpack((const unsigned char[]) {0x80, 0x00, 9}, 3, out, 2) && out[0] == 0 && out[1] == 9,
	   "a non-canonical but well-formed input unpacks");
	ok(sum_zp_unpack((const unsigned char *) "", 0, out, 0), "nothing unpacks to nothing");
}

int
main(void)
{
	TestByHand();
	TestRandom();
	TestMalformed();
	return done_testing();
}
