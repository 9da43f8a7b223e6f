/*
 * test/unit/milestone_test.c
 *	  Unit tests of the milestone state core: a state merged from random
 *	  splits of the events is byte for byte the one-pass state, every kind
 *	  agrees with a brute-force evaluation over the raw events, and the
 *	  checker rejects malformed states.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>

#include "milestone.h"
#include "tap.h"

#define DAY SUM_MS_USECS_PER_DAY
#define HOUR (DAY / 24)

static uint32_t
next_rand(void)
{
	return (uint32_t) (tap_rand() >> 11);
}

/* UTC days: the glue uses milestones.timezone, the core only sees numbers */
static int32_t
day_of(int64_t ts)
{
	return (int32_t) (ts >= 0 ? ts / DAY : -((-ts + DAY - 1) / DAY));
}

/* event names 0..5; definitions below refer to them by number */
enum
{
	EV_A, EV_B, EV_C, EV_PAY, EV_X, EV_Y, NEV
};

static SumMsDef defs[] = {
	{SUM_MS_FIRST_EVENT, 0, 1, 0, -1, 0, 0, 0, 0},	/* 0: first B */
	{SUM_MS_EVENT_COUNT, 0, 1, 3, 7, 0, 0, 0, 0},	/* 1: 3 of A/B within 7 days */
	{SUM_MS_EVENT_COUNT, 0, 1, 4, -1, 0, 0, 0, 0},	/* 2: 4 of C ever */
	{SUM_MS_FUNNEL, 0, 3, 0, -1, 6 * HOUR, 0, 0, 0},	/* 3: A, B, C within 6 h */
	{SUM_MS_FUNNEL, 0, 2, 0, 10, 2 * DAY, 0, 0, 0},	/* 4: B, A within 2 days, in 10 days */
	{SUM_MS_ACTIVE_DAYS, SUM_MS_ANY_EVENT, 1, 3, 14, 0, 0, 0, 0},	/* 5: 3 days of 14 */
	{SUM_MS_ACTIVE_DAYS, 0, 1, 2, -1, 0, 0, 0, 0},	/* 6: 2 days with C */
	{SUM_MS_PAYWALL, 0, 1, 2, 7, 0, 0, 0, 0},	/* 7: 2 paywall hits in 7 days */
	{SUM_MS_USAGE_DROP, SUM_MS_ANY_EVENT, 1, 0, -1, 0, 50, 2, 0},	/* 8 */
	{SUM_MS_USAGE_DROP, 0, 1, 0, -1, 0, 50, 1, 0},	/* 9: drop in X */
	{SUM_MS_INACTIVITY, SUM_MS_ANY_EVENT, 1, 2, 5, 0, 0, 0, 0},	/* 10: quiet 5 days */
	{SUM_MS_INACTIVITY, 0, 1, 1, 3, 0, 0, 0, 0},	/* 11: no Y for 3 days */
};

#define NDEFS ((int) (sizeof(defs) / sizeof(defs[0])))

/* which (def, step) pairs each event name feeds, including the any-event defs */
static SumMsMatch matches[NEV][8];
static int	nmatches[NEV];

static void
add_match(int ev, int def, int step)
{
	matches[ev][nmatches[ev]].def = def;
	matches[ev][nmatches[ev]].step = step;
	nmatches[ev]++;
}

static void
setup_matches(void)
{
	int			e;

	add_match(EV_B, 0, 0);
	add_match(EV_A, 1, 0);
	add_match(EV_B, 1, 0);
	add_match(EV_C, 2, 0);
	add_match(EV_A, 3, 0);
	add_match(EV_B, 3, 1);
	add_match(EV_C, 3, 2);
	add_match(EV_B, 4, 0);
	add_match(EV_A, 4, 1);
	add_match(EV_C, 6, 0);
	add_match(EV_PAY, 7, 0);
	add_match(EV_X, 9, 0);
	add_match(EV_Y, 11, 0);
	for (e = 0; e < NEV; e++)
		add_match(e, 5, 0);
}

typedef struct Ev
{
	int			name;
	int64_t		ts;
} Ev;

static unsigned char *
build(const Ev *evs, int n, size_t size, bool has_signup, int64_t signup)
{
	unsigned char *st = malloc(size);
	int			i;

	sum_ms_init(st, defs, NDEFS, 42, has_signup, signup, day_of(signup));
	for (i = 0; i < n; i++)
		sum_ms_add(st, defs, NDEFS, evs[i].ts, day_of(evs[i].ts),
				   matches[evs[i].name], nmatches[evs[i].name]);
	return st;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t		x = *(const int64_t *) a,
				y = *(const int64_t *) b;

	return x < y ? -1 : x > y;
}

/*
 * The earliest completion of a funnel over all events, by definition: for
 * each start, take the earliest event of each next step at or after the
 * previous one (the earliest possible end for that start), and keep it when
 * it lies within the window.
 */
static int64_t
brute_funnel(const Ev *evs, int n, const int *steps, int nsteps, int64_t window,
			 bool horizon, int64_t signup, int64_t days)
{
	int64_t		best = INT64_MAX;
	int			i,
				j,
				k;

	for (i = 0; i < n; i++)
	{
		int64_t		t = evs[i].ts;
		bool		ok_ = true;

		if (evs[i].name != steps[0] ||
			(horizon && (t < signup || t - signup >= days * DAY)))
			continue;
		for (k = 1; k < nsteps && ok_; k++)
		{
			int64_t		next = INT64_MAX;

			for (j = 0; j < n; j++)
				if (evs[j].name == steps[k] && evs[j].ts >= t && evs[j].ts < next &&
					!(horizon && (evs[j].ts < signup || evs[j].ts - signup >= days * DAY)))
					next = evs[j].ts;
			ok_ = next != INT64_MAX;
			t = next;
		}
		if (ok_ && t - evs[i].ts <= window && t < best)
			best = t;
	}
	return best;
}

static int64_t
day_count(const Ev *evs, int n, int name, int64_t from, int64_t to, bool days_only)
{
	bool		seen[400];
	int64_t		c = 0;
	int			i;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < n; i++)
	{
		int64_t		d = day_of(evs[i].ts);

		if ((name >= 0 && evs[i].name != name) || d < from || d > to)
			continue;
		if (days_only)
		{
			if (!seen[d - from])
				c++;
			seen[d - from] = true;
		}
		else
			c++;
	}
	return c;
}

/* Brute-force evaluation of every definition; returns mismatches */
static int	reached_count[32];

/* last local day of events named name (-1: any), or INT32_MIN */
static int64_t
last_day(const Ev *evs, int n, int name)
{
	int64_t		d = INT32_MIN;
	int			i;

	for (i = 0; i < n; i++)
		if ((name < 0 || evs[i].name == name) && day_of(evs[i].ts) > d)
			d = day_of(evs[i].ts);
	return d;
}

/*
 * Can a ring of events named name answer for days from..as_of's day?  Not
 * when the window starts more than the ring's 42 days before its last day.
 */
static bool
covered(const Ev *evs, int n, int name, int64_t from)
{
	int64_t		rday = last_day(evs, n, name);

	return rday == INT32_MIN || from > rday - SUM_MS_RING_DAYS;
}

static int
check_against_brute(const unsigned char *st, const Ev *evs, int n, bool has_signup,
					int64_t signup, int64_t as_of, bool skip_funnels)
{
	SumMsResult res[NDEFS];
	int32_t		aday = day_of(as_of);
	int			bad = 0;
	int			i;
	int64_t		want;
	int64_t		list[1000];
	int			k;

	sum_ms_evaluate(st, defs, NDEFS, as_of, aday, res);
	for (i = 0; i < NDEFS; i++)
		reached_count[i] += res[i].reached;

#define EXPECT(def, w) \
	do { \
		int64_t w_ = (w); \
		bool reached_ = w_ != INT64_MAX; \
		if (res[def].reached != reached_ || (reached_ && res[def].reached_at != w_)) \
		{ \
			bad++; \
			printf("# def %d: got %d/%lld want %d/%lld\n", def, res[def].reached, \
				   (long long) res[def].reached_at, reached_, (long long) w_); \
		} \
	} while (0)

	/* 0: first B at or before as_of */
	want = INT64_MAX;
	for (i = 0; i < n; i++)
		if (evs[i].name == EV_B && evs[i].ts < want)
			want = evs[i].ts;
	EXPECT(0, want <= as_of ? want : INT64_MAX);

	/* 1: third A/B in [signup, signup + 7 days) */
	k = 0;
	for (i = 0; i < n; i++)
		if ((evs[i].name == EV_A || evs[i].name == EV_B) && has_signup &&
			evs[i].ts >= signup && evs[i].ts - signup < 7 * DAY)
			list[k++] = evs[i].ts;
	qsort(list, k, sizeof(int64_t), cmp_i64);
	EXPECT(1, k >= 3 && list[2] <= as_of ? list[2] : INT64_MAX);

	/* 2: fourth C ever */
	k = 0;
	for (i = 0; i < n; i++)
		if (evs[i].name == EV_C)
			list[k++] = evs[i].ts;
	qsort(list, k, sizeof(int64_t), cmp_i64);
	EXPECT(2, k >= 4 && list[3] <= as_of ? list[3] : INT64_MAX);

	/* 3, 4: funnels */
	{
		int			s3[] = {EV_A, EV_B, EV_C};
		int			s4[] = {EV_B, EV_A};

		if (!skip_funnels)
		{
			want = brute_funnel(evs, n, s3, 3, 6 * HOUR, false, 0, 0);
			EXPECT(3, want <= as_of ? want : INT64_MAX);
			want = has_signup ? brute_funnel(evs, n, s4, 2, 2 * DAY, true, signup, 10) : INT64_MAX;
			EXPECT(4, want <= as_of ? want : INT64_MAX);
		}
	}

	/* 5: third active day within the first 14 local days from sign-up */
	{
		int64_t		first_on[400];
		int			dcount = 0;
		int64_t		d;

		for (d = 0; d < 400; d++)
			first_on[d] = INT64_MAX;
		want = INT64_MAX;
		if (has_signup)
		{
			for (i = 0; i < n; i++)
			{
				d = (int64_t) day_of(evs[i].ts) - day_of(signup);
				if (evs[i].ts >= signup && d < 14 && evs[i].ts < first_on[d])
					first_on[d] = evs[i].ts;
			}
			for (d = 0; d < 14; d++)
				if (first_on[d] != INT64_MAX && ++dcount == 3)
				{
					want = first_on[d];
					break;
				}
		}
		EXPECT(5, want <= as_of ? want : INT64_MAX);
	}

	/* 6: second day with C (no horizon) */
	{
		int64_t		days[1000];
		int64_t		firsts[1000];
		int			nd = 0,
					j;

		for (i = 0; i < n; i++)
		{
			if (evs[i].name != EV_C)
				continue;
			for (j = 0; j < nd; j++)
				if (days[j] == day_of(evs[i].ts))
					break;
			if (j == nd)
			{
				days[nd] = day_of(evs[i].ts);
				firsts[nd++] = evs[i].ts;
			}
			else if (evs[i].ts < firsts[j])
				firsts[j] = evs[i].ts;
		}
		want = INT64_MAX;
		if (nd >= 2)
		{
			/* the second smallest day */
			int			a = 0,
						b = -1;

			for (j = 1; j < nd; j++)
				if (days[j] < days[a])
					a = j;
			for (j = 0; j < nd; j++)
				if (j != a && (b < 0 || days[j] < days[b]))
					b = j;
			want = firsts[b];
		}
		EXPECT(6, want <= as_of ? want : INT64_MAX);
	}

	/* 7: 2 paywall hits in the 7 days ending on as_of's day; at = last hit */
	{
		int64_t		c = day_count(evs, n, EV_PAY, aday - 6, aday, false);
		int64_t		last = INT64_MIN;

		for (i = 0; i < n; i++)
			if (evs[i].name == EV_PAY && evs[i].ts > last)
				last = evs[i].ts;
		EXPECT(7, c >= 2 && covered(evs, n, EV_PAY, aday - 6) ? (last < as_of ? last : as_of) : INT64_MAX);
	}

	/* 8, 9: usage drop against the 4 weeks before */
	{
		int			which;

		for (which = 8; which <= 9; which++)
		{
			int			name = which == 8 ? -1 : EV_X;
			double		recent = (double) day_count(evs, n, name, aday - 6, aday, false);
			double		base = (double) day_count(evs, n, name, aday - 34, aday - 7, false) / 4.0;

			EXPECT(which, base > 0 && base >= defs[which].min_baseline &&
				   recent < base * 0.5 && covered(evs, n, name, aday - 34) ? as_of : INT64_MAX);
		}
	}

	/* 10, 11: inactivity */
	{
		int64_t		last = INT64_MIN,
					lasty = INT64_MIN;
		int			cy = 0;

		for (i = 0; i < n; i++)
		{
			if (evs[i].ts > last)
				last = evs[i].ts;
			if (evs[i].name == EV_Y)
			{
				cy++;
				if (evs[i].ts > lasty)
					lasty = evs[i].ts;
			}
		}
		EXPECT(10, n >= 2 && last + 5 * DAY <= as_of ? last + 5 * DAY : INT64_MAX);
		EXPECT(11, cy >= 1 && lasty + 3 * DAY <= as_of ? lasty + 3 * DAY : INT64_MAX);
	}
	return bad;
}

int
main(void)
{
	size_t		size;
	int			round;
	int			split_bad = 0,
				eval_bad = 0,
				check_bad = 0;
	const char *why;

	tap_rng = UINT64_C(0x9e3779b97f4a7c15);	/* the cases this test was written with */
	setup_matches();
	size = sum_ms_layout(defs, NDEFS);
	ok(size > SUM_MS_HEADER_SIZE, "layout of %d definitions: %zu bytes", NDEFS, size);

	for (round = 0; round < 2000; round++)
	{
		Ev			evs[300];
		int			n = next_rand() % 300;
		int			span_days = 1 + next_rand() % 60;
		int64_t		base = (int64_t) (next_rand() % 4000) * DAY - 2000 * DAY;
		bool		has_signup = next_rand() % 5 != 0;
		int64_t		signup = base + (int64_t) (next_rand() % 3) * DAY + (next_rand() % 24) * HOUR;
		unsigned char *one,
				   *merged,
				   *part[4];
		int			parts = 1 + next_rand() % 4;
		int			i;
		int64_t		as_of;

		/* events: clustered in hours so that funnels complete now and then */
		for (i = 0; i < n; i++)
		{
			evs[i].name = next_rand() % NEV;
			evs[i].ts = base + (int64_t) (next_rand() % span_days) * DAY +
				(int64_t) (next_rand() % 24) * HOUR + (next_rand() % 3) * 60000000;
		}
		/* keep funnel steps under the sample size so the brute force applies */
		for (i = 0; i < n; i++)
			if (round % 2 == 0 && evs[i].name <= EV_C && next_rand() % 4 != 0)
				evs[i].name = EV_X;

		one = build(evs, n, size, has_signup, signup);
		if (sum_ms_check(one, size, &why) != 0)
		{
			check_bad++;
			printf("# one-pass state fails the check: %s\n", why);
		}

		/* random splits, merged in random order */
		for (i = 0; i < parts; i++)
			part[i] = build(NULL, 0, size, has_signup, signup);
		for (i = 0; i < n; i++)
		{
			int			p = next_rand() % parts;

			sum_ms_add(part[p], defs, NDEFS, evs[i].ts, day_of(evs[i].ts),
					   matches[evs[i].name], nmatches[evs[i].name]);
		}
		merged = build(NULL, 0, size, has_signup, signup);
		for (i = parts - 1; i >= 0; i--)
		{
			if (sum_ms_check(part[i], size, &why) != 0 ||
				sum_ms_merge(merged, part[i], size) != SUM_MS_OK)
				split_bad++;
			free(part[i]);
		}
		if (memcmp(one, merged, size) != 0)
		{
			split_bad++;
			printf("# round %d: merged state differs from one pass\n", round);
		}

		/* as_of: somewhere around the events, often after them */
		as_of = base + (int64_t) (next_rand() % (span_days + 50)) * DAY + (next_rand() % 24) * HOUR;
		if (round % 2 == 0)
		{
			/* funnel steps are few: the sampled funnel equals the full one */
			int			bad = check_against_brute(one, evs, n, has_signup, signup, as_of, false);

			if (bad)
				printf("# round %d: %d definitions differ from brute force\n", round, bad);
			eval_bad += bad;
		}
		else
		{
			/* any as_of at or after the last event's day is within the ring */
			int64_t		last = INT64_MIN;

			for (i = 0; i < n; i++)
				if (evs[i].ts > last)
					last = evs[i].ts;
			if (n > 0 && day_of(as_of) >= day_of(last))
			{
				/* funnel steps may exceed the sample here: skip defs 3 and 4 */
				eval_bad += check_against_brute(one, evs, n, has_signup, signup, as_of, true);
			}
		}
		free(one);
		free(merged);
	}
	ok(check_bad == 0, "every built state passes the checker");
	ok(split_bad == 0, "2000 random splits merge into the one-pass state, byte for byte (%d bad)", split_bad);
	ok(eval_bad == 0, "every kind agrees with a brute-force evaluation (%d mismatches)", eval_bad);
	{
		int			d,
					never = 0;

		printf("# reached per definition:");
		for (d = 0; d < NDEFS; d++)
		{
			printf(" %d", reached_count[d]);
			never += reached_count[d] == 0;
		}
		printf("\n");
		ok(never == 0, "the random data reaches every definition sometimes");
	}

	/* the funnel sample: more than 16 occurrences of step 1 before completing */
	{
		Ev			evs[20];
		unsigned char *st;
		SumMsResult r[NDEFS];
		int			i;

		for (i = 0; i < 17; i++)
		{
			evs[i].name = EV_A;
			evs[i].ts = (int64_t) i * DAY;
		}
		evs[17].name = EV_B;
		evs[17].ts = 16 * DAY + HOUR;
		evs[18].name = EV_C;
		evs[18].ts = 16 * DAY + 2 * HOUR;
		st = build(evs, 19, size, false, 0);
		sum_ms_evaluate(st, defs, NDEFS, 100 * DAY, 100, r);
		ok(!r[3].reached, "a chain that needs the 17th occurrence of a step is not seen (documented bound)");
		free(st);
		evs[0].ts = 16 * DAY;	/* move one early A next to the others */
		st = build(evs, 19, size, false, 0);
		sum_ms_evaluate(st, defs, NDEFS, 100 * DAY, 100, r);
		ok(r[3].reached && r[3].reached_at == 16 * DAY + 2 * HOUR, "within the first 16 it is");
		free(st);
	}

	/* usage figures and the ring */
	{
		Ev			evs[4] = {{EV_X, 10 * DAY + HOUR}, {EV_X, 10 * DAY + 2 * HOUR},
		{EV_Y, 12 * DAY}, {EV_X, 60 * DAY}};
		unsigned char *st = build(evs, 3, size, false, 0);
		SumMsUsage	u;

		sum_ms_usage(st, 12, &u);
		ok(u.events_7d == 3 && u.active_days_7d == 2 && u.events_28d == 3,
		   "as of day 12: 3 events on 2 days (%lld, %lld)",
		   (long long) u.events_7d, (long long) u.active_days_7d);
		free(st);
		st = build(evs, 4, size, false, 0);
		sum_ms_usage(st, 12, &u);
		ok(u.events_7d == -1 && u.events_28d == -1,
		   "after an event on day 60, day 12 is outside the ring: unknown, not zero");
		sum_ms_usage(st, 60, &u);
		ok(u.events_7d == 1 && u.events_28d == 1 && u.nevents == 4, "as of the last day");
		sum_ms_usage(st, 200, &u);
		ok(u.events_7d == 0 && u.events_28d == 0, "long after: zero");
		free(st);
	}

	/* the checker: truncations, flipped bytes, never a read past the end */
	{
		Ev			evs[3] = {{EV_A, DAY}, {EV_B, DAY + HOUR}, {EV_C, DAY + 2 * HOUR}};
		unsigned char *st = build(evs, 3, size, true, 0);
		size_t		cut;
		int			accepted = 0;
		int			i;

		for (cut = 0; cut < size; cut++)
		{
			unsigned char *copy = malloc(cut ? cut : 1);

			memcpy(copy, st, cut);
			if (sum_ms_check(copy, cut, &why) == 0)
				accepted++;
			free(copy);
		}
		ok(accepted == 0, "every truncation is rejected");
		st[0] = 2;
		ok(sum_ms_check(st, size, &why) != 0, "unknown version: %s", why);
		st[0] = SUM_MS_VERSION;
		for (i = 0; i < 20000; i++)
		{
			unsigned char *copy = malloc(size);
			size_t		pos = next_rand() % size;

			memcpy(copy, st, size);
			copy[pos] ^= (unsigned char) (1 + next_rand() % 255);
			if (sum_ms_check(copy, size, &why) == 0)
			{
				/* accepted mutations must be usable */
				SumMsResult r[NDEFS];
				SumMsUsage	u;

				if (sum_ms_same_layout(copy, size, defs, NDEFS))
					sum_ms_evaluate(copy, defs, NDEFS, 50 * DAY, 50, r);
				sum_ms_usage(copy, 50, &u);
			}
			free(copy);
		}
		ok(1, "20000 single-byte corruptions checked without a crash");
		free(st);
	}

	/* merge refuses other definitions and other sign-up times */
	{
		unsigned char *a = build(NULL, 0, size, true, 0);
		unsigned char *b = build(NULL, 0, size, true, DAY);
		unsigned char *c = malloc(size);

		sum_ms_init(c, defs, NDEFS, 43, true, 0, 0);
		ok(sum_ms_merge(a, b, size) == SUM_MS_ESIGNUP, "different sign-up times");
		ok(sum_ms_merge(a, c, size) == SUM_MS_EFINGERPRINT, "different definitions");
		free(a);
		free(b);
		free(c);
	}

	return done_testing();
}
