/*-------------------------------------------------------------------------
 *
 * rollup.h
 *	  The account rollup state: what sum.account_rollup keeps per account,
 *	  how rows are added, how two states merge, and its binary format.
 *	  Pure C; no PostgreSQL headers.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_ROLLUP_H
#define SUM_ROLLUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* First byte of every encoded state; bump when the layout changes */
#define SUM_ROLLUP_VERSION 1

/* Bounds that keep a state small whatever the input (see README) */
#define SUM_ROLLUP_MAX_ID_LEN 512	/* bytes of a user id */
#define SUM_ROLLUP_MAX_MILESTONES 32	/* distinct milestone names kept */
#define SUM_ROLLUP_MAX_MILESTONE_LEN 64	/* bytes of a milestone name */
#define SUM_ROLLUP_MAX_HISTORY 1024 /* hourly buckets of last activity */

/* Positions in the SQL enums; the glue checks the labels match */
#define SUM_ROLLUP_N_FUNCTIONS 15	/* sum.job_function, 0 = unknown */
#define SUM_ROLLUP_N_SENIORITIES 9	/* sum.seniority, 0 = unknown */
#define SUM_ROLLUP_N_ROLES 4	/* sum.buying_role, 0 = unknown */
#define SUM_ROLLUP_N_STAGES 4	/* sum.lifecycle_stage */

#define SUM_ROLLUP_ROLE_INFLUENCER 2
#define SUM_ROLLUP_ROLE_DECISION_MAKER 3
#define SUM_ROLLUP_STAGE_PAID 3

/* Microseconds, the unit of every timestamp in a state (as timestamptz) */
#define SUM_ROLLUP_USEC_PER_HOUR INT64_C(3600000000)
#define SUM_ROLLUP_USEC_PER_DAY INT64_C(86400000000)

typedef enum SumRollupStatus
{
	SUM_ROLLUP_OK = 0,
	SUM_ROLLUP_NOMEM,			/* the allocator returned NULL */
	SUM_ROLLUP_ID_TOO_LONG,		/* user id longer than MAX_ID_LEN */
	SUM_ROLLUP_ID_INVALID,		/* user id contains NUL */
	SUM_ROLLUP_MILESTONE_TOO_LONG,	/* milestone name over MAX_MILESTONE_LEN */
	SUM_ROLLUP_MILESTONE_INVALID,	/* milestone name contains NUL */
	SUM_ROLLUP_NEGATIVE_ACTIVITY,	/* recent activity count below zero */
	SUM_ROLLUP_AS_OF_MISMATCH,	/* two as_of values in one aggregate call */
	SUM_ROLLUP_AS_OF_RANGE,		/* as_of too close to the timestamp limits */
	SUM_ROLLUP_AS_OF_EARLIER,	/* summary asked before the state's as_of */
	SUM_ROLLUP_HISTORY_LOST,	/* the history needed was dropped (cap) */
	SUM_ROLLUP_OVERFLOW,		/* a count or sum left int64 */
	SUM_ROLLUP_BAD_FORMAT		/* sum_rollup_decode: see *detail */
} SumRollupStatus;

/*
 * A user id, as compared.  Ids are compared as text, except that ids that
 * are canonical decimal integers within int64 ("42", "-7", not "007") sort
 * by value and before every other id, so that bigint ids order numerically
 * and the same id given as bigint or as text is the same id.  A numeric id
 * has no text (its decimal form is its text).
 */
typedef struct SumRollupId
{
	bool		numeric;
	int64_t		num;
	const char *text;			/* not NUL-terminated */
	size_t		len;
} SumRollupId;

/* Text of a stored non-numeric id, owned by the state */
typedef struct SumRollupText
{
	uint16_t	len;
	uint16_t	cap;
	char	   *data;
} SumRollupText;

/* Users whose last activity falls in one UTC hour */
typedef struct SumRollupBucket
{
	int64_t		hour;			/* floor(timestamp / 1 hour) */
	int64_t		users;
} SumRollupBucket;

/*
 * Milestone names interned for one query, so that a state holds the names
 * it has seen as a 64-bit set instead of strings.  Names past the first
 * SUM_ROLLUP_DICT_SIZE go to a small per-state list.  A dictionary only
 * grows; states point to it and never free it.
 */
#define SUM_ROLLUP_DICT_SIZE 64
#define SUM_ROLLUP_DICT_SLOTS 128	/* open addressing, power of two */

typedef struct SumRollupNames
{
	int			n;
	uint8_t		len[SUM_ROLLUP_DICT_SIZE];
	char		name[SUM_ROLLUP_DICT_SIZE][SUM_ROLLUP_MAX_MILESTONE_LEN];
	int8_t		slot[SUM_ROLLUP_DICT_SLOTS];	/* name index + 1, 0 = empty */
} SumRollupNames;

/* Flags of a state, as sum_rollup_flags() reports them */
#define SUM_ROLLUP_HAS_FIRST_SIGNUP		0x0001
#define SUM_ROLLUP_HAS_LAST_ACTIVITY	0x0002
#define SUM_ROLLUP_KEEP_HISTORY			0x0004	/* history is maintained */
#define SUM_ROLLUP_TRUNCATED			0x0008	/* milestone names were left out */
#define SUM_ROLLUP_HAS_CHAMPION			0x0010
#define SUM_ROLLUP_CHAMPION_HAS_LAST	0x0020
#define SUM_ROLLUP_BEST_NUMERIC			0x0040	/* best_num holds the id */
#define SUM_ROLLUP_CHAMPION_NUMERIC		0x0080
#define SUM_ROLLUP_HAS_HISTORY_FLOOR	0x0100

/*
 * What the states of one aggregate call share: the as_of that anchors their
 * windows and the milestone dictionary.  A scope is never changed while
 * states share it; a state that needs another (a merge moving it to a later
 * as_of) gets a scope of its own, which is "owned": allocated with
 * sum_core_alloc for that state alone and freed with it.
 */
typedef struct SumRollupScope
{
	int64_t		as_of;			/* reference time of the activity windows */
	SumRollupNames *names;		/* the query's dictionary, or NULL */
	bool		owned;
} SumRollupScope;

/*
 * The parts of a state that few states need: text ids, milestone names
 * beyond the dictionary, the activity history.  Allocated on first use.
 */
typedef struct SumRollupCold
{
	SumRollupText best_text;	/* best contact id, when best_is_text */
	SumRollupText champion_text;	/* champion id, when champion_is_text */
	bool		best_is_text;
	bool		champion_is_text;
	bool		truncated;		/* milestone names were left out */
	bool		has_history_floor;
	int			n_extra;		/* milestone names outside the dictionary: */
	int			cap_extra;		/* sorted, distinct, capped */
	char	  **extra;			/* each MAX_MILESTONE_LEN bytes */
	uint8_t    *extra_len;

	/*
	 * With KEEP_HISTORY: last activity of the users active since as_of - 30
	 * days, per UTC hour, ascending.  It lets a stored state answer the
	 * windows for a later as_of.  Buckets at or below history_floor were
	 * dropped by the cap.
	 */
	int			n_history;
	int			cap_history;
	int64_t		history_floor;
	SumRollupBucket *history;
} SumRollupCold;

/*
 * The state of one account.  Every field is order-insensitive: counts add,
 * extremes compare with a total order, sets are unions, so any split of
 * the rows merges to the same state.
 *
 * With many accounts every state is a cache miss, and the states' memory
 * slows the aggregate's own hash lookups down, so a state is 128 bytes,
 * all of it what a row reads or writes: one 128-byte palloc chunk next to
 * the group's hash table entry (see AllocState in rollup_sql.c).  What
 * every state of a call shares is in the scope; text ids, the milestone
 * overflow list and the history are in the cold part, which states with
 * integer ids and no history never allocate.  Counts are int32 in memory
 * (an account has fewer than 2^31 users; more is an overflow error) and
 * int64 in the binary format.  All memory the state points to comes from
 * sum_core_alloc, except the dictionary and a scope that is not owned;
 * sum_rollup_free releases it.  A state has a champion exactly when
 * champion_activity > 0.
 */
typedef struct SumRollupState
{
	SumRollupScope *scope;		/* as_of and dictionary; NULL before init */
	SumRollupCold *cold;		/* NULL until needed */
	int64_t		activity_total; /* sum of recent activity counts */
	int64_t		first_signup;
	int64_t		last_activity;
	uint64_t	milestone_bits; /* bit n: names->name[n] was reached */
	int64_t		best_activity;	/* best contact: recent activity */
	int64_t		best_num;		/* best contact id, when numeric */
	int64_t		champion_activity;	/* 0: no champion */
	int64_t		champion_last;
	int64_t		champion_num;
	int32_t		users;			/* rows added (a state has at least one) */
	int32_t		active_7d;		/* last activity >= as_of - 7 days */
	int32_t		active_30d;		/* last activity >= as_of - 30 days */
	int32_t		decision_makers;
	int32_t		influencers;
	int32_t		stage_users[SUM_ROLLUP_N_STAGES];
	unsigned int function_bits:14;	/* bit n - 1: sum.job_function position n */
	unsigned int top_seniority:4;
	unsigned int best_seniority:4;
	unsigned int best_function:4;
	unsigned int best_role:2;	/* best contact: sum.buying_role position */
	unsigned int has_first_signup:1;
	unsigned int has_last_activity:1;
	unsigned int champion_has_last:1;
	unsigned int keep_history:1;	/* history is maintained */
} SumRollupState;

/* sum_rollup_functions: the set of functions, bit n for position n */
static inline uint32_t
sum_rollup_functions(const SumRollupState *state)
{
	return (uint32_t) state->function_bits << 1;
}

/* sum_rollup_flags: the SUM_ROLLUP_* flags that hold for state */
extern unsigned sum_rollup_flags(const SumRollupState *state);

/* sum_rollup_as_of: the as_of of an initialized state */
static inline int64_t
sum_rollup_as_of(const SumRollupState *state)
{
	return state->scope->as_of;
}

/* One user row, as the glue hands it over */
typedef struct SumRollupRow
{
	bool		id_is_int;		/* id_int holds the id; id_text unused */
	int64_t		id_int;
	const char *id_text;
	size_t		id_len;
	int			function;		/* position; 0 (unknown) for NULL */
	int			seniority;
	int			role;
	int			stage;			/* position, or -1 for NULL */
	bool		has_signup;
	int64_t		signup;
	bool		has_last;
	int64_t		last;
	int64_t		activity;		/* 0 for NULL */
	int64_t		as_of;
} SumRollupRow;

/* sum_rollup_names_init: an empty dictionary (caller-owned memory) */
extern void sum_rollup_names_init(SumRollupNames *names);

/*
 * sum_rollup_init: a state holding row; *state must be zeroed or freed.
 * names (may be NULL) is the dictionary of the query; keep_history says
 * whether the state will be stored and so needs its activity history.
 */
extern SumRollupStatus sum_rollup_init(SumRollupState *state,
									   const SumRollupRow *row,
									   SumRollupNames *names,
									   bool keep_history);

/*
 * sum_rollup_init_scoped: the same with a scope the caller owns and keeps
 * alive as long as the state (its as_of must be row->as_of, and it must
 * not be owned), so that many states share it.
 */
extern SumRollupStatus sum_rollup_init_scoped(SumRollupState *state,
											  const SumRollupRow *row,
											  SumRollupScope *scope,
											  bool keep_history);

/* sum_rollup_add: add row to a state made by init, merge or decode */
extern SumRollupStatus sum_rollup_add(SumRollupState *state,
									  const SumRollupRow *row);

/*
 * sum_rollup_add_milestone: add one milestone name to the set.  Empty names
 * are ignored.
 */
extern SumRollupStatus sum_rollup_add_milestone(SumRollupState *state,
												const char *name, size_t len);

/*
 * sum_rollup_add_milestone_in: the same, for a caller that knows the
 * state's dictionary (names must be state->names): it saves reading a
 * cache line of the state that a row otherwise does not touch.  *index is
 * set to where the name went: its position in the dictionary (bit *index
 * of milestone_bits), SUM_ROLLUP_NAME_LISTED (the state's own list: the
 * dictionary is full) or SUM_ROLLUP_NAME_IGNORED (empty, or an error).
 * Adding a name twice gives the same *index, so a caller may remember the
 * bits of a whole list of names that all went to the dictionary.
 */
#define SUM_ROLLUP_NAME_LISTED (-1)
#define SUM_ROLLUP_NAME_IGNORED (-2)
extern SumRollupStatus sum_rollup_add_milestone_in(SumRollupState *state,
												   SumRollupNames *names,
												   const char *name, size_t len,
												   int *index);

/*
 * sum_rollup_merge: fold src into dst.  With rebase false both must have the
 * same as_of (one aggregate call).  With rebase true the result takes the
 * later as_of and the earlier state's windows are re-evaluated from its
 * hourly history.  src is not changed; it may use another dictionary.  The
 * result keeps history only when both did.
 */
extern SumRollupStatus sum_rollup_merge(SumRollupState *dst,
										const SumRollupState *src,
										bool rebase);

/*
 * sum_rollup_copy: dst becomes a deep copy of src (dst zeroed or freed),
 * sharing its dictionary.
 */
extern SumRollupStatus sum_rollup_copy(SumRollupState *dst,
									   const SumRollupState *src);

/*
 * sum_rollup_active_at: users active within 7 and 30 days of as_of.  Exact
 * at the state's own as_of; for a later one, from the hourly history (a
 * user counts when the hour of their last activity is not before the hour
 * of as_of - N days).
 */
extern SumRollupStatus sum_rollup_active_at(const SumRollupState *state,
											int64_t as_of,
											int64_t *active_7d,
											int64_t *active_30d);

/* sum_rollup_stage: most advanced stage position, or -1 when none is known */
extern int	sum_rollup_stage(const SumRollupState *state);

/*
 * sum_rollup_milestones: the milestone names of the state as reported:
 * the smallest SUM_ROLLUP_MAX_MILESTONES names, sorted bytewise.  Fills
 * names/lens (room for SUM_ROLLUP_MAX_MILESTONES; pointers into the state
 * or its dictionary), returns the count and sets *truncated when names
 * were left out.
 */
extern int	sum_rollup_milestones(const SumRollupState *state,
								  const char **names, uint8_t *lens,
								  bool *truncated);

/*
 * sum_rollup_best_id, sum_rollup_champion_id: the text of the best
 * contact's (champion's) id; buf needs room for 21 bytes (the decimal form
 * of a numeric id, not NUL-terminated).  Returns a pointer to it and its length in *len.
 */
extern const char *sum_rollup_best_id(const SumRollupState *state, char *buf,
									  size_t *len);
extern const char *sum_rollup_champion_id(const SumRollupState *state,
										  char *buf, size_t *len);

/* sum_rollup_free: release what the state points to and zero it */
extern void sum_rollup_free(SumRollupState *state);

/*
 * sum_rollup_encode: write the binary format of state to out and return its
 * length, like snprintf: when it needs more than outcap bytes, out holds
 * nothing useful and the return value is the size needed.
 */
extern size_t sum_rollup_encode(const SumRollupState *state,
								unsigned char *out, size_t outcap);

/*
 * sum_rollup_decode: parse and fully validate in[0..len) into *state (zeroed
 * or freed by the caller), interning milestone names in names (may be
 * NULL).  On SUM_ROLLUP_BAD_FORMAT, *detail names the problem (a static
 * string) and the state has been freed.
 */
extern SumRollupStatus sum_rollup_decode(SumRollupState *state,
										 const unsigned char *in, size_t len,
										 SumRollupNames *names,
										 const char **detail);

/* sum_rollup_id_cmp: the total order of user ids (see SumRollupId) */
extern int	sum_rollup_id_cmp(const SumRollupId *a, const SumRollupId *b);

/* sum_rollup_parse_int: true when s[0..len) is a canonical int64 */
extern bool sum_rollup_parse_int(const char *s, size_t len, int64_t *value);

/*
 * Shared by rollup.c and rollup_format.c; not for other callers.
 */
#define SUM_ROLLUP_AS_OF_MIN (INT64_MIN + 32 * SUM_ROLLUP_USEC_PER_DAY) /* as_of - 31 days fits */
extern SumRollupStatus sum_rollup_id_view(const char *text, size_t len, SumRollupId *id);
extern SumRollupStatus sum_rollup_store_id(SumRollupState *s, bool champion,
										   const SumRollupId *id);
extern SumRollupCold *sum_rollup_cold(SumRollupState *s);
extern SumRollupStatus sum_rollup_set_scope(SumRollupState *s, int64_t as_of,
											SumRollupNames *names);
extern int	sum_rollup_name_cmp(const char *a, size_t alen, const char *b, size_t blen);
extern int64_t sum_rollup_history_floor_hour(int64_t as_of);

/* sum_rollup_status_message: a lowercase phrase for a status */
extern const char *sum_rollup_status_message(SumRollupStatus status);

#endif							/* SUM_ROLLUP_H */
