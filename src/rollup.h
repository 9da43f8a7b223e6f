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
 * A user id.  Ids are compared as text, except that ids that are canonical
 * decimal integers within int64 ("42", "-7", not "007") sort by value and
 * before every other id, so that bigint ids order numerically and the same
 * id given as bigint or as text is the same id.
 */
typedef struct SumRollupId
{
	bool		numeric;		/* text is a canonical int64 */
	int64_t		num;			/* its value when numeric */
	uint16_t	len;			/* bytes in text */
	uint16_t	cap;			/* bytes allocated for text */
	char	   *text;			/* not NUL-terminated; owned by the state */
} SumRollupId;

/* One candidate for best contact or champion */
typedef struct SumRollupPick
{
	bool		present;
	uint8_t		role;			/* sum.buying_role position */
	uint8_t		seniority;		/* sum.seniority position */
	uint8_t		function;		/* sum.job_function position */
	bool		has_last;		/* last_activity is known */
	int64_t		activity;		/* recent activity count */
	int64_t		last;			/* last activity */
	SumRollupId id;
} SumRollupPick;

/* Users whose last activity falls in one UTC hour */
typedef struct SumRollupBucket
{
	int64_t		hour;			/* floor(timestamp / 1 hour) */
	int64_t		users;
} SumRollupBucket;

/*
 * The state of one account.  Every field is order-insensitive: counts add,
 * extremes compare with a total order, sets are unions, so any split of
 * the rows merges to the same state.  All memory it points to comes from
 * sum_core_alloc; sum_rollup_free releases it.
 */
typedef struct SumRollupState
{
	int64_t		as_of;			/* reference time of the activity windows */
	int64_t		users;			/* rows added (a state has at least one) */
	int64_t		active_7d;		/* last activity >= as_of - 7 days */
	int64_t		active_30d;		/* last activity >= as_of - 30 days */
	int64_t		decision_makers;
	int64_t		influencers;
	int64_t		stage_users[SUM_ROLLUP_N_STAGES];
	int64_t		activity_total; /* sum of recent activity counts */
	uint32_t	functions;		/* bit n: sum.job_function position n */
	uint8_t		top_seniority;
	bool		has_first_signup;
	bool		has_last_activity;
	int64_t		first_signup;
	int64_t		last_activity;
	SumRollupPick best;			/* best contact to route to */
	SumRollupPick champion;		/* most active user, if anyone is active */

	/* milestone names, sorted bytewise, distinct, at most MAX_MILESTONES */
	int			n_milestones;
	int			cap_milestones;
	bool		milestones_truncated;	/* a name was left out by the cap */
	char	  **milestones;		/* each MAX_MILESTONE_LEN bytes */
	uint8_t    *milestone_len;

	/*
	 * Last activity of the users active since as_of - 30 days, per UTC hour,
	 * ascending.  It lets a stored state answer the windows for a later
	 * as_of.  Buckets below history_floor were dropped by the cap.
	 */
	int			n_history;
	int			cap_history;
	bool		has_history_floor;
	int64_t		history_floor;
	SumRollupBucket *history;
} SumRollupState;

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

/* sum_rollup_init: a state holding row; *state must be zeroed or freed */
extern SumRollupStatus sum_rollup_init(SumRollupState *state,
									   const SumRollupRow *row);

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
 * sum_rollup_merge: fold src into dst.  With rebase false both must have the
 * same as_of (one aggregate call).  With rebase true the result takes the
 * later as_of and the earlier state's windows are re-evaluated from its
 * hourly history.  src is not changed.
 */
extern SumRollupStatus sum_rollup_merge(SumRollupState *dst,
										const SumRollupState *src,
										bool rebase);

/* sum_rollup_copy: dst becomes a deep copy of src (dst zeroed or freed) */
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
 * or freed by the caller).  On SUM_ROLLUP_BAD_FORMAT, *detail names the
 * problem (a static string) and the state has been freed.
 */
extern SumRollupStatus sum_rollup_decode(SumRollupState *state,
										 const unsigned char *in, size_t len,
										 const char **detail);

/* sum_rollup_id_cmp: the total order of user ids (see SumRollupId) */
extern int	sum_rollup_id_cmp(const SumRollupId *a, const SumRollupId *b);

/* sum_rollup_parse_int: true when s[0..len) is a canonical int64 */
extern bool sum_rollup_parse_int(const char *s, size_t len, int64_t *value);

/* sum_rollup_status_message: a lowercase phrase for a status */
extern const char *sum_rollup_status_message(SumRollupStatus status);

#endif							/* SUM_ROLLUP_H */
