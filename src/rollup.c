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
 * - functions present is a bitmap; milestone names are a set, reported as
 *   its SUM_ROLLUP_MAX_MILESTONES smallest names, which is again a union
 *   property (the k smallest of a union are the k smallest of the parts'
 *   k smallest).  Names are interned in a per-query dictionary so that a
 *   state holds them as a 64-bit set; names beyond the dictionary go to a
 *   small sorted list per state, capped at the k smallest;
 * - the 7- and 30-day windows are exact counts at the state's as_of; states
 *   meant for storage also keep an hourly histogram of recent last activity
 *   so that they can be merged with newer ones and evaluated at a later
 *   as_of.
 *
 * Speed comes from memory locality: with 100 k accounts every state is a
 * cache miss, and the states' memory also slows the aggregate's own hash
 * lookups down, so a state is 128 bytes, all of it what a row touches (see
 * rollup.h): what the states of one call share (as_of, the dictionary) is
 * in a scope they point to, integer ids keep no text, the set of
 * milestones is inline, and what few states need (text ids, names beyond
 * the dictionary, the history) is in a cold part allocated on first use.
 *
 * A row is a user: the same id in two rows counts twice (exact
 * de-duplication needs memory proportional to the users; the pipeline's
 * inputs are one row per user).  Memory per state is bounded by the caps in
 * rollup.h whatever the input.
 *
 * The binary format of a state is in rollup_format.c.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "rollup.h"

static int64_t
FloorDiv(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* sum_rollup_history_floor_hour: hourly buckets below this hour can never be needed */
int64_t
sum_rollup_history_floor_hour(int64_t as_of)
{
	return FloorDiv(as_of - 30 * SUM_ROLLUP_USEC_PER_DAY, SUM_ROLLUP_USEC_PER_HOUR);
}

static bool
AddCount(int32_t *dst, int64_t add)
{
	int64_t		sum = (int64_t) *dst + add;

	if (add < 0 || sum > INT32_MAX)
		return false;
	*dst = (int32_t) sum;
	return true;
}

static bool
AddCount64(int64_t *dst, int64_t add)
{
	return !__builtin_add_overflow(*dst, add, dst);
}

unsigned
sum_rollup_flags(const SumRollupState *s)
{
	unsigned	f = 0;

	if (s->has_first_signup)
		f |= SUM_ROLLUP_HAS_FIRST_SIGNUP;
	if (s->has_last_activity)
		f |= SUM_ROLLUP_HAS_LAST_ACTIVITY;
	if (s->keep_history)
		f |= SUM_ROLLUP_KEEP_HISTORY;
	if (s->champion_activity > 0)
		f |= SUM_ROLLUP_HAS_CHAMPION;
	if (s->champion_has_last)
		f |= SUM_ROLLUP_CHAMPION_HAS_LAST;
	if (s->cold == NULL || !s->cold->best_is_text)
		f |= SUM_ROLLUP_BEST_NUMERIC;
	if (s->cold == NULL || !s->cold->champion_is_text)
		f |= SUM_ROLLUP_CHAMPION_NUMERIC;
	if (s->cold != NULL && s->cold->truncated)
		f |= SUM_ROLLUP_TRUNCATED;
	if (s->cold != NULL && s->cold->has_history_floor)
		f |= SUM_ROLLUP_HAS_HISTORY_FLOOR;
	return f;
}

/* sum_rollup_cold: the state's cold part, allocated on first use; NULL on NOMEM */
SumRollupCold *
sum_rollup_cold(SumRollupState *s)
{
	if (s->cold == NULL)
	{
		s->cold = sum_core_alloc(sizeof(SumRollupCold));
		if (s->cold != NULL)
			memset(s->cold, 0, sizeof(SumRollupCold));
	}
	return s->cold;
}

/*
 * sum_rollup_set_scope: give the state the scope (as_of, names): its own
 * scope is changed in place when it owns it, else it gets an owned one.
 */
SumRollupStatus
sum_rollup_set_scope(SumRollupState *s, int64_t as_of, SumRollupNames *names)
{
	if (s->scope == NULL || !s->scope->owned)
	{
		SumRollupScope *scope = sum_core_alloc(sizeof(SumRollupScope));

		if (scope == NULL)
			return SUM_ROLLUP_NOMEM;
		scope->owned = true;
		s->scope = scope;
	}
	s->scope->as_of = as_of;
	s->scope->names = names;
	return SUM_ROLLUP_OK;
}

static inline bool
BestNumeric(const SumRollupState *s)
{
	return s->cold == NULL || !s->cold->best_is_text;
}

static inline bool
ChampionNumeric(const SumRollupState *s)
{
	return s->cold == NULL || !s->cold->champion_is_text;
}

static inline bool
HasChampion(const SumRollupState *s)
{
	return s->champion_activity > 0;
}

static inline bool
Truncated(const SumRollupState *s)
{
	return s->cold != NULL && s->cold->truncated;
}

static inline bool
HasHistoryFloor(const SumRollupState *s)
{
	return s->cold != NULL && s->cold->has_history_floor;
}

static inline int
NExtra(const SumRollupState *s)
{
	return s->cold != NULL ? s->cold->n_extra : 0;
}

static inline int
NHistory(const SumRollupState *s)
{
	return s->cold != NULL ? s->cold->n_history : 0;
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

/* sum_rollup_id_view: parse id text into a comparable view (text is borrowed) */
SumRollupStatus
sum_rollup_id_view(const char *text, size_t len, SumRollupId *id)
{
	if (len > SUM_ROLLUP_MAX_ID_LEN)
		return SUM_ROLLUP_ID_TOO_LONG;
	if (len > 0 && memchr(text, '\0', len) != NULL)
		return SUM_ROLLUP_ID_INVALID;
	id->numeric = sum_rollup_parse_int(text, len, &id->num);
	id->text = text;
	id->len = len;
	return SUM_ROLLUP_OK;
}

/* RowId: the view of a row's id */
static SumRollupStatus
RowId(const SumRollupRow *row, SumRollupId *id)
{
	if (row->id_is_int)
	{
		id->numeric = true;
		id->num = row->id_int;
		id->text = NULL;
		id->len = 0;
		return SUM_ROLLUP_OK;
	}
	return sum_rollup_id_view(row->id_text, row->id_len, id);
}

static SumRollupId
StoredId(bool numeric, int64_t num, const SumRollupText *t)
{
	SumRollupId id;

	id.numeric = numeric;
	id.num = num;
	id.text = numeric ? NULL : t->data;
	id.len = numeric ? 0 : t->len;
	return id;
}

static SumRollupId
BestId(const SumRollupState *s)
{
	bool		numeric = BestNumeric(s);

	return StoredId(numeric, s->best_num, numeric ? NULL : &s->cold->best_text);
}

static SumRollupId
ChampionId(const SumRollupState *s)
{
	bool		numeric = ChampionNumeric(s);

	return StoredId(numeric, s->champion_num, numeric ? NULL : &s->cold->champion_text);
}

/*
 * sum_rollup_store_id: keep id as the best contact's (champion's) id: an
 * integer in best_num (champion_num), a text in the cold part, reusing its
 * buffer when it is large enough.
 */
SumRollupStatus
sum_rollup_store_id(SumRollupState *s, bool champion, const SumRollupId *id)
{
	int64_t    *num = champion ? &s->champion_num : &s->best_num;
	SumRollupCold *cold;
	SumRollupText *t;

	if (id->numeric)
	{
		*num = id->num;
		if (s->cold != NULL)
		{
			if (champion)
				s->cold->champion_is_text = false;
			else
				s->cold->best_is_text = false;
		}
		return SUM_ROLLUP_OK;
	}
	if ((cold = sum_rollup_cold(s)) == NULL)
		return SUM_ROLLUP_NOMEM;
	t = champion ? &cold->champion_text : &cold->best_text;
	if (t->cap < id->len || t->data == NULL)
	{
		size_t		cap = id->len < 16 ? 16 : id->len;
		char	   *buf = sum_core_alloc(cap);

		if (buf == NULL)
			return SUM_ROLLUP_NOMEM;
		if (t->data != NULL)
			sum_core_free(t->data);
		t->data = buf;
		t->cap = (uint16_t) cap;
	}
	if (id->len > 0)
		memcpy(t->data, id->text, id->len);
	t->len = (uint16_t) id->len;
	if (champion)
		cold->champion_is_text = true;
	else
		cold->best_is_text = true;
	*num = 0;
	return SUM_ROLLUP_OK;
}

/* FormatInt64: the decimal form of v in buf (21 bytes), not terminated */
static size_t
FormatInt64(int64_t v, char *buf)
{
	char		tmp[20];
	uint64_t	u = v < 0 ? -(uint64_t) v : (uint64_t) v;
	size_t		n = 0,
				len = 0;

	do
	{
		tmp[n++] = (char) ('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		buf[len++] = '-';
	while (n > 0)
		buf[len++] = tmp[--n];
	return len;
}

static const char *
IdText(bool numeric, int64_t num, const SumRollupText *t, char *buf, size_t *len)
{
	if (numeric)
	{
		*len = FormatInt64(num, buf);
		return buf;
	}
	*len = t->len;
	return t->data != NULL ? t->data : "";
}

const char *
sum_rollup_best_id(const SumRollupState *state, char *buf, size_t *len)
{
	bool		numeric = BestNumeric(state);

	return IdText(numeric, state->best_num, numeric ? NULL : &state->cold->best_text,
				  buf, len);
}

const char *
sum_rollup_champion_id(const SumRollupState *state, char *buf, size_t *len)
{
	bool		numeric = ChampionNumeric(state);

	return IdText(numeric, state->champion_num,
				  numeric ? NULL : &state->cold->champion_text, buf, len);
}

/* ----------------------------------------------------------------
 * Best contact and champion
 *
 * Best contact: higher buying role, then seniority, then recent activity,
 * then the smaller id; the function breaks the last tie so that two rows of
 * one user still pick one answer.  Champion (only users with activity):
 * more recent activity, then the later last activity (unknown is earliest),
 * then the smaller id.  The id is looked at only when the keys tie.
 * ---------------------------------------------------------------- */

typedef struct BestKey
{
	int			role;
	int			seniority;
	int			function;
	int64_t		activity;
} BestKey;

typedef struct ChampionKey
{
	int64_t		activity;
	bool		has_last;
	int64_t		last;
} ChampionKey;

static int
BestKeyCmp(const BestKey *a, const BestKey *b)
{
	if (a->role != b->role)
		return a->role > b->role ? 1 : -1;
	if (a->seniority != b->seniority)
		return a->seniority > b->seniority ? 1 : -1;
	if (a->activity != b->activity)
		return a->activity > b->activity ? 1 : -1;
	return 0;
}

/* BestTieCmp: > 0 when a wins a tie of the keys */
static int
BestTieCmp(const BestKey *a, const SumRollupId *aid, const BestKey *b, const SumRollupId *bid)
{
	int			c = sum_rollup_id_cmp(aid, bid);

	if (c != 0)
		return -c;
	if (a->function != b->function)
		return a->function < b->function ? 1 : -1;
	return 0;
}

static int
ChampionKeyCmp(const ChampionKey *a, const ChampionKey *b)
{
	if (a->activity != b->activity)
		return a->activity > b->activity ? 1 : -1;
	if (a->has_last != b->has_last)
		return a->has_last ? 1 : -1;
	if (a->has_last && a->last != b->last)
		return a->last > b->last ? 1 : -1;
	return 0;
}

static BestKey
StateBest(const SumRollupState *s)
{
	BestKey		k = {s->best_role, s->best_seniority, s->best_function, s->best_activity};

	return k;
}

static ChampionKey
StateChampion(const SumRollupState *s)
{
	ChampionKey k = {s->champion_activity, s->champion_has_last, s->champion_last};

	return k;
}

/* SetBest: the state's best contact becomes (k, id) */
static SumRollupStatus
SetBest(SumRollupState *s, const BestKey *k, const SumRollupId *id)
{
	SumRollupStatus st = sum_rollup_store_id(s, false, id);

	if (st != SUM_ROLLUP_OK)
		return st;
	s->best_role = (unsigned) k->role;
	s->best_seniority = (unsigned) k->seniority;
	s->best_function = (unsigned) k->function;
	s->best_activity = k->activity;
	return SUM_ROLLUP_OK;
}

/* SetChampion: the state's champion becomes (k, id); k->activity > 0 */
static SumRollupStatus
SetChampion(SumRollupState *s, const ChampionKey *k, const SumRollupId *id)
{
	SumRollupStatus st = sum_rollup_store_id(s, true, id);

	if (st != SUM_ROLLUP_OK)
		return st;
	s->champion_has_last = k->has_last;
	s->champion_activity = k->activity;
	s->champion_last = k->has_last ? k->last : 0;
	return SUM_ROLLUP_OK;
}

/* ----------------------------------------------------------------
 * Milestones
 * ---------------------------------------------------------------- */

int
sum_rollup_name_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		n = alen < blen ? alen : blen;
	int			c = n > 0 ? memcmp(a, b, n) : 0;

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

void
sum_rollup_names_init(SumRollupNames *names)
{
	memset(names, 0, sizeof(*names));
}

/*
 * DictFind: index of name in the dictionary, interning it when there is
 * room; -1 when it is not there and the dictionary is full.
 */
static int
DictFind(SumRollupNames *d, const char *name, size_t len)
{
	uint64_t	head = 0,
				tail = 0,
				h;
	size_t		i;

	/* names are short and differ at their ends: hash length, head and tail */
	memcpy(&head, name, len < 8 ? len : 8);
	if (len > 8)
		memcpy(&tail, name + len - (len < 16 ? len - 8 : 8), len < 16 ? len - 8 : 8);
	h = (head * UINT64_C(0x9E3779B97F4A7C15)) ^ (tail * UINT64_C(0xC2B2AE3D27D4EB4F)) ^ len;
	h ^= h >> 29;
	for (i = 0; i < SUM_ROLLUP_DICT_SLOTS; i++)
	{
		int			slot = (int) ((h + i) & (SUM_ROLLUP_DICT_SLOTS - 1));
		int			idx = d->slot[slot] - 1;

		if (idx < 0)
		{
			if (d->n == SUM_ROLLUP_DICT_SIZE)
				return -1;
			idx = d->n++;
			memcpy(d->name[idx], name, len);
			d->len[idx] = (uint8_t) len;
			d->slot[slot] = (int8_t) (idx + 1);
			return idx;
		}
		if (d->len[idx] == len && memcmp(d->name[idx], name, len) == 0)
			return idx;
	}
	return -1;					/* cannot happen: slots outnumber names */
}

/*
 * AddExtra: add a name to the state's own sorted list, which keeps the
 * smallest SUM_ROLLUP_MAX_MILESTONES names.
 */
static SumRollupStatus
AddExtra(SumRollupState *s, const char *name, size_t len)
{
	SumRollupCold *state = sum_rollup_cold(s);
	int			lo = 0,
				hi;
	char	   *slot;

	if (state == NULL)
		return SUM_ROLLUP_NOMEM;
	hi = state->n_extra;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = sum_rollup_name_cmp(state->extra[mid], state->extra_len[mid], name, len);

		if (c == 0)
			return SUM_ROLLUP_OK;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}

	if (state->n_extra == SUM_ROLLUP_MAX_MILESTONES)
	{
		/* keep the smallest names: drop the new one or the largest one */
		state->truncated = true;
		if (lo == SUM_ROLLUP_MAX_MILESTONES)
			return SUM_ROLLUP_OK;
		slot = state->extra[SUM_ROLLUP_MAX_MILESTONES - 1];
		state->n_extra--;
	}
	else
	{
		if (state->n_extra == state->cap_extra)
		{
			int			cap = state->cap_extra == 0 ? 4 : state->cap_extra * 2;
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
			if (state->n_extra > 0)
			{
				memcpy(names, state->extra, sizeof(char *) * state->n_extra);
				memcpy(lens, state->extra_len, state->n_extra);
			}
			if (state->extra)
				sum_core_free(state->extra);
			if (state->extra_len)
				sum_core_free(state->extra_len);
			state->extra = names;
			state->extra_len = lens;
			state->cap_extra = cap;
		}
		slot = sum_core_alloc(SUM_ROLLUP_MAX_MILESTONE_LEN);
		if (slot == NULL)
			return SUM_ROLLUP_NOMEM;
	}

	memmove(state->extra + lo + 1, state->extra + lo,
			sizeof(char *) * (state->n_extra - lo));
	memmove(state->extra_len + lo + 1, state->extra_len + lo,
			state->n_extra - lo);
	memcpy(slot, name, len);
	state->extra[lo] = slot;
	state->extra_len[lo] = (uint8_t) len;
	state->n_extra++;
	return SUM_ROLLUP_OK;
}

SumRollupStatus
sum_rollup_add_milestone_in(SumRollupState *state, SumRollupNames *names,
							const char *name, size_t len, int *index)
{
	*index = SUM_ROLLUP_NAME_IGNORED;
	if (len == 0)
		return SUM_ROLLUP_OK;
	if (len > SUM_ROLLUP_MAX_MILESTONE_LEN)
		return SUM_ROLLUP_MILESTONE_TOO_LONG;
	if (memchr(name, '\0', len) != NULL)
		return SUM_ROLLUP_MILESTONE_INVALID;
	if (names != NULL)
	{
		int			idx = DictFind(names, name, len);

		if (idx >= 0)
		{
			state->milestone_bits |= UINT64_C(1) << idx;
			*index = idx;
			return SUM_ROLLUP_OK;
		}
	}
	*index = SUM_ROLLUP_NAME_LISTED;
	return AddExtra(state, name, len);
}

SumRollupStatus
sum_rollup_add_milestone(SumRollupState *state, const char *name, size_t len)
{
	int			index;

	return sum_rollup_add_milestone_in(state, state->scope->names, name, len, &index);
}

int
sum_rollup_milestones(const SumRollupState *state, const char **names,
					  uint8_t *lens, bool *truncated)
{
	const char *all[SUM_ROLLUP_DICT_SIZE + SUM_ROLLUP_MAX_MILESTONES];
	uint8_t		all_len[SUM_ROLLUP_DICT_SIZE + SUM_ROLLUP_MAX_MILESTONES];
	int			n = 0,
				i,
				j;

	if (state->scope->names != NULL)
		for (i = 0; i < state->scope->names->n; i++)
			if (state->milestone_bits & (UINT64_C(1) << i))
			{
				all[n] = state->scope->names->name[i];
				all_len[n++] = state->scope->names->len[i];
			}
	for (i = 0; i < NExtra(state); i++)
	{
		all[n] = state->cold->extra[i];
		all_len[n++] = state->cold->extra_len[i];
	}
	/* insertion sort: at most 96 names */
	for (i = 1; i < n; i++)
	{
		const char *p = all[i];
		uint8_t		l = all_len[i];

		for (j = i; j > 0 && sum_rollup_name_cmp(all[j - 1], all_len[j - 1], p, l) > 0; j--)
		{
			all[j] = all[j - 1];
			all_len[j] = all_len[j - 1];
		}
		all[j] = p;
		all_len[j] = l;
	}
	*truncated = Truncated(state) || n > SUM_ROLLUP_MAX_MILESTONES;
	if (n > SUM_ROLLUP_MAX_MILESTONES)
		n = SUM_ROLLUP_MAX_MILESTONES;
	for (i = 0; i < n; i++)
	{
		names[i] = all[i];
		lens[i] = all_len[i];
	}
	return n;
}

/* ----------------------------------------------------------------
 * Hourly history of last activity
 * ---------------------------------------------------------------- */

static SumRollupStatus
GrowHistory(SumRollupCold *state)
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
RaiseFloor(SumRollupCold *state, int64_t hour)
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
AddHistory(SumRollupState *s, int64_t hour, int64_t users)
{
	SumRollupCold *state;
	int			lo = 0,
				hi;
	SumRollupStatus st;

	if (hour < sum_rollup_history_floor_hour(s->scope->as_of))
		return SUM_ROLLUP_OK;
	if (HasHistoryFloor(s) && hour <= s->cold->history_floor)
		return SUM_ROLLUP_OK;
	if ((state = sum_rollup_cold(s)) == NULL)
		return SUM_ROLLUP_NOMEM;
	hi = state->n_history;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (state->history[mid].hour == hour)
		{
			if (!AddCount64(&state->history[mid].users, users))
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
PruneHistory(SumRollupState *s)
{
	int64_t		floor = sum_rollup_history_floor_hour(s->scope->as_of);
	SumRollupCold *state = s->cold;
	int			i = 0;

	if (state == NULL)
		return;
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

	if (HasHistoryFloor(state) && hour <= state->cold->history_floor)
		return SUM_ROLLUP_HISTORY_LOST;
	if (hour < sum_rollup_history_floor_hour(state->scope->as_of))
		return SUM_ROLLUP_AS_OF_EARLIER;
	for (i = NHistory(state) - 1; i >= 0 && state->cold->history[i].hour >= hour; i--)
		n += state->cold->history[i].users; /* bounded by users: no overflow */
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
	if (row->as_of < SUM_ROLLUP_AS_OF_MIN)
		return SUM_ROLLUP_AS_OF_RANGE;
	return SUM_ROLLUP_OK;
}

SumRollupStatus
sum_rollup_init(SumRollupState *state, const SumRollupRow *row,
				SumRollupNames *names, bool keep_history)
{
	SumRollupStatus st = CheckRow(row);

	if (st != SUM_ROLLUP_OK)
		return st;
	memset(state, 0, sizeof(*state));
	if ((st = sum_rollup_set_scope(state, row->as_of, names)) != SUM_ROLLUP_OK)
		return st;
	state->keep_history = keep_history;
	return sum_rollup_add(state, row);
}

SumRollupStatus
sum_rollup_init_scoped(SumRollupState *state, const SumRollupRow *row,
					   SumRollupScope *scope, bool keep_history)
{
	SumRollupStatus st = CheckRow(row);

	if (st != SUM_ROLLUP_OK)
		return st;
	if (scope->owned || scope->as_of != row->as_of)
		return SUM_ROLLUP_AS_OF_MISMATCH;	/* the caller's mistake */
	memset(state, 0, sizeof(*state));
	state->scope = scope;
	state->keep_history = keep_history;
	return sum_rollup_add(state, row);
}

SumRollupStatus
sum_rollup_add(SumRollupState *state, const SumRollupRow *row)
{
	SumRollupStatus st;
	SumRollupId id;
	bool		have_id = false;
	BestKey		bk;
	int			c;

	st = CheckRow(row);
	if (st != SUM_ROLLUP_OK)
		return st;
	if (row->as_of != state->scope->as_of)
		return SUM_ROLLUP_AS_OF_MISMATCH;
	if (row->function < 0 || row->function >= SUM_ROLLUP_N_FUNCTIONS ||
		row->seniority < 0 || row->seniority >= SUM_ROLLUP_N_SENIORITIES ||
		row->role < 0 || row->role >= SUM_ROLLUP_N_ROLES ||
		row->stage < -1 || row->stage >= SUM_ROLLUP_N_STAGES)
		return SUM_ROLLUP_BAD_FORMAT;	/* the glue maps enums: cannot happen */
	/* checked on every row, not only when the id is compared */
	if (!row->id_is_int && row->id_len > SUM_ROLLUP_MAX_ID_LEN)
		return SUM_ROLLUP_ID_TOO_LONG;

	if (state->users == INT32_MAX ||
		!AddCount64(&state->activity_total, row->activity))
		return SUM_ROLLUP_OVERFLOW;
	state->users++;

	if (row->has_last)
	{
		/* row->as_of is the state's */
		if (row->last >= row->as_of - 7 * SUM_ROLLUP_USEC_PER_DAY)
			state->active_7d++;
		if (row->last >= row->as_of - 30 * SUM_ROLLUP_USEC_PER_DAY)
			state->active_30d++;
		if (!state->has_last_activity || row->last > state->last_activity)
			state->last_activity = row->last;
		state->has_last_activity = true;
		if (state->keep_history)
		{
			st = AddHistory(state, FloorDiv(row->last, SUM_ROLLUP_USEC_PER_HOUR), 1);
			if (st != SUM_ROLLUP_OK)
				return st;
		}
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
		state->function_bits |= 1U << (row->function - 1);
	if (row->seniority > (int) state->top_seniority)
		state->top_seniority = (unsigned) row->seniority;

	/* best contact: the first row of a state is it */
	bk.role = row->role;
	bk.seniority = row->seniority;
	bk.function = row->function;
	bk.activity = row->activity;
	if (state->users == 1)
		c = 1;
	else
	{
		BestKey		cur = StateBest(state);

		c = BestKeyCmp(&bk, &cur);
	}
	if (c >= 0)
	{
		if ((st = RowId(row, &id)) != SUM_ROLLUP_OK)
			return st;
		have_id = true;
		if (c == 0)
		{
			BestKey		cur = StateBest(state);
			SumRollupId cur_id = BestId(state);

			c = BestTieCmp(&bk, &id, &cur, &cur_id);
		}
		if (c > 0 && (st = SetBest(state, &bk, &id)) != SUM_ROLLUP_OK)
			return st;
	}

	if (row->activity > 0)
	{
		ChampionKey ck = {row->activity, row->has_last, row->has_last ? row->last : 0};

		if (!HasChampion(state))
			c = 1;
		else
		{
			ChampionKey cur = StateChampion(state);

			c = ChampionKeyCmp(&ck, &cur);
		}
		if (c >= 0)
		{
			if (!have_id && (st = RowId(row, &id)) != SUM_ROLLUP_OK)
				return st;
			if (c == 0)
			{
				SumRollupId cur_id = ChampionId(state);

				c = -sum_rollup_id_cmp(&id, &cur_id);
			}
			if (c > 0 && (st = SetChampion(state, &ck, &id)) != SUM_ROLLUP_OK)
				return st;
		}
	}
	return SUM_ROLLUP_OK;
}

/* ----------------------------------------------------------------
 * Merging, copying, reading
 * ---------------------------------------------------------------- */

static void
DropHistory(SumRollupState *s)
{
	SumRollupCold *state = s->cold;

	s->keep_history = false;
	if (state == NULL)
		return;
	if (state->history)
		sum_core_free(state->history);
	state->history = NULL;
	state->n_history = 0;
	state->cap_history = 0;
	state->history_floor = 0;
	state->has_history_floor = false;
}

SumRollupStatus
sum_rollup_merge(SumRollupState *dst, const SumRollupState *src, bool rebase)
{
	SumRollupStatus st;
	int64_t		a7 = 0,
				a30 = 0;
	int			i;

	if (dst->scope->as_of != src->scope->as_of)
	{
		int64_t		o7,
					o30;

		if (!rebase)
			return SUM_ROLLUP_AS_OF_MISMATCH;
		if (src->scope->as_of > dst->scope->as_of)
		{
			/* dst's windows move forward to src's as_of */
			st = sum_rollup_active_at(dst, src->scope->as_of, &o7, &o30);
			if (st != SUM_ROLLUP_OK)
				return st;
			st = sum_rollup_set_scope(dst, src->scope->as_of, dst->scope->names);
			if (st != SUM_ROLLUP_OK)
				return st;
			dst->active_7d = (int32_t) o7;
			dst->active_30d = (int32_t) o30;
			PruneHistory(dst);
			a7 = src->active_7d;
			a30 = src->active_30d;
		}
		else
		{
			st = sum_rollup_active_at(src, dst->scope->as_of, &a7, &a30);
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
		!AddCount64(&dst->activity_total, src->activity_total))
		return SUM_ROLLUP_OVERFLOW;
	for (i = 0; i < SUM_ROLLUP_N_STAGES; i++)
		if (!AddCount(&dst->stage_users[i], src->stage_users[i]))
			return SUM_ROLLUP_OVERFLOW;
	dst->function_bits |= src->function_bits;
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

	{
		BestKey		sk = StateBest(src),
					dk = StateBest(dst);
		SumRollupId sid = BestId(src),
					did = BestId(dst);
		int			c = BestKeyCmp(&sk, &dk);

		if (c == 0)
			c = BestTieCmp(&sk, &sid, &dk, &did);
		if (c > 0 && (st = SetBest(dst, &sk, &sid)) != SUM_ROLLUP_OK)
			return st;
	}
	if (HasChampion(src))
	{
		ChampionKey sk = StateChampion(src),
					dk = StateChampion(dst);
		SumRollupId sid = ChampionId(src),
					did = ChampionId(dst);
		int			c = HasChampion(dst) ? ChampionKeyCmp(&sk, &dk) : 1;

		if (c == 0)
			c = -sum_rollup_id_cmp(&sid, &did);
		if (c > 0 && (st = SetChampion(dst, &sk, &sid)) != SUM_ROLLUP_OK)
			return st;
	}

	/* milestones: the same dictionary merges bit sets, another goes by name */
	{
		SumRollupNames *snames = src->scope->names;

		if (snames != NULL && snames == dst->scope->names)
			dst->milestone_bits |= src->milestone_bits;
		else if (snames != NULL)
		{
			for (i = 0; i < snames->n; i++)
				if (src->milestone_bits & (UINT64_C(1) << i))
				{
					st = sum_rollup_add_milestone(dst, snames->name[i], snames->len[i]);
					if (st != SUM_ROLLUP_OK)
						return st;
				}
		}
	}
	for (i = 0; i < NExtra(src); i++)
	{
		st = sum_rollup_add_milestone(dst, src->cold->extra[i], src->cold->extra_len[i]);
		if (st != SUM_ROLLUP_OK)
			return st;
	}
	if (Truncated(src))
	{
		if (sum_rollup_cold(dst) == NULL)
			return SUM_ROLLUP_NOMEM;
		dst->cold->truncated = true;
	}

	/* history: kept only when both parts kept it */
	if (!src->keep_history || !dst->keep_history)
	{
		DropHistory(dst);
		return SUM_ROLLUP_OK;
	}
	if (HasHistoryFloor(src))
	{
		/* dst's buckets at or below it cannot be kept either */
		SumRollupCold *d = sum_rollup_cold(dst);
		int			j = 0;

		if (d == NULL)
			return SUM_ROLLUP_NOMEM;
		RaiseFloor(d, src->cold->history_floor);
		while (j < d->n_history && d->history[j].hour <= d->history_floor)
			j++;
		if (j > 0)
		{
			memmove(d->history, d->history + j,
					sizeof(SumRollupBucket) * (d->n_history - j));
			d->n_history -= j;
		}
	}
	for (i = 0; i < NHistory(src); i++)
	{
		st = AddHistory(dst, src->cold->history[i].hour, src->cold->history[i].users);
		if (st != SUM_ROLLUP_OK)
			return st;
	}
	return SUM_ROLLUP_OK;
}

SumRollupStatus
sum_rollup_copy(SumRollupState *dst, const SumRollupState *src)
{
	SumRollupStatus st = SUM_ROLLUP_OK;
	const SumRollupCold *sc = src->cold;
	SumRollupCold *dc;
	SumRollupId id;
	int			i;

	*dst = *src;
	dst->cold = NULL;
	if (src->scope->owned)
	{
		dst->scope = NULL;
		if ((st = sum_rollup_set_scope(dst, src->scope->as_of, src->scope->names)) != SUM_ROLLUP_OK)
			goto fail;
	}
	if (sc == NULL)
		return SUM_ROLLUP_OK;

	id = BestId(src);
	if ((st = sum_rollup_store_id(dst, false, &id)) != SUM_ROLLUP_OK)
		goto fail;
	if (HasChampion(src))
	{
		id = ChampionId(src);
		if ((st = sum_rollup_store_id(dst, true, &id)) != SUM_ROLLUP_OK)
			goto fail;
	}
	for (i = 0; i < sc->n_extra; i++)
		if ((st = AddExtra(dst, sc->extra[i], sc->extra_len[i])) != SUM_ROLLUP_OK)
			goto fail;
	if ((dc = sum_rollup_cold(dst)) == NULL)
	{
		st = SUM_ROLLUP_NOMEM;
		goto fail;
	}
	dc->truncated = sc->truncated;
	dc->has_history_floor = sc->has_history_floor;
	dc->history_floor = sc->history_floor;
	if (sc->n_history > 0)
	{
		dc->history = sum_core_alloc(sizeof(SumRollupBucket) * sc->n_history);
		if (dc->history == NULL)
		{
			st = SUM_ROLLUP_NOMEM;
			goto fail;
		}
		memcpy(dc->history, sc->history, sizeof(SumRollupBucket) * sc->n_history);
		dc->n_history = dc->cap_history = sc->n_history;
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

	if (as_of == state->scope->as_of)
	{
		*active_7d = state->active_7d;
		*active_30d = state->active_30d;
		return SUM_ROLLUP_OK;
	}
	if (as_of < state->scope->as_of)
		return SUM_ROLLUP_AS_OF_EARLIER;
	if (!state->keep_history)
		return SUM_ROLLUP_HISTORY_LOST;
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
	SumRollupCold *cold = state->cold;
	int			i;

	if (cold != NULL)
	{
		if (cold->best_text.data)
			sum_core_free(cold->best_text.data);
		if (cold->champion_text.data)
			sum_core_free(cold->champion_text.data);
		for (i = 0; i < cold->n_extra; i++)
			sum_core_free(cold->extra[i]);
		if (cold->extra)
			sum_core_free(cold->extra);
		if (cold->extra_len)
			sum_core_free(cold->extra_len);
		if (cold->history)
			sum_core_free(cold->history);
		sum_core_free(cold);
	}
	if (state->scope != NULL && state->scope->owned)
		sum_core_free(state->scope);
	memset(state, 0, sizeof(*state));
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
