/*-------------------------------------------------------------------------
 *
 * src/similarity.c
 *	  String similarity over Unicode code points, without a length limit:
 *	  Levenshtein, Damerau-Levenshtein, LCS/Indel, Jaro, Jaro-Winkler,
 *	  q-gram Jaccard and token-set similarity.
 *
 * Design note.  Record linkage calls these functions millions of times on
 * short strings, and now and then on a megabyte of text somebody pasted
 * into a form.  Both cases matter: the short case must not pay for
 * allocation or hashing it does not need, the long case must stay linear
 * in memory and be cancellable.
 *
 * - Levenshtein uses the bit-parallel algorithm of Myers (1999) in the
 *   form Hyyrö (2001) gave for edit distance: one 64-bit word holds 64
 *   rows of a DP column, so a column costs a few word operations.  A
 *   pattern longer than 64 code points is split into blocks of 64 rows
 *   that pass their horizontal delta down (Myers' block algorithm).  With
 *   a bound k only the diagonal band of cells that can still lie on a path
 *   of cost <= k is computed (Ukkonen's cut-off), and cells below or above
 *   the band are over-estimated, never under-estimated, which keeps every
 *   cell inside the band exact.
 * - The match vectors map a code point to the bit mask of the rows where
 *   it occurs: a dense table for ASCII and a small open-addressing table
 *   per block for the rest, so memory stays linear whatever the alphabet.
 * - Damerau-Levenshtein (unrestricted, as jellyfish and DuckDB compute it)
 *   uses the observation of Zhao and Sahni (2019) that a transposition
 *   only needs to be considered when one of the two gaps it spans is
 *   empty, which needs two DP rows and one extra row of saved values
 *   instead of the full matrix.
 * - Jaro finds, for each character of the first string, the first unused
 *   equal character of the second within the match window.  Because the
 *   window only moves forward, a pointer per distinct character into its
 *   list of positions gives the same greedy matching as the textbook
 *   quadratic loop in linear time.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "similarity.h"

void		(*sim_interrupt_hook) (void) = NULL;

/* How much work (block steps, cell updates) between interrupt checks */
#define SIM_WORK_QUANTUM ((uint64_t) 1 << 22)

#define SIM_CHECK_WORK(work, n) \
	do { \
		(work) += (n); \
		if ((work) >= SIM_WORK_QUANTUM) \
		{ \
			(work) = 0; \
			if (sim_interrupt_hook) \
				sim_interrupt_hook(); \
		} \
	} while (0)

#define Min(a, b) ((a) < (b) ? (a) : (b))
#define Max(a, b) ((a) > (b) ? (a) : (b))

/* ------------------------------------------------------------------------
 * UTF-8
 * ------------------------------------------------------------------------
 */

int64_t
sim_utf8_decode(const char *s, size_t len, sim_char *out)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;
	int64_t		n = 0;

	while (i < len)
	{
		unsigned char c = p[i];
		sim_char	cp;
		int			extra,
					k;

		if (c < 0x80)
		{
			out[n++] = c;
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
		{
			cp = c & 0x1F;
			extra = 1;
		}
		else if (c >= 0xE0 && c <= 0xEF)
		{
			cp = c & 0x0F;
			extra = 2;
		}
		else if (c >= 0xF0 && c <= 0xF4)
		{
			cp = c & 0x07;
			extra = 3;
		}
		else
			return -1;
		if (len - i <= (size_t) extra)
			return -1;
		for (k = 1; k <= extra; k++)
		{
			if ((p[i + k] & 0xC0) != 0x80)
				return -1;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
			cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return -1;
		out[n++] = cp;
		i += extra + 1;
	}
	return n;
}

int
sim_is_space(sim_char c)
{
	/* the code points for which Python's str.isspace() is true */
	if (c < 0x80)
		return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
	return c == 0x85 || c == 0xA0 || c == 0x1680 ||
		(c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
		c == 0x202F || c == 0x205F || c == 0x3000;
}

static inline size_t
HashChar(sim_char c)
{
	uint64_t	h = (uint64_t) c * UINT64_C(0x9E3779B97F4A7C15);

	return (size_t) (h >> 32);
}

/* ------------------------------------------------------------------------
 * CharMap: code point -> int32, dense for ASCII, open addressing above
 * ------------------------------------------------------------------------
 */
typedef struct CharMap
{
	int32_t		ascii[128];
	sim_char   *keys;			/* code points >= 128; 0 marks a free slot */
	int32_t    *vals;
	size_t		mask;			/* capacity - 1 */
	int32_t		dflt;			/* value of an absent key */
} CharMap;

/* CharMapInit: room for maxkeys non-ASCII keys; false when out of memory */
static bool
CharMapInit(CharMap *map, size_t maxkeys, int32_t dflt)
{
	size_t		cap = 8;
	int			i;

	for (i = 0; i < 128; i++)
		map->ascii[i] = dflt;
	map->dflt = dflt;
	while (cap < maxkeys * 2)
		cap <<= 1;
	map->mask = cap - 1;
	map->keys = sum_core_alloc(cap * sizeof(sim_char));
	map->vals = sum_core_alloc(cap * sizeof(int32_t));
	if (map->keys == NULL || map->vals == NULL)
		return false;
	memset(map->keys, 0, cap * sizeof(sim_char));
	return true;
}

static void
CharMapFree(CharMap *map)
{
	if (map->keys)
		sum_core_free(map->keys);
	if (map->vals)
		sum_core_free(map->vals);
}

static inline int32_t
CharMapGet(const CharMap *map, sim_char c)
{
	size_t		i;

	if (c < 128)
		return map->ascii[c];
	for (i = HashChar(c) & map->mask;; i = (i + 1) & map->mask)
	{
		if (map->keys[i] == c)
			return map->vals[i];
		if (map->keys[i] == 0)
			return map->dflt;
	}
}

/* CharMapRef: the value slot of c, created with the default when absent */
static inline int32_t *
CharMapRef(CharMap *map, sim_char c)
{
	size_t		i;

	if (c < 128)
		return &map->ascii[c];
	for (i = HashChar(c) & map->mask;; i = (i + 1) & map->mask)
	{
		if (map->keys[i] == c)
			return &map->vals[i];
		if (map->keys[i] == 0)
		{
			map->keys[i] = c;
			map->vals[i] = map->dflt;
			return &map->vals[i];
		}
	}
}

/* ------------------------------------------------------------------------
 * Pattern match vectors for the bit-parallel algorithms
 * ------------------------------------------------------------------------
 */
typedef struct BlockHash
{
	sim_char	keys[128];		/* code points >= 128; 0 marks a free slot */
	uint64_t	masks[128];
} BlockHash;

typedef struct PatternMap
{
	size_t		nblocks;
	uint64_t   *ascii;			/* ascii[c * nblocks + block] */
	BlockHash  *hash;			/* one per block, NULL for ASCII patterns */
	bool		owned;			/* ascii and hash were allocated */
} PatternMap;

static inline uint64_t
PatternGet(const PatternMap *pm, size_t block, sim_char c)
{
	const BlockHash *h;
	size_t		i;

	if (c < 128)
		return pm->ascii[c * pm->nblocks + block];
	if (pm->hash == NULL)
		return 0;
	h = &pm->hash[block];
	/* a block has at most 64 keys in 128 slots: probing ends quickly */
	for (i = HashChar(c) & 127;; i = (i + 1) & 127)
	{
		if (h->keys[i] == c)
			return h->masks[i];
		if (h->keys[i] == 0)
			return 0;
	}
}

static void
PatternFill(PatternMap *pm, const sim_char *p, size_t m)
{
	size_t		k;

	for (k = 0; k < m; k++)
	{
		size_t		block = k / 64;
		uint64_t	bit = UINT64_C(1) << (k % 64);
		sim_char	c = p[k];

		if (c < 128)
			pm->ascii[c * pm->nblocks + block] |= bit;
		else
		{
			BlockHash  *h = &pm->hash[block];
			size_t		i;

			for (i = HashChar(c) & 127;; i = (i + 1) & 127)
			{
				if (h->keys[i] == c)
				{
					h->masks[i] |= bit;
					break;
				}
				if (h->keys[i] == 0)
				{
					h->keys[i] = c;
					h->masks[i] = bit;
					break;
				}
			}
		}
	}
}

static bool
HasNonAscii(const sim_char *p, size_t m)
{
	size_t		k;

	for (k = 0; k < m; k++)
		if (p[k] >= 128)
			return true;
	return false;
}

/*
 * A process-wide ASCII match table that is all zero between uses, so that
 * the short-string paths (millions of calls on names) need not clear 1 kB
 * each time: PatternInit1 fills the pattern's entries, PatternDone1 zeroes
 * just those.  If an error or cancellation ever leaves it in use, the next
 * user finds it marked dirty and clears it whole.  The code is
 * single-threaded and the users never nest.
 */
static uint64_t clean_ascii[128];
static bool clean_dirty = false;

/*
 * PatternInit1: match vectors of a pattern of at most 64 code points, in
 * the shared clean table and caller-provided hash storage (no allocation).
 * Release with PatternDone1.
 */
static void
PatternInit1(PatternMap *pm, BlockHash *hash,
			 const sim_char *p, size_t m)
{
	pm->nblocks = 1;
	pm->owned = false;
	pm->ascii = clean_ascii;
	if (clean_dirty)
		memset(clean_ascii, 0, sizeof(clean_ascii));
	clean_dirty = true;
	if (HasNonAscii(p, m))
	{
		pm->hash = hash;
		memset(hash->keys, 0, sizeof(hash->keys));
	}
	else
		pm->hash = NULL;
	PatternFill(pm, p, m);
}

/* PatternDone1: give the shared table back clean */
static void
PatternDone1(PatternMap *pm, const sim_char *p, size_t m)
{
	size_t		k;

	for (k = 0; k < m; k++)
		if (p[k] < 128)
			clean_ascii[p[k]] = 0;
	clean_dirty = false;
}

/* PatternInit: match vectors of any pattern; false when out of memory */
static bool
PatternInit(PatternMap *pm, const sim_char *p, size_t m)
{
	size_t		nblocks = (m + 63) / 64;

	pm->nblocks = nblocks;
	pm->owned = true;
	pm->hash = NULL;
	pm->ascii = sum_core_alloc(128 * nblocks * sizeof(uint64_t));
	if (pm->ascii == NULL)
		return false;
	memset(pm->ascii, 0, 128 * nblocks * sizeof(uint64_t));
	if (HasNonAscii(p, m))
	{
		size_t		b;

		pm->hash = sum_core_alloc(nblocks * sizeof(BlockHash));
		if (pm->hash == NULL)
			return false;
		for (b = 0; b < nblocks; b++)
			memset(pm->hash[b].keys, 0, sizeof(pm->hash[b].keys));
	}
	PatternFill(pm, p, m);
	return true;
}

static void
PatternFree(PatternMap *pm)
{
	if (!pm->owned)
		return;
	if (pm->ascii)
		sum_core_free(pm->ascii);
	if (pm->hash)
		sum_core_free(pm->hash);
}

/* ------------------------------------------------------------------------
 * Levenshtein
 * ------------------------------------------------------------------------
 */

/*
 * LevSingle: pattern p of 1..64 code points against text t.  limit is the
 * bound (n when unbounded); returns limit + 1 as soon as the distance is
 * sure to exceed it.
 */
static int64_t
LevSingle(const PatternMap *pm, size_t m, const sim_char *t, size_t n,
		  int64_t limit)
{
	uint64_t	vp = ~UINT64_C(0);
	uint64_t	vn = 0;
	uint64_t	last = UINT64_C(1) << (m - 1);
	int64_t		score = (int64_t) m;
	uint64_t	work = 0;
	size_t		j;
	bool		bounded = limit < (int64_t) n;

	for (j = 0; j < n; j++)
	{
		uint64_t	eq = PatternGet(pm, 0, t[j]);
		uint64_t	x = eq | vn;
		uint64_t	d0 = (((x & vp) + vp) ^ vp) | x;
		uint64_t	hp = vn | ~(d0 | vp);
		uint64_t	hn = vp & d0;

		if (hp & last)
			score++;
		else if (hn & last)
			score--;
		/* row 0 is D[0][j] = j: its horizontal delta is always +1 */
		hp = (hp << 1) | 1;
		hn = hn << 1;
		vp = hn | ~(d0 | hp);
		vn = hp & d0;

		/* the last row changes by at most one per remaining column */
		if (bounded && score - (int64_t) (n - j - 1) > limit)
			return limit + 1;
		SIM_CHECK_WORK(work, 1);
	}
	return score;
}

/*
 * AdvanceBlock: one column step of one 64-row block (Myers 1999, with the
 * horizontal delta hin coming from the block above).  Returns the
 * horizontal delta at the row marked by high.
 */
static inline int
AdvanceBlock(uint64_t *vpp, uint64_t *vnp, uint64_t eq, int hin, uint64_t high)
{
	uint64_t	vp = *vpp;
	uint64_t	vn = *vnp;
	uint64_t	xv = eq | vn;
	uint64_t	xh,
				hp,
				hn;
	int			hout = 0;

	if (hin < 0)
		eq |= 1;
	xh = (((eq & vp) + vp) ^ vp) | eq;
	hp = vn | ~(xh | vp);
	hn = vp & xh;
	if (hp & high)
		hout = 1;
	else if (hn & high)
		hout = -1;
	hp <<= 1;
	hn <<= 1;
	if (hin < 0)
		hn |= 1;
	else if (hin > 0)
		hp |= 1;
	*vpp = hn | ~(xv | hp);
	*vnp = hp & xv;
	return hout;
}

static inline int64_t
FloorDiv2(int64_t x)
{
	return x >= 0 ? x / 2 : -((-x + 1) / 2);
}

/*
 * LevBlocked: pattern p of more than 64 code points (m <= n) against t.
 * limit < n restricts the work to Ukkonen's band: a cell (i, j) on a path
 * of cost <= limit has diagonal d = i - j with |d| + |(m - n) - d| <= limit.
 */
static int64_t
LevBlocked(const PatternMap *pm, size_t m, const sim_char *t, size_t n,
		   int64_t limit)
{
	size_t		nblocks = pm->nblocks;
	uint64_t   *vp,
			   *vn;
	int64_t    *score;
	uint64_t	lasthigh = UINT64_C(1) << ((m - 1) % 64);
	bool		bounded = limit < (int64_t) n;
	int64_t		delta = (int64_t) m - (int64_t) n;
	int64_t		dlo = 0,
				dhi = 0;
	int64_t		active = -1;	/* last block initialised so far */
	uint64_t	work = 0;
	int64_t		result;
	size_t		j;

	vp = sum_core_alloc(nblocks * sizeof(uint64_t));
	vn = sum_core_alloc(nblocks * sizeof(uint64_t));
	score = sum_core_alloc(nblocks * sizeof(int64_t));
	if (vp == NULL || vn == NULL || score == NULL)
	{
		result = -1;
		goto done;
	}
	if (bounded)
	{
		dlo = -FloorDiv2(limit - delta);	/* ceil((delta - limit) / 2) */
		dhi = FloorDiv2(delta + limit);
	}

	for (j = 1; j <= n; j++)
	{
		size_t		fb,
					lb,
					b;
		int			h = 1;		/* row 0 (or the row above the band) grows */
		sim_char	c = t[j - 1];

		if (bounded)
		{
			int64_t		first = Max((int64_t) 1, (int64_t) j + dlo);
			int64_t		lastrow = Min((int64_t) m, (int64_t) j + dhi);

			fb = (size_t) (first - 1) / 64;
			lb = (size_t) (lastrow - 1) / 64;
		}
		else
		{
			fb = 0;
			lb = nblocks - 1;
		}

		/*
		 * Blocks entering the band start as if every row below the last
		 * computed one added 1 to the column before: an over-estimate.
		 */
		while (active < (int64_t) lb)
		{
			int64_t		nb = active + 1;
			int64_t		rows = (nb == (int64_t) nblocks - 1) ?
				(int64_t) m - 64 * nb : 64;

			vp[nb] = ~UINT64_C(0);
			vn[nb] = 0;
			score[nb] = (active >= 0 ? score[active] : 0) + rows;
			active = nb;
		}

		for (b = fb; b <= lb; b++)
		{
			uint64_t	high = (b == nblocks - 1) ? lasthigh : (UINT64_C(1) << 63);

			h = AdvanceBlock(&vp[b], &vn[b], PatternGet(pm, b, c), h, high);
			score[b] += h;
		}
		SIM_CHECK_WORK(work, lb - fb + 1);
	}
	result = score[nblocks - 1];
	if (result > limit)
		result = limit + 1;

done:
	if (vp)
		sum_core_free(vp);
	if (vn)
		sum_core_free(vn);
	if (score)
		sum_core_free(score);
	return result;
}

int64_t
sim_levenshtein(const sim_char *a, size_t alen, const sim_char *b, size_t blen,
				int64_t max)
{
	int64_t		limit;
	int64_t		result;

	/* common prefix and suffix cost nothing */
	while (alen > 0 && blen > 0 && a[0] == b[0])
	{
		a++, b++;
		alen--, blen--;
	}
	while (alen > 0 && blen > 0 && a[alen - 1] == b[blen - 1])
		alen--, blen--;

	/* the shorter string is the pattern: fewer blocks, less memory */
	if (alen > blen)
	{
		const sim_char *tp = a;
		size_t		tl = alen;

		a = b;
		alen = blen;
		b = tp;
		blen = tl;
	}

	/* the distance never exceeds the longer length */
	limit = (max < 0 || max > (int64_t) blen) ? (int64_t) blen : max;
	if ((int64_t) (blen - alen) > limit)
		return limit + 1;
	if (alen == 0)
		return (int64_t) blen;

	if (alen <= 64)
	{
		BlockHash	hash;
		PatternMap	pm;

		PatternInit1(&pm, &hash, a, alen);
		result = LevSingle(&pm, alen, b, blen, limit);
		PatternDone1(&pm, a, alen);
	}
	else
	{
		PatternMap	pm;

		if (!PatternInit(&pm, a, alen))
			result = -1;
		else
			result = LevBlocked(&pm, alen, b, blen, limit);
		PatternFree(&pm);
	}
	return result;
}

/* ------------------------------------------------------------------------
 * Longest common subsequence (Hyyrö 2004, blocked with carries)
 * ------------------------------------------------------------------------
 */
int64_t
sim_lcs(const sim_char *a, size_t alen, const sim_char *b, size_t blen)
{
	PatternMap	pm;
	BlockHash	hash;
	uint64_t	s1[1];
	uint64_t   *s = s1;
	size_t		prefix = 0,
				nb,
				j,
				k;
	int64_t		lcs = 0;
	uint64_t	work = 0;

	while (alen > 0 && blen > 0 && a[0] == b[0])
	{
		a++, b++;
		alen--, blen--;
		prefix++;
	}
	while (alen > 0 && blen > 0 && a[alen - 1] == b[blen - 1])
	{
		alen--, blen--;
		prefix++;
	}
	if (alen == 0 || blen == 0)
		return (int64_t) prefix;
	if (alen > blen)
	{
		const sim_char *tp = a;
		size_t		tl = alen;

		a = b;
		alen = blen;
		b = tp;
		blen = tl;
	}

	nb = (alen + 63) / 64;
	if (nb == 1)
		PatternInit1(&pm, &hash, a, alen);
	else
	{
		if (!PatternInit(&pm, a, alen))
		{
			PatternFree(&pm);
			return -1;
		}
		s = sum_core_alloc(nb * sizeof(uint64_t));
		if (s == NULL)
		{
			PatternFree(&pm);
			return -1;
		}
	}
	for (k = 0; k < nb; k++)
		s[k] = ~UINT64_C(0);

	for (j = 0; j < blen; j++)
	{
		uint64_t	carry = 0;

		for (k = 0; k < nb; k++)
		{
			uint64_t	u = s[k] & PatternGet(&pm, k, b[j]);
			uint64_t	sum = s[k] + u;
			uint64_t	c1 = sum < s[k];
			uint64_t	x = sum + carry;
			uint64_t	c2 = x < sum;

			s[k] = x | (s[k] - u);
			carry = c1 | c2;
		}
		SIM_CHECK_WORK(work, nb);
	}
	for (k = 0; k < nb; k++)
	{
		uint64_t	zeros = ~s[k];

		if (k == nb - 1 && alen % 64 != 0)
			zeros &= (UINT64_C(1) << (alen % 64)) - 1;
		lcs += __builtin_popcountll(zeros);
	}
	if (s != s1)
		sum_core_free(s);
	if (nb == 1)
		PatternDone1(&pm, a, alen);
	PatternFree(&pm);
	return lcs + (int64_t) prefix;
}

/* ------------------------------------------------------------------------
 * Damerau-Levenshtein, unrestricted, in linear space
 * ------------------------------------------------------------------------
 */
int64_t
sim_damerau_levenshtein(const sim_char *a, size_t alen,
						const sim_char *b, size_t blen)
{
	CharMap		lastrow;
	int32_t    *buf = NULL,
			   *prev,
			   *cur,
			   *fr;
	int32_t		big;
	int64_t		result = -1;
	uint64_t	work = 0;
	size_t		i,
				j;

	while (alen > 0 && blen > 0 && a[0] == b[0])
	{
		a++, b++;
		alen--, blen--;
	}
	while (alen > 0 && blen > 0 && a[alen - 1] == b[blen - 1])
		alen--, blen--;
	if (alen == 0 || blen == 0)
		return (int64_t) (alen + blen);
	/* texts are below 1 GB, so the lengths fit; refuse what would not */
	if (alen + blen >= INT32_MAX / 2)
		return -1;
	big = (int32_t) (alen + blen + 1);

	lastrow.keys = NULL;
	lastrow.vals = NULL;
	if (!CharMapInit(&lastrow, alen, 0))
		goto done;

	/*
	 * Rows are indexed from -1 so that j - 2 is always valid: prev and cur
	 * are DP rows i - 1 and i (cur holds row i - 2 until overwritten), fr[j]
	 * is D[k - 1][j - 2] saved when row k last matched b[j].
	 */
	buf = sum_core_alloc(3 * (blen + 2) * sizeof(int32_t));
	if (buf == NULL)
		goto done;
	prev = buf + 1;
	cur = buf + (blen + 2) + 1;
	fr = buf + 2 * (blen + 2) + 1;
	prev[-1] = big;
	cur[-1] = big;
	for (j = 0; j <= blen; j++)
	{
		prev[j] = (int32_t) j;
		cur[j] = big;
		fr[j] = big;
	}
	fr[-1] = big;

	for (i = 1; i <= alen; i++)
	{
		int32_t		lastcol = -1;	/* last column j' < j with b[j'] = a[i] */
		int32_t		i2l1;		/* D[i-2][j-1], read before overwriting */
		int32_t		t = big;	/* D[i-2][lastcol-1] */
		sim_char	ai = a[i - 1];
		int32_t    *tmp;

		i2l1 = cur[0];
		cur[0] = (int32_t) i;
		for (j = 1; j <= blen; j++)
		{
			sim_char	bj = b[j - 1];
			int32_t		diag = prev[j - 1] + (ai != bj);
			int32_t		left = cur[j - 1] + 1;
			int32_t		up = prev[j] + 1;
			int32_t		v = Min(diag, Min(left, up));

			if (ai == bj)
			{
				lastcol = (int32_t) j;
				fr[j] = prev[(ptrdiff_t) j - 2];
				t = i2l1;
			}
			else
			{
				int32_t		k = CharMapGet(&lastrow, bj);	/* 0: none */

				if ((int32_t) j - lastcol == 1)
				{
					/* b[j-1] = a[i]: transpose over a gap in a only */
					if (k > 0)
						v = Min(v, fr[j] + (int32_t) i - k);
				}
				else if (k > 0 && (int32_t) i - k == 1)
				{
					/* a[i-1] = b[j]: transpose over a gap in b only */
					v = Min(v, t + (int32_t) j - lastcol);
				}
			}
			i2l1 = cur[j];
			cur[j] = v;
		}
		*CharMapRef(&lastrow, ai) = (int32_t) i;
		/* row i becomes prev; row i - 1 is overwritten next */
		tmp = prev;
		prev = cur;
		cur = tmp;
		SIM_CHECK_WORK(work, blen);
	}
	result = prev[blen];

done:
	if (buf)
		sum_core_free(buf);
	CharMapFree(&lastrow);
	return result;
}

/* ------------------------------------------------------------------------
 * Jaro and Jaro-Winkler
 * ------------------------------------------------------------------------
 */

/*
 * JaroMatchLong: the greedy matching of the textbook algorithm in linear
 * time, for strings too long for the quadratic loop.  For each character
 * of b, its positions in order; ptr[id] is the first position that may
 * still be matched (earlier ones are used or fell out of the window for
 * good, since the window only moves forward).  Returns the number of
 * matches, or -1 when out of memory.
 */
static int64_t
JaroMatchLong(const sim_char *a, size_t alen, const sim_char *b, size_t blen,
			  size_t range, unsigned char *aflag, unsigned char *bflag)
{
	CharMap		ids;
	size_t	   *start = NULL,
			   *ptr = NULL,
			   *pos = NULL;
	int32_t		nd = 0;
	int64_t		common = -1;
	uint64_t	work = 0;
	size_t		i,
				j;

	ids.keys = NULL;
	ids.vals = NULL;
	if (!CharMapInit(&ids, blen, -1))
		goto done;
	for (j = 0; j < blen; j++)
	{
		int32_t    *ref = CharMapRef(&ids, b[j]);

		if (*ref < 0)
			*ref = nd++;
	}
	start = sum_core_alloc((nd + 1) * sizeof(size_t));
	ptr = sum_core_alloc((nd + 1) * sizeof(size_t));
	pos = sum_core_alloc(blen * sizeof(size_t));
	if (start == NULL || ptr == NULL || pos == NULL)
		goto done;
	memset(start, 0, (nd + 1) * sizeof(size_t));
	for (j = 0; j < blen; j++)
		start[CharMapGet(&ids, b[j]) + 1]++;
	for (i = 1; i <= (size_t) nd; i++)
		start[i] += start[i - 1];
	memcpy(ptr, start, (nd + 1) * sizeof(size_t));
	for (j = 0; j < blen; j++)
		pos[ptr[CharMapGet(&ids, b[j])]++] = j;
	memcpy(ptr, start, (nd + 1) * sizeof(size_t));

	common = 0;
	for (i = 0; i < alen; i++)
	{
		int32_t		id = CharMapGet(&ids, a[i]);
		size_t		lo = i > range ? i - range : 0;
		size_t		hi = i + range;
		size_t		p,
					end;

		if (id < 0)
			continue;
		p = ptr[id];
		end = start[id + 1];
		while (p < end && pos[p] < lo)
			p++;
		if (p < end && pos[p] <= hi)
		{
			aflag[i] = 1;
			bflag[pos[p]] = 1;
			common++;
			p++;
		}
		ptr[id] = p;
		SIM_CHECK_WORK(work, 1);
	}

done:
	if (start)
		sum_core_free(start);
	if (ptr)
		sum_core_free(ptr);
	if (pos)
		sum_core_free(pos);
	CharMapFree(&ids);
	return common;
}

/*
 * JaroWeight64: Jaro for strings of at most 64 code points with bit sets:
 * for a[i], the first unused position of the same character in b's window
 * is the lowest bit of match mask & ~used & window.  Same greedy matching
 * as the textbook loop, a few word operations per character.
 */
static double
JaroWeight64(const sim_char *a, size_t alen, const sim_char *b, size_t blen,
			 size_t range)
{
	BlockHash	hash;
	PatternMap	pm;
	uint64_t	aflags = 0,
				bflags = 0,
				af,
				bf;
	int64_t		common = 0,
				trans = 0;
	size_t		i;
	double		c;

	PatternInit1(&pm, &hash, b, blen);
	for (i = 0; i < alen; i++)
	{
		size_t		lo = i > range ? i - range : 0;
		size_t		hi = Min(i + range, blen - 1);
		uint64_t	window,
					cand;

		if (lo > hi)
			continue;
		window = (hi == 63 ? ~UINT64_C(0) : ((UINT64_C(1) << (hi + 1)) - 1)) &
			~((UINT64_C(1) << lo) - 1);
		cand = PatternGet(&pm, 0, a[i]) & ~bflags & window;
		if (cand)
		{
			bflags |= cand & (~cand + 1);	/* lowest set bit */
			aflags |= UINT64_C(1) << i;
			common++;
		}
	}
	PatternDone1(&pm, b, blen);
	if (common == 0)
		return 0.0;

	/* pair the matched characters in order and count the mismatches */
	af = aflags;
	bf = bflags;
	while (af)
	{
		int			ia = __builtin_ctzll(af);
		int			jb = __builtin_ctzll(bf);

		if (a[ia] != b[jb])
			trans++;
		af &= af - 1;
		bf &= bf - 1;
	}
	trans /= 2;
	c = (double) common;
	return (c / (double) alen + c / (double) blen + (c - (double) trans) / c) / 3;
}

/* JaroWeight: the Jaro similarity as jellyfish computes it; < 0 on OOM */
static double
JaroWeight(const sim_char *a, size_t alen, const sim_char *b, size_t blen)
{
	unsigned char stackflags[512];
	unsigned char *aflag,
			   *bflag;
	size_t		range,
				i,
				k;
	int64_t		common = 0,
				trans = 0;
	double		c,
				weight;

	if (alen == 0 || blen == 0)
		return 0.0;
	/* every character matches in place: (1 + 1 + 1) / 3, exactly */
	if (alen == blen && memcmp(a, b, alen * sizeof(sim_char)) == 0)
		return 1.0;
	range = Max(alen, blen) / 2;
	range = range > 0 ? range - 1 : 0;

	if (alen <= 64 && blen <= 64)
		return JaroWeight64(a, alen, b, blen, range);

	if (alen + blen <= sizeof(stackflags))
		aflag = stackflags;
	else
	{
		aflag = sum_core_alloc(alen + blen);
		if (aflag == NULL)
			return -1.0;
	}
	bflag = aflag + alen;
	memset(aflag, 0, alen + blen);

	common = JaroMatchLong(a, alen, b, blen, range, aflag, bflag);

	if (common <= 0)
	{
		if (aflag != stackflags)
			sum_core_free(aflag);
		return common < 0 ? -1.0 : 0.0;
	}

	/* half the matched characters that are out of order */
	k = 0;
	for (i = 0; i < alen; i++)
	{
		if (!aflag[i])
			continue;
		while (!bflag[k])
			k++;
		if (a[i] != b[k])
			trans++;
		k++;
	}
	trans /= 2;
	if (aflag != stackflags)
		sum_core_free(aflag);

	/* the operation order of jellyfish, so that results agree to the bit */
	c = (double) common;
	weight = (c / (double) alen + c / (double) blen + (c - (double) trans) / c) / 3;
	return weight;
}

double
sim_jaro(const sim_char *a, size_t alen, const sim_char *b, size_t blen)
{
	return JaroWeight(a, alen, b, blen);
}

double
sim_jaro_winkler(const sim_char *a, size_t alen, const sim_char *b, size_t blen)
{
	double		weight = JaroWeight(a, alen, b, blen);

	if (weight > 0.7)
	{
		size_t		n = Min(Min(alen, blen), 4);
		size_t		l = 0;

		while (l < n && a[l] == b[l])
			l++;
		if (l > 0)
			weight += (double) l * 0.1 * (1.0 - weight);
	}
	return weight;
}

/* ------------------------------------------------------------------------
 * q-gram Jaccard
 * ------------------------------------------------------------------------
 */
typedef struct GramEntry
{
	uint64_t	key;			/* packed gram (q <= 3) or its hash */
	const sim_char *p;			/* the gram, for exact comparison */
	uint32_t	len;
	unsigned char seen;			/* 1: in a, 2: in b, 0: free slot */
} GramEntry;

static uint64_t
GramKey(const sim_char *p, size_t len, bool packed)
{
	uint64_t	h = packed ? 0 : UINT64_C(0xcbf29ce484222325);
	size_t		i;

	for (i = 0; i < len; i++)
	{
		if (packed)
			h = (h << 21) | (uint64_t) (p[i] + 1);	/* below 2^21: exact */
		else
			h = (h ^ p[i]) * UINT64_C(0x100000001b3) + (h >> 29);
	}
	return h;
}

static void
GramInsert(GramEntry *tab, size_t mask, const sim_char *p, size_t len,
		   bool packed, unsigned char who)
{
	uint64_t	key = GramKey(p, len, packed);
	size_t		i;

	for (i = (size_t) (key ^ (key >> 31)) * 0x9E3779B1u & mask;; i = (i + 1) & mask)
	{
		GramEntry  *e = &tab[i];

		if (e->seen == 0)
		{
			e->key = key;
			e->p = p;
			e->len = (uint32_t) len;
			e->seen = who;
			return;
		}
		if (e->key == key &&
			(packed || (e->len == len && memcmp(e->p, p, len * sizeof(sim_char)) == 0)))
		{
			e->seen |= who;
			return;
		}
	}
}

double
sim_jaccard(const sim_char *a, size_t alen, const sim_char *b, size_t blen, int q)
{
	size_t		na,
				nb,
				cap = 16,
				i,
				inter = 0,
				uni = 0;
	size_t		ga = Min(alen, (size_t) q),
				gb = Min(blen, (size_t) q);
	bool		packed = q <= 3;
	GramEntry  *tab;
	uint64_t	work = 0;

	if (q < 1 || q > SIM_JACCARD_MAX_Q)
		return -1.0;
	if (alen == 0 && blen == 0)
		return 1.0;
	if (alen == 0 || blen == 0)
		return 0.0;
	na = alen < (size_t) q ? 1 : alen - q + 1;
	nb = blen < (size_t) q ? 1 : blen - q + 1;
	while (cap < 2 * (na + nb))
		cap <<= 1;
	tab = sum_core_alloc(cap * sizeof(GramEntry));
	if (tab == NULL)
		return -1.0;
	for (i = 0; i < cap; i++)
		tab[i].seen = 0;
	for (i = 0; i < na; i++)
	{
		GramInsert(tab, cap - 1, a + i, ga, packed, 1);
		SIM_CHECK_WORK(work, ga);
	}
	for (i = 0; i < nb; i++)
	{
		GramInsert(tab, cap - 1, b + i, gb, packed, 2);
		SIM_CHECK_WORK(work, gb);
	}
	for (i = 0; i < cap; i++)
	{
		if (tab[i].seen)
			uni++;
		if (tab[i].seen == 3)
			inter++;
	}
	sum_core_free(tab);
	return (double) inter / (double) uni;
}

/* ------------------------------------------------------------------------
 * Token-set similarity (rapidfuzz's token_set_ratio / 100)
 * ------------------------------------------------------------------------
 */
typedef struct Token
{
	const sim_char *p;
	size_t		len;
} Token;

static int
TokenCmp(const void *x, const void *y)
{
	const Token *s = x;
	const Token *t = y;
	size_t		n = Min(s->len, t->len);
	size_t		i;

	for (i = 0; i < n; i++)
		if (s->p[i] != t->p[i])
			return s->p[i] < t->p[i] ? -1 : 1;
	return s->len < t->len ? -1 : (s->len > t->len ? 1 : 0);
}

/* SplitWords: sorted, de-duplicated white-space separated words of s */
static Token *
SplitWords(const sim_char *s, size_t len, size_t *count)
{
	Token	   *tok;
	size_t		n = 0,
				i = 0,
				k;

	*count = 0;
	tok = sum_core_alloc((len / 2 + 1) * sizeof(Token));
	if (tok == NULL)
		return NULL;
	while (i < len)
	{
		size_t		st;

		while (i < len && sim_is_space(s[i]))
			i++;
		if (i == len)
			break;
		st = i;
		while (i < len && !sim_is_space(s[i]))
			i++;
		tok[n].p = s + st;
		tok[n].len = i - st;
		n++;
	}
	if (n > 1)
		qsort(tok, n, sizeof(Token), TokenCmp);
	for (i = 0, k = 0; i < n; i++)
		if (k == 0 || TokenCmp(&tok[k - 1], &tok[i]) != 0)
			tok[k++] = tok[i];
	*count = k;
	return tok;
}

/* JoinWords: the words joined by single spaces into a new array */
static sim_char *
JoinWords(Token **w, size_t n, size_t *len)
{
	size_t		total = 0,
				i,
				o = 0;
	sim_char   *out;

	for (i = 0; i < n; i++)
		total += w[i]->len + (i > 0);
	*len = total;
	out = sum_core_alloc((total + 1) * sizeof(sim_char));
	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i++)
	{
		if (i > 0)
			out[o++] = ' ';
		memcpy(out + o, w[i]->p, w[i]->len * sizeof(sim_char));
		o += w[i]->len;
	}
	return out;
}

/* NormDistance: rapidfuzz's _norm_distance / 100, same operation order */
static double
NormDistance(size_t dist, size_t lensum)
{
	if (lensum == 0)
		return 1.0;
	return (100.0 - 100.0 * (double) dist / (double) lensum) / 100.0;
}

double
sim_token_set(const sim_char *a, size_t alen, const sim_char *b, size_t blen)
{
	Token	   *ta = NULL,
			   *tb = NULL;
	Token	  **dab = NULL,
			  **dba = NULL;
	sim_char   *jab = NULL,
			   *jba = NULL;
	size_t		na,
				nb,
				i = 0,
				j = 0,
				nab = 0,
				nba = 0,
				nsect = 0,
				sect_len = 0,
				ab_len,
				ba_len;
	double		result = -1.0;

	ta = SplitWords(a, alen, &na);
	tb = SplitWords(b, blen, &nb);
	if (ta == NULL || tb == NULL)
		goto done;
	if (na == 0 || nb == 0)
	{
		result = 0.0;
		goto done;
	}
	dab = sum_core_alloc(na * sizeof(Token *));
	dba = sum_core_alloc(nb * sizeof(Token *));
	if (dab == NULL || dba == NULL)
		goto done;

	/* merge the two sorted word lists */
	while (i < na || j < nb)
	{
		int			c = (i == na) ? 1 : (j == nb) ? -1 : TokenCmp(&ta[i], &tb[j]);

		if (c == 0)
		{
			sect_len += ta[i].len + (nsect > 0);
			nsect++;
			i++, j++;
		}
		else if (c < 0)
			dab[nab++] = &ta[i++];
		else
			dba[nba++] = &tb[j++];
	}

	if (nsect > 0 && (nab == 0 || nba == 0))
	{
		result = 1.0;
		goto done;
	}

	jab = JoinWords(dab, nab, &ab_len);
	jba = JoinWords(dba, nba, &ba_len);
	if (jab == NULL || jba == NULL)
		goto done;
	{
		int64_t		lcs = sim_lcs(jab, ab_len, jba, ba_len);
		size_t		sect_ab_len = sect_len + (sect_len != 0) + ab_len;
		size_t		sect_ba_len = sect_len + (sect_len != 0) + ba_len;
		size_t		dist;
		double		r_ab,
					r_ba;

		if (lcs < 0)
			goto done;
		dist = ab_len + ba_len - 2 * (size_t) lcs;
		result = NormDistance(dist, sect_ab_len + sect_ba_len);
		if (sect_len == 0)
			goto done;
		r_ab = NormDistance(1 + ab_len, sect_len + sect_ab_len);
		r_ba = NormDistance(1 + ba_len, sect_len + sect_ba_len);
		result = Max(result, Max(r_ab, r_ba));
	}

done:
	if (ta)
		sum_core_free(ta);
	if (tb)
		sum_core_free(tb);
	if (dab)
		sum_core_free(dab);
	if (dba)
		sum_core_free(dba);
	if (jab)
		sum_core_free(jab);
	if (jba)
		sum_core_free(jba);
	return result;
}
