/*
 * test/unit/funnel_test.c
 *	  Unit tests of the window_funnel core: mode parsing, the scan against a
 *	  brute-force definition, independence of input order and of how the
 *	  rows are split between partial states, and the binary form.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>

#include "funnel.h"
#include "tap.h"

static uint32_t
next_rand(void)
{
	return (uint32_t) (tap_rand() >> 11);
}

typedef struct Row
{
	int64_t		ts;
	uint32_t	steps;
} Row;

static int
level_of(const Row *rows, int n, int nsteps, int modes, int64_t window)
{
	SumFunnel	f;
	int			i,
				level;

	sum_funnel_init(&f, nsteps, modes, window);
	for (i = 0; i < n; i++)
		if (sum_funnel_add(&f, rows[i].ts, rows[i].steps) != SUM_FUNNEL_OK)
			return -1;
	level = sum_funnel_level(&f);
	sum_funnel_free(&f);
	return level;
}

/*
 * Default mode by definition: the longest L with events e1..eL, ei matching
 * step i, t1 <= t2 <= ... <= tL and tL - t1 <= window (one row may serve
 * several steps).  Exhaustive search over small inputs.
 */
static int
extend(const Row *rows, int n, int nsteps, int64_t window, int step,
	   int64_t start, int64_t prev)
{
	int			best = step;
	int			i;

	if (step == nsteps)
		return step;
	for (i = 0; i < n; i++)
	{
		if (!(rows[i].steps & (1u << step)) || rows[i].ts < prev)
			continue;
		if (rows[i].ts - start > window)
			continue;
		{
			int			l = extend(rows, n, nsteps, window, step + 1, start, rows[i].ts);

			if (l > best)
				best = l;
		}
	}
	return best;
}

static int
brute_default(const Row *rows, int n, int nsteps, int64_t window)
{
	int			best = 0;
	int			i;

	for (i = 0; i < n; i++)
		if (rows[i].steps & 1u)
		{
			int			l = extend(rows, n, nsteps, window, 1, rows[i].ts, rows[i].ts);

			if (l > best)
				best = l;
		}
	return best;
}

static void
shuffle(Row *rows, int n)
{
	int			i;

	for (i = n - 1; i > 0; i--)
	{
		int			j = next_rand() % (i + 1);
		Row			t = rows[i];

		rows[i] = rows[j];
		rows[j] = t;
	}
}

static void
random_rows(Row *rows, int n, int nsteps, int span, bool multi)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		rows[i].ts = next_rand() % span;
		if (multi)
			rows[i].steps = next_rand() & ((1u << nsteps) - 1) & next_rand();
		else
		{
			int			s = next_rand() % (nsteps + 1);

			rows[i].steps = s == 0 ? 0 : 1u << (s - 1);
		}
	}
}

int
main(void)
{
	int			modes;
	const char *bad;
	size_t		badlen;
	int			round;
	int			mismatches;
	static const int all_modes[] = {
		0,
		SUM_FUNNEL_STRICT_DEDUPLICATION,
		SUM_FUNNEL_STRICT_ORDER,
		SUM_FUNNEL_STRICT_INCREASE,
		SUM_FUNNEL_STRICT_ORDER | SUM_FUNNEL_ALLOW_REENTRY,
		SUM_FUNNEL_STRICT_DEDUPLICATION | SUM_FUNNEL_STRICT_ORDER | SUM_FUNNEL_STRICT_INCREASE,
	};

	/* mode parsing */
	ok(sum_funnel_parse_modes("", strlen(""), &modes, &bad, &badlen) == SUM_FUNNEL_OK && modes == 0,
	   "empty mode string is the default mode");
	ok(sum_funnel_parse_modes(" strict_order , strict_increase", strlen(" strict_order , strict_increase"), &modes, &bad, &badlen) == SUM_FUNNEL_OK &&
	   modes == (SUM_FUNNEL_STRICT_ORDER | SUM_FUNNEL_STRICT_INCREASE),
	   "two modes with blanks");
	ok(sum_funnel_parse_modes("strict_order,", strlen("strict_order,"), &modes, &bad, &badlen) == SUM_FUNNEL_OK &&
	   modes == SUM_FUNNEL_STRICT_ORDER, "a trailing comma is ignored");
	ok(sum_funnel_parse_modes("strict", strlen("strict"), &modes, &bad, &badlen) == SUM_FUNNEL_MODE_STRICT,
	   "'strict' is reported as ClickHouse's old name");
	ok(sum_funnel_parse_modes("strict_once", strlen("strict_once"), &modes, &bad, &badlen) == SUM_FUNNEL_MODE_UNSUPPORTED,
	   "strict_once is not supported");
	ok(sum_funnel_parse_modes("allow_reentry", strlen("allow_reentry"), &modes, &bad, &badlen) == SUM_FUNNEL_MODE_REENTRY,
	   "allow_reentry needs strict_order");
	ok(sum_funnel_parse_modes("strict_order,Strict_increase", strlen("strict_order,Strict_increase"), &modes, &bad, &badlen) == SUM_FUNNEL_MODE_UNKNOWN &&
	   badlen == 15 && memcmp(bad, "Strict_increase", 15) == 0,
	   "an unknown word is pointed at");

	/* hand cases */
	{
		Row			r[] = {{50, 4}, {0, 1}, {20, 2}};

		ok(level_of(r, 3, 3, 0, 60) == 3, "a, b, c within the window, scrambled");
		ok(level_of(r, 3, 3, 0, 49) == 2, "c just outside the window");
		ok(level_of(r, 3, 3, 0, 50) == 3, "the window is inclusive");
	}
	{
		Row			r[] = {{5, 7}};

		ok(level_of(r, 1, 3, 0, 0) == 3, "one row matching every step fills all of them");
		ok(level_of(r, 1, 3, SUM_FUNNEL_STRICT_INCREASE, 0) == 1, "but not under strict_increase");
	}
	{
		Row			r[] = {{0, 1}, {5, 2}, {6, 1}, {7, 2}, {7, 4}};

		ok(level_of(r, 5, 3, SUM_FUNNEL_STRICT_INCREASE, 100) == 2,
		   "strict_increase keeps ClickHouse's greedy scan");
	}
	{
		Row			r[] = {{0, 1}, {1, 2}, {2, 0}, {3, 4}};

		ok(level_of(r, 4, 3, 0, 10) == 3, "other rows do not matter by default");
		ok(level_of(r, 4, 3, SUM_FUNNEL_STRICT_ORDER, 10) == 2, "other rows interrupt under strict_order");
	}
	ok(level_of(NULL, 0, 3, 0, 10) == 0, "no rows, level 0");

	/* the scan equals the definition in default mode */
	mismatches = 0;
	for (round = 0; round < 3000; round++)
	{
		Row			rows[12];
		int			n = next_rand() % 12;
		int			nsteps = 1 + next_rand() % 4;
		int64_t		window = next_rand() % 8;

		random_rows(rows, n, nsteps, 20, round % 2 == 0);
		if (level_of(rows, n, nsteps, 0, window) != brute_default(rows, n, nsteps, window))
			mismatches++;
	}
	ok(mismatches == 0, "default mode equals the brute-force definition on 3000 random sets (%d differ)", mismatches);

	/* order and splits do not matter, in any mode */
	mismatches = 0;
	for (round = 0; round < 3000; round++)
	{
		Row			rows[200];
		int			n = next_rand() % 200;
		int			nsteps = 1 + next_rand() % 5;
		int64_t		window = next_rand() % 30;
		int			m = all_modes[round % 6];
		int			want,
					i,
					parts = 1 + next_rand() % 4;
		SumFunnel	part[4],
					all;

		random_rows(rows, n, nsteps, 100, round % 3 == 0);
		want = level_of(rows, n, nsteps, m, window);
		shuffle(rows, n);
		if (level_of(rows, n, nsteps, m, window) != want)
			mismatches++;

		for (i = 0; i < parts; i++)
			sum_funnel_init(&part[i], nsteps, m, window);
		for (i = 0; i < n; i++)
			sum_funnel_add(&part[next_rand() % parts], rows[i].ts, rows[i].steps);
		sum_funnel_init(&all, 0, 0, 0);
		for (i = 0; i < parts; i++)
		{
			/* a serialized round trip on the way, as parallel workers do */
			size_t		size = sum_funnel_serial_size(&part[i]);
			unsigned char *buf = malloc(size);
			SumFunnel	back;
			const char *why;

			sum_funnel_serialize(&part[i], buf);
			if (sum_funnel_deserialize(&back, buf, size, &why) != SUM_FUNNEL_OK ||
				sum_funnel_merge(&all, &back) != SUM_FUNNEL_OK)
				mismatches++;
			sum_funnel_free(&back);
			sum_funnel_free(&part[i]);
			free(buf);
		}
		if (sum_funnel_level(&all) != want)
			mismatches++;
		sum_funnel_free(&all);
	}
	ok(mismatches == 0, "shuffled rows and merged random splits give the one-pass level (%d differ)", mismatches);

	/* a complete default-mode funnel forgets its events */
	{
		SumFunnel	f;
		int			i;

		sum_funnel_init(&f, 2, 0, 10);
		for (i = 0; i < 100000; i++)
			sum_funnel_add(&f, i, 1u << (i % 2));
		ok(f.complete && f.n == 0, "a complete default funnel holds no events");
		ok(sum_funnel_level(&f) == 2, "and still answers 2");
		sum_funnel_free(&f);

		sum_funnel_init(&f, 2, SUM_FUNNEL_STRICT_ORDER, 10);
		for (i = 0; i < 1000; i++)
			sum_funnel_add(&f, i / 3, 1u << (i % 2));
		ok(!f.complete && f.n <= 334, "strict modes keep one entry per timestamp (%u)", f.n);
		sum_funnel_free(&f);
	}

	/* malformed binary forms are rejected, never read past their end */
	{
		SumFunnel	f,
					back;
		unsigned char buf[16 + 16 * 3];
		size_t		size;
		const char *why = NULL;
		int			bad_ok = 1;
		size_t		cut;

		sum_funnel_init(&f, 3, SUM_FUNNEL_STRICT_ORDER, 100);
		sum_funnel_add(&f, 1, 1);
		sum_funnel_add(&f, 2, 0);
		sum_funnel_add(&f, 3, 4);
		size = sum_funnel_serial_size(&f);
		ok(size == sizeof(buf), "serialized size %zu", size);
		sum_funnel_serialize(&f, buf);
		ok(sum_funnel_deserialize(&back, buf, size, &why) == SUM_FUNNEL_OK &&
		   sum_funnel_level(&back) == sum_funnel_level(&f), "round trip");
		sum_funnel_free(&back);
		for (cut = 0; cut < size; cut++)
			if (sum_funnel_deserialize(&back, buf, cut, &why) <= 0)
				bad_ok = 0;
		ok(bad_ok, "every truncation is rejected");
		buf[0] = 2;
		ok(sum_funnel_deserialize(&back, buf, size, &why) > 0, "unknown version: %s", why);
		buf[0] = 1;
		buf[1] = 33;
		ok(sum_funnel_deserialize(&back, buf, size, &why) > 0, "too many steps: %s", why);
		buf[1] = 2;
		ok(sum_funnel_deserialize(&back, buf, size, &why) > 0, "an entry for step 3 of 2: %s", why);
		buf[1] = 3;
		buf[2] = SUM_FUNNEL_ALLOW_REENTRY;
		ok(sum_funnel_deserialize(&back, buf, size, &why) > 0, "allow_reentry alone: %s", why);
		buf[2] = SUM_FUNNEL_STRICT_ORDER;
		buf[4] = 200;
		ok(sum_funnel_deserialize(&back, buf, size, &why) > 0, "a count beyond the data: %s", why);
		sum_funnel_free(&f);
	}

	return done_testing();
}
