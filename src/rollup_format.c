/*-------------------------------------------------------------------------
 *
 * src/rollup_format.c
 *	  The binary format of the account rollup state: the on-disk and wire
 *	  form of sum.account_state, of the aggregate's serialized state, and of
 *	  its text form (in hex).
 *
 * Big-endian fixed-width fields after a version byte, so it is portable
 * between machines.  Every decoded state is validated in full: sizes before
 * allocating, counts against each other, picks against the counts, names
 * sorted and distinct, the history in order, no trailing bytes.  A state
 * that decodes re-encodes to the same bytes.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "rollup.h"

/* flags byte of the binary format */
#define F_FIRST_SIGNUP		0x01
#define F_LAST_ACTIVITY		0x02
#define F_CHAMPION			0x04
#define F_CHAMPION_LAST		0x08
#define F_TRUNCATED			0x10
#define F_HISTORY_FLOOR		0x20
#define F_NO_HISTORY		0x40
#define F_ALL				0x7F

/* valid bits of the functions bitmap: 1 .. N_FUNCTIONS - 1 (0 is unknown) */
#define FUNCTION_MASK (((UINT32_C(1) << SUM_ROLLUP_N_FUNCTIONS) - 1) & ~UINT32_C(1))

static inline bool
Has(const SumRollupState *s, unsigned flag)
{
	return (sum_rollup_flags(s) & flag) != 0;
}

/* ----------------------------------------------------------------
 * Binary format
 *
 *	uint8	version (1)
 *	uint8	flags (F_*)
 *	int64	as_of, users, active_7d, active_30d, decision_makers,
 *			influencers, stage_users[4], activity_total (counts must fit
 *			int32, the in-memory width)
 *	uint32	functions
 *	uint8	top_seniority
 *	int64	first_signup, last_activity		(0 when the flag is clear)
 *	best contact:	uint8 role, seniority, function; int64 activity;
 *					uint16 id length; id bytes
 *	champion (F_CHAMPION):	int64 activity; int64 last (F_CHAMPION_LAST);
 *					uint16 id length; id bytes
 *	uint8	milestone count; per name: uint8 length, bytes (the names
 *			sum_rollup_milestones reports, sorted; F_TRUNCATED when names
 *			were left out)
 *	int64	history floor (F_HISTORY_FLOOR)
 *	uint16	bucket count; per bucket: int64 hour, int64 users (none with
 *			F_NO_HISTORY: a state that cannot move to a later as_of)
 *
 * Ids are written as text (the decimal form for integer ids).  The format is
 * canonical: a state decodes and encodes to the same bytes.
 * ---------------------------------------------------------------- */

typedef struct Writer
{
	unsigned char *out;
	size_t		cap;
	size_t		len;
} Writer;

static void
PutBytes(Writer *w, const void *p, size_t n)
{
	if (w->len + n <= w->cap && n > 0)
		memcpy(w->out + w->len, p, n);
	w->len += n;
}

static void
PutU8(Writer *w, unsigned v)
{
	unsigned char b = (unsigned char) v;

	PutBytes(w, &b, 1);
}

static void
PutU16(Writer *w, unsigned v)
{
	unsigned char b[2] = {(unsigned char) (v >> 8), (unsigned char) v};

	PutBytes(w, b, 2);
}

static void
PutU32(Writer *w, uint32_t v)
{
	unsigned char b[4];
	int			i;

	for (i = 0; i < 4; i++)
		b[i] = (unsigned char) (v >> (24 - 8 * i));
	PutBytes(w, b, 4);
}

static void
PutI64(Writer *w, int64_t v)
{
	uint64_t	u = (uint64_t) v;
	unsigned char b[8];
	int			i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char) (u >> (56 - 8 * i));
	PutBytes(w, b, 8);
}

size_t
sum_rollup_encode(const SumRollupState *state, unsigned char *out, size_t outcap)
{
	Writer		w = {out, outcap, 0};
	unsigned	flags = 0;
	const char *names[SUM_ROLLUP_MAX_MILESTONES];
	uint8_t		lens[SUM_ROLLUP_MAX_MILESTONES];
	bool		truncated;
	int			n_names = sum_rollup_milestones(state, names, lens, &truncated);
	bool		keep = Has(state, SUM_ROLLUP_KEEP_HISTORY);
	char		digits[24];
	const char *idtext;
	size_t		idlen;
	int			i;

	if (Has(state, SUM_ROLLUP_HAS_FIRST_SIGNUP))
		flags |= F_FIRST_SIGNUP;
	if (Has(state, SUM_ROLLUP_HAS_LAST_ACTIVITY))
		flags |= F_LAST_ACTIVITY;
	if (Has(state, SUM_ROLLUP_HAS_CHAMPION))
		flags |= F_CHAMPION;
	if (Has(state, SUM_ROLLUP_HAS_CHAMPION) && Has(state, SUM_ROLLUP_CHAMPION_HAS_LAST))
		flags |= F_CHAMPION_LAST;
	if (truncated)
		flags |= F_TRUNCATED;
	if (keep && Has(state, SUM_ROLLUP_HAS_HISTORY_FLOOR))
		flags |= F_HISTORY_FLOOR;
	if (!keep)
		flags |= F_NO_HISTORY;

	PutU8(&w, SUM_ROLLUP_VERSION);
	PutU8(&w, flags);
	PutI64(&w, state->scope->as_of);
	PutI64(&w, state->users);
	PutI64(&w, state->active_7d);
	PutI64(&w, state->active_30d);
	PutI64(&w, state->decision_makers);
	PutI64(&w, state->influencers);
	for (i = 0; i < SUM_ROLLUP_N_STAGES; i++)
		PutI64(&w, state->stage_users[i]);
	PutI64(&w, state->activity_total);
	PutU32(&w, sum_rollup_functions(state));
	PutU8(&w, state->top_seniority);
	PutI64(&w, Has(state, SUM_ROLLUP_HAS_FIRST_SIGNUP) ? state->first_signup : 0);
	PutI64(&w, Has(state, SUM_ROLLUP_HAS_LAST_ACTIVITY) ? state->last_activity : 0);

	PutU8(&w, state->best_role);
	PutU8(&w, state->best_seniority);
	PutU8(&w, state->best_function);
	PutI64(&w, state->best_activity);
	idtext = sum_rollup_best_id(state, digits, &idlen);
	PutU16(&w, (unsigned) idlen);
	PutBytes(&w, idtext, idlen);

	if (Has(state, SUM_ROLLUP_HAS_CHAMPION))
	{
		PutI64(&w, state->champion_activity);
		if (Has(state, SUM_ROLLUP_CHAMPION_HAS_LAST))
			PutI64(&w, state->champion_last);
		idtext = sum_rollup_champion_id(state, digits, &idlen);
		PutU16(&w, (unsigned) idlen);
		PutBytes(&w, idtext, idlen);
	}

	PutU8(&w, (unsigned) n_names);
	for (i = 0; i < n_names; i++)
	{
		PutU8(&w, lens[i]);
		PutBytes(&w, names[i], lens[i]);
	}

	if (keep && Has(state, SUM_ROLLUP_HAS_HISTORY_FLOOR))
		PutI64(&w, state->cold->history_floor);
	{
		int			n_history = keep && state->cold != NULL ? state->cold->n_history : 0;

		PutU16(&w, (unsigned) n_history);
		for (i = 0; i < n_history; i++)
		{
			PutI64(&w, state->cold->history[i].hour);
			PutI64(&w, state->cold->history[i].users);
		}
	}
	return w.len;
}

typedef struct Reader
{
	const unsigned char *in;
	size_t		len;
	size_t		pos;
	bool		short_read;
} Reader;

static const unsigned char *
Take(Reader *r, size_t n)
{
	const unsigned char *p;

	if (r->short_read || r->len - r->pos < n)
	{
		r->short_read = true;
		return NULL;
	}
	p = r->in + r->pos;
	r->pos += n;
	return p;
}

static unsigned
GetU8(Reader *r)
{
	const unsigned char *p = Take(r, 1);

	return p ? p[0] : 0;
}

static unsigned
GetU16(Reader *r)
{
	const unsigned char *p = Take(r, 2);

	return p ? ((unsigned) p[0] << 8) | p[1] : 0;
}

static uint32_t
GetU32(Reader *r)
{
	const unsigned char *p = Take(r, 4);

	return p ? ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | p[3] : 0;
}

static int64_t
GetI64(Reader *r)
{
	const unsigned char *p = Take(r, 8);
	uint64_t	u = 0;
	int			i;

	if (p == NULL)
		return 0;
	for (i = 0; i < 8; i++)
		u = (u << 8) | p[i];
	return (int64_t) u;
}

/*
 * GetId: read a uint16 length and the id bytes; store the id with StoreId.
 * Returns a problem or NULL.
 */
static const char *
GetId(Reader *r, SumRollupState *s, bool champion, SumRollupStatus *st)
{
	unsigned	len = GetU16(r);
	const unsigned char *p;
	SumRollupId id;

	if (r->short_read)
		return "the state is truncated";
	if (len > SUM_ROLLUP_MAX_ID_LEN)
		return "a user id is longer than the limit";
	p = Take(r, len);
	if (p == NULL)
		return "the state is truncated";
	if (len > 0 && memchr(p, '\0', len) != NULL)
		return "a user id contains a zero byte";
	if (sum_rollup_id_view((const char *) p, len, &id) != SUM_ROLLUP_OK)
		return "a user id is invalid";
	*st = sum_rollup_store_id(s, champion, &id);
	return NULL;
}

/* GetCount: read an int64 count that must fit the in-memory int32 */
static int32_t
GetCount(Reader *r, bool *out_of_range)
{
	int64_t		v = GetI64(r);

	if (v < 0 || v > INT32_MAX)
	{
		*out_of_range = true;
		return 0;
	}
	return (int32_t) v;
}

#define FAIL(msg) do { problem = (msg); goto fail; } while (0)

SumRollupStatus
sum_rollup_decode(SumRollupState *state, const unsigned char *in, size_t len,
				  SumRollupNames *names, const char **detail)
{
	Reader		r = {in, len, 0, false};
	const char *problem = NULL;
	SumRollupStatus st = SUM_ROLLUP_OK;
	unsigned	version,
				flags,
				n;
	bool		out_of_range = false;
	int64_t		staged = 0;
	int64_t		hist_users = 0;
	int64_t		as_of;
	uint32_t	functions;
	unsigned	top_seniority,
				best_role,
				best_seniority,
				best_function;
	SumRollupCold *cold = NULL;
	int			i;

	memset(state, 0, sizeof(*state));
	*detail = NULL;

	if (len == 0)
		FAIL("the state is empty");
	version = GetU8(&r);
	if (version != SUM_ROLLUP_VERSION)
		FAIL("the format version is not supported");
	flags = GetU8(&r);
	if (flags & ~F_ALL)
		FAIL("unknown flags are set");
	if (((flags & F_CHAMPION_LAST) && !(flags & F_CHAMPION)) ||
		((flags & F_NO_HISTORY) && (flags & F_HISTORY_FLOOR)))
		FAIL("flags are inconsistent");
	state->keep_history = !(flags & F_NO_HISTORY);
	state->has_first_signup = (flags & F_FIRST_SIGNUP) != 0;
	state->has_last_activity = (flags & F_LAST_ACTIVITY) != 0;

	as_of = GetI64(&r);
	state->users = GetCount(&r, &out_of_range);
	state->active_7d = GetCount(&r, &out_of_range);
	state->active_30d = GetCount(&r, &out_of_range);
	state->decision_makers = GetCount(&r, &out_of_range);
	state->influencers = GetCount(&r, &out_of_range);
	for (i = 0; i < SUM_ROLLUP_N_STAGES; i++)
		state->stage_users[i] = GetCount(&r, &out_of_range);
	state->activity_total = GetI64(&r);
	functions = GetU32(&r);
	top_seniority = GetU8(&r);
	state->first_signup = GetI64(&r);
	state->last_activity = GetI64(&r);
	if (r.short_read)
		FAIL("the state is truncated");
	if (out_of_range)
		FAIL("a count is out of range");

	if (as_of < SUM_ROLLUP_AS_OF_MIN)
		FAIL("as_of is out of range");
	if ((st = sum_rollup_set_scope(state, as_of, names)) != SUM_ROLLUP_OK)
		goto fail;
	if (state->users < 1)
		FAIL("the user count is not positive");
	if (state->active_7d > state->active_30d || state->active_30d > state->users)
		FAIL("the active user counts are inconsistent");
	if (state->decision_makers > state->users - state->influencers)
		FAIL("the buying role counts are inconsistent");
	for (i = 0; i < SUM_ROLLUP_N_STAGES; i++)
	{
		if (state->stage_users[i] > state->users - staged)
			FAIL("the lifecycle stage counts are inconsistent");
		staged += state->stage_users[i];
	}
	if (state->activity_total < 0)
		FAIL("the activity total is negative");
	if (functions & ~FUNCTION_MASK)
		FAIL("the function set has unknown members");
	if (top_seniority >= SUM_ROLLUP_N_SENIORITIES)
		FAIL("the top seniority is out of range");
	state->function_bits = functions >> 1;
	state->top_seniority = top_seniority;
	if ((!(flags & F_FIRST_SIGNUP) && state->first_signup != 0) ||
		(!(flags & F_LAST_ACTIVITY) && state->last_activity != 0))
		FAIL("an absent timestamp is not zero");
	if (state->active_30d > 0 && !(flags & F_LAST_ACTIVITY))
		FAIL("active users without a last activity");

	/* best contact */
	best_role = GetU8(&r);
	best_seniority = GetU8(&r);
	best_function = GetU8(&r);
	state->best_activity = GetI64(&r);
	if ((problem = GetId(&r, state, false, &st)) != NULL)
		goto fail;
	if (st != SUM_ROLLUP_OK)
		goto fail;
	if (best_role >= SUM_ROLLUP_N_ROLES ||
		best_seniority > top_seniority ||
		best_function >= SUM_ROLLUP_N_FUNCTIONS ||
		state->best_activity < 0 || state->best_activity > state->activity_total)
		FAIL("the best contact is out of range");
	if ((state->decision_makers > 0) != (best_role == SUM_ROLLUP_ROLE_DECISION_MAKER) ||
		(state->decision_makers == 0 && state->influencers > 0 &&
		 best_role != SUM_ROLLUP_ROLE_INFLUENCER) ||
		(best_function > 0 &&
		 !(functions & (UINT32_C(1) << best_function))))
		FAIL("the best contact does not match the counts");
	state->best_role = best_role;
	state->best_seniority = best_seniority;
	state->best_function = best_function;

	/* champion */
	if (flags & F_CHAMPION)
	{
		/* a state has a champion when champion_activity > 0: checked below */
		state->champion_activity = GetI64(&r);
		if (flags & F_CHAMPION_LAST)
		{
			state->champion_has_last = true;
			state->champion_last = GetI64(&r);
		}
		if ((problem = GetId(&r, state, true, &st)) != NULL)
			goto fail;
		if (st != SUM_ROLLUP_OK)
			goto fail;
		if (state->champion_activity < 1 ||
			state->champion_activity > state->activity_total ||
			state->champion_activity < state->best_activity ||
			((flags & F_CHAMPION_LAST) &&
			 (!(flags & F_LAST_ACTIVITY) || state->champion_last > state->last_activity)))
			FAIL("the champion is out of range");
	}
	else if (state->activity_total > 0)
		FAIL("activity without a champion");

	/* milestones */
	n = GetU8(&r);
	if (r.short_read)
		FAIL("the state is truncated");
	if (n > SUM_ROLLUP_MAX_MILESTONES)
		FAIL("too many milestones");
	if ((flags & F_TRUNCATED) && n != SUM_ROLLUP_MAX_MILESTONES)
		FAIL("flags are inconsistent");
	{
		const unsigned char *prev = NULL;
		unsigned	prev_len = 0;

		for (i = 0; i < (int) n; i++)
		{
			unsigned	mlen = GetU8(&r);
			const unsigned char *p;

			if (r.short_read)
				FAIL("the state is truncated");
			if (mlen == 0 || mlen > SUM_ROLLUP_MAX_MILESTONE_LEN)
				FAIL("a milestone name has a bad length");
			p = Take(&r, mlen);
			if (p == NULL)
				FAIL("the state is truncated");
			if (memchr(p, '\0', mlen) != NULL)
				FAIL("a milestone name contains a zero byte");
			if (prev != NULL && sum_rollup_name_cmp((const char *) prev, prev_len,
										(const char *) p, mlen) >= 0)
				FAIL("milestone names are not sorted and distinct");
			prev = p;
			prev_len = mlen;
			st = sum_rollup_add_milestone(state, (const char *) p, mlen);
			if (st != SUM_ROLLUP_OK)
				goto fail;
		}
	}

	if (flags & F_TRUNCATED)
	{
		if ((cold = sum_rollup_cold(state)) == NULL)
		{
			st = SUM_ROLLUP_NOMEM;
			goto fail;
		}
		cold->truncated = true;
	}

	/* history (a count of zero with F_NO_HISTORY) */
	if (flags & F_HISTORY_FLOOR)
	{
		if ((cold = sum_rollup_cold(state)) == NULL)
		{
			st = SUM_ROLLUP_NOMEM;
			goto fail;
		}
		cold->has_history_floor = true;
		cold->history_floor = GetI64(&r);
	}
	n = GetU16(&r);
	if (r.short_read)
		FAIL("the state is truncated");
	if (n > SUM_ROLLUP_MAX_HISTORY)
		FAIL("too many history buckets");
	if (n > 0 && (flags & F_NO_HISTORY))
		FAIL("flags are inconsistent");
	if (n > 0)
	{
		if ((cold = sum_rollup_cold(state)) == NULL)
		{
			st = SUM_ROLLUP_NOMEM;
			goto fail;
		}
		cold->history = sum_core_alloc(sizeof(SumRollupBucket) * n);
		if (cold->history == NULL)
		{
			st = SUM_ROLLUP_NOMEM;
			goto fail;
		}
		cold->cap_history = (int) n;
	}
	for (i = 0; i < (int) n; i++)
	{
		int64_t		hour = GetI64(&r);
		int64_t		users = GetI64(&r);

		if (r.short_read)
			FAIL("the state is truncated");
		if (users < 1 || users > state->users - hist_users)
			FAIL("the history counts are inconsistent");
		if (hour < sum_rollup_history_floor_hour(as_of) ||
			(i > 0 && hour <= cold->history[i - 1].hour) ||
			((flags & F_HISTORY_FLOOR) && hour <= cold->history_floor))
			FAIL("the history is not in order");
		hist_users += users;
		cold->history[i].hour = hour;
		cold->history[i].users = users;
		cold->n_history = i + 1;
	}
	if (r.pos != r.len)
		FAIL("there are bytes after the end of the state");
	return SUM_ROLLUP_OK;

fail:
	sum_rollup_free(state);
	if (problem != NULL)
	{
		*detail = problem;
		return SUM_ROLLUP_BAD_FORMAT;
	}
	return st;
}

