/*
 * test/unit/rollup_test.c
 *	  Unit tests of the account rollup core: picks and their ties, caps,
 *	  order-insensitivity under random splits (byte-equal encodings), merging
 *	  across as_of, and the decoder on malformed input.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>

#include "rollup.h"
#include "tap.h"

#define HOUR SUM_ROLLUP_USEC_PER_HOUR
#define DAY SUM_ROLLUP_USEC_PER_DAY
/* 2024-06-30 00:00 UTC in microseconds since 2000-01-01, as timestamptz */
#define AS_OF (INT64_C(772934400) * 1000000)

static SumRollupNames dict;		/* the "query's" dictionary */
static bool keep_history = true;

static int
Rand(int n)
{
	return (int) (tap_rand() % (uint64_t) n);
}

static SumRollupRow
Row(const char *id, int role, int seniority, int64_t activity)
{
	SumRollupRow r;

	memset(&r, 0, sizeof(r));
	r.id_text = id;
	r.id_len = strlen(id);
	r.role = role;
	r.seniority = seniority;
	r.activity = activity;
	r.stage = -1;
	r.as_of = AS_OF;
	return r;
}

static void
Add(SumRollupState *s, bool *init, const SumRollupRow *r)
{
	SumRollupStatus st = *init ? sum_rollup_add(s, r) : sum_rollup_init(s, r, &dict, keep_history);

	if (st != SUM_ROLLUP_OK)
		printf("# add failed: %s\n", sum_rollup_status_message(st));
	*init = true;
}

/* Best, Champion: the id of the best contact (champion) as a C string */
static char *
Best(const SumRollupState *s)
{
	static char buf[600];
	char		digits[24];
	size_t		len;
	const char *text = sum_rollup_best_id(s, digits, &len);

	memcpy(buf, text, len);
	buf[len] = '\0';
	return buf;
}

static char *
Champion(const SumRollupState *s)
{
	static char buf[600];
	char		digits[24];
	size_t		len;
	const char *text = sum_rollup_champion_id(s, digits, &len);

	memcpy(buf, text, len);
	buf[len] = '\0';
	return buf;
}

/* Encode: the encoding of s in a malloc'd buffer */
static unsigned char *
Encode(const SumRollupState *s, size_t *len)
{
	size_t		n = sum_rollup_encode(s, NULL, 0);
	unsigned char *buf = malloc(n);

	if (sum_rollup_encode(s, buf, n) != n)
		printf("# encode size changed\n");
	*len = n;
	return buf;
}

static bool
SameEncoding(const SumRollupState *a, const SumRollupState *b)
{
	size_t		la,
				lb;
	unsigned char *ea = Encode(a, &la);
	unsigned char *eb = Encode(b, &lb);
	bool		same = la == lb && memcmp(ea, eb, la) == 0;

	free(ea);
	free(eb);
	return same;
}

/* A random row: few distinct values so that ties happen often */
static const char *ids[] = {"7", "10", "u1", "u2", "007", "-3", "", "a", "b", "10"};
static const char *names[] = {"activated", "invited", "paid_feature", "x", "y", "z",
"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "b1", "b2", "b3", "b4", "b5",
"b6", "b7", "b8", "b9", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "d1",
"d2", "d3"};

typedef struct TestRow
{
	SumRollupRow row;
	int			milestone[3];
	char		idbuf[16];
} TestRow;

static void
RandomRow(TestRow *t, int64_t as_of, bool wide_history)
{
	memset(t, 0, sizeof(*t));
	if (Rand(4) == 0)
	{
		t->row.id_is_int = true;
		t->row.id_int = Rand(12) - 3;
	}
	else
	{
		snprintf(t->idbuf, sizeof(t->idbuf), "%s", ids[Rand(10)]);
		t->row.id_text = t->idbuf;
		t->row.id_len = strlen(t->idbuf);
	}
	t->row.function = Rand(SUM_ROLLUP_N_FUNCTIONS);
	t->row.seniority = Rand(3) * 3;
	t->row.role = Rand(SUM_ROLLUP_N_ROLES);
	t->row.stage = Rand(SUM_ROLLUP_N_STAGES + 1) - 1;
	t->row.has_signup = Rand(5) != 0;
	t->row.signup = as_of - (int64_t) Rand(1000) * DAY;
	t->row.has_last = Rand(5) != 0;
	if (wide_history)
		t->row.last = as_of - 40 * DAY + (int64_t) Rand(100 * 24) * HOUR;
	else
		t->row.last = as_of - (int64_t) Rand(60 * 24) * HOUR - Rand(3600);
	t->row.activity = Rand(3) == 0 ? 0 : Rand(4);
	t->row.as_of = as_of;
	t->milestone[0] = Rand(4) == 0 ? Rand(36) : -1;
	t->milestone[1] = Rand(8) == 0 ? Rand(36) : -1;
	t->milestone[2] = -1;
}

static void
AddTestRow(SumRollupState *s, bool *init, const TestRow *t)
{
	int			i;

	Add(s, init, &t->row);
	for (i = 0; i < 3; i++)
		if (t->milestone[i] >= 0)
			sum_rollup_add_milestone(s, names[t->milestone[i]], strlen(names[t->milestone[i]]));
}

/*
 * SplitEqualsOnePass: fold rows in one pass, and in k random parts merged in
 * random order; the encodings must be identical.
 */
static bool
SplitEqualsOnePass(TestRow *rows, int n, int k, bool rebase)
{
	SumRollupState one,
				parts[8],
				total;
	bool		init_one = false,
				init_part[8] = {false},
				init_total = false;
	int			order[8];
	bool		same;
	int			i;

	memset(&one, 0, sizeof(one));
	memset(parts, 0, sizeof(parts));
	for (i = 0; i < n; i++)
		AddTestRow(&one, &init_one, &rows[i]);
	for (i = 0; i < n; i++)
	{
		int			p = Rand(k);

		AddTestRow(&parts[p], &init_part[p], &rows[i]);
	}
	for (i = 0; i < k; i++)
		order[i] = i;
	for (i = k - 1; i > 0; i--)
	{
		int			j = Rand(i + 1),
					t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (i = 0; i < k; i++)
	{
		int			p = order[i];

		if (!init_part[p])
			continue;
		if (!init_total)
		{
			sum_rollup_copy(&total, &parts[p]);
			init_total = true;
		}
		else if (sum_rollup_merge(&total, &parts[p], rebase) != SUM_ROLLUP_OK)
			printf("# merge failed\n");
	}
	same = SameEncoding(&one, &total);
	sum_rollup_free(&one);
	sum_rollup_free(&total);
	for (i = 0; i < k; i++)
		sum_rollup_free(&parts[i]);
	return same;
}

static void
TestPicks(void)
{
	SumRollupState s;
	SumRollupRow r;
	bool		init = false;

	memset(&s, 0, sizeof(s));
	r = Row("b", 1, 3, 5);
	Add(&s, &init, &r);
	is_str(Best(&s), "b", "one user is the best contact");
	is_str(Champion(&s), "b", "one active user is the champion");
	r = Row("a", 1, 3, 5);
	Add(&s, &init, &r);
	is_str(Best(&s), "a", "a full tie goes to the smaller id");
	is_str(Champion(&s), "a", "champion tie without last activity: smaller id");
	r = Row("c", 1, 4, 0);
	Add(&s, &init, &r);
	is_str(Best(&s), "c", "higher seniority beats activity");
	r = Row("z", 2, 0, 0);
	Add(&s, &init, &r);
	is_str(Best(&s), "z", "higher buying role beats seniority");
	r = Row("y", 2, 0, 1);
	Add(&s, &init, &r);
	is_str(Best(&s), "y", "same role and seniority: more activity wins");
	r = Row("d", 0, 0, 9);
	r.has_last = true;
	r.last = AS_OF - DAY;
	Add(&s, &init, &r);
	is_str(Champion(&s), "d", "most recent activity count is the champion");
	r = Row("e", 0, 0, 9);
	r.has_last = true;
	r.last = AS_OF - 2 * DAY;
	Add(&s, &init, &r);
	is_str(Champion(&s), "d", "champion tie: later last activity wins");
	ok(s.users == 7 && s.decision_makers == 0 && s.influencers == 2,
	   "counts: 7 users, 2 influencers");
	ok(s.active_7d == 2 && s.active_30d == 2, "two users active");
	sum_rollup_free(&s);

	/* ids: canonical integers by value, before text; "007" is text */
	memset(&s, 0, sizeof(s));
	init = false;
	r = Row("10", 0, 0, 0);
	Add(&s, &init, &r);
	r = Row("9", 0, 0, 0);
	Add(&s, &init, &r);
	is_str(Best(&s), "9", "numeric ids order by value");
	r = Row("007", 0, 0, 0);
	Add(&s, &init, &r);
	is_str(Best(&s), "9", "non-canonical integers are text, after numbers");
	r.id_is_int = true;
	r.id_int = -5;
	Add(&s, &init, &r);
	is_str(Best(&s), "-5", "bigint ids are formatted in decimal");
	ok(!(sum_rollup_flags(&s) & SUM_ROLLUP_HAS_CHAMPION), "nobody active: no champion");
	sum_rollup_free(&s);

	/* the same user twice with different functions: deterministic */
	{
		SumRollupState a,
					b;
		SumRollupRow r1 = Row("u", 3, 5, 1),
					r2 = Row("u", 3, 5, 1);
		bool		ia = false,
					ib = false;

		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		r1.function = 3;
		r2.function = 2;
		Add(&a, &ia, &r1);
		Add(&a, &ia, &r2);
		Add(&b, &ib, &r2);
		Add(&b, &ib, &r1);
		ok(a.best_function == 2 && b.best_function == 2,
		   "duplicate rows of one user resolve the same way in either order");
		ok(a.users == 2, "a duplicate id counts as a second row");
		sum_rollup_free(&a);
		sum_rollup_free(&b);
	}
}

static void
TestIds(void)
{
	int64_t		v;
	SumRollupId a = {0},
				b = {0};

	ok(sum_rollup_parse_int("0", 1, &v) && v == 0, "0 is canonical");
	ok(!sum_rollup_parse_int("-0", 2, &v), "-0 is not canonical");
	ok(!sum_rollup_parse_int("01", 2, &v), "leading zero is not canonical");
	ok(!sum_rollup_parse_int("", 0, &v), "empty is not an integer");
	ok(!sum_rollup_parse_int("-", 1, &v), "a lone minus is not an integer");
	ok(!sum_rollup_parse_int("+1", 2, &v), "a plus sign is not canonical");
	ok(sum_rollup_parse_int("9223372036854775807", 19, &v) && v == INT64_MAX, "int64 max");
	ok(sum_rollup_parse_int("-9223372036854775808", 20, &v) && v == INT64_MIN, "int64 min");
	ok(!sum_rollup_parse_int("9223372036854775808", 19, &v), "past int64 max is text");
	ok(!sum_rollup_parse_int("1e3", 3, &v), "exponent is text");

	a.numeric = true;
	a.num = 100;
	b.text = "100";
	b.len = 3;
	ok(sum_rollup_id_cmp(&a, &b) < 0, "numeric before text");
	b.text = "abc";
	a.numeric = false;
	a.text = "ab";
	a.len = 2;
	ok(sum_rollup_id_cmp(&a, &b) < 0, "a prefix sorts first");
	ok(sum_rollup_id_cmp(&b, &b) == 0, "an id equals itself");
}

/* Names: the reported milestones as one string, "a,b,c" */
static const char *
Names(const SumRollupState *s, bool *truncated)
{
	static char buf[4096];
	const char *names[SUM_ROLLUP_MAX_MILESTONES];
	uint8_t		lens[SUM_ROLLUP_MAX_MILESTONES];
	int			n = sum_rollup_milestones(s, names, lens, truncated),
				i;
	size_t		pos = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
	{
		pos += (size_t) snprintf(buf + pos, sizeof(buf) - pos, "%s%.*s", i ? "," : "",
								 (int) lens[i], names[i]);
	}
	return buf;
}

static void
TestMilestones(void)
{
	SumRollupState s,
				t;
	SumRollupRow r = Row("u", 0, 0, 0);
	bool		init = false,
				truncated;
	char		name[80];
	const char *names[SUM_ROLLUP_MAX_MILESTONES];
	uint8_t		lens[SUM_ROLLUP_MAX_MILESTONES];
	SumRollupNames small;
	int			i;

	memset(&s, 0, sizeof(s));
	Add(&s, &init, &r);
	for (i = 40; i >= 0; i--)
	{
		snprintf(name, sizeof(name), "m%02d", i);
		sum_rollup_add_milestone(&s, name, strlen(name));
		sum_rollup_add_milestone(&s, name, strlen(name));
	}
	ok(sum_rollup_milestones(&s, names, lens, &truncated) == SUM_ROLLUP_MAX_MILESTONES,
	   "milestones reported up to %d", SUM_ROLLUP_MAX_MILESTONES);
	ok(truncated, "the cap is flagged");
	ok(memcmp(names[0], "m00", 3) == 0 && memcmp(names[31], "m31", 3) == 0,
	   "the smallest names are kept");
	ok(sum_rollup_add_milestone(&s, "", 0) == SUM_ROLLUP_OK, "empty name ignored");
	memset(name, 'x', 65);
	ok(sum_rollup_add_milestone(&s, name, 65) == SUM_ROLLUP_MILESTONE_TOO_LONG,
	   "65-byte name rejected");
	ok(sum_rollup_add_milestone(&s, name, 64) == SUM_ROLLUP_OK, "64-byte name accepted");
	sum_rollup_free(&s);

	/* a full dictionary: later names go to the state's own list */
	sum_rollup_names_init(&small);
	memset(&s, 0, sizeof(s));
	sum_rollup_init(&s, &r, &small, true);
	for (i = 0; i < SUM_ROLLUP_DICT_SIZE + 10; i++)
	{
		snprintf(name, sizeof(name), "n%03d", 200 - i);
		sum_rollup_add_milestone(&s, name, strlen(name));
	}
	ok(small.n == SUM_ROLLUP_DICT_SIZE && s.cold != NULL && s.cold->n_extra == 10, "dictionary full, 10 names in the list");
	sum_rollup_milestones(&s, names, lens, &truncated);
	ok(memcmp(names[0], "n127", 4) == 0 && truncated,
	   "the smallest names come from the list");
	/* the same names without a dictionary give the same report */
	memset(&t, 0, sizeof(t));
	sum_rollup_init(&t, &r, NULL, true);
	for (i = 0; i < SUM_ROLLUP_DICT_SIZE + 10; i++)
	{
		snprintf(name, sizeof(name), "n%03d", 200 - i);
		sum_rollup_add_milestone(&t, name, strlen(name));
	}
	{
		char		a[4096];

		snprintf(a, sizeof(a), "%s", Names(&s, &truncated));
		is_str(Names(&t, &truncated), a, "dictionary or not, the same names");
	}
	ok(SameEncoding(&s, &t), "and the same encoding");
	sum_rollup_free(&s);
	sum_rollup_free(&t);
}

static void
TestErrors(void)
{
	SumRollupState s;
	SumRollupRow r = Row("u", 0, 0, -1);
	bool		init = false;
	char		longid[600];

	memset(&s, 0, sizeof(s));
	ok(sum_rollup_init(&s, &r, &dict, true) == SUM_ROLLUP_NEGATIVE_ACTIVITY, "negative activity rejected");
	r.activity = 0;
	Add(&s, &init, &r);
	r.as_of = AS_OF + 1;
	ok(sum_rollup_add(&s, &r) == SUM_ROLLUP_AS_OF_MISMATCH, "a second as_of is rejected");
	r.as_of = AS_OF;
	memset(longid, 'i', sizeof(longid));
	r.id_text = longid;
	r.id_len = SUM_ROLLUP_MAX_ID_LEN + 1;
	ok(sum_rollup_add(&s, &r) == SUM_ROLLUP_ID_TOO_LONG, "overlong id rejected");
	r.id_len = SUM_ROLLUP_MAX_ID_LEN;
	r.role = 3;
	ok(sum_rollup_add(&s, &r) == SUM_ROLLUP_OK && s.cold->best_text.len == SUM_ROLLUP_MAX_ID_LEN,
	   "id at the limit accepted");
	r = Row("v", 0, 0, INT64_MAX);
	ok(sum_rollup_add(&s, &r) == SUM_ROLLUP_OK, "huge activity accepted once");
	ok(sum_rollup_add(&s, &r) == SUM_ROLLUP_OVERFLOW, "activity total overflow detected");
	{
		SumRollupState big;

		memset(&big, 0, sizeof(big));
		r = Row("w", 0, 0, 0);
		sum_rollup_init(&big, &r, NULL, false);
		big.users = INT32_MAX;
		ok(sum_rollup_add(&big, &r) == SUM_ROLLUP_OVERFLOW, "more than 2^31 - 1 users is an overflow");
		big.users = INT32_MAX - 1;
		ok(sum_rollup_merge(&big, &big, false) == SUM_ROLLUP_OVERFLOW, "so is a merge past it");
		sum_rollup_free(&big);
	}
	r = Row("w", 0, 0, 0);
	r.as_of = INT64_MIN + 1;
	{
		SumRollupState t;

		memset(&t, 0, sizeof(t));
		ok(sum_rollup_init(&t, &r, NULL, true) == SUM_ROLLUP_AS_OF_RANGE, "as_of near the minimum rejected");
	}
	sum_rollup_free(&s);
}

static void
TestSplits(void)
{
	TestRow		rows[400];
	int			trial,
				i,
				failures = 0;

	for (trial = 0; trial < 200; trial++)
	{
		int			n = 1 + Rand(400);

		for (i = 0; i < n; i++)
			RandomRow(&rows[i], AS_OF, trial % 2 == 0);
		if (!SplitEqualsOnePass(rows, n, 1 + Rand(8), false))
			failures++;
	}
	ok(failures == 0, "200 random splits merge to the one-pass state, byte for byte (%d failed)",
	   failures);

	/* enough distinct hours to hit the history cap */
	{
		TestRow    *many = malloc(sizeof(TestRow) * 3000);
		SumRollupState s;
		bool		init = false;

		for (i = 0; i < 3000; i++)
		{
			RandomRow(&many[i], AS_OF, false);
			many[i].row.has_last = true;
			many[i].row.last = AS_OF - 30 * DAY + (int64_t) Rand(2000) * HOUR;
		}
		memset(&s, 0, sizeof(s));
		for (i = 0; i < 3000; i++)
			AddTestRow(&s, &init, &many[i]);
		ok(s.cold->n_history == SUM_ROLLUP_MAX_HISTORY && (sum_rollup_flags(&s) & SUM_ROLLUP_HAS_HISTORY_FLOOR),
		   "history capped at %d buckets", SUM_ROLLUP_MAX_HISTORY);
		sum_rollup_free(&s);
		failures = 0;
		for (trial = 0; trial < 20; trial++)
			if (!SplitEqualsOnePass(many, 3000, 2 + Rand(7), false))
				failures++;
		ok(failures == 0, "capped history is order-insensitive too (%d failed)", failures);
		free(many);
	}
}

/* states at different as_of merge to the same bytes in any order */
static void
TestRebase(void)
{
	int			trial,
				failures = 0,
				wrong = 0;

	for (trial = 0; trial < 100; trial++)
	{
		SumRollupState st[4],
					total[2];
		int			k = 2 + Rand(3),
					i,
					j,
					pass;
		int64_t		max_as_of = 0;

		memset(st, 0, sizeof(st));
		for (i = 0; i < k; i++)
		{
			int64_t		as_of = AS_OF + (int64_t) Rand(20) * DAY + Rand(50) * HOUR;
			bool		init = false;
			TestRow		t;

			if (as_of > max_as_of)
				max_as_of = as_of;
			for (j = 0; j < 1 + Rand(50); j++)
			{
				RandomRow(&t, as_of, false);
				AddTestRow(&st[i], &init, &t);
			}
		}
		for (pass = 0; pass < 2; pass++)
		{
			memset(&total[pass], 0, sizeof(total[pass]));
			if (pass == 0)
			{
				sum_rollup_copy(&total[0], &st[0]);
				for (i = 1; i < k; i++)
					sum_rollup_merge(&total[0], &st[i], true);
			}
			else
			{
				sum_rollup_copy(&total[1], &st[k - 1]);
				for (i = k - 2; i >= 0; i--)
					sum_rollup_merge(&total[1], &st[i], true);
			}
		}
		if (!SameEncoding(&total[0], &total[1]))
			failures++;

		/* the windows of the merge are the parts' windows at max_as_of */
		{
			int64_t		sum7 = 0,
						sum30 = 0,
						a7,
						a30;

			for (i = 0; i < k; i++)
			{
				sum_rollup_active_at(&st[i], max_as_of, &a7, &a30);
				sum7 += a7;
				sum30 += a30;
			}
			if (sum_rollup_as_of(&total[0]) != max_as_of || total[0].active_7d != sum7 ||
				total[0].active_30d != sum30)
				wrong++;
		}
		for (i = 0; i < k; i++)
			sum_rollup_free(&st[i]);
		sum_rollup_free(&total[0]);
		sum_rollup_free(&total[1]);
	}
	ok(failures == 0, "merging states of different as_of is order-insensitive (%d failed)",
	   failures);
	ok(wrong == 0, "a merged state's windows are the parts' windows at the latest as_of");

	/* hourly resolution at a later as_of */
	{
		SumRollupState s;
		SumRollupRow r = Row("u", 0, 0, 1);
		bool		init = false;
		int64_t		a7,
					a30;

		memset(&s, 0, sizeof(s));
		r.has_last = true;
		r.last = AS_OF - 6 * DAY - 30 * 60 * INT64_C(1000000);	/* 6 d 30 min before */
		Add(&s, &init, &r);
		ok(s.active_7d == 1, "6.02 days before as_of is within 7 days");
		sum_rollup_active_at(&s, AS_OF + DAY, &a7, &a30);
		ok(a7 == 0 && a30 == 1, "a day later it is not");
		sum_rollup_active_at(&s, AS_OF + 45 * 60 * INT64_C(1000000), &a7, &a30);
		ok(a7 == 1, "45 minutes later it still counts: same hour (hourly resolution)");
		ok(sum_rollup_active_at(&s, AS_OF - 1, &a7, &a30) == SUM_ROLLUP_AS_OF_EARLIER,
		   "an earlier as_of is refused");
		sum_rollup_free(&s);
	}
}

static void
TestDecode(void)
{
	SumRollupState s,
				d;
	TestRow		t;
	bool		init = false;
	unsigned char *enc;
	size_t		len,
				i;
	const char *detail;
	int			bad_trunc = 0,
				crashes_none = 1,
				roundtrip_bad = 0,
				accepted = 0;

	memset(&s, 0, sizeof(s));
	for (i = 0; i < 60; i++)
	{
		RandomRow(&t, AS_OF, false);
		AddTestRow(&s, &init, &t);
	}
	enc = Encode(&s, &len);
	ok(sum_rollup_decode(&d, enc, len, &dict, &detail) == SUM_ROLLUP_OK, "a state decodes");
	ok(SameEncoding(&s, &d), "decode then encode gives the same bytes");
	sum_rollup_free(&d);

	for (i = 0; i < len; i++)
		if (sum_rollup_decode(&d, enc, i, &dict, &detail) != SUM_ROLLUP_BAD_FORMAT || detail == NULL)
			bad_trunc++;
	ok(bad_trunc == 0, "every truncation is rejected with a detail (%d not)", bad_trunc);

	{
		unsigned char *longer = malloc(len + 1);

		memcpy(longer, enc, len);
		longer[len] = 0;
		ok(sum_rollup_decode(&d, longer, len + 1, &dict, &detail) == SUM_ROLLUP_BAD_FORMAT,
		   "trailing bytes rejected: %s", detail ? detail : "?");
		free(longer);
	}
	enc[0] = 2;
	ok(sum_rollup_decode(&d, enc, len, &dict, &detail) == SUM_ROLLUP_BAD_FORMAT,
	   "unknown version rejected: %s", detail ? detail : "?");
	enc[0] = SUM_ROLLUP_VERSION;

	/* flip every bit: rejected, or accepted as a state that round-trips */
	for (i = 0; i < len * 8; i++)
	{
		enc[i / 8] ^= (unsigned char) (1 << (i % 8));
		if (sum_rollup_decode(&d, enc, len, &dict, &detail) == SUM_ROLLUP_OK)
		{
			size_t		l2;
			unsigned char *e2 = Encode(&d, &l2);

			accepted++;
			if (l2 != len || memcmp(e2, enc, len) != 0)
				roundtrip_bad++;
			free(e2);
			sum_rollup_free(&d);
		}
		enc[i / 8] ^= (unsigned char) (1 << (i % 8));
	}
	ok(crashes_none && roundtrip_bad == 0,
	   "bit flips: %d accepted states all re-encode identically", accepted);
	ok(sum_rollup_decode(&d, enc, 0, &dict, &detail) == SUM_ROLLUP_BAD_FORMAT, "empty input rejected");
	free(enc);
	sum_rollup_free(&s);
}

/* states of the summary aggregate keep no history */
static void
TestNoHistory(void)
{
	TestRow		rows[300];
	SumRollupState a,
				b;
	bool		ia = false,
				ib = false;
	int64_t		a7,
				a30;
	int			i,
				failures = 0;
	unsigned char *enc;
	size_t		len;
	const char *detail;
	SumRollupState d;

	keep_history = false;
	for (i = 0; i < 50; i++)
	{
		int			n = 1 + Rand(300),
					j;

		for (j = 0; j < n; j++)
			RandomRow(&rows[j], AS_OF, false);
		if (!SplitEqualsOnePass(rows, n, 1 + Rand(8), false))
			failures++;
	}
	ok(failures == 0, "without history, splits still merge to one pass (%d failed)", failures);

	memset(&a, 0, sizeof(a));
	for (i = 0; i < 20; i++)
		AddTestRow(&a, &ia, &rows[i]);
	ok((a.cold == NULL || a.cold->n_history == 0) && !(sum_rollup_flags(&a) & SUM_ROLLUP_KEEP_HISTORY), "no history kept");
	ok(sum_rollup_active_at(&a, AS_OF + 1, &a7, &a30) == SUM_ROLLUP_HISTORY_LOST,
	   "no history: a later as_of is refused");
	enc = Encode(&a, &len);
	ok(sum_rollup_decode(&d, enc, len, &dict, &detail) == SUM_ROLLUP_OK && !(sum_rollup_flags(&d) & SUM_ROLLUP_KEEP_HISTORY),
	   "a state without history round-trips");
	sum_rollup_free(&d);
	free(enc);
	keep_history = true;
	memset(&b, 0, sizeof(b));
	for (i = 0; i < 20; i++)
		AddTestRow(&b, &ib, &rows[i]);
	sum_rollup_merge(&b, &a, false);
	ok(!(sum_rollup_flags(&b) & SUM_ROLLUP_KEEP_HISTORY) && (b.cold == NULL || b.cold->n_history == 0), "merging with a state without history drops it");
	sum_rollup_free(&a);
	sum_rollup_free(&b);
}

int
main(void)
{
	sum_rollup_names_init(&dict);
	TestIds();
	TestPicks();
	TestMilestones();
	TestErrors();
	TestSplits();
	TestRebase();
	TestDecode();
	TestNoHistory();
	return done_testing();
}
