/*-------------------------------------------------------------------------
 *
 * src/funnel.c
 *	  ClickHouse-compatible windowFunnel over an order-free set of events.
 *
 * Semantics follow ClickHouse's current AggregateFunctionWindowFunnel
 * (the non-strict_once variant): every input row contributes one
 * (timestamp, step) pair per condition it matches (and, under strict_order,
 * a (timestamp, 0) pair when it matches none); the pairs are sorted by
 * timestamp and then by step, and scanned once.  For each level k the scan
 * remembers the start and the last timestamp of the most recent chain that
 * reached it; a step-k event extends the chain of level k-1 when it lies
 * within the window of that chain's first event (inclusive).  Because ties
 * are broken by step number, an event that matches several consecutive
 * steps advances the chain by all of them in default mode, and the result
 * never depends on the order of the input rows.
 *
 * In default mode the result equals "the longest prefix 1..L of steps that
 * has events t1 <= t2 <= ... <= tL with tL - t1 <= window": the scan keeps
 * the latest possible start for every level, which is the best one.  That
 * makes the default-mode answer monotone in the input, so a state that has
 * seen a complete chain can forget its events.  The strict modes are not
 * monotone (a later event can end a chain early) and keep everything.
 *
 * Memory: one 16-byte entry per distinct timestamp at which some step
 * matched (under strict_order: at which any row was seen), at most
 * SUM_FUNNEL_MAX_ENTRIES.  ClickHouse keeps 9 bytes per matched
 * (timestamp, step) pair with no bound but a 100 M check on deserialize.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "funnel.h"
#include "lebytes.h"

#define FUNNEL_SERIAL_VERSION	1
#define FUNNEL_HEADER_SIZE		16
#define FUNNEL_ENTRY_SIZE		16
#define FUNNEL_FLAG_COMPLETE	0x01

/* mask of the steps 1..nsteps */
static inline uint32_t
StepMask(int nsteps)
{
	return nsteps >= 32 ? 0xffffffffu : ((1u << nsteps) - 1);
}

static bool
WordIs(const char *w, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(w, name, len) == 0;
}

static bool
IsBlank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
sum_funnel_parse_modes(const char *s, size_t len, int *modes,
					   const char **bad, size_t *badlen)
{
	size_t		i = 0;
	int			m = 0;

	*modes = 0;
	while (i <= len)
	{
		size_t		start,
					end;

		start = i;
		while (i < len && s[i] != ',')
			i++;
		end = i;
		i++;					/* skip the comma (or step past the end) */
		while (start < end && IsBlank(s[start]))
			start++;
		while (end > start && IsBlank(s[end - 1]))
			end--;
		if (start == end)
			continue;			/* empty item, e.g. the whole string blank */

		*bad = s + start;
		*badlen = end - start;
		if (WordIs(s + start, end - start, "strict_deduplication"))
			m |= SUM_FUNNEL_STRICT_DEDUPLICATION;
		else if (WordIs(s + start, end - start, "strict_order"))
			m |= SUM_FUNNEL_STRICT_ORDER;
		else if (WordIs(s + start, end - start, "strict_increase"))
			m |= SUM_FUNNEL_STRICT_INCREASE;
		else if (WordIs(s + start, end - start, "allow_reentry"))
			m |= SUM_FUNNEL_ALLOW_REENTRY;
		else if (WordIs(s + start, end - start, "strict"))
			return SUM_FUNNEL_MODE_STRICT;
		else if (WordIs(s + start, end - start, "strict_once"))
			return SUM_FUNNEL_MODE_UNSUPPORTED;
		else
			return SUM_FUNNEL_MODE_UNKNOWN;
	}
	if ((m & SUM_FUNNEL_ALLOW_REENTRY) && !(m & SUM_FUNNEL_STRICT_ORDER))
	{
		*bad = "allow_reentry";
		*badlen = strlen(*bad);
		return SUM_FUNNEL_MODE_REENTRY;
	}
	*modes = m;
	return SUM_FUNNEL_OK;
}

void
sum_funnel_init(SumFunnel *f, int nsteps, int modes, int64_t window)
{
	memset(f, 0, sizeof(*f));
	f->nsteps = nsteps;
	f->modes = modes;
	f->window = window;
	f->sorted = true;
}

void
sum_funnel_free(SumFunnel *f)
{
	if (f->entries != NULL)
		sum_core_free(f->entries);
	f->entries = NULL;
	f->n = f->cap = 0;
}

/* Fold entry b into entry a, which has the same timestamp */
static inline void
Coalesce(SumFunnelEntry *a, const SumFunnelEntry *b)
{
	uint32_t	twice = a->steps & b->steps & ~1u;

	a->aux |= b->aux | twice;
	a->steps |= b->steps;
}

static int
CompareEntries(const void *pa, const void *pb)
{
	const SumFunnelEntry *a = pa;
	const SumFunnelEntry *b = pb;

	return a->ts < b->ts ? -1 : (a->ts > b->ts ? 1 : 0);
}

/* Sort by timestamp and fold entries of equal timestamps together */
static void
Compact(SumFunnel *f)
{
	uint32_t	i,
				j;

	if (f->sorted)
		return;
	qsort(f->entries, f->n, sizeof(SumFunnelEntry), CompareEntries);
	for (i = 0, j = 0; i < f->n; i++)
	{
		if (j > 0 && f->entries[j - 1].ts == f->entries[i].ts)
			Coalesce(&f->entries[j - 1], &f->entries[i]);
		else
			f->entries[j++] = f->entries[i];
	}
	f->n = j;
	f->sorted = true;
}

/*
 * In default mode a complete chain is final: drop the events.  Called only
 * at the points where the array is full, so its cost is amortized.
 */
static void
CheckComplete(SumFunnel *f)
{
	if (f->modes != 0 || f->complete)
		return;
	Compact(f);
	if (sum_funnel_scan(f->entries, f->n, f->nsteps, f->modes, f->window,
						NULL) == f->nsteps)
	{
		sum_funnel_free(f);
		f->complete = true;
		f->sorted = true;
	}
}

/* Make room for need more entries */
static int
Reserve(SumFunnel *f, uint32_t need)
{
	uint64_t	want = (uint64_t) f->n + need;
	uint64_t	newcap;
	SumFunnelEntry *e;

	if (want <= f->cap)
		return SUM_FUNNEL_OK;

	/* first try to make room by folding equal timestamps together */
	if (f->n > 0)
	{
		Compact(f);
		CheckComplete(f);
		if (f->complete)
			return SUM_FUNNEL_OK;
		want = (uint64_t) f->n + need;
		if (want <= f->cap && f->n <= f->cap / 2)
			return SUM_FUNNEL_OK;
	}
	if (want > SUM_FUNNEL_MAX_ENTRIES)
		return SUM_FUNNEL_ETOOBIG;

	newcap = f->cap ? (uint64_t) f->cap * 2 : 8;
	while (newcap < want)
		newcap *= 2;
	if (newcap > SUM_FUNNEL_MAX_ENTRIES)
		newcap = SUM_FUNNEL_MAX_ENTRIES;

	e = sum_core_alloc(newcap * sizeof(SumFunnelEntry));
	if (e == NULL)
		return SUM_FUNNEL_ENOMEM;
	if (f->n > 0)
		memcpy(e, f->entries, f->n * sizeof(SumFunnelEntry));
	if (f->entries != NULL)
		sum_core_free(f->entries);
	f->entries = e;
	f->cap = (uint32_t) newcap;
	return SUM_FUNNEL_OK;
}

int
sum_funnel_add(SumFunnel *f, int64_t ts, uint32_t steps)
{
	SumFunnelEntry entry;
	int			rc;

	steps &= StepMask(f->nsteps);
	if (f->complete)
		return SUM_FUNNEL_OK;
	entry.ts = ts;
	entry.steps = steps;
	entry.aux = 0;
	if (steps == 0)
	{
		/* a row that matches no step only matters as an interruption */
		if (!(f->modes & SUM_FUNNEL_STRICT_ORDER))
			return SUM_FUNNEL_OK;
		entry.aux = SUM_FUNNEL_AUX_OTHER;
	}

	if (f->n > 0)
	{
		SumFunnelEntry *last = &f->entries[f->n - 1];

		if (f->sorted && last->ts == ts)
		{
			Coalesce(last, &entry);
			return SUM_FUNNEL_OK;
		}
		if (last->ts > ts)
			f->sorted = false;
	}
	rc = Reserve(f, 1);
	if (rc != SUM_FUNNEL_OK || f->complete)
		return rc;
	/* Reserve may have compacted: re-check the order against the new tail */
	if (f->n > 0 && f->entries[f->n - 1].ts >= ts)
	{
		if (f->entries[f->n - 1].ts == ts && f->sorted)
		{
			Coalesce(&f->entries[f->n - 1], &entry);
			return SUM_FUNNEL_OK;
		}
		f->sorted = false;
	}
	f->entries[f->n++] = entry;
	return SUM_FUNNEL_OK;
}

int
sum_funnel_merge(SumFunnel *dst, const SumFunnel *src)
{
	int			rc;
	bool		in_order;

	if (src->nsteps == 0)
		return SUM_FUNNEL_OK;
	if (dst->nsteps == 0)
		sum_funnel_init(dst, src->nsteps, src->modes, src->window);
	if (dst->nsteps != src->nsteps || dst->modes != src->modes ||
		dst->window != src->window)
		return SUM_FUNNEL_EMISMATCH;

	if (dst->complete)
		return SUM_FUNNEL_OK;
	if (src->complete)
	{
		sum_funnel_free(dst);
		dst->complete = true;
		dst->sorted = true;
		return SUM_FUNNEL_OK;
	}
	if (src->n == 0)
		return SUM_FUNNEL_OK;

	if ((uint64_t) dst->n + src->n > SUM_FUNNEL_MAX_ENTRIES)
		Compact(dst);
	rc = Reserve(dst, src->n);
	if (rc != SUM_FUNNEL_OK || dst->complete)
		return rc;
	in_order = dst->sorted && src->sorted &&
		(dst->n == 0 || src->entries[0].ts > dst->entries[dst->n - 1].ts);
	memcpy(dst->entries + dst->n, src->entries, src->n * sizeof(SumFunnelEntry));
	dst->n += src->n;
	dst->sorted = in_order;
	return SUM_FUNNEL_OK;
}

/* Highest level reached: the set levels always form a prefix */
static int
MaxLevel(const bool *set, int nsteps)
{
	int			k;

	for (k = nsteps; k > 0; k--)
		if (set[k - 1])
			return k;
	return 0;
}

int
sum_funnel_scan(const SumFunnelEntry *e, uint32_t n, int nsteps, int modes,
				int64_t window, int64_t *done_at)
{
	int64_t		first[SUM_FUNNEL_MAX_STEPS];	/* start of level's chain */
	int64_t		last[SUM_FUNNEL_MAX_STEPS]; /* its most recent event */
	bool		set[SUM_FUNNEL_MAX_STEPS];
	bool		started = false;
	bool		dedup = (modes & SUM_FUNNEL_STRICT_DEDUPLICATION) != 0;
	bool		order = (modes & SUM_FUNNEL_STRICT_ORDER) != 0;
	bool		increase = (modes & SUM_FUNNEL_STRICT_INCREASE) != 0;
	bool		reentry = (modes & SUM_FUNNEL_ALLOW_REENTRY) != 0;
	uint32_t	i;

	if (nsteps < 1 || nsteps > SUM_FUNNEL_MAX_STEPS)
		return 0;
	memset(set, 0, sizeof(set));

	for (i = 0; i < n; i++)
	{
		int64_t		ts = e[i].ts;
		uint32_t	steps = e[i].steps & StepMask(nsteps);
		int			k;

		/* rows that matched no step sort first at their timestamp */
		if (order && (e[i].aux & SUM_FUNNEL_AUX_OTHER) && started)
			break;

		for (k = 0; k < nsteps; k++)
		{
			int			reps,
						r;

			if (!(steps & (1u << k)))
				continue;
			reps = (dedup && k > 0 && (e[i].aux & (1u << k))) ? 2 : 1;
			for (r = 0; r < reps; r++)
			{
				if (k == 0)
				{
					first[0] = last[0] = ts;
					set[0] = true;
					started = true;
				}
				else if (dedup && set[k])
				{
					/* a repeated step ends the search (ClickHouse #37177) */
					return MaxLevel(set, nsteps);
				}
				else if (order && started && !set[k - 1])
				{
					if (reentry)
						continue;
					return MaxLevel(set, nsteps);
				}
				else if (set[k - 1])
				{
					/* sorted input: ts >= last[k-1] >= first[k-1] */
					bool		ok = (uint64_t) ts - (uint64_t) first[k - 1] <= (uint64_t) window;

					if (increase)
						ok = ok && last[k - 1] < ts;
					if (ok)
					{
						first[k] = first[k - 1];
						last[k] = ts;
						set[k] = true;
						if (k + 1 == nsteps)
						{
							if (done_at != NULL)
								*done_at = ts;
							return nsteps;
						}
					}
				}
			}
		}
	}
	return MaxLevel(set, nsteps);
}

int
sum_funnel_level(SumFunnel *f)
{
	if (f->nsteps == 0)
		return 0;
	if (f->complete)
		return f->nsteps;
	Compact(f);
	return sum_funnel_scan(f->entries, f->n, f->nsteps, f->modes, f->window,
						   NULL);
}

size_t
sum_funnel_serial_size(const SumFunnel *f)
{
	return FUNNEL_HEADER_SIZE + (size_t) f->n * FUNNEL_ENTRY_SIZE;
}

void
sum_funnel_serialize(const SumFunnel *f, unsigned char *buf)
{
	uint32_t	i;

	buf[0] = FUNNEL_SERIAL_VERSION;
	buf[1] = (unsigned char) f->nsteps;
	buf[2] = (unsigned char) f->modes;
	buf[3] = f->complete ? FUNNEL_FLAG_COMPLETE : 0;
	sum_le_put32(buf + 4, f->n);
	sum_le_put64(buf + 8, (uint64_t) f->window);
	buf += FUNNEL_HEADER_SIZE;
	for (i = 0; i < f->n; i++, buf += FUNNEL_ENTRY_SIZE)
	{
		sum_le_put64(buf, (uint64_t) f->entries[i].ts);
		sum_le_put32(buf + 8, f->entries[i].steps);
		sum_le_put32(buf + 12, f->entries[i].aux);
	}
}

int
sum_funnel_deserialize(SumFunnel *f, const unsigned char *buf, size_t len,
					   const char **why)
{
	int			nsteps,
				modes;
	uint32_t	n,
				i,
				mask,
				auxmask;
	int64_t		window;
	bool		complete;

	memset(f, 0, sizeof(*f));
	if (len < FUNNEL_HEADER_SIZE)
	{
		*why = "it is shorter than its header";
		return 1;
	}
	if (buf[0] != FUNNEL_SERIAL_VERSION)
	{
		*why = "its format version is unknown";
		return 2;
	}
	nsteps = buf[1];
	modes = buf[2];
	if (nsteps < 1 || nsteps > SUM_FUNNEL_MAX_STEPS)
	{
		*why = "its step count is out of range";
		return 3;
	}
	if ((modes & ~SUM_FUNNEL_MODE_MASK) != 0 ||
		((modes & SUM_FUNNEL_ALLOW_REENTRY) && !(modes & SUM_FUNNEL_STRICT_ORDER)))
	{
		*why = "its mode is invalid";
		return 4;
	}
	if ((buf[3] & ~FUNNEL_FLAG_COMPLETE) != 0)
	{
		*why = "its flags are invalid";
		return 5;
	}
	complete = (buf[3] & FUNNEL_FLAG_COMPLETE) != 0;
	n = sum_le_get32(buf + 4);
	window = (int64_t) sum_le_get64(buf + 8);
	if (window < 0)
	{
		*why = "its window is negative";
		return 6;
	}
	if (n > SUM_FUNNEL_MAX_ENTRIES ||
		(len - FUNNEL_HEADER_SIZE) / FUNNEL_ENTRY_SIZE != n ||
		(len - FUNNEL_HEADER_SIZE) % FUNNEL_ENTRY_SIZE != 0)
	{
		*why = "its length does not match its entry count";
		return 7;
	}
	if (complete && (n != 0 || modes != 0))
	{
		*why = "it is marked complete but holds events";
		return 8;
	}

	mask = StepMask(nsteps);
	auxmask = (mask & ~1u) |
		((modes & SUM_FUNNEL_STRICT_ORDER) ? SUM_FUNNEL_AUX_OTHER : 0);
	sum_funnel_init(f, nsteps, modes, window);
	f->complete = complete;
	if (n == 0)
		return SUM_FUNNEL_OK;

	f->entries = sum_core_alloc((size_t) n * sizeof(SumFunnelEntry));
	if (f->entries == NULL)
		return SUM_FUNNEL_ENOMEM;
	f->cap = n;
	buf += FUNNEL_HEADER_SIZE;
	for (i = 0; i < n; i++, buf += FUNNEL_ENTRY_SIZE)
	{
		SumFunnelEntry *e = &f->entries[i];

		e->ts = (int64_t) sum_le_get64(buf);
		e->steps = sum_le_get32(buf + 8);
		e->aux = sum_le_get32(buf + 12);
		if ((e->steps & ~mask) != 0 || (e->aux & ~auxmask) != 0 ||
			(e->steps == 0 && !(e->aux & SUM_FUNNEL_AUX_OTHER)))
		{
			sum_funnel_free(f);
			*why = "an entry names a step that does not exist";
			return 9;
		}
		if (i > 0 && e->ts <= f->entries[i - 1].ts)
			f->sorted = false;
		f->n = i + 1;
	}
	return SUM_FUNNEL_OK;
}
