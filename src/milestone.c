/*-------------------------------------------------------------------------
 *
 * src/milestone.c
 *	  The per-user milestone state.
 *
 * Design.  The aggregate sum.milestones() turns a user's events into a state
 * that holds facts, never events: first and last times, counts per day, the
 * earliest few occurrences that a definition can still need.  Every fact is
 * a commutative, associative summary of the event multiset (a minimum, a
 * maximum, a sum, "the k smallest"), so that merging the states of any two
 * disjoint sets of events gives exactly the state of their union: partial
 * aggregates of parallel workers and Citus shards, and the pipeline's
 * stored state plus the events that arrived since, all equal one pass.
 * Evaluating "as of" a time happens at read time (sum_ms_evaluate), so the
 * stored state does not age.
 *
 * Layout (version 1), little-endian, unaligned:
 *
 *	 0	u8	version			 1	u8	flags (bit 0: sign-up known)
 *	 2	u16 nsections		 4	i32 sign-up day
 *	 8	u64 fingerprint of the definitions and time zone it was built for
 *	16	i64 signup			24	i64 first event		32	i64 last event
 *	40	u64 events
 *	48	ring of events per local day: i32 newest day, u32 its count, u32
 *		slots[42] for the days before it (slot = day mod 42)
 *	224 sections, one per definition, in the definitions' order, each a
 *		4-byte header (u8 kind, u8 steps, u8 flags, u8 cap) and a body:
 *
 *	first_event		i64 first matching event
 *	event_count		u32 used, i64 ts[cap]: the cap earliest matching events
 *					(a multiset), cap = N
 *	funnel			u8 used[steps], i64 ts[steps][cap]: per step the cap
 *					earliest distinct times, cap = SUM_MS_FUNNEL_SAMPLE
 *	active_days		u32 used, {i32 day, i64 first}[cap]: the cap earliest
 *					active days with their first event, cap = N
 *	paywall,		ring of matching events per day (as in the header), i64
 *	usage_drop		last, u64 events (no body for usage_drop over every
 *					event: the header's ring serves)
 *	inactivity		i64 last, u64 count (no body over every event)
 *
 * Everything one event changes in the header lies in its first 56 bytes
 * (one or two cache lines), the newest day's count included.
 *
 * Size: 224 bytes, plus per definition (section header included) 12
 * (first_event), 8 + 8N (event_count), 4 + 129 per step (funnel), 8 + 12N
 * (active_days), 196 (paywall, usage_drop with events), 20 (inactivity
 * with events), 4 otherwise.  Nothing grows with the number of events.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "funnel.h"
#include "lebytes.h"
#include "milestone.h"

/* header offsets: everything one event updates lies in the first 56 bytes */
#define H_VERSION		0
#define H_FLAGS			1
#define H_NSECTIONS		2
#define H_SIGNUP_DAY	4
#define H_FINGERPRINT	8
#define H_SIGNUP		16
#define H_FIRST			24
#define H_LAST			32
#define H_EVENTS		40
#define H_RING			48

#define SEC_HEADER		4

/*
 * A day ring: i32 day (the newest day with events), u32 count of that day,
 * u32 slots[42] for the 41 days before it (slot = day mod 42; the newest
 * day's own slot is always 0).  Keeping the newest day's count apart means
 * that a user's events of one day, which mostly arrive together, touch only
 * the ring's first bytes; the slots are written when a new day starts.
 */
#define RING_SIZE		(8 + 4 * SUM_MS_RING_DAYS)
#define R_DAY			0
#define R_HOT			4
#define R_SLOTS			8

/* paywall and usage_drop sections: a ring, then i64 last event, u64 events */
#define RING_BODY		(RING_SIZE + 8 + 8)
#define RB_LAST			RING_SIZE
#define RB_TOTAL		(RING_SIZE + 8)

static inline int64_t
GetI64(const unsigned char *p)
{
	return (int64_t) sum_le_get64(p);
}

static inline void
PutI64(unsigned char *p, int64_t v)
{
	sum_le_put64(p, (uint64_t) v);
}

static inline int32_t
GetI32(const unsigned char *p)
{
	return (int32_t) sum_le_get32(p);
}

static inline void
PutI32(unsigned char *p, int32_t v)
{
	sum_le_put32(p, (uint32_t) v);
}

uint64_t
sum_ms_fnv(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		h ^= p[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

/* Size of a section body, or 0 (with *bad) for impossible parameters */
static size_t
BodySize(int kind, int nsteps, int flags, int cap, bool *bad)
{
	*bad = false;
	switch (kind)
	{
		case SUM_MS_FIRST_EVENT:
			if (nsteps != 1 || cap != 0 || flags != 0)
				break;
			return 8;
		case SUM_MS_EVENT_COUNT:
			if (nsteps != 1 || cap < 1 || cap > SUM_MS_MAX_COUNT || flags != 0)
				break;
			return 4 + 8 * (size_t) cap;
		case SUM_MS_FUNNEL:
			if (nsteps < 2 || nsteps > SUM_MS_MAX_FUNNEL_STEPS ||
				cap != SUM_MS_FUNNEL_SAMPLE || flags != 0)
				break;
			return (size_t) nsteps * (1 + 8 * (size_t) cap);
		case SUM_MS_ACTIVE_DAYS:
			if (nsteps != 1 || cap < 1 || cap > SUM_MS_MAX_COUNT ||
				(flags & ~SUM_MS_ANY_EVENT) != 0)
				break;
			return 4 + 12 * (size_t) cap;
		case SUM_MS_PAYWALL:
			if (nsteps != 1 || cap != 0 || flags != 0)
				break;
			return RING_BODY;
		case SUM_MS_USAGE_DROP:
			if (nsteps != 1 || cap != 0 || (flags & ~SUM_MS_ANY_EVENT) != 0)
				break;
			return (flags & SUM_MS_ANY_EVENT) ? 0 : RING_BODY;
		case SUM_MS_INACTIVITY:
			if (nsteps != 1 || cap != 0 || (flags & ~SUM_MS_ANY_EVENT) != 0)
				break;
			return (flags & SUM_MS_ANY_EVENT) ? 0 : 16;
		default:
			break;
	}
	*bad = true;
	return 0;
}

/* Section capacity a definition needs */
static int
DefCap(const SumMsDef *d)
{
	switch (d->kind)
	{
		case SUM_MS_EVENT_COUNT:
		case SUM_MS_ACTIVE_DAYS:
			return d->min_count;
		case SUM_MS_FUNNEL:
			return SUM_MS_FUNNEL_SAMPLE;
		default:
			return 0;
	}
}

size_t
sum_ms_layout(SumMsDef *defs, int ndefs)
{
	size_t		size = SUM_MS_HEADER_SIZE;
	int			i;

	if (ndefs < 0 || ndefs > SUM_MS_MAX_DEFS)
		return 0;
	for (i = 0; i < ndefs; i++)
	{
		bool		bad;
		size_t		body = BodySize(defs[i].kind, defs[i].nsteps,
									defs[i].flags, DefCap(&defs[i]), &bad);

		if (bad)
			return 0;
		defs[i].offset = (uint32_t) size;
		size += SEC_HEADER + body;
	}
	return size;
}

/* ---------------------------------------------------------------------
 * Day rings
 * ---------------------------------------------------------------------
 */

static inline int
Slot(int64_t day)
{
	int			s = (int) (day % SUM_MS_RING_DAYS);

	return s < 0 ? s + SUM_MS_RING_DAYS : s;
}

static inline unsigned char *
RingSlot(unsigned char *ring, int64_t day)
{
	return ring + R_SLOTS + 4 * Slot(day);
}

static inline uint32_t
SatAdd(uint32_t a, uint32_t b)
{
	uint64_t	v = (uint64_t) a + b;

	return v > UINT32_MAX ? UINT32_MAX : (uint32_t) v;
}

static void
RingInit(unsigned char *ring)
{
	memset(ring, 0, RING_SIZE);
	PutI32(ring + R_DAY, SUM_MS_NO_DAY);
}

/*
 * RingAdd: count `n` events on `day`.  A newer day moves the ring forward:
 * the old newest day's count goes to its slot and the days passed over are
 * zeroed.  A day older than the ring covers is not counted (no window the
 * state answers for can contain it).
 */
static void
RingAdd(unsigned char *ring, int32_t day, uint32_t n)
{
	int32_t		rday = GetI32(ring + R_DAY);

	if (day == rday)
	{
		sum_le_put32(ring + R_HOT, SatAdd(sum_le_get32(ring + R_HOT), n));
		return;
	}
	if (rday == SUM_MS_NO_DAY || day > rday)
	{
		int64_t		gap = rday == SUM_MS_NO_DAY ? SUM_MS_RING_DAYS : (int64_t) day - rday;
		int64_t		k;

		if (gap >= SUM_MS_RING_DAYS)
			memset(ring + R_SLOTS, 0, 4 * SUM_MS_RING_DAYS);
		else
		{
			sum_le_put32(RingSlot(ring, rday), sum_le_get32(ring + R_HOT));
			for (k = 1; k <= gap; k++)
				sum_le_put32(RingSlot(ring, (int64_t) rday + k), 0);
		}
		PutI32(ring + R_DAY, day);
		sum_le_put32(ring + R_HOT, n);
		return;
	}
	if ((int64_t) day <= (int64_t) rday - SUM_MS_RING_DAYS)
		return;
	sum_le_put32(RingSlot(ring, day), SatAdd(sum_le_get32(RingSlot(ring, day)), n));
}

/* RingCount: events of one day the ring covers */
static inline uint32_t
RingCount(const unsigned char *ring, int64_t day)
{
	if (day == GetI32(ring + R_DAY))
		return sum_le_get32(ring + R_HOT);
	return sum_le_get32(ring + R_SLOTS + 4 * Slot(day));
}

/* RingMerge: add the counts of ring b into ring a */
static void
RingMerge(unsigned char *a, const unsigned char *b)
{
	int32_t		b_day = GetI32(b + R_DAY);
	int64_t		d;

	if (b_day == SUM_MS_NO_DAY)
		return;
	/* oldest first, so that moving the ring forward never drops b's days */
	for (d = (int64_t) b_day - SUM_MS_RING_DAYS + 1; d <= b_day; d++)
	{
		uint32_t	n = RingCount(b, d);

		if ((n > 0 || d == b_day) && d > SUM_MS_NO_DAY)
			RingAdd(a, (int32_t) d, n);
	}
}

/*
 * RingSum: events (or, with days_only, active days) in [from, to].  Days
 * after the ring are empty; days before it are unknown: *known = false.
 */
static int64_t
RingSum(const unsigned char *ring, int64_t from, int64_t to, bool days_only,
		bool *known)
{
	int32_t		rday = GetI32(ring + R_DAY);
	int64_t		d,
				sum = 0;

	*known = true;
	if (rday == SUM_MS_NO_DAY || from > rday)
		return 0;
	if (from <= (int64_t) rday - SUM_MS_RING_DAYS)
	{
		*known = false;
		return -1;
	}
	if (to > rday)
		to = rday;
	for (d = from; d <= to; d++)
	{
		uint32_t	n = RingCount(ring, d);

		sum += days_only ? (n > 0) : n;
	}
	return sum;
}

/* ---------------------------------------------------------------------
 * Sorted small arrays of timestamps
 * ---------------------------------------------------------------------
 */

/*
 * KeepSmallest: insert ts into the ascending list ts[0..*used) of at most
 * cap entries, keeping the cap smallest.  With distinct, a time already in
 * the list is not added again.
 */
static void
KeepSmallest(unsigned char *list, unsigned char *used_p, bool used8,
			 int cap, int64_t ts, bool distinct)
{
	int			used = used8 ? *used_p : (int) sum_le_get32(used_p);
	int			pos;

	if (used == cap && ts >= GetI64(list + 8 * (used - 1)))
		return;					/* the common case: later than all kept */
	/* position of the first entry greater than ts */
	pos = used;
	while (pos > 0 && GetI64(list + 8 * (pos - 1)) > ts)
		pos--;
	if (distinct && pos > 0 && GetI64(list + 8 * (pos - 1)) == ts)
		return;
	if (used == cap)
		used--;					/* the largest falls off */
	memmove(list + 8 * (pos + 1), list + 8 * pos, 8 * (size_t) (used - pos));
	PutI64(list + 8 * pos, ts);
	used++;
	if (used8)
		*used_p = (unsigned char) used;
	else
		sum_le_put32(used_p, (uint32_t) used);
}

/* ActiveDayAdd: record activity on day at ts in the earliest-days list */
static void
ActiveDayAdd(unsigned char *body, int cap, int32_t day, int64_t ts)
{
	int			used = (int) sum_le_get32(body);
	unsigned char *list = body + 4;
	int			pos;

	pos = used;
	while (pos > 0 && GetI32(list + 12 * (pos - 1)) > day)
		pos--;
	if (pos > 0 && GetI32(list + 12 * (pos - 1)) == day)
	{
		unsigned char *first = list + 12 * (pos - 1) + 4;

		if (ts < GetI64(first))
			PutI64(first, ts);
		return;
	}
	if (pos == cap)
		return;					/* later than every kept day */
	if (used == cap)
		used--;
	memmove(list + 12 * (pos + 1), list + 12 * pos, 12 * (size_t) (used - pos));
	PutI32(list + 12 * pos, day);
	PutI64(list + 12 * pos + 4, ts);
	sum_le_put32(body, (uint32_t) used + 1);
}

/* ---------------------------------------------------------------------
 * Building
 * ---------------------------------------------------------------------
 */

void
sum_ms_init(unsigned char *st, const SumMsDef *defs, int ndefs,
			uint64_t fingerprint, bool has_signup, int64_t signup,
			int32_t signup_day)
{
	int			i;

	memset(st, 0, SUM_MS_HEADER_SIZE);
	st[H_VERSION] = SUM_MS_VERSION;
	st[H_FLAGS] = has_signup ? SUM_MS_FLAG_SIGNUP : 0;
	sum_le_put16(st + H_NSECTIONS, (uint16_t) ndefs);
	sum_le_put64(st + H_FINGERPRINT, fingerprint);
	PutI64(st + H_SIGNUP, has_signup ? signup : 0);
	PutI32(st + H_SIGNUP_DAY, has_signup ? signup_day : 0);
	RingInit(st + H_RING);
	PutI64(st + H_FIRST, SUM_MS_NO_TS_HIGH);
	PutI64(st + H_LAST, SUM_MS_NO_TS_LOW);

	for (i = 0; i < ndefs; i++)
	{
		const SumMsDef *d = &defs[i];
		unsigned char *sec = st + d->offset;
		unsigned char *body = sec + SEC_HEADER;
		int			cap = DefCap(d);
		bool		bad;
		size_t		bsize = BodySize(d->kind, d->nsteps, d->flags, cap, &bad);

		sec[0] = (unsigned char) d->kind;
		sec[1] = (unsigned char) d->nsteps;
		sec[2] = (unsigned char) d->flags;
		sec[3] = (unsigned char) cap;
		memset(body, 0, bsize);
		switch (d->kind)
		{
			case SUM_MS_FIRST_EVENT:
				PutI64(body, SUM_MS_NO_TS_HIGH);
				break;
			case SUM_MS_PAYWALL:
			case SUM_MS_USAGE_DROP:
				if (bsize > 0)
				{
					RingInit(body);
					PutI64(body + RB_LAST, SUM_MS_NO_TS_LOW);
				}
				break;
			case SUM_MS_INACTIVITY:
				if (bsize > 0)
					PutI64(body, SUM_MS_NO_TS_LOW);
				break;
			default:
				break;
		}
	}
}

/*
 * InHorizon: does an event at ts (day) count for a definition measured
 * from sign-up?  Without D every event counts; with D only events in
 * [signup, signup + D days), and none when the sign-up time is unknown.
 * active_days measures D in local calendar days from the sign-up day.
 */
static bool
InHorizon(const unsigned char *st, const SumMsDef *d, int64_t ts, int32_t day)
{
	int64_t		signup;

	if (d->days < 0)
		return true;
	if (!(st[H_FLAGS] & SUM_MS_FLAG_SIGNUP))
		return false;
	signup = GetI64(st + H_SIGNUP);
	if (ts < signup)
		return false;
	if (d->kind == SUM_MS_ACTIVE_DAYS)
		return (int64_t) day - GetI32(st + H_SIGNUP_DAY) < d->days;
	return (uint64_t) ts - (uint64_t) signup < (uint64_t) d->days * (uint64_t) SUM_MS_USECS_PER_DAY;
}

/* Fold an event into one definition's section (step is 0-based) */
static void
SectionAdd(unsigned char *st, const SumMsDef *d, int step, int64_t ts, int32_t day)
{
	unsigned char *body = st + d->offset + SEC_HEADER;

	switch (d->kind)
	{
		case SUM_MS_FIRST_EVENT:
			if (ts < GetI64(body))
				PutI64(body, ts);
			break;
		case SUM_MS_EVENT_COUNT:
			if (InHorizon(st, d, ts, day))
				KeepSmallest(body + 4, body, false, d->min_count, ts, false);
			break;
		case SUM_MS_FUNNEL:
			if (step < d->nsteps && InHorizon(st, d, ts, day))
				KeepSmallest(body + d->nsteps + 8 * SUM_MS_FUNNEL_SAMPLE * step,
							 body + step, true, SUM_MS_FUNNEL_SAMPLE, ts, true);
			break;
		case SUM_MS_ACTIVE_DAYS:
			if (InHorizon(st, d, ts, day))
				ActiveDayAdd(body, d->min_count, day, ts);
			break;
		case SUM_MS_PAYWALL:
		case SUM_MS_USAGE_DROP:
			if (d->flags & SUM_MS_ANY_EVENT)
				break;			/* the header's ring counts every event */
			RingAdd(body, day, 1);
			if (ts > GetI64(body + RB_LAST))
				PutI64(body + RB_LAST, ts);
			sum_le_put64(body + RB_TOTAL, sum_le_get64(body + RB_TOTAL) + 1);
			break;
		case SUM_MS_INACTIVITY:
			if (d->flags & SUM_MS_ANY_EVENT)
				break;
			if (ts > GetI64(body))
				PutI64(body, ts);
			sum_le_put64(body + 8, sum_le_get64(body + 8) + 1);
			break;
	}
}

void
sum_ms_add(unsigned char *st, const SumMsDef *defs, int ndefs, int64_t ts,
		   int32_t day, const SumMsMatch *matches, int nmatches)
{
	int			i;

	if (ts < GetI64(st + H_FIRST))
		PutI64(st + H_FIRST, ts);
	if (ts > GetI64(st + H_LAST))
		PutI64(st + H_LAST, ts);
	sum_le_put64(st + H_EVENTS, sum_le_get64(st + H_EVENTS) + 1);
	RingAdd(st + H_RING, day, 1);

	for (i = 0; i < nmatches; i++)
		if (matches[i].def < ndefs)
			SectionAdd(st, &defs[matches[i].def], matches[i].step, ts, day);
}

/* ---------------------------------------------------------------------
 * Checking
 * ---------------------------------------------------------------------
 */

#define FAIL(code, msg) do { *why = (msg); return (code); } while (0)

static int
CheckRing(const unsigned char *ring, const char **why)
{
	int32_t		rday = GetI32(ring + R_DAY);
	int			i;

	if (rday == SUM_MS_NO_DAY)
	{
		if (sum_le_get32(ring + R_HOT) != 0)
			FAIL(20, "a daily ring without a day holds events");
		for (i = 0; i < SUM_MS_RING_DAYS; i++)
			if (sum_le_get32(ring + R_SLOTS + 4 * i) != 0)
				FAIL(20, "a daily ring without a day holds events");
	}
	else if (sum_le_get32(ring + R_SLOTS + 4 * Slot(rday)) != 0)
		FAIL(22, "a daily ring counts its newest day twice");
	return 0;
}

static int
CheckSorted(const unsigned char *list, int used, bool distinct, const char **why)
{
	int			i;

	for (i = 1; i < used; i++)
	{
		int64_t		a = GetI64(list + 8 * (i - 1));
		int64_t		b = GetI64(list + 8 * i);

		if (a > b || (distinct && a == b))
			FAIL(21, "a list of times is out of order");
	}
	return 0;
}

int
sum_ms_check(const unsigned char *st, size_t len, const char **why)
{
	size_t		off = SUM_MS_HEADER_SIZE;
	int			nsec,
				i,
				rc;
	int64_t		first,
				last;

	if (len < SUM_MS_HEADER_SIZE)
		FAIL(1, "it is shorter than its header");
	if (st[H_VERSION] != SUM_MS_VERSION)
		FAIL(2, "its format version is unknown");
	if ((st[H_FLAGS] & ~SUM_MS_FLAG_SIGNUP) != 0)
		FAIL(3, "its header has unknown flags");
	if (!(st[H_FLAGS] & SUM_MS_FLAG_SIGNUP) &&
		(GetI64(st + H_SIGNUP) != 0 || GetI32(st + H_SIGNUP_DAY) != 0))
		FAIL(4, "it has a sign-up time without its flag");
	first = GetI64(st + H_FIRST);
	last = GetI64(st + H_LAST);
	if (sum_le_get64(st + H_EVENTS) == 0)
	{
		if (first != SUM_MS_NO_TS_HIGH || last != SUM_MS_NO_TS_LOW ||
			GetI32(st + H_RING + R_DAY) != SUM_MS_NO_DAY)
			FAIL(5, "it has event times but no events");
	}
	else if (first > last || GetI32(st + H_RING + R_DAY) == SUM_MS_NO_DAY)
		FAIL(6, "its first and last event times disagree");
	if ((rc = CheckRing(st + H_RING, why)) != 0)
		return rc;

	nsec = sum_le_get16(st + H_NSECTIONS);
	if (nsec > SUM_MS_MAX_DEFS)
		FAIL(7, "it has too many sections");
	for (i = 0; i < nsec; i++)
	{
		const unsigned char *sec,
				   *body;
		int			kind,
					nsteps,
					flags,
					cap;
		size_t		bsize;
		bool		bad;

		if (len - off < SEC_HEADER)
			FAIL(8, "a section header is cut off");
		sec = st + off;
		kind = sec[0];
		nsteps = sec[1];
		flags = sec[2];
		cap = sec[3];
		bsize = BodySize(kind, nsteps, flags, cap, &bad);
		if (bad)
			FAIL(9, "a section has an unknown kind or impossible parameters");
		if (len - off - SEC_HEADER < bsize)
			FAIL(10, "a section is cut off");
		body = sec + SEC_HEADER;

		switch (kind)
		{
			case SUM_MS_EVENT_COUNT:
				{
					uint32_t	used = sum_le_get32(body);

					if (used > (uint32_t) cap)
						FAIL(11, "a section holds more entries than it can");
					if ((rc = CheckSorted(body + 4, (int) used, false, why)) != 0)
						return rc;
					break;
				}
			case SUM_MS_FUNNEL:
				{
					int			s;

					for (s = 0; s < nsteps; s++)
					{
						if (body[s] > cap)
							FAIL(11, "a section holds more entries than it can");
						if ((rc = CheckSorted(body + nsteps + 8 * (size_t) cap * s,
											  body[s], true, why)) != 0)
							return rc;
					}
					break;
				}
			case SUM_MS_ACTIVE_DAYS:
				{
					uint32_t	used = sum_le_get32(body);
					uint32_t	k;

					if (used > (uint32_t) cap)
						FAIL(11, "a section holds more entries than it can");
					for (k = 1; k < used; k++)
						if (GetI32(body + 4 + 12 * (k - 1)) >= GetI32(body + 4 + 12 * k))
							FAIL(21, "a list of days is out of order");
					break;
				}
			case SUM_MS_PAYWALL:
			case SUM_MS_USAGE_DROP:
				if (bsize > 0)
				{
					int32_t		rday = GetI32(body + R_DAY);

					if ((sum_le_get64(body + RB_TOTAL) == 0) !=
						(rday == SUM_MS_NO_DAY && GetI64(body + RB_LAST) == SUM_MS_NO_TS_LOW))
						FAIL(12, "a section's counts and times disagree");
					if ((rc = CheckRing(body, why)) != 0)
						return rc;
				}
				break;
			case SUM_MS_INACTIVITY:
				if (bsize > 0 &&
					(sum_le_get64(body + 8) == 0) != (GetI64(body) == SUM_MS_NO_TS_LOW))
					FAIL(12, "a section's counts and times disagree");
				break;
			default:
				break;
		}
		off += SEC_HEADER + bsize;
	}
	if (off != len)
		FAIL(13, "its length does not match its sections");
	return 0;
}

bool
sum_ms_same_layout(const unsigned char *st, size_t len, const SumMsDef *defs,
				   int ndefs)
{
	int			i;

	if (sum_le_get16(st + H_NSECTIONS) != ndefs)
		return false;
	for (i = 0; i < ndefs; i++)
	{
		const unsigned char *sec;

		if (defs[i].offset + SEC_HEADER > len)
			return false;
		sec = st + defs[i].offset;
		if (sec[0] != defs[i].kind || sec[1] != defs[i].nsteps ||
			sec[2] != defs[i].flags || sec[3] != DefCap(&defs[i]))
			return false;
	}
	return true;
}

uint64_t
sum_ms_fingerprint(const unsigned char *st)
{
	return sum_le_get64(st + H_FINGERPRINT);
}

bool
sum_ms_signup(const unsigned char *st, int64_t *signup)
{
	*signup = GetI64(st + H_SIGNUP);
	return (st[H_FLAGS] & SUM_MS_FLAG_SIGNUP) != 0;
}

/* ---------------------------------------------------------------------
 * Merging
 * ---------------------------------------------------------------------
 */

int
sum_ms_merge(unsigned char *dst, const unsigned char *src, size_t len)
{
	size_t		off = SUM_MS_HEADER_SIZE;
	int			nsec,
				i;

	if (sum_le_get64(dst + H_FINGERPRINT) != sum_le_get64(src + H_FINGERPRINT))
		return SUM_MS_EFINGERPRINT;
	if (dst[H_FLAGS] != src[H_FLAGS] ||
		GetI64(dst + H_SIGNUP) != GetI64(src + H_SIGNUP) ||
		GetI32(dst + H_SIGNUP_DAY) != GetI32(src + H_SIGNUP_DAY))
		return SUM_MS_ESIGNUP;
	nsec = sum_le_get16(dst + H_NSECTIONS);
	if (nsec != sum_le_get16(src + H_NSECTIONS))
		return SUM_MS_ELAYOUT;
	/* both were checked; the same headers mean the same layout */
	for (i = 0; i < nsec; i++)
	{
		bool		bad;
		size_t		bsize;

		if (memcmp(dst + off, src + off, SEC_HEADER) != 0)
			return SUM_MS_ELAYOUT;
		bsize = BodySize(dst[off], dst[off + 1], dst[off + 2], dst[off + 3], &bad);
		off += SEC_HEADER + bsize;
	}
	if (off != len)
		return SUM_MS_ELAYOUT;

	if (sum_le_get64(src + H_EVENTS) == 0)
		return SUM_MS_OK;
	if (GetI64(src + H_FIRST) < GetI64(dst + H_FIRST))
		PutI64(dst + H_FIRST, GetI64(src + H_FIRST));
	if (GetI64(src + H_LAST) > GetI64(dst + H_LAST))
		PutI64(dst + H_LAST, GetI64(src + H_LAST));
	sum_le_put64(dst + H_EVENTS, sum_le_get64(dst + H_EVENTS) + sum_le_get64(src + H_EVENTS));
	RingMerge(dst + H_RING, src + H_RING);

	off = SUM_MS_HEADER_SIZE;
	for (i = 0; i < nsec; i++)
	{
		unsigned char *d = dst + off + SEC_HEADER;
		const unsigned char *s = src + off + SEC_HEADER;
		int			kind = dst[off],
					nsteps = dst[off + 1],
					flags = dst[off + 2],
					cap = dst[off + 3];
		bool		bad;
		size_t		bsize = BodySize(kind, nsteps, flags, cap, &bad);

		switch (kind)
		{
			case SUM_MS_FIRST_EVENT:
				if (GetI64(s) < GetI64(d))
					PutI64(d, GetI64(s));
				break;
			case SUM_MS_EVENT_COUNT:
				{
					uint32_t	k,
								used = sum_le_get32(s);

					for (k = 0; k < used; k++)
						KeepSmallest(d + 4, d, false, cap, GetI64(s + 4 + 8 * k), false);
					break;
				}
			case SUM_MS_FUNNEL:
				{
					int			st_,
								k;

					for (st_ = 0; st_ < nsteps; st_++)
					{
						size_t		lo = nsteps + 8 * (size_t) cap * st_;

						for (k = 0; k < s[st_]; k++)
							KeepSmallest(d + lo, d + st_, true, cap, GetI64(s + lo + 8 * k), true);
					}
					break;
				}
			case SUM_MS_ACTIVE_DAYS:
				{
					uint32_t	k,
								used = sum_le_get32(s);

					for (k = 0; k < used; k++)
						ActiveDayAdd(d, cap, GetI32(s + 4 + 12 * k), GetI64(s + 8 + 12 * k));
					break;
				}
			case SUM_MS_PAYWALL:
			case SUM_MS_USAGE_DROP:
				if (bsize > 0 && sum_le_get64(s + RB_TOTAL) > 0)
				{
					RingMerge(d, s);
					if (GetI64(s + RB_LAST) > GetI64(d + RB_LAST))
						PutI64(d + RB_LAST, GetI64(s + RB_LAST));
					sum_le_put64(d + RB_TOTAL, sum_le_get64(d + RB_TOTAL) + sum_le_get64(s + RB_TOTAL));
				}
				break;
			case SUM_MS_INACTIVITY:
				if (bsize > 0 && sum_le_get64(s + 8) > 0)
				{
					if (GetI64(s) > GetI64(d))
						PutI64(d, GetI64(s));
					sum_le_put64(d + 8, sum_le_get64(d + 8) + sum_le_get64(s + 8));
				}
				break;
		}
		off += SEC_HEADER + bsize;
	}
	return SUM_MS_OK;
}

/* ---------------------------------------------------------------------
 * Evaluating
 * ---------------------------------------------------------------------
 */

/*
 * UsageDropHeld: does usage drop d hold on `day`: its last week under
 * d->percent % of the weekly average of the four weeks before (a known
 * baseline of at least d->min_baseline)?
 */
static bool
UsageDropHeld(const SumMsDef *d, const unsigned char *ring, int64_t day)
{
	bool		k1,
				k2;
	int64_t		recent = RingSum(ring, day - 6, day, false, &k1);
	int64_t		before = RingSum(ring, day - 34, day - 7, false, &k2);
	double		baseline;

	if (!k1 || !k2)
		return false;
	baseline = (double) before / 4.0;
	return baseline > 0 && baseline >= d->min_baseline &&
		(double) recent < baseline * d->percent / 100.0;
}

/* PaywallHeld: at least d->min_count hits (one at least) in the d->days days ending on `day` */
static bool
PaywallHeld(const SumMsDef *d, const unsigned char *body, int64_t day)
{
	bool		known;
	int64_t		n = RingSum(body, day - d->days + 1, day, false, &known);

	return known && n >= d->min_count && n > 0;
}

static int
CompareEntry(const void *pa, const void *pb)
{
	const SumFunnelEntry *a = pa;
	const SumFunnelEntry *b = pb;

	if (a->ts != b->ts)
		return a->ts < b->ts ? -1 : 1;
	return a->steps < b->steps ? -1 : (a->steps > b->steps ? 1 : 0);
}

/*
 * FunnelDone: the earliest time at which the sampled steps complete a chain
 * within the window (windowFunnel's default mode), or SUM_MS_NO_TS_HIGH.
 */
static int64_t
FunnelDone(const unsigned char *body, int nsteps, int64_t window)
{
	SumFunnelEntry e[SUM_MS_MAX_FUNNEL_STEPS * SUM_MS_FUNNEL_SAMPLE];
	uint32_t	n = 0,
				i,
				j;
	int			s,
				k;
	int64_t		done = SUM_MS_NO_TS_HIGH;

	for (s = 0; s < nsteps; s++)
	{
		if (body[s] == 0)
			return SUM_MS_NO_TS_HIGH;	/* a step never happened */
		for (k = 0; k < body[s]; k++)
		{
			e[n].ts = GetI64(body + nsteps + 8 * SUM_MS_FUNNEL_SAMPLE * s + 8 * k);
			e[n].steps = 1u << s;
			e[n].aux = 0;
			n++;
		}
	}
	qsort(e, n, sizeof(SumFunnelEntry), CompareEntry);
	for (i = 0, j = 0; i < n; i++)
	{
		if (j > 0 && e[j - 1].ts == e[i].ts)
			e[j - 1].steps |= e[i].steps;
		else
			e[j++] = e[i];
	}
	if (sum_funnel_scan(e, j, nsteps, 0, window, &done) != nsteps)
		return SUM_MS_NO_TS_HIGH;
	return done;
}

/*
 * InactivityTime: for an inactivity definition, the last event it counts
 * and the time D days after it, when the milestone holds from then on; false
 * when too few events for it (or the time is out of range).
 */
static bool
InactivityTime(const unsigned char *st, const SumMsDef *d, int64_t *last, int64_t *quiet)
{
	const unsigned char *body = st + d->offset + SEC_HEADER;
	int64_t		l = GetI64(st + H_LAST);
	uint64_t	count = sum_le_get64(st + H_EVENTS);
	uint64_t	need = d->min_count > 0 ? (uint64_t) d->min_count : 1;
	int64_t		span = (int64_t) d->days * SUM_MS_USECS_PER_DAY;

	if (!(d->flags & SUM_MS_ANY_EVENT))
	{
		l = GetI64(body);
		count = sum_le_get64(body + 8);
	}
	if (count < need || l > INT64_MAX - span)
		return false;
	*last = l;
	*quiet = l + span;
	return true;
}

void
sum_ms_evaluate(const unsigned char *st, const SumMsDef *defs, int ndefs,
				int64_t as_of, int32_t as_of_day, SumMsResult *out)
{
	int			i;

	for (i = 0; i < ndefs; i++)
	{
		const SumMsDef *d = &defs[i];
		const unsigned char *body = st + d->offset + SEC_HEADER;
		int64_t		at = SUM_MS_NO_TS_HIGH;
		bool		windowed = false;	/* judged on whole days, not at <= as_of */

		out[i].reached = false;
		out[i].reached_at = 0;
		switch (d->kind)
		{
			case SUM_MS_FIRST_EVENT:
				at = GetI64(body);
				break;
			case SUM_MS_EVENT_COUNT:
				if (sum_le_get32(body) >= (uint32_t) d->min_count)
					at = GetI64(body + 4 + 8 * (d->min_count - 1));
				break;
			case SUM_MS_FUNNEL:
				at = FunnelDone(body, d->nsteps, d->window);
				break;
			case SUM_MS_ACTIVE_DAYS:
				if (sum_le_get32(body) >= (uint32_t) d->min_count)
					at = GetI64(body + 4 + 12 * (d->min_count - 1) + 4);
				break;
			case SUM_MS_PAYWALL:
				{
					windowed = true;
					if (PaywallHeld(d, body, as_of_day))
					{
						/* the last hit; as_of when the state holds later ones */
						at = GetI64(body + RB_LAST);
						if (at > as_of)
							at = as_of;
					}
					break;
				}
			case SUM_MS_USAGE_DROP:
				{
					const unsigned char *ring = (d->flags & SUM_MS_ANY_EVENT) ? st + H_RING : body;

					windowed = true;
					if (UsageDropHeld(d, ring, as_of_day))
						at = as_of;
					break;
				}
			case SUM_MS_INACTIVITY:
				{
					int64_t		last,
								quiet;

					if (InactivityTime(st, d, &last, &quiet) && last <= as_of && quiet <= as_of)
						at = quiet;
					break;
				}
		}
		if (at == SUM_MS_NO_TS_HIGH)
			continue;
		if (!windowed && at > as_of)
			continue;			/* not reached yet as of as_of */
		out[i].reached = true;
		out[i].reached_at = at;
	}
}

void
sum_ms_usage(const unsigned char *st, int32_t as_of_day, SumMsUsage *u)
{
	const unsigned char *ring = st + H_RING;
	bool		known;

	u->first_ts = GetI64(st + H_FIRST);
	u->last_ts = GetI64(st + H_LAST);
	u->nevents = sum_le_get64(st + H_EVENTS);
	u->events_7d = RingSum(ring, (int64_t) as_of_day - 6, as_of_day, false, &known);
	u->events_28d = RingSum(ring, (int64_t) as_of_day - 27, as_of_day, false, &known);
	u->active_days_7d = RingSum(ring, (int64_t) as_of_day - 6, as_of_day, true, &known);
	u->active_days_28d = RingSum(ring, (int64_t) as_of_day - 27, as_of_day, true, &known);
}

/* ---------------------------------------------------------------------
 * When time alone changes the results
 * ---------------------------------------------------------------------
 */

/*
 * RingNextDay: the first day after as_of_day on which a day with events in
 * the ring leaves a window of `w` days ending on as_of's day (day d is in it
 * through day d + w - 1), or SUM_MS_NO_DAY.
 */
static int64_t
RingNextDay(const unsigned char *ring, int32_t as_of_day, int w)
{
	int32_t		rday = GetI32(ring + R_DAY);
	int64_t		d;

	if (rday == SUM_MS_NO_DAY)
		return SUM_MS_NO_DAY;
	/* oldest first: the first day with events that is still in the window */
	for (d = (int64_t) rday - SUM_MS_RING_DAYS + 1; d <= rday; d++)
	{
		if (d + w > as_of_day && RingCount(ring, d) > 0)
			return d + w;
	}
	return SUM_MS_NO_DAY;
}

static inline void
EarlierDay(int64_t *best, int64_t day)
{
	if (day != SUM_MS_NO_DAY && (*best == SUM_MS_NO_DAY || day < *best))
		*best = day;
}

/*
 * NextFlip: the first day after as_of_day on which whether paywall or usage
 * drop d holds changes, time alone passing, or SUM_MS_NO_DAY.  Only a day
 * with events leaving one of its windows (w1 days, w2 days; 0 for none) can
 * change it, so those days are tried in order: a day leaving the baseline
 * of a usage drop, or a paywall hit among more than the minimum, changes
 * nothing that shows, and rechecking the user then would rewrite its row
 * for its recheck time alone.
 */
static int64_t
NextFlip(const SumMsDef *d, const unsigned char *ring, int32_t as_of_day, int w1, int w2)
{
	bool		paywall = d->kind == SUM_MS_PAYWALL;
	bool		now = paywall ? PaywallHeld(d, ring, as_of_day) : UsageDropHeld(d, ring, as_of_day);
	int64_t		day = as_of_day;
	int			guard;

	/* each pass moves past one window end of a day with events */
	for (guard = 0; guard <= 2 * SUM_MS_RING_DAYS + 1; guard++)
	{
		int64_t		next = SUM_MS_NO_DAY;
		bool		held;

		if (day >= INT32_MAX - 64)
			return SUM_MS_NO_DAY;
		EarlierDay(&next, RingNextDay(ring, (int32_t) day, w1));
		if (w2 > 0)
			EarlierDay(&next, RingNextDay(ring, (int32_t) day, w2));
		if (next == SUM_MS_NO_DAY)
			return SUM_MS_NO_DAY;
		held = paywall ? PaywallHeld(d, ring, next) : UsageDropHeld(d, ring, next);
		if (held != now)
			return next;
		day = next;
	}
	return day + 1;				/* not reached; rechecking early is safe */
}

void
sum_ms_next_change(const unsigned char *st, const SumMsDef *defs, int ndefs,
				   int64_t as_of, int32_t as_of_day, bool usage,
				   int32_t *next_day, int64_t *next_ts)
{
	const unsigned char *ring = st + H_RING;
	int64_t		day = SUM_MS_NO_DAY;
	int64_t		ts = SUM_MS_NO_TS_HIGH;
	int64_t		last = GetI64(st + H_LAST);
	int			i;

	/* usage: the 7- and 28-day windows over every event */
	if (usage)
	{
		EarlierDay(&day, RingNextDay(ring, as_of_day, 7));
		EarlierDay(&day, RingNextDay(ring, as_of_day, 28));
	}

	/*
	 * Events after as_of (a clock ahead, or an as_of in the past): what
	 * reaches them moves with every as_of, so every later as_of may differ.
	 */
	if (last != SUM_MS_NO_TS_LOW && last > as_of)
		ts = as_of;
	if (GetI32(ring + R_DAY) != SUM_MS_NO_DAY && GetI32(ring + R_DAY) > as_of_day)
		EarlierDay(&day, (int64_t) as_of_day + 1);

	for (i = 0; i < ndefs; i++)
	{
		const SumMsDef *d = &defs[i];
		const unsigned char *body = st + d->offset + SEC_HEADER;

		switch (d->kind)
		{
			case SUM_MS_PAYWALL:
				if (d->days > 0)
					EarlierDay(&day, NextFlip(d, body, as_of_day, d->days, 0));
				if (GetI32(body + R_DAY) != SUM_MS_NO_DAY && GetI32(body + R_DAY) > as_of_day)
					EarlierDay(&day, (int64_t) as_of_day + 1);
				break;
			case SUM_MS_USAGE_DROP:
				{
					const unsigned char *r = (d->flags & SUM_MS_ANY_EVENT) ? ring : body;

					/* a day moves from the last week to the four before, then out */
					EarlierDay(&day, NextFlip(d, r, as_of_day, 7, 35));
					if (GetI32(r + R_DAY) != SUM_MS_NO_DAY && GetI32(r + R_DAY) > as_of_day)
						EarlierDay(&day, (int64_t) as_of_day + 1);
					break;
				}
			case SUM_MS_INACTIVITY:
				{
					int64_t		l,
								quiet;

					if (InactivityTime(st, d, &l, &quiet) && quiet >= as_of && quiet < ts)
						ts = quiet;
					break;
				}
			default:
				/* reached at an event's time: settled once as_of passes the last event */
				break;
		}
	}
	*next_day = day > INT32_MAX ? INT32_MAX : (int32_t) day;
	*next_ts = ts;
}
