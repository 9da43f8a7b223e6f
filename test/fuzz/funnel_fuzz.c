/*
 * test/fuzz/funnel_fuzz.c
 *	  libFuzzer harness for the window_funnel core: mode lists and event
 *	  streams.  (The serialized state is fuzzed by milestone_fuzz.c.)
 *
 *	  First byte even: the rest is a mode list as it reaches
 *	  sum.window_funnel(..., modes text); parsing must accept it with known
 *	  flags only, or point at the offending word inside the input.
 *
 *	  First byte odd: bytes 1..3 choose the step count, the modes and the
 *	  window; the rest is a list of 6-byte events (16-bit time, 32-bit step
 *	  mask).  The funnel level must not depend on the order of the events:
 *	  the stream added forwards, backwards, and as two halves merged, and
 *	  the forward state after a serialize round trip, all give one level.
 *
 *	  clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *		  test/fuzz/funnel_fuzz.c src/funnel.c src/core.c -o funnel_fuzz
 *	  ./funnel_fuzz test/fuzz/corpus/funnel
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "funnel.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define EVENT_SIZE 6

static void
FuzzModes(const uint8_t *data, size_t size)
{
	int			modes = -1;
	const char *bad = NULL;
	size_t		badlen = 0;
	int			rc;

	rc = sum_funnel_parse_modes((const char *) data, size, &modes, &bad, &badlen);
	if (rc == SUM_FUNNEL_OK)
	{
		if (modes < 0 || (modes & ~SUM_FUNNEL_MODE_MASK) != 0)
			abort();
		if ((modes & SUM_FUNNEL_ALLOW_REENTRY) && !(modes & SUM_FUNNEL_STRICT_ORDER))
			abort();			/* must have been rejected */
		return;
	}
	if (rc != SUM_FUNNEL_MODE_UNKNOWN && rc != SUM_FUNNEL_MODE_STRICT &&
		rc != SUM_FUNNEL_MODE_UNSUPPORTED && rc != SUM_FUNNEL_MODE_REENTRY)
		abort();
	/* the error message quotes the offending word, which lies in the input */
	if (rc != SUM_FUNNEL_MODE_REENTRY &&
		((const uint8_t *) bad < data || (const uint8_t *) bad + badlen > data + size))
		abort();
}

static int64_t
EventTime(const uint8_t *p)
{
	return (int64_t) (int16_t) (p[0] | (p[1] << 8)) * 1000;
}

static uint32_t
EventSteps(const uint8_t *p, int nsteps)
{
	uint32_t	s = (uint32_t) p[2] | ((uint32_t) p[3] << 8) |
		((uint32_t) p[4] << 16) | ((uint32_t) p[5] << 24);

	return nsteps == 32 ? s : s & ((1u << nsteps) - 1);
}

static void
FuzzEvents(const uint8_t *data, size_t size)
{
	SumFunnel	fwd,
				back,
				a,
				b,
				round;
	int			nsteps,
				modes,
				level;
	int64_t		window;
	size_t		nev,
				i,
				half;
	const char *why;
	unsigned char *buf;
	size_t		len;

	if (size < 3)
		return;
	nsteps = 1 + data[0] % SUM_FUNNEL_MAX_STEPS;
	modes = data[1] & SUM_FUNNEL_MODE_MASK;
	if (!(modes & SUM_FUNNEL_STRICT_ORDER))
		modes &= ~SUM_FUNNEL_ALLOW_REENTRY;
	window = (int64_t) data[2] * 500;
	data += 3;
	size -= 3;
	nev = size / EVENT_SIZE;
	half = nev / 2;

	sum_funnel_init(&fwd, nsteps, modes, window);
	sum_funnel_init(&back, nsteps, modes, window);
	sum_funnel_init(&a, nsteps, modes, window);
	sum_funnel_init(&b, nsteps, modes, window);
	for (i = 0; i < nev; i++)
	{
		const uint8_t *p = data + i * EVENT_SIZE;
		const uint8_t *q = data + (nev - 1 - i) * EVENT_SIZE;

		if (sum_funnel_add(&fwd, EventTime(p), EventSteps(p, nsteps)) != SUM_FUNNEL_OK ||
			sum_funnel_add(&back, EventTime(q), EventSteps(q, nsteps)) != SUM_FUNNEL_OK ||
			sum_funnel_add(i < half ? &a : &b, EventTime(p),
						   EventSteps(p, nsteps)) != SUM_FUNNEL_OK)
			abort();
		/* evaluating midway must not change what the state means */
		if (i == half)
			(void) sum_funnel_level(&fwd);
	}
	if (sum_funnel_merge(&b, &a) != SUM_FUNNEL_OK)
		abort();

	level = sum_funnel_level(&fwd);
	if (level < 0 || level > nsteps)
		abort();
	if (sum_funnel_level(&back) != level || sum_funnel_level(&b) != level)
		abort();

	len = sum_funnel_serial_size(&fwd);
	buf = malloc(len);
	sum_funnel_serialize(&fwd, buf);
	if (sum_funnel_deserialize(&round, buf, len, &why) != SUM_FUNNEL_OK ||
		sum_funnel_level(&round) != level)
		abort();
	free(buf);

	sum_funnel_free(&round);
	sum_funnel_free(&fwd);
	sum_funnel_free(&back);
	sum_funnel_free(&a);
	sum_funnel_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if (data[0] & 1)
		FuzzEvents(data + 1, size - 1);
	else
		FuzzModes(data + 1, size - 1);
	return 0;
}
