/*
 * test/fuzz/milestone_fuzz.c
 *	  libFuzzer harness for the milestone state and the window_funnel state.
 *
 *	  First byte 0: the rest is a milestone state as it would reach
 *	  sum.milestone_state_in/recv or a combine function.  The checker must
 *	  accept or reject it without reading outside it; an accepted state must
 *	  survive evaluation, usage figures and a merge with itself.
 *
 *	  First byte 1: the rest is a window_funnel state as a parallel worker
 *	  would send it; an accepted one must evaluate and serialize back to an
 *	  equivalent state.
 *
 *	  First byte 2: the rest is a list of 9-byte events (name, time); a
 *	  state built from them must pass the checker, and the state merged from
 *	  the two halves must equal it byte for byte.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc
 *        test/fuzz/milestone_fuzz.c src/milestone.c src/funnel.c src/core.c
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "funnel.h"
#include "milestone.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define DAY SUM_MS_USECS_PER_DAY

static SumMsDef defs[] = {
	{SUM_MS_FIRST_EVENT, 0, 1, 0, -1, 0, 0, 0, 0},
	{SUM_MS_EVENT_COUNT, 0, 1, 3, 7, 0, 0, 0, 0},
	{SUM_MS_FUNNEL, 0, 3, 0, 2, DAY / 4, 0, 0, 0},
	{SUM_MS_ACTIVE_DAYS, SUM_MS_ANY_EVENT, 1, 3, 14, 0, 0, 0, 0},
	{SUM_MS_PAYWALL, 0, 1, 2, 7, 0, 0, 0, 0},
	{SUM_MS_USAGE_DROP, SUM_MS_ANY_EVENT, 1, 0, -1, 0, 50, 2, 0},
	{SUM_MS_USAGE_DROP, 0, 1, 0, -1, 0, 50, 1, 0},
	{SUM_MS_INACTIVITY, 0, 1, 1, 3, 0, 0, 0, 0},
};

#define NDEFS ((int) (sizeof(defs) / sizeof(defs[0])))

static size_t layout_size = 0;

/* event names 0..3 feed these (definition, step) pairs; 3 is other */
static const SumMsMatch feeds[4][4] = {
	{{0, 0}, {1, 0}, {2, 0}, {3, 0}},
	{{2, 1}, {4, 0}, {6, 0}, {3, 0}},
	{{2, 2}, {7, 0}, {1, 0}, {3, 0}},
	{{3, 0}, {3, 0}, {3, 0}, {3, 0}},
};
static const int nfeeds[4] = {4, 4, 4, 1};

static int32_t
day_of(int64_t ts)
{
	return (int32_t) (ts >= 0 ? ts / DAY : -((-ts + DAY - 1) / DAY));
}

static void
fuzz_state(const uint8_t *data, size_t size)
{
	const char *why;
	unsigned char *st,
			   *twice;

	if (sum_ms_check(data, size, &why) != 0)
		return;
	st = malloc(size);
	memcpy(st, data, size);
	{
		SumMsUsage	u;
		SumMsResult r[NDEFS];

		sum_ms_usage(st, 1000, &u);
		sum_ms_usage(st, INT32_MIN + 1, &u);
		sum_ms_usage(st, INT32_MAX - 1, &u);
		if (sum_ms_same_layout(st, size, defs, NDEFS))
		{
			sum_ms_evaluate(st, defs, NDEFS, 1000 * DAY, 1000, r);
			sum_ms_evaluate(st, defs, NDEFS, INT64_MAX - 1, INT32_MAX - 1, r);
			sum_ms_evaluate(st, defs, NDEFS, INT64_MIN + 1, INT32_MIN + 1, r);
		}
	}
	twice = malloc(size);
	memcpy(twice, st, size);
	if (sum_ms_merge(twice, st, size) == SUM_MS_OK && sum_ms_check(twice, size, &why) != 0)
		abort();				/* merging valid states gave an invalid one */
	free(twice);
	free(st);
}

static void
fuzz_funnel(const uint8_t *data, size_t size)
{
	SumFunnel	f,
				back;
	const char *why;
	int			level;
	unsigned char *buf;
	size_t		n;

	if (sum_funnel_deserialize(&f, data, size, &why) != SUM_FUNNEL_OK)
		return;
	level = sum_funnel_level(&f);
	if (level < 0 || level > f.nsteps)
		abort();
	n = sum_funnel_serial_size(&f);
	buf = malloc(n);
	sum_funnel_serialize(&f, buf);
	if (sum_funnel_deserialize(&back, buf, n, &why) != SUM_FUNNEL_OK ||
		sum_funnel_level(&back) != level)
		abort();
	if (sum_funnel_merge(&back, &f) != SUM_FUNNEL_OK)
		abort();
	/* a set merged with itself has the same events; only strict_deduplication
	 * can see the duplicates */
	if (!(f.modes & SUM_FUNNEL_STRICT_DEDUPLICATION) && sum_funnel_level(&back) != level)
		abort();
	sum_funnel_free(&back);
	sum_funnel_free(&f);
	free(buf);
}

static void
fuzz_events(const uint8_t *data, size_t size)
{
	size_t		nev = size / 9,
				i;
	unsigned char *one = malloc(layout_size),
			   *a = malloc(layout_size),
			   *b = malloc(layout_size);
	const char *why;

	sum_ms_init(one, defs, NDEFS, 7, true, 0, 0);
	sum_ms_init(a, defs, NDEFS, 7, true, 0, 0);
	sum_ms_init(b, defs, NDEFS, 7, true, 0, 0);
	for (i = 0; i < nev; i++)
	{
		int			name = data[9 * i] % 4;
		int64_t		ts;

		memcpy(&ts, data + 9 * i + 1, 8);
		ts %= 4000 * DAY;		/* ~ +-11 years around 2000 */
		sum_ms_add(one, defs, NDEFS, ts, day_of(ts), feeds[name], nfeeds[name]);
		sum_ms_add(i % 2 ? a : b, defs, NDEFS, ts, day_of(ts), feeds[name], nfeeds[name]);
	}
	if (sum_ms_check(one, layout_size, &why) != 0)
		abort();
	if (sum_ms_merge(a, b, layout_size) != SUM_MS_OK || memcmp(a, one, layout_size) != 0)
		abort();
	fuzz_state(one, layout_size);
	free(one);
	free(a);
	free(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (layout_size == 0)
		layout_size = sum_ms_layout(defs, NDEFS);
	if (size < 1)
		return 0;
	switch (data[0])
	{
		case 0:
			fuzz_state(data + 1, size - 1);
			break;
		case 1:
			fuzz_funnel(data + 1, size - 1);
			break;
		case 2:
			fuzz_events(data + 1, size - 1);
			break;
		default:
			break;
	}
	return 0;
}
