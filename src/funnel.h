/*-------------------------------------------------------------------------
 *
 * funnel.h
 *	  ClickHouse-compatible windowFunnel over an order-free set of events:
 *	  the state, its modes, merge, evaluation and a portable binary form.
 *	  Pure C; no PostgreSQL headers.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_FUNNEL_H
#define SUM_FUNNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ClickHouse's limit, and ours: a condition mask fits in 32 bits */
#define SUM_FUNNEL_MAX_STEPS		32

/*
 * Bound on the distinct timestamps one group may hold (16 bytes each, so
 * 256 MB).  ClickHouse keeps every (timestamp, step) pair of a group too; we
 * keep one entry per distinct timestamp and drop everything once a default
 * mode funnel is complete.
 */
#define SUM_FUNNEL_MAX_ENTRIES		(1u << 24)

/* Modes, ClickHouse's names; combine with | */
#define SUM_FUNNEL_STRICT_DEDUPLICATION	0x01
#define SUM_FUNNEL_STRICT_ORDER			0x02
#define SUM_FUNNEL_STRICT_INCREASE		0x04
#define SUM_FUNNEL_ALLOW_REENTRY		0x08
#define SUM_FUNNEL_MODE_MASK			0x0f

/* Result codes */
#define SUM_FUNNEL_OK				0
#define SUM_FUNNEL_ENOMEM			(-1)	/* allocator returned NULL */
#define SUM_FUNNEL_ETOOBIG			(-2)	/* more than MAX_ENTRIES */
#define SUM_FUNNEL_EMISMATCH		(-3)	/* merge: steps, modes or window differ */

/* sum_funnel_parse_modes() results besides SUM_FUNNEL_OK */
#define SUM_FUNNEL_MODE_UNKNOWN		(-10)	/* a word we do not know */
#define SUM_FUNNEL_MODE_STRICT		(-11)	/* ClickHouse's old name 'strict' */
#define SUM_FUNNEL_MODE_UNSUPPORTED (-12)	/* strict_once: not implemented */
#define SUM_FUNNEL_MODE_REENTRY		(-13)	/* allow_reentry without strict_order */

/*
 * SumFunnelEntry: everything that happened at one timestamp.  aux bit 0
 * records a row that matched no step (it matters under strict_order only);
 * aux bit k-1, for steps k >= 2, records that step k matched at least two
 * rows at this timestamp (it matters under strict_deduplication only: a
 * repeat of step 1 never counts as a duplicate).
 */
typedef struct SumFunnelEntry
{
	int64_t		ts;				/* microseconds, PostgreSQL's epoch */
	uint32_t	steps;			/* bit k-1: step k matched a row at ts */
	uint32_t	aux;			/* see above */
} SumFunnelEntry;

#define SUM_FUNNEL_AUX_OTHER	0x01u

/*
 * SumFunnel: the aggregate state.  Entries are appended in input order and
 * sorted and coalesced (one per timestamp) lazily, when the array fills up
 * and before evaluation, so that the result cannot depend on the order of
 * the input rows.  The entries array comes from sum_core_alloc; the struct
 * itself belongs to the caller.
 */
typedef struct SumFunnel
{
	int			nsteps;			/* 1..32, or 0 before the first row */
	int			modes;			/* SUM_FUNNEL_* flags */
	int64_t		window;			/* microseconds, >= 0 */
	bool		sorted;			/* entries ascending, timestamps unique */
	bool		complete;		/* default mode: a full chain was seen */
	uint32_t	n;				/* entries in use */
	uint32_t	cap;			/* entries allocated */
	SumFunnelEntry *entries;
} SumFunnel;

/*
 * sum_funnel_parse_modes: parse a comma-separated list of mode names
 * (surrounding blanks ignored, empty list = default mode) into *modes.
 * On failure *bad and *badlen point at the offending word.
 */
extern int	sum_funnel_parse_modes(const char *s, size_t len, int *modes,
								   const char **bad, size_t *badlen);

/* sum_funnel_init: an empty state for nsteps steps */
extern void sum_funnel_init(SumFunnel *f, int nsteps, int modes, int64_t window);

/* sum_funnel_free: release the entries (not the struct) */
extern void sum_funnel_free(SumFunnel *f);

/*
 * sum_funnel_add: one input row at ts whose matched steps are the bits of
 * steps (bit k-1 for step k).  A row that matched nothing is kept only
 * under strict_order, where it interrupts a chain.
 */
extern int	sum_funnel_add(SumFunnel *f, int64_t ts, uint32_t steps);

/* sum_funnel_merge: add every event of src to dst; src is not changed */
extern int	sum_funnel_merge(SumFunnel *dst, const SumFunnel *src);

/*
 * sum_funnel_level: the funnel level (0..nsteps) of the events seen so far.
 * Sorts and coalesces the entries in place, which changes nothing the
 * state means, so it may be called again and more rows added afterwards.
 */
extern int	sum_funnel_level(SumFunnel *f);

/*
 * sum_funnel_scan: ClickHouse's windowFunnel over entries sorted by
 * timestamp with unique timestamps.  Returns the level; when the full
 * chain is matched and done_at is not NULL, *done_at is the timestamp of
 * the event that completed it (the earliest possible completion).
 */
extern int	sum_funnel_scan(const SumFunnelEntry *e, uint32_t n, int nsteps,
							int modes, int64_t window, int64_t *done_at);

/*
 * Portable binary form (little-endian), used to pass partial states between
 * parallel workers.  sum_funnel_serial_size() tells the size needed;
 * sum_funnel_serialize() writes it; sum_funnel_deserialize() checks every
 * field before it allocates and returns SUM_FUNNEL_OK, SUM_FUNNEL_ENOMEM,
 * or a positive code with a description in *why.
 */
extern size_t sum_funnel_serial_size(const SumFunnel *f);
extern void sum_funnel_serialize(const SumFunnel *f, unsigned char *buf);
extern int	sum_funnel_deserialize(SumFunnel *f, const unsigned char *buf,
								   size_t len, const char **why);

#endif							/* SUM_FUNNEL_H */
