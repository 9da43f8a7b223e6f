/*
 * test/unit/similarity_test.c
 *	  Unit tests of the similarity core: fixed classics, and the fast
 *	  algorithms against textbook dynamic programs on random strings (short
 *	  and multi-block, ASCII and not, with and without bounds).
 *
 * Copyright (c) 2026, the sum developers
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "similarity.h"
#include "tap.h"

static sim_char ua[4096],
			ub[4096];

static size_t
u(const char *s, sim_char *out)
{
	int64_t		n = sim_utf8_decode(s, strlen(s), out);

	return n < 0 ? 0 : (size_t) n;
}

static int64_t
lev(const char *a, const char *b, int64_t max)
{
	size_t		al = u(a, ua),
				bl = u(b, ub);

	return sim_levenshtein(ua, al, ub, bl, max);
}

static double
jw(const char *a, const char *b)
{
	size_t		al = u(a, ua),
				bl = u(b, ub);

	return sim_jaro_winkler(ua, al, ub, bl);
}

static double
jaro(const char *a, const char *b)
{
	size_t		al = u(a, ua),
				bl = u(b, ub);

	return sim_jaro(ua, al, ub, bl);
}

static int64_t
dl(const char *a, const char *b)
{
	size_t		al = u(a, ua),
				bl = u(b, ub);

	return sim_damerau_levenshtein(ua, al, ub, bl);
}

static double
jac(const char *a, const char *b, int q)
{
	size_t		al = u(a, ua),
				bl = u(b, ub);

	return sim_jaccard(ua, al, ub, bl, q);
}

static double
tset(const char *a, const char *b)
{
	size_t		al = u(a, ua),
				bl = u(b, ub);

	return sim_token_set(ua, al, ub, bl);
}

/* ---- reference implementations ---- */
static int64_t *dpbuf;

static int64_t
RefLev(const sim_char *a, size_t m, const sim_char *b, size_t n)
{
	int64_t    *prev = dpbuf,
			   *cur = dpbuf + n + 1;
	size_t		i,
				j;

	for (j = 0; j <= n; j++)
		prev[j] = j;
	for (i = 1; i <= m; i++)
	{
		int64_t    *t;

		cur[0] = i;
		for (j = 1; j <= n; j++)
		{
			int64_t		v = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			cur[j] = v;
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	return prev[n];
}

static int64_t
RefLcs(const sim_char *a, size_t m, const sim_char *b, size_t n)
{
	int64_t    *prev = dpbuf,
			   *cur = dpbuf + n + 1;
	size_t		i,
				j;

	for (j = 0; j <= n; j++)
		prev[j] = 0;
	for (i = 1; i <= m; i++)
	{
		int64_t    *t;

		cur[0] = 0;
		for (j = 1; j <= n; j++)
		{
			int64_t		v = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;

			if (prev[j] > v)
				v = prev[j];
			if (cur[j - 1] > v)
				v = cur[j - 1];
			cur[j] = v;
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	return prev[n];
}

/* Lowrance-Wagner with the full matrix, as jellyfish's Python version */
static int64_t
RefDamerau(const sim_char *a, size_t m, const sim_char *b, size_t n)
{
	size_t		w = n + 2;
	int64_t    *d = calloc((m + 2) * w, sizeof(int64_t));
	int64_t		inf = m + n;
	size_t		da[4096] = {0};
	size_t		i,
				j;
	int64_t		r;

#define D(x, y) d[(x) * w + (y)]
	D(0, 0) = inf;
	for (i = 0; i <= m; i++)
	{
		D(i + 1, 0) = inf;
		D(i + 1, 1) = i;
	}
	for (j = 0; j <= n; j++)
	{
		D(0, j + 1) = inf;
		D(1, j + 1) = j;
	}
	for (i = 1; i <= m; i++)
	{
		size_t		db = 0;

		for (j = 1; j <= n; j++)
		{
			size_t		i1 = da[b[j - 1] % 4096];
			size_t		j1 = db;
			int64_t		cost = 1,
						v;

			if (a[i - 1] == b[j - 1])
			{
				cost = 0;
				db = j;
			}
			v = D(i, j) + cost;
			if (D(i + 1, j) + 1 < v)
				v = D(i + 1, j) + 1;
			if (D(i, j + 1) + 1 < v)
				v = D(i, j + 1) + 1;
			if (D(i1, j1) + (int64_t) (i - i1 - 1) + 1 + (int64_t) (j - j1 - 1) < v)
				v = D(i1, j1) + (int64_t) (i - i1 - 1) + 1 + (int64_t) (j - j1 - 1);
			D(i + 1, j + 1) = v;
		}
		da[a[i - 1] % 4096] = i;
	}
	r = D(m + 1, n + 1);
#undef D
	free(d);
	return r;
}

/* the textbook quadratic Jaro (jellyfish's Python version) */
static double
RefJaro(const sim_char *a, size_t m, const sim_char *b, size_t n)
{
	char	   *af = calloc(m + 1, 1),
			   *bf = calloc(n + 1, 1);
	long		range,
				common = 0,
				trans = 0;
	size_t		i,
				k = 0;
	double		w;

	if (m == 0 || n == 0)
	{
		free(af);
		free(bf);
		return 0.0;
	}
	range = (long) (m > n ? m : n) / 2 - 1;
	if (range < 0)
		range = 0;
	for (i = 0; i < m; i++)
	{
		long		lo = (long) i - range < 0 ? 0 : (long) i - range;
		long		hi = (long) i + range < (long) n - 1 ? (long) i + range : (long) n - 1;
		long		j;

		for (j = lo; j <= hi; j++)
			if (!bf[j] && b[j] == a[i])
			{
				af[i] = bf[j] = 1;
				common++;
				break;
			}
	}
	if (common == 0)
	{
		free(af);
		free(bf);
		return 0.0;
	}
	for (i = 0; i < m; i++)
	{
		if (!af[i])
			continue;
		while (!bf[k])
			k++;
		if (a[i] != b[k])
			trans++;
		k++;
	}
	trans /= 2;
	w = ((double) common / m + (double) common / n + ((double) common - trans) / common) / 3;
	free(af);
	free(bf);
	return w;
}

static size_t
RandString(sim_char *s, size_t maxlen, int alpha)
{
	static const sim_char pool[] = {'a', 'b', 'c', 'd', 0xE9, 0x4E2D, 0x1F600, 'e',
	'f', 'g', 0x416, 'h', 'i', 'j', 'k', 'l'};
	size_t		n = tap_rand() % (maxlen + 1),
				i;

	for (i = 0; i < n; i++)
		s[i] = pool[tap_rand() % alpha];
	return n;
}

/* Mutate: b = a with a few random edits, so that distances are small */
static size_t
Mutate(const sim_char *a, size_t n, sim_char *b, int edits, int alpha)
{
	size_t		m = n;
	int			e;

	memcpy(b, a, n * sizeof(sim_char));
	for (e = 0; e < edits; e++)
	{
		size_t		p = m ? tap_rand() % (m + 1) : 0;
		int			kind = tap_rand() % 3;

		if (kind == 0 && m < 4000)
		{
			memmove(b + p + 1, b + p, (m - p) * sizeof(sim_char));
			b[p] = 'a' + tap_rand() % alpha;
			m++;
		}
		else if (kind == 1 && p < m)
		{
			memmove(b + p, b + p + 1, (m - p - 1) * sizeof(sim_char));
			m--;
		}
		else if (p < m)
			b[p] = 'a' + tap_rand() % alpha;
	}
	return m;
}

int
main(void)
{
	int			iter,
				bad;

	dpbuf = malloc(2 * 4200 * sizeof(int64_t));

	/* classics */
	ok(lev("kitten", "sitting", -1) == 3, "levenshtein kitten/sitting = 3");
	ok(lev("café", "cafe", -1) == 1, "levenshtein over code points: café/cafe = 1");
	ok(lev("", "", -1) == 0 && lev("", "abc", -1) == 3 && lev("abc", "", -1) == 3, "levenshtein empty");
	ok(lev("kitten", "sitting", 2) == 3, "bounded: over the bound gives max + 1");
	ok(lev("kitten", "sitting", 3) == 3, "bounded: at the bound gives the distance");
	ok(lev("kitten", "sitting", 0) == 1, "bounded 0: 1 for different strings");
	ok(lev("abc", "abc", 0) == 0, "bounded 0: 0 for equal strings");
	ok(lev("a", "abcdefgh", 3) == 4, "length difference over the bound");
	ok(dl("CA", "ABC") == 2, "damerau unrestricted: CA/ABC = 2 (OSA says 3)");
	ok(dl("ab", "ba") == 1, "damerau transposition");
	ok(dl("abcdef", "badcfe") == 3, "damerau three transpositions");
	ok(fabs(jw("MARTHA", "MARHTA") - 0.9611111111111111) < 1e-12, "JW MARTHA/MARHTA %.15f", jw("MARTHA", "MARHTA"));
	ok(fabs(jw("DWAYNE", "DUANE") - 0.84) < 1e-12, "JW DWAYNE/DUANE %.15f", jw("DWAYNE", "DUANE"));
	ok(fabs(jw("DIXON", "DICKSONX") - 0.8133333333333332) < 1e-12, "JW DIXON/DICKSONX %.15f", jw("DIXON", "DICKSONX"));
	ok(fabs(jaro("MARTHA", "MARHTA") - 0.9444444444444445) < 1e-12, "Jaro MARTHA/MARHTA");
	ok(jaro("", "") == 0.0 && jw("", "") == 0.0 && jw("a", "") == 0.0, "Jaro of empty strings is 0 (jellyfish)");
	ok(jw("abc", "abc") == 1.0, "JW identical");
	ok(jac("abc", "abd", 1) == 0.5, "jaccard characters: {a,b,c} vs {a,b,d} = 2/4");
	ok(jac("aab", "ab", 1) == 1.0, "jaccard uses sets");
	ok(fabs(jac("night", "nacht", 2) - 1.0 / 7) < 1e-12, "jaccard bigrams night/nacht = 1/7");
	ok(jac("ab", "ab", 3) == 1.0 && jac("ab", "cd", 3) == 0.0, "jaccard short strings are one gram");
	ok(jac("", "", 2) == 1.0 && jac("", "a", 2) == 0.0, "jaccard empty");
	ok(jac("abcdefgh", "abcdefgh", 5) == 1.0 && fabs(jac("abcdefgh", "abcdefgX", 5) - 3.0 / 5) < 1e-12,
	   "jaccard hashed grams");
	ok(tset("fuzzy was a bear", "fuzzy fuzzy was a bear") == 1.0, "token set: subset gives 1");
	ok(fabs(tset("fuzzy was a bear but not a dog", "fuzzy was a bear but not a cat") - 0.923076923076923) < 1e-9,
	   "token set: rapidfuzz example 92.3076923076923 (%.15f)",
	   tset("fuzzy was a bear but not a dog", "fuzzy was a bear but not a cat"));
	ok(tset("", "") == 0.0 && tset("  ", "a") == 0.0, "token set: no words gives 0");
	ok(tset("new york mets", "york new mets") == 1.0, "token set: word order ignored");

	/* long strings: bounded and unbounded, multi-block */
	{
		size_t		n = 3000,
					i;

		for (i = 0; i < n; i++)
			ua[i] = 'a' + (i * 7) % 13;
		memcpy(ub, ua, n * sizeof(sim_char));
		ub[100] = 'z';
		ub[2000] = 'y';
		ok(sim_levenshtein(ua, n, ub, n, -1) == 2, "3000 chars, two substitutions");
		ok(sim_levenshtein(ua, n, ub, n, 1) == 2, "3000 chars, bound 1 gives 2");
		ok(sim_levenshtein(ua, n, ub + 1, n - 1, 10) == RefLev(ua, n, ub + 1, n - 1),
		   "3000 chars, shifted, bounded");
	}

	/* random differential tests */
	bad = 0;
	for (iter = 0; iter < 20000; iter++)
	{
		int			alpha = 2 + tap_rand() % 15;
		size_t		maxlen = (iter % 10 == 0) ? 300 : (iter % 3 == 0 ? 140 : 20);
		size_t		m = RandString(ua, maxlen, alpha);
		size_t		n = (iter % 2) ? Mutate(ua, m, ub, tap_rand() % 12, alpha) : RandString(ub, maxlen, alpha);
		int64_t		ref = RefLev(ua, m, ub, n);
		int64_t		k = (int64_t) (tap_rand() % 40) - 1;
		int64_t		got = sim_levenshtein(ua, m, ub, n, -1);
		int64_t		gotk = sim_levenshtein(ua, m, ub, n, k);
		int64_t		want_k = (k < 0 || ref <= k) ? ref : k + 1;

		if (got != ref || gotk != want_k)
		{
			if (bad++ < 5)
				printf("# levenshtein m=%zu n=%zu k=%ld: got %ld/%ld want %ld/%ld\n",
					   m, n, (long) k, (long) got, (long) gotk, (long) ref, (long) want_k);
		}
	}
	ok(bad == 0, "levenshtein = textbook DP on 20000 random pairs, bounded and not (%d bad)", bad);

	bad = 0;
	for (iter = 0; iter < 5000; iter++)
	{
		int			alpha = 2 + tap_rand() % 15;
		size_t		maxlen = (iter % 10 == 0) ? 200 : 16;
		size_t		m = RandString(ua, maxlen, alpha);
		size_t		n = (iter % 2) ? Mutate(ua, m, ub, tap_rand() % 6, alpha) : RandString(ub, maxlen, alpha);

		if (sim_damerau_levenshtein(ua, m, ub, n) != RefDamerau(ua, m, ub, n))
			if (bad++ < 5)
				printf("# damerau m=%zu n=%zu got %ld want %ld\n", m, n,
					   (long) sim_damerau_levenshtein(ua, m, ub, n), (long) RefDamerau(ua, m, ub, n));
	}
	ok(bad == 0, "damerau = Lowrance-Wagner full matrix on 5000 random pairs (%d bad)", bad);

	bad = 0;
	for (iter = 0; iter < 10000; iter++)
	{
		int			alpha = 2 + tap_rand() % 15;
		size_t		maxlen = (iter % 5 == 0) ? 400 : 70;
		size_t		m = RandString(ua, maxlen, alpha);
		size_t		n = (iter % 2) ? Mutate(ua, m, ub, tap_rand() % 10, alpha) : RandString(ub, maxlen, alpha);

		if (sim_jaro(ua, m, ub, n) != RefJaro(ua, m, ub, n) ||
			sim_lcs(ua, m, ub, n) != RefLcs(ua, m, ub, n))
			if (bad++ < 5)
				printf("# jaro/lcs m=%zu n=%zu jaro %.17g/%.17g lcs %ld/%ld\n", m, n,
					   sim_jaro(ua, m, ub, n), RefJaro(ua, m, ub, n),
					   (long) sim_lcs(ua, m, ub, n), (long) RefLcs(ua, m, ub, n));
	}
	ok(bad == 0, "jaro (both paths) and lcs = textbook versions on 10000 random pairs (%d bad)", bad);

	/* invalid UTF-8 */
	ok(sim_utf8_decode("\xc3", 1, ua) == -1, "truncated UTF-8 rejected");
	ok(sim_utf8_decode("\xed\xa0\x80", 3, ua) == -1, "surrogate rejected");
	ok(sim_utf8_decode("\xe0\x80\x80", 3, ua) == -1, "overlong rejected");
	ok(sim_utf8_decode("a\xf0\x9f\x98\x80", 5, ua) == 2 && ua[1] == 0x1F600, "astral code point");

	free(dpbuf);
	return done_testing();
}
