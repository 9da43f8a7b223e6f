/*-------------------------------------------------------------------------
 *
 * src/rollup.c
 *	  The account rollup state: one account's users folded into counts,
 *	  extremes and small sets, mergeable in any order.
 *
 * Design.  sum.account_rollup must give the same answer for any split of
 * its rows (parallel workers, Citus shards, a stored state plus new rows),
 * so every part of the state is a commutative, associative fold:
 *
 * - counts add (with overflow checks: stored states are outside input);
 * - best contact and champion are maxima under total orders whose last key
 *   is the user id (and then the remaining reported fields), so ties
 *   resolve the same way whatever the order of the rows;
 * - functions present is a bitmap; milestone names are the smallest
 *   SUM_ROLLUP_MAX_MILESTONES names of the union, which is again a union
 *   property (the k smallest of a union are the k smallest of the parts'
 *   k smallest);
 * - the 7- and 30-day windows are exact counts at the state's as_of, plus
 *   an hourly histogram of recent last activity so that a stored state can
 *   be merged with a newer one and evaluated at a later as_of.
 *
 * A row is a user: the same id in two rows counts twice (exact
 * de-duplication needs memory proportional to the users; the pipeline's
 * inputs are one row per user).  Memory per state is bounded by the caps in
 * rollup.h whatever the input.
 *
 * The binary format (sum_rollup_encode) is the on-disk and wire form of
 * sum.account_state: a version byte, flags, then big-endian fixed-width
 * fields, so it is portable between machines.
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
#define F_ALL				0x3F

/* valid bits of the functions bitmap: 1 .. N_FUNCTIONS - 1 (0 is unknown) */
#define FUNCTION_MASK (((UINT32_C(1) << SUM_ROLLUP_N_FUNCTIONS) - 1) & ~UINT32_C(1))

/*
 * The earliest as_of we accept: as_of - 31 days must not overflow.  The
 * glue also insists on a finite timestamp.
 */
#define AS_OF_MIN (INT64_MIN + 32 * SUM_ROLLUP_USEC_PER_DAY)

static int64_t
FloorDiv(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* HistoryFloorHour: hourly buckets below this hour can never be needed */
static int64_t
HistoryFloorHour(int64_t as_of)
{
	return FloorDiv(as_of - 30 * SUM_ROLLUP_USEC_PER_DAY, SUM_ROLLUP_USEC_PER_HOUR);
}

static bool
AddCount(int64_t *dst, int64_t add)
{
	return !__builtin_add_overflow(*dst, add, dst);
}

/* ----------------------------------------------------------------
 * User ids
 * ---------------------------------------------------------------- */

bool
sum_rollup_parse_int(const char *s, size_t len, int64_t *value)
{
	size_t		i = 0;
	bool		neg = false;
	uint64_t	acc = 0;
	uint64_t	limit;

	if (len == 0)
		return false;
	if (s[0] == '-')
	{
		neg = true;
		i = 1;
		if (len == 1)
			return false;
	}
	/* canonical: no leading zeros, and no "-0" */
	if (s[i] == '0' && (len - i > 1 || neg))
		return false;
	limit = neg ? (uint64_t) INT64_MAX + 1 : (uint64_t) INT64_MAX;
	for (; i < len; i++)
	{
		unsigned	d;

		if (s[i] < '0' || s[i] > '9')
			return false;
		d = (unsigned) (s[i] - '0');
		if (acc > (limit - d) / 10)
			return false;
		acc = acc * 10 + d;
	}
	if (neg)
		*value = (acc == (uint64_t) INT64_MAX + 1) ? INT64_MIN : -(int64_t) acc;
	else
		*value = (int64_t) acc;
	return true;
}

int
sum_rollup_id_cmp(const SumRollupId *a, const SumRollupId *b)
{
	size_t		n;
	int			c;

	if (a->numeric && b->numeric)
		return (a->num > b->num) - (a->num < b->num);
	if (a->numeric != b->numeric)
		return a->numeric ? -1 : 1;
	n = a->len < b->len ? a->len : b->len;
	c = n > 0 ? memcmp(a->text, b->text, n) : 0;
	if (c != 0)
		return c < 0 ? -1 : 1;
	return (a->len > b->len) - (a->len < b->len);
}

/*
 * SetId: make id hold text[0..len) (or the decimal form of num when text is
 * NULL), reusing its buffer when it is large enough.
 */
static SumRollupStatus
SetId(SumRollupId *id, const char *text, size_t len, bool is_int, int64_t num)
{
	char		digits[24];

	if (is_int)
	{
		len = (size_t) snprintf(digits, sizeof(digits), "%lld", (long long) num);
		text = digits;
	}
	else
	{
		if (len > SUM_ROLLUP_MAX_ID_LEN)
			return SUM_ROLLUP_ID_TOO_LONG;
		if (len > 0 && memchr(text, '\0', len) != NULL)
			return SUM_ROLLUP_ID_INVALID;
	}
	if (id->cap < len || id->text == NULL)
	{
		size_t		cap = len < 16 ? 16 : len;
		char	   *buf = sum_core_alloc(cap);

		if (buf == NULL)
			return SUM_ROLLUP_NOMEM;
		if (id->text != NULL)
			sum_core_free(id->text);
		id->text = buf;
		id->cap = (uint16_t) cap;
	}
	if (len > 0)
		memcpy(id->text, text, len);
	id->len = (uint16_t) len;
	if (is_int)
	{
		id->numeric = true;
		id->num = num;
	}
	else
		id->numeric = sum_rollup_parse_int(text, len, &id->num);
	return SUM_ROLLUP_OK;
}

/*
 * RowId: a borrowed SumRollupId view of a row's id, for comparisons.  An
 * integer id has no text here (id_cmp never needs it); CopyPick formats it
 * when the row is kept.
 */
static SumRollupStatus
RowId(const SumRollupRow *row, SumRollupId *id)
{
	memset(id, 0, sizeof(*id));
	if (row->id_is_int)
	{
		id->numeric = true;
		id->num = row->id_int;
		return SUM_ROLLUP_OK;
	}
	if (row->id_len > SUM_ROLLUP_MAX_ID_LEN)
		return SUM_ROLLUP_ID_TOO_LONG;
	if (row->id_len > 0 && memchr(row->id_text, '\0', row->id_len) != NULL)
		return SUM_ROLLUP_ID_INVALID;
	id->text = (char *) row->id_text;
	id->len = (uint16_t) row->id_len;
	id->numeric = sum_rollup_parse_int(row->id_text, row->id_len, &id->num);
	return SUM_ROLLUP_OK;
}

/* ----------------------------------------------------------------
 * Best contact and champion
 * ---------------------------------------------------------------- */

/*
 * BestCmp: > 0 when a is the better contact: higher buying role, then
 * seniority, then recent activity, then the smaller id; the function breaks
 * the last tie so that two rows of one user still pick one answer.
 */
static int
BestCmp(const SumRollupPick *a, const SumRollupPick *b)
{
	int			c;

	if (a->role != b->role)
		return a->role > b->role ? 1 : -1;
	if (a->seniority != b->seniority)
		return a->seniority > b->seniority ? 1 : -1;
	if (a->activity != b->activity)
		return a->activity > b->activity ? 1 : -1;
	c = sum_rollup_id_cmp(&a->id, &b->id);
	if (c != 0)
		return -c;
	if (a->function != b->function)
		return a->function < b->function ? 1 : -1;
	return 0;
}

/*
 * ChampionCmp: > 0 when a is the better champion: more recent activity,
 * then the later last activity (unknown is earliest), then the smaller id.
 */
static int
ChampionCmp(const SumRollupPick *a, const SumRollupPick *b)
{
	int			c;

	if (a->activity != b->activity)
		return a->activity > b->activity ? 1 : -1;
	if (a->has_last != b->has_last)
		return a->has_last ? 1 : -1;
	if (a->has_last && a->last != b->last)
		return a->last > b->last ? 1 : -1;
	c = sum_rollup_id_cmp(&a->id, &b->id);
	return -c;
}

/* CopyPick: dst takes src's fields and a copy of its id */
static SumRollupStatus
CopyPick(SumRollupPick *dst, const SumRollupPick *src)
{
	SumRollupId keep = dst->id;

	*dst = *src;
	dst->id = keep;
	/* a row's integer id has no text yet: SetId formats it */
	return SetId(&dst->id, src->id.text, src->id.len,
				 src->id.text == NULL && src->id.numeric, src->id.num);
}

/* RowPick: the candidate a row makes, with a borrowed id */
static void
RowPick(const SumRollupRow *row, const SumRollupId *id, SumRollupPick *pick)
{
	memset(pick, 0, sizeof(*pick));
	pick->present = true;
	pick->role = (uint8_t) row->role;
	pick->seniority = (uint8_t) row->seniority;
	pick->function = (uint8_t) row->function;
	pick->activity = row->activity;
	pick->has_last = row->has_last;
	pick->last = row->has_last ? row->last : 0;
	pick->id = *id;
}

/* ----------------------------------------------------------------
 * Milestones
 * ---------------------------------------------------------------- */

static int
NameCmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		n = alen < blen ? alen : blen;
	int			c = n > 0 ? memcmp(a, b, n) : 0;

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

SumRollupStatus
sum_rollup_add_milestone(SumRollupState *state, const char *name, size_t len)
{
	int			lo = 0,
				hi = state->n_milestones;
	char	   *slot;

	if (len == 0)
		return SUM_ROLLUP_OK;
	if (len > SUM_ROLLUP_MAX_MILESTONE_LEN)
		return SUM_ROLLUP_MILESTONE_TOO_LONG;
	if (memchr(name, '\0', len) != NULL)
		return SUM_ROLLUP_MILESTONE_INVALID;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = NameCmp(state->milestones[mid], state->milestone_len[mid],
								name, len);

		if (c == 0)
			return SUM_ROLLUP_OK;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}

	if (state->n_milestones == SUM_ROLLUP_MAX_MILESTONES)
	{
		/* keep the smallest names: drop the new one or the largest one */
		state->milestones_truncated = true;
		if (lo == SUM_ROLLUP_MAX_MILESTONES)
			return SUM_ROLLUP_OK;
		slot = state->milestones[SUM_ROLLUP_MAX_MILESTONES - 1];
		state->n_milestones--;
	}
	else
	{
		if (state->n_milestones == state->cap_milestones)
		{
			int			cap = state->cap_milestones == 0 ? 4 : state->cap_milestones * 2;
			char	  **names;
			uint8_t    *lens;

			if (cap > SUM_ROLLUP_MAX_MILESTONES)
				cap = SUM_ROLLUP_MAX_MILESTONES;
			names = sum_core_alloc(sizeof(char *) * cap);
			lens = sum_core_alloc(cap);
			if (names == NULL || lens == NULL)
			{
				if (names)
					sum_core_free(names);
				if (lens)
					sum_core_free(lens);
				return SUM_ROLLUP_NOMEM;
			}
			if (state->n_milestones > 0)
			{
				memcpy(names, state->milestones, sizeof(char *) * state->n_milestones);
				memcpy(lens, state->milestone_len, state->n_milestones);
			}
			if (state->milestones)
				sum_core_free(state->milestones);
			if (state->milestone_len)
				sum_core_free(state->milestone_len);
			state->milestones = names;
			state->milestone_len = lens;
			state->cap_milestones = cap;
		}
		slot = sum_core_alloc(SUM_ROLLUP_MAX_MILESTONE_LEN);
		if (slot == NULL)
			return SUM_ROLLUP_NOMEM;
	}

	memmove(state->milestones + lo + 1, state->milestones + lo,
			sizeof(char *) * (state->n_milestones - lo));
	memmove(state->milestone_len + lo + 1, state->milestone_len + lo,
			state->n_milestones - lo);
	memcpy(slot, name, len);
	state->milestones[lo] = slot;
	state->milestone_len[lo] = (uint8_t) len;
	state->n_milestones++;
	return SUM_ROLLUP_OK;
}

/* ----------------------------------------------------------------
 * Hourly history of last activity
 * ---------------------------------------------------------------- */

static SumRollupStatus
GrowHistory(SumRollupState *state)
{
	int			cap = state->cap_history == 0 ? 4 : state->cap_history * 2;
	SumRollupBucket *h;

	if (cap > SUM_ROLLUP_MAX_HISTORY)
		cap = SUM_ROLLUP_MAX_HISTORY;
	h = sum_core_alloc(sizeof(SumRollupBucket) * cap);
	if (h == NULL)
		return SUM_ROLLUP_NOMEM;
	if (state->n_history > 0)
		memcpy(h, state->history, sizeof(SumRollupBucket) * state->n_history);
	if (state->history)
		sum_core_free(state->history);
	state->history = h;
	state->cap_history = cap;
	return SUM_ROLLUP_OK;
}

static void
RaiseFloor(SumRollupState *state, int64_t hour)
{
	if (!state->has_history_floor || state->history_floor < hour)
	{
		state->has_history_floor = true;
		state->history_floor = hour;
	}
}

/*
 * AddHistory: count users in the bucket of hour.  Buckets at or below the
 * floor are gone for good; past the cap the oldest bucket goes, which keeps
 * the newest SUM_ROLLUP_MAX_HISTORY hours of the union whatever the order.
 */
static SumRollupStatus
AddHistory(SumRollupState *state, int64_t hour, int64_t users)
{
	int			lo = 0,
				hi = state->n_history;
	SumRollupStatus st;

	if (hour < HistoryFloorHour(state->as_of))
		return SUM_ROLLUP_OK;
	if (state->has_history_floor && hour <= state->history_floor)
		return SUM_ROLLUP_OK;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (state->history[mid].hour == hour)
		{
			if (!AddCount(&state->history[mid].users, users))
				return SUM_ROLLUP_OVERFLOW;
			return SUM_ROLLUP_OK;
		}
		if (state->history[mid].hour < hour)
			lo = mid + 1;
		else
			hi = mid;
	}

	if (state->n_history == SUM_ROLLUP_MAX_HISTORY)
	{
		if (lo == 0)
		{
			RaiseFloor(state, hour);
			return SUM_ROLLUP_OK;
		}
		RaiseFloor(state, state->history[0].hour);
		memmove(state->history, state->history + 1,
				sizeof(SumRollupBucket) * (state->n_history - 1));
		state->n_history--;
		lo--;
	}
	else if (state->n_history == state->cap_history)
	{
		st = GrowHistory(state);
		if (st != SUM_ROLLUP_OK)
			return st;
	}
	memmove(state->history + lo + 1, state->history + lo,
			sizeof(SumRollupBucket) * (state->n_history - lo));
	state->history[lo].hour = hour;
	state->history[lo].users = users;
	state->n_history++;
	return SUM_ROLLUP_OK;
}

/* PruneHistory: drop buckets no as_of at or after state->as_of can use */
static void
PruneHistory(SumRollupState *state)
{
	int64_t		floor = HistoryFloorHour(state->as_of);
	int			i = 0;

	while (i < state->n_history && state->history[i].hour < floor)
		i++;
	if (i > 0)
	{
		memmove(state->history, state->history + i,
				sizeof(SumRollupBucket) * (state->n_history - i));
		state->n_history -= i;
	}
}

/*
 * HistoryCount: users whose last activity hour is at or after the hour of
 * since.  HISTORY_LOST when buckets that may count were dropped by the cap.
 */
static SumRollupStatus
HistoryCount(const SumRollupState *state, int64_t since, int64_t *count)
{
	int64_t		hour = FloorDiv(since, SUM_ROLLUP_USEC_PER_HOUR);
	int64_t		n = 0;
	int			i;

	if (state->has_history_floor && hour <= state->history_floor)
		return SUM_ROLLUP_HISTORY_LOST;
	if (hour < HistoryFloorHour(state->as_of))
		return SUM_ROLLUP_AS_OF_EARLIER;
	for (i = state->n_history - 1; i >= 0 && state->history[i].hour >= hour; i--)
		n += state->history[i].users;	/* bounded by users: no overflow */
	*count = n;
	return SUM_ROLLUP_OK;
}

/* ----------------------------------------------------------------
 * Adding rows
 * ---------------------------------------------------------------- */

static SumRollupStatus
CheckRow(const SumRollupRow *row)
{
	if (row->activity < 0)
		return SUM_ROLLUP_NEGATIVE_ACTIVITY;
	if (row->as_of < AS_OF_MIN)
		return SUM_ROLLUP_AS_OF_RANGE;
	return SUM_ROLLUP_OK;
}

SumRollupStatus
sum_rollup_init(SumRollupState *state, const SumRollupRow *row)
{
	SumRollupStatus st = CheckRow(row);

	if (st != SUM_ROLLUP_OK)
		return st;
	memset(state, 0, sizeof(*state));
	state->as_of = row->as_of;
	/* every field starts at its identity; add then sets users to 1 */
	state->users = 0;
	state->top_seniority = 0;
	return sum_rollup_add(state, row);
}

SumRollupStatus
sum_rollup_add(SumRollupState *state, const SumRollupRow *row)
{
	SumRollupStatus st;
	SumRollupId id;
	SumRollupPick cand;
	int64_t		since7,
				since30;

	st = CheckRow(row);
	if (st != SUM_ROLLUP_OK)
		return st;
	if (row->as_of != state->as_of)
		return SUM_ROLLUP_AS_OF_MISMATCH;
	if (row->function < 0 || row->function >= SUM_ROLLUP_N_FUNCTIONS ||
		row->seniority < 0 || row->seniority >= SUM_ROLLUP_N_SENIORITIES ||
		row->role < 0 || row->role >= SUM_ROLLUP_N_ROLES ||
		row->stage < -1 || row->stage >= SUM_ROLLUP_N_STAGES)
		return SUM_ROLLUP_BAD_FORMAT;	/* the glue maps enums: cannot happen */
	st = RowId(row, &id);
	if (st != SUM_ROLLUP_OK)
		return st;

	if (!AddCount(&state->users, 1) ||
		!AddCount(&state->activity_total, row->activity))
		return SUM_ROLLUP_OVERFLOW;

	since7 = state->as_of - 7 * SUM_ROLLUP_USEC_PER_DAY;
	since30 = state->as_of - 30 * SUM_ROLLUP_USEC_PER_DAY;
	if (row->has_last)
	{
		if (row->last >= since7)
			state->active_7d++;
		if (row->last >= since30)
			state->active_30d++;
		if (!state->has_last_activity || row->last > state->last_activity)
			state->last_activity = row->last;
		state->has_last_activity = true;
		st = AddHistory(state, FloorDiv(row->last, SUM_ROLLUP_USEC_PER_HOUR), 1);
		if (st != SUM_ROLLUP_OK)
			return st;
	}
	if (row->has_signup)
	{
		if (!state->has_first_signup || row->signup < state->first_signup)
			state->first_signup = row->signup;
		state->has_first_signup = true;
	}
	if (row->role == SUM_ROLLUP_ROLE_DECISION_MAKER)
		state->decision_makers++;
	else if (row->role == SUM_ROLLUP_ROLE_INFLUENCER)
		state->influencers++;
	if (row->stage >= 0)
		state->stage_users[row->stage]++;
	if (row->function > 0)
		state->functions |= UINT32_C(1) << row->function;
	if (row->seniority > state->top_seniority)
		state->top_seniority = (uint8_t) row->seniority;

	RowPick(row, &id, &cand);
	if (!state->best.present || BestCmp(&cand, &state->best) > 0)
	{
		st = CopyPick(&state->best, &cand);
		if (st != SUM_ROLLUP_OK)
			return st;
	}
	if (row->activity > 0 &&
		(!state->champion.present || ChampionCmp(&cand, &state->champion) > 0))
	{
		st = CopyPick(&state->champion, &cand);
		if (st != SUM_ROLLUP_OK)
			return st;
	}
	return SUM_ROLLUP_OK;
}

/* ----------------------------------------------------------------
 * Merging, copying, reading
 * ---------------------------------------------------------------- */

SumRollupStatus
sum_rollup_merge(SumRollupState *dst, const SumRollupState *src, bool rebase)
{
	SumRollupStatus st;
	int64_t		a7 = 0,
				a30 = 0;
	int			i;

	if (dst->as_of != src->as_of)
	{
		int64_t		o7,
					o30;

		if (!rebase)
			return SUM_ROLLUP_AS_OF_MISMATCH;
		if (src->as_of > dst->as_of)
		{
			/* dst's windows move forward to src's as_of */
			st = sum_rollup_active_at(dst, src->as_of, &o7, &o30);
			if (st != SUM_ROLLUP_OK)
				return st;
			dst->as_of = src->as_of;
			dst->active_7d = o7;
			dst->active_30d = o30;
			PruneHistory(dst);
			a7 = src->active_7d;
			a30 = src->active_30d;
		}
		else
		{
			st = sum_rollup_active_at(src, dst->as_of, &a7, &a30);
			if (st != SUM_ROLLUP_OK)
				return st;
		}
	}
	else
	{
		a7 = src->active_7d;
		a30 = src->active_30d;
	}

	if (!AddCount(&dst->users, src->users) ||
		!AddCount(&dst->active_7d, a7) ||
		!AddCount(&dst->active_30d, a30) ||
		!AddCount(&dst->decision_makers, src->decision_makers) ||
		!AddCount(&dst->influencers, src->influencers) ||
		!AddCount(&dst->activity_total, src->activity_total))
		return SUM_ROLLUP_OVERFLOW;
	for (i = 0; i < SUM_ROLLUP_N_STAGES; i++)
		if (!AddCount(&dst->stage_users[i], src->stage_users[i]))
			return SUM_ROLLUP_OVERFLOW;
	dst->functions |= src->functions;
	if (src->top_seniority > dst->top_seniority)
		dst->top_seniority = src->top_seniority;
	if (src->has_first_signup &&
		(!dst->has_first_signup || src->first_signup < dst->first_signup))
	{
		dst->first_signup = src->first_signup;
		dst->has_first_signup = true;
	}
	if (src->has_last_activity &&
		(!dst->has_last_activity || src->last_activity > dst->last_activity))
	{
		dst->last_activity = src->last_activity;
		dst->has_last_activity = true;
	}
	if (src->best.present &&
		(!dst->best.present || BestCmp(&src->best, &dst->best) > 0))
	{
		st = CopyPick(&dst->best, &src->best);
		if (st != SUM_ROLLUP_OK)
			return st;
	}
	if (src->champion.present &&
		(!dst->champion.present || ChampionCmp(&src->champion, &dst->champion) > 0))
	{
		st = CopyPick(&dst->champion, &src->champion);
		if (st != SUM_ROLLUP_OK)
			return st;
	}

	for (i = 0; i < src->n_milestones; i++)
	{
		st = sum_rollup_add_milestone(dst, src->milestones[i], src->milestone_len[i]);
		if (st != SUM_ROLLUP_OK)
			return st;
	}
	if (src->milestones_truncated)
		dst->milestones_truncated = true;

	if (src->has_history_floor)
	{
		/* dst's buckets at or below it cannot be kept either */
		int			j = 0;

		RaiseFloor(dst, src->history_floor);
		while (j < dst->n_history && dst->history[j].hour <= dst->history_floor)
			j++;
		if (j > 0)
		{
			memmove(dst->history, dst->history + j,
					sizeof(SumRollupBucket) * (dst->n_history - j));
			dst->n_history -= j;
		}
	}
	for (i = 0; i < src->n_history; i++)
	{
		st = AddHistory(dst, src->history[i].hour, src->history[i].users);
		if (st != SUM_ROLLUP_OK)
			return st;
	}
	return SUM_ROLLUP_OK;
}

SumRollupStatus
sum_rollup_copy(SumRollupState *dst, const SumRollupState *src)
{
	SumRollupStatus st;
	int			i;

	memset(dst, 0, sizeof(*dst));
	*dst = *src;
	dst->best.id.text = NULL;
	dst->best.id.cap = 0;
	dst->champion.id.text = NULL;
	dst->champion.id.cap = 0;
	dst->milestones = NULL;
	dst->milestone_len = NULL;
	dst->n_milestones = 0;
	dst->cap_milestones = 0;
	dst->history = NULL;
	dst->n_history = 0;
	dst->cap_history = 0;

	if (src->best.present &&
		(st = SetId(&dst->best.id, src->best.id.text, src->best.id.len, false, 0)) != SUM_ROLLUP_OK)
		goto fail;
	if (src->champion.present &&
		(st = SetId(&dst->champion.id, src->champion.id.text, src->champion.id.len, false, 0)) != SUM_ROLLUP_OK)
		goto fail;
	for (i = 0; i < src->n_milestones; i++)
		if ((st = sum_rollup_add_milestone(dst, src->milestones[i],
										   src->milestone_len[i])) != SUM_ROLLUP_OK)
			goto fail;
	if (src->n_history > 0)
	{
		dst->history = sum_core_alloc(sizeof(SumRollupBucket) * src->n_history);
		if (dst->history == NULL)
		{
			st = SUM_ROLLUP_NOMEM;
			goto fail;
		}
		memcpy(dst->history, src->history, sizeof(SumRollupBucket) * src->n_history);
		dst->n_history = dst->cap_history = src->n_history;
	}
	return SUM_ROLLUP_OK;

fail:
	sum_rollup_free(dst);
	return st;
}

SumRollupStatus
sum_rollup_active_at(const SumRollupState *state, int64_t as_of,
					 int64_t *active_7d, int64_t *active_30d)
{
	SumRollupStatus st;

	if (as_of == state->as_of)
	{
		*active_7d = state->active_7d;
		*active_30d = state->active_30d;
		return SUM_ROLLUP_OK;
	}
	if (as_of < state->as_of)
		return SUM_ROLLUP_AS_OF_EARLIER;
	st = HistoryCount(state, as_of - 7 * SUM_ROLLUP_USEC_PER_DAY, active_7d);
	if (st == SUM_ROLLUP_OK)
		st = HistoryCount(state, as_of - 30 * SUM_ROLLUP_USEC_PER_DAY, active_30d);
	return st;
}

int
sum_rollup_stage(const SumRollupState *state)
{
	int			i;

	for (i = SUM_ROLLUP_N_STAGES - 1; i >= 0; i--)
		if (state->stage_users[i] > 0)
			return i;
	return -1;
}

void
sum_rollup_free(SumRollupState *state)
{
	int			i;

	if (state->best.id.text)
		sum_core_free(state->best.id.text);
	if (state->champion.id.text)
		sum_core_free(state->champion.id.text);
	for (i = 0; i < state->n_milestones; i++)
		sum_core_free(state->milestones[i]);
	if (state->milestones)
		sum_core_free(state->milestones);
	if (state->milestone_len)
		sum_core_free(state->milestone_len);
	if (state->history)
		sum_core_free(state->history);
	memset(state, 0, sizeof(*state));
}

/* ----------------------------------------------------------------
 * Binary format
 *
 *	uint8	version (1)
 *	uint8	flags (F_*)
 *	int64	as_of, users, active_7d, active_30d, decision_makers,
 *			influencers, stage_users[4], activity_total
 *	uint32	functions
 *	uint8	top_seniority
 *	int64	first_signup, last_activity		(0 when the flag is clear)
 *	best contact:	uint8 role, seniority, function; int64 activity;
 *					uint16 id length; id bytes
 *	champion (F_CHAMPION):	int64 activity; int64 last (F_CHAMPION_LAST);
 *					uint16 id length; id bytes
 *	uint8	milestone count; per name: uint8 length, bytes
 *	int64	history floor (F_HISTORY_FLOOR)
 *	uint16	bucket count; per bucket: int64 hour, int64 users
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
	int			i;

	if (state->has_first_signup)
		flags |= F_FIRST_SIGNUP;
	if (state->has_last_activity)
		flags |= F_LAST_ACTIVITY;
	if (state->champion.present)
		flags |= F_CHAMPION;
	if (state->champion.present && state->champion.has_last)
		flags |= F_CHAMPION_LAST;
	if (state->milestones_truncated)
		flags |= F_TRUNCATED;
	if (state->has_history_floor)
		flags |= F_HISTORY_FLOOR;

	PutU8(&w, SUM_ROLLUP_VERSION);
	PutU8(&w, flags);
	PutI64(&w, state->as_of);
	PutI64(&w, state->users);
	PutI64(&w, state->active_7d);
	PutI64(&w, state->active_30d);
	PutI64(&w, state->decision_makers);
	PutI64(&w, state->influencers);
	for (i = 0; i < SUM_ROLLUP_N_STAGES; i++)
		PutI64(&w, state->stage_users[i]);
	PutI64(&w, state->activity_total);
	PutU32(&w, state->functions);
	PutU8(&w, state->top_seniority);
	PutI64(&w, state->has_first_signup ? state->first_signup : 0);
	PutI64(&w, state->has_last_activity ? state->last_activity : 0);

	PutU8(&w, state->best.role);
	PutU8(&w, state->best.seniority);
	PutU8(&w, state->best.function);
	PutI64(&w, state->best.activity);
	PutU16(&w, state->best.id.len);
	PutBytes(&w, state->best.id.text, state->best.id.len);

	if (state->champion.present)
	{
		PutI64(&w, state->champion.activity);
		if (state->champion.has_last)
			PutI64(&w, state->champion.last);
		PutU16(&w, state->champion.id.len);
		PutBytes(&w, state->champion.id.text, state->champion.id.len);
	}

	PutU8(&w, (unsigned) state->n_milestones);
	for (i = 0; i < state->n_milestones; i++)
	{
		PutU8(&w, state->milestone_len[i]);
		PutBytes(&w, state->milestones[i], state->milestone_len[i]);
	}

	if (state->has_history_floor)
		PutI64(&w, state->history_floor);
	PutU16(&w, (unsigned) state->n_history);
	for (i = 0; i < state->n_history; i++)
	{
		PutI64(&w, state->history[i].hour);
		PutI64(&w, state->history[i].users);
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

/* GetId: read a uint16 length and the id bytes into id */
static const char *
GetId(Reader *r, SumRollupId *id, SumRollupStatus *st)
{
	unsigned	len = GetU16(r);
	const unsigned char *p;

	if (r->short_read)
		return "the state is truncated";
	if (len > SUM_ROLLUP_MAX_ID_LEN)
		return "a user id is longer than the limit";
	p = Take(r, len);
	if (p == NULL)
		return "the state is truncated";
	if (len > 0 && memchr(p, '\0', len) != NULL)
		return "a user id contains a zero byte";
	*st = SetId(id, (const char *) p, len, false, 0);
	return NULL;
}

#define FAIL(msg) do { problem = (msg); goto fail; } while (0)

SumRollupStatus
sum_rollup_decode(SumRollupState *state, const unsigned char *in, size_t len,
				  const char **detail)
{
	Reader		r = {in, len, 0, false};
	const char *problem = NULL;
	SumRollupStatus st = SUM_ROLLUP_OK;
	unsigned	version,
				flags,
				n;
	int64_t		staged = 0;
	int64_t		hist_users = 0;
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
	if ((flags & F_CHAMPION_LAST) && !(flags & F_CHAMPION))
		FAIL("flags are inconsistent");

	state->as_of = GetI64(&r);
	state->users = GetI64(&r);
	state->active_7d = GetI64(&r);
	state->active_30d = GetI64(&r);
	state->decision_makers = GetI64(&r);
	state->influencers = GetI64(&r);
	for (i = 0; i < SUM_ROLLUP_N_STAGES; i++)
		state->stage_users[i] = GetI64(&r);
	state->activity_total = GetI64(&r);
	state->functions = GetU32(&r);
	state->top_seniority = (uint8_t) GetU8(&r);
	state->first_signup = GetI64(&r);
	state->last_activity = GetI64(&r);
	state->has_first_signup = (flags & F_FIRST_SIGNUP) != 0;
	state->has_last_activity = (flags & F_LAST_ACTIVITY) != 0;
	state->milestones_truncated = (flags & F_TRUNCATED) != 0;
	if (r.short_read)
		FAIL("the state is truncated");

	if (state->as_of < AS_OF_MIN)
		FAIL("as_of is out of range");
	if (state->users < 1)
		FAIL("the user count is not positive");
	if (state->active_7d < 0 || state->active_7d > state->active_30d ||
		state->active_30d > state->users)
		FAIL("the active user counts are inconsistent");
	if (state->decision_makers < 0 || state->influencers < 0 ||
		state->decision_makers > state->users - state->influencers)
		FAIL("the buying role counts are inconsistent");
	for (i = 0; i < SUM_ROLLUP_N_STAGES; i++)
	{
		if (state->stage_users[i] < 0 || state->stage_users[i] > state->users - staged)
			FAIL("the lifecycle stage counts are inconsistent");
		staged += state->stage_users[i];
	}
	if (state->activity_total < 0)
		FAIL("the activity total is negative");
	if (state->functions & ~FUNCTION_MASK)
		FAIL("the function set has unknown members");
	if (state->top_seniority >= SUM_ROLLUP_N_SENIORITIES)
		FAIL("the top seniority is out of range");
	if ((!state->has_first_signup && state->first_signup != 0) ||
		(!state->has_last_activity && state->last_activity != 0))
		FAIL("an absent timestamp is not zero");
	if (state->active_30d > 0 && !state->has_last_activity)
		FAIL("active users without a last activity");

	/* best contact */
	state->best.present = true;
	state->best.role = (uint8_t) GetU8(&r);
	state->best.seniority = (uint8_t) GetU8(&r);
	state->best.function = (uint8_t) GetU8(&r);
	state->best.activity = GetI64(&r);
	if ((problem = GetId(&r, &state->best.id, &st)) != NULL)
		goto fail;
	if (st != SUM_ROLLUP_OK)
		goto fail;
	if (state->best.role >= SUM_ROLLUP_N_ROLES ||
		state->best.seniority > state->top_seniority ||
		state->best.function >= SUM_ROLLUP_N_FUNCTIONS ||
		state->best.activity < 0 || state->best.activity > state->activity_total)
		FAIL("the best contact is out of range");
	if ((state->decision_makers > 0) != (state->best.role == SUM_ROLLUP_ROLE_DECISION_MAKER) ||
		(state->decision_makers == 0 && state->influencers > 0 &&
		 state->best.role != SUM_ROLLUP_ROLE_INFLUENCER) ||
		(state->best.function > 0 &&
		 !(state->functions & (UINT32_C(1) << state->best.function))))
		FAIL("the best contact does not match the counts");

	/* champion */
	if (flags & F_CHAMPION)
	{
		state->champion.present = true;
		state->champion.activity = GetI64(&r);
		state->champion.has_last = (flags & F_CHAMPION_LAST) != 0;
		if (state->champion.has_last)
			state->champion.last = GetI64(&r);
		if ((problem = GetId(&r, &state->champion.id, &st)) != NULL)
			goto fail;
		if (st != SUM_ROLLUP_OK)
			goto fail;
		if (state->champion.activity < 1 ||
			state->champion.activity > state->activity_total ||
			state->champion.activity < state->best.activity ||
			(state->champion.has_last &&
			 (!state->has_last_activity || state->champion.last > state->last_activity)))
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
	if (state->milestones_truncated && n != SUM_ROLLUP_MAX_MILESTONES)
		FAIL("flags are inconsistent");
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
		if (i > 0 && NameCmp(state->milestones[i - 1], state->milestone_len[i - 1],
							 (const char *) p, mlen) >= 0)
			FAIL("milestone names are not sorted and distinct");
		st = sum_rollup_add_milestone(state, (const char *) p, mlen);
		if (st != SUM_ROLLUP_OK)
			goto fail;
	}

	/* history */
	if (flags & F_HISTORY_FLOOR)
	{
		state->has_history_floor = true;
		state->history_floor = GetI64(&r);
	}
	n = GetU16(&r);
	if (r.short_read)
		FAIL("the state is truncated");
	if (n > SUM_ROLLUP_MAX_HISTORY)
		FAIL("too many history buckets");
	if (n > 0)
	{
		state->history = sum_core_alloc(sizeof(SumRollupBucket) * n);
		if (state->history == NULL)
		{
			st = SUM_ROLLUP_NOMEM;
			goto fail;
		}
		state->cap_history = (int) n;
	}
	for (i = 0; i < (int) n; i++)
	{
		int64_t		hour = GetI64(&r);
		int64_t		users = GetI64(&r);

		if (r.short_read)
			FAIL("the state is truncated");
		if (users < 1 || users > state->users - hist_users)
			FAIL("the history counts are inconsistent");
		if (hour < HistoryFloorHour(state->as_of) ||
			(i > 0 && hour <= state->history[i - 1].hour) ||
			(state->has_history_floor && hour <= state->history_floor))
			FAIL("the history is not in order");
		hist_users += users;
		state->history[i].hour = hour;
		state->history[i].users = users;
		state->n_history = i + 1;
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

const char *
sum_rollup_status_message(SumRollupStatus status)
{
	switch (status)
	{
		case SUM_ROLLUP_OK:
			return "ok";
		case SUM_ROLLUP_NOMEM:
			return "out of memory";
		case SUM_ROLLUP_ID_TOO_LONG:
			return "user id is too long";
		case SUM_ROLLUP_ID_INVALID:
			return "user id contains a zero byte";
		case SUM_ROLLUP_MILESTONE_TOO_LONG:
			return "milestone name is too long";
		case SUM_ROLLUP_MILESTONE_INVALID:
			return "milestone name contains a zero byte";
		case SUM_ROLLUP_NEGATIVE_ACTIVITY:
			return "recent activity count must not be negative";
		case SUM_ROLLUP_AS_OF_MISMATCH:
			return "as_of must be the same for every row of an account";
		case SUM_ROLLUP_AS_OF_RANGE:
			return "as_of is out of range";
		case SUM_ROLLUP_AS_OF_EARLIER:
			return "as_of is earlier than the as_of of the account state";
		case SUM_ROLLUP_HISTORY_LOST:
			return "the account state no longer holds the activity history for this as_of";
		case SUM_ROLLUP_OVERFLOW:
			return "account rollup count is out of range";
		case SUM_ROLLUP_BAD_FORMAT:
			return "invalid account state";
	}
	return "unknown status";
}
