/*-------------------------------------------------------------------------
 *
 * milestone.h
 *	  The per-user milestone state: facts about a user's events that are
 *	  enough to evaluate every user-level milestone definition at any
 *	  as_of, in bounded memory, merged exactly from any split of the events.
 *	  Pure C over a flat little-endian byte layout; no PostgreSQL headers.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_MILESTONE_H
#define SUM_MILESTONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SUM_MS_VERSION			1

/*
 * Bounds.  The daily ring covers 42 days ending at the last event's day: 35
 * for the usage-drop baseline (7 days against the 4 weeks before) plus a
 * week of slack for an as_of before the newest event.  Windows ending on
 * as_of's day may reach back SUM_MS_MAX_WINDOW_DAYS days.
 */
#define SUM_MS_RING_DAYS		42
#define SUM_MS_MAX_WINDOW_DAYS	35
#define SUM_MS_FUNNEL_SAMPLE	16	/* earliest timestamps kept per funnel step */
#define SUM_MS_MAX_FUNNEL_STEPS 8
#define SUM_MS_MAX_COUNT		100 /* N of event_count and active_days */
#define SUM_MS_MAX_DEFS			200
#define SUM_MS_USECS_PER_DAY	INT64_C(86400000000)

/* sentinels */
#define SUM_MS_NO_TS_HIGH		INT64_MAX	/* "never": first of nothing */
#define SUM_MS_NO_TS_LOW		INT64_MIN	/* "never": last of nothing */
#define SUM_MS_NO_DAY			INT32_MIN

/* Kinds of user-level definitions (stored in the state, never renumber) */
typedef enum SumMsKind
{
	SUM_MS_FIRST_EVENT = 1,		/* first occurrence of one of the events */
	SUM_MS_EVENT_COUNT = 2,		/* N occurrences (within D days of sign-up) */
	SUM_MS_FUNNEL = 3,			/* ordered steps within a window */
	SUM_MS_ACTIVE_DAYS = 4,		/* N distinct active days (of the first D) */
	SUM_MS_PAYWALL = 5,			/* N events within the last D days */
	SUM_MS_USAGE_DROP = 6,		/* last 7 days below X % of the 4 weeks before */
	SUM_MS_INACTIVITY = 7		/* no event for D days after being active */
} SumMsKind;

#define SUM_MS_KIND_MAX			7

/* Section flag: the definition counts every event, not a list of names */
#define SUM_MS_ANY_EVENT		0x01

/*
 * SumMsDef: one user-level definition as the core needs it.  offset is
 * filled in by sum_ms_layout().
 */
typedef struct SumMsDef
{
	int			kind;			/* SumMsKind */
	int			flags;			/* SUM_MS_ANY_EVENT */
	int			nsteps;			/* funnel steps; 1 for other kinds */
	int			min_count;		/* N: events, days or users; 0 if unused */
	int			days;			/* D, or -1 when not set */
	int64_t		window;			/* funnel window in microseconds */
	double		percent;		/* usage_drop: threshold in percent */
	double		min_baseline;	/* usage_drop: weekly baseline floor */
	uint32_t	offset;			/* where its section starts in the state */
} SumMsDef;

/* SumMsMatch: an event name matches step `step` of definition `def` */
typedef struct SumMsMatch
{
	uint16_t	def;
	uint16_t	step;
} SumMsMatch;

/* What evaluating one definition at as_of gives */
typedef struct SumMsResult
{
	bool		reached;
	int64_t		reached_at;
} SumMsResult;

/* Usage figures; a window count is -1 when the state cannot know it */
typedef struct SumMsUsage
{
	int64_t		first_ts;		/* SUM_MS_NO_TS_HIGH when no event */
	int64_t		last_ts;		/* SUM_MS_NO_TS_LOW when no event */
	uint64_t	nevents;
	int64_t		events_7d;
	int64_t		events_28d;
	int64_t		active_days_7d;
	int64_t		active_days_28d;
} SumMsUsage;

/* result codes */
#define SUM_MS_OK				0
#define SUM_MS_EFINGERPRINT		1	/* built with other definitions */
#define SUM_MS_ESIGNUP			2	/* different sign-up times */
#define SUM_MS_ELAYOUT			3	/* sections differ */

/* Header field accessors used by the glue */
#define SUM_MS_HEADER_SIZE		224
#define SUM_MS_FLAG_SIGNUP		0x01

/*
 * sum_ms_layout: assign each definition its section offset and return the
 * size of a state for them, or 0 when a definition is out of bounds.
 */
extern size_t sum_ms_layout(SumMsDef *defs, int ndefs);

/*
 * sum_ms_init: write an empty state of `size` bytes (from sum_ms_layout)
 * into st, for a user with or without a known sign-up time and its day.
 */
extern void sum_ms_init(unsigned char *st, const SumMsDef *defs, int ndefs,
						uint64_t fingerprint, bool has_signup,
						int64_t signup, int32_t signup_day);

/*
 * sum_ms_add: fold one event at ts (on local day `day`) into the state.
 * matches lists the (definition, step) pairs its name matches, including
 * the definitions that count every event (SUM_MS_ANY_EVENT).
 */
extern void sum_ms_add(unsigned char *st, const SumMsDef *defs, int ndefs,
					   int64_t ts, int32_t day,
					   const SumMsMatch *matches, int nmatches);

/*
 * sum_ms_check: 0 when st[0..len) is a well-formed state (lengths, kinds,
 * counts, order and sentinels all consistent), else a positive code and a
 * description in *why.  Reads nothing outside st[0..len).
 */
extern int	sum_ms_check(const unsigned char *st, size_t len, const char **why);

/*
 * sum_ms_merge: fold checked state src into checked state dst of the same
 * length.  The result is what one pass over both inputs would have built.
 */
extern int	sum_ms_merge(unsigned char *dst, const unsigned char *src, size_t len);

/* sum_ms_same_layout: do the sections of st match defs? */
extern bool sum_ms_same_layout(const unsigned char *st, size_t len,
							   const SumMsDef *defs, int ndefs);

/*
 * sum_ms_evaluate: every definition at as_of (its local day as_of_day) into
 * out[ndefs].  The state must have been built for defs.
 */
extern void sum_ms_evaluate(const unsigned char *st, const SumMsDef *defs,
							int ndefs, int64_t as_of, int32_t as_of_day,
							SumMsResult *out);

/*
 * sum_ms_next_change: when time alone may next change what sum_ms_evaluate
 * (and, with usage, sum_ms_usage) gives for the state, for an as_of later
 * than `as_of` (on local day as_of_day).  *next_day: the first local day
 * after as_of_day on which a day with events leaves one of the windows
 * (or SUM_MS_NO_DAY);
 * *next_ts: the earliest time at or after as_of at which a threshold falls
 * (an inactivity span ending; as_of itself while the state holds events
 * after as_of), or SUM_MS_NO_TS_HIGH.  Conservative: it may name a time at
 * which nothing changes, never miss one.
 */
extern void sum_ms_next_change(const unsigned char *st, const SumMsDef *defs,
							   int ndefs, int64_t as_of, int32_t as_of_day,
							   bool usage, int32_t *next_day,
							   int64_t *next_ts);

/* sum_ms_usage: the usage figures as of as_of_day */
extern void sum_ms_usage(const unsigned char *st, int32_t as_of_day,
						 SumMsUsage *u);

/* header readers */
extern uint64_t sum_ms_fingerprint(const unsigned char *st);
extern bool sum_ms_signup(const unsigned char *st, int64_t *signup);

/* sum_ms_fnv: 64-bit FNV-1a, for definition fingerprints */
extern uint64_t sum_ms_fnv(uint64_t h, const void *data, size_t len);

#define SUM_MS_FNV_INIT			UINT64_C(0xcbf29ce484222325)

#endif							/* SUM_MILESTONE_H */
