/*-------------------------------------------------------------------------
 *
 * src/funnel_sql.c
 *	  SQL glue of sum.window_funnel and sum.retention, the ClickHouse-
 *	  compatible funnel and retention aggregates.
 *
 * NULL handling follows ClickHouse (since 22.10, and 18.16 for Nullable
 * arguments): a row in which the window, the mode, the timestamp, the step
 * array or any step is NULL is ignored.  The row still has to have the same
 * number of steps as the others.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "funnel.h"

PG_FUNCTION_INFO_V1(sum_window_funnel_accum);
PG_FUNCTION_INFO_V1(sum_window_funnel_mode_accum);
PG_FUNCTION_INFO_V1(sum_window_funnel_combine);
PG_FUNCTION_INFO_V1(sum_window_funnel_serialize);
PG_FUNCTION_INFO_V1(sum_window_funnel_deserialize);
PG_FUNCTION_INFO_V1(sum_window_funnel_final);
PG_FUNCTION_INFO_V1(sum_retention_accum);
PG_FUNCTION_INFO_V1(sum_retention_combine);
PG_FUNCTION_INFO_V1(sum_retention_final);

/* The last mode string parsed by one aggregate call site (fn_extra) */
typedef struct ModeCache
{
	int			len;
	int			modes;
	char		text[FLEXIBLE_ARRAY_MEMBER];
} ModeCache;

/*
 * CheckStepCount: the one error for a step or condition count out of range,
 * raised by every entry point.
 */
static void
CheckStepCount(int n)
{
	if (n < 1 || n > SUM_FUNNEL_MAX_STEPS)
		ereport(ERROR,
				(errcode(n < 1 ? ERRCODE_INVALID_PARAMETER_VALUE
						 : ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("step count must be between 1 and %d", SUM_FUNNEL_MAX_STEPS),
				 errdetail("The call passed %d conditions.", n)));
}

/*
 * ReadSteps: the bit mask of the true elements of a boolean array, with its
 * length in *n and whether any element is NULL in *hasnull.  Reads the array
 * in place: this runs once per input row.
 */
static uint32
ReadSteps(ArrayType *arr, int *n, bool *hasnull)
{
	int			ndim = ARR_NDIM(arr);
	int			count;
	bits8	   *nulls;
	bool	   *data;
	uint32		mask = 0;
	int			i,
				j;

	if (ARR_ELEMTYPE(arr) != BOOLOID)
		elog(ERROR, "step array has element type %u, not boolean", ARR_ELEMTYPE(arr));
	if (ndim > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("conditions must be a one-dimensional array")));
	count = ndim == 0 ? 0 : ARR_DIMS(arr)[0];
	CheckStepCount(count);

	nulls = ARR_NULLBITMAP(arr);
	data = (bool *) ARR_DATA_PTR(arr);
	*hasnull = false;
	for (i = 0, j = 0; i < count; i++)
	{
		if (nulls != NULL && !(nulls[i / 8] & (1 << (i % 8))))
		{
			*hasnull = true;
			continue;
		}
		if (data[j++])
			mask |= (uint32) 1 << i;
	}
	*n = count;
	return mask;
}

/*
 * IntervalMicros: the length of a window as an exact duration, the way
 * interval comparison sees it: a day is 24 hours and a month 30 days.
 */
static int64
IntervalMicros(const Interval *iv)
{
	int64		days;
	int64		us;

	if (pg_mul_s64_overflow((int64) iv->month, DAYS_PER_MONTH, &days) ||
		pg_add_s64_overflow(days, (int64) iv->day, &days) ||
		pg_mul_s64_overflow(days, USECS_PER_DAY, &us) ||
		pg_add_s64_overflow(us, iv->time, &us))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("window is out of range")));
	if (us < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window must not be negative"),
				 errdetail("The window was \"%s\".",
						   DatumGetCString(DirectFunctionCall1(interval_out,
															   IntervalPGetDatum(iv))))));
	return us;
}

/*
 * ParseModes: the mode flags of a mode string, remembered per call site so
 * that a constant mode is parsed once per query.
 */
static int
ParseModes(FunctionCallInfo fcinfo, text *mode)
{
	ModeCache  *cache = (ModeCache *) fcinfo->flinfo->fn_extra;
	const char *s = VARDATA_ANY(mode);
	int			len = VARSIZE_ANY_EXHDR(mode);
	const char *bad = NULL;
	size_t		badlen = 0;
	int			modes;
	int			rc;

	if (cache != NULL && cache->len == len && memcmp(cache->text, s, len) == 0)
		return cache->modes;

	rc = sum_funnel_parse_modes(s, len, &modes, &bad, &badlen);
	switch (rc)
	{
		case SUM_FUNNEL_OK:
			break;
		case SUM_FUNNEL_MODE_STRICT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel mode \"strict\" is not supported"),
					 errhint("ClickHouse renamed it: use \"strict_deduplication\".")));
			break;
		case SUM_FUNNEL_MODE_UNSUPPORTED:
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("window_funnel mode \"strict_once\" is not supported")));
			break;
		case SUM_FUNNEL_MODE_REENTRY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("window_funnel mode \"allow_reentry\" requires \"strict_order\"")));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid window_funnel mode: \"%.*s\"", (int) badlen, bad),
					 errhint("Modes are strict_deduplication, strict_order, strict_increase and allow_reentry, separated by commas.")));
	}

	if (cache == NULL || cache->len < len)
	{
		if (cache != NULL)
			pfree(cache);
		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
								   offsetof(ModeCache, text) + len);
		fcinfo->flinfo->fn_extra = cache;
	}
	cache->len = len;
	cache->modes = modes;
	memcpy(cache->text, s, len);
	return modes;
}

/* ReportFunnelError: turn a core result code into an error */
static void
ReportFunnelError(int rc)
{
	if (rc == SUM_FUNNEL_ENOMEM)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("The window_funnel state could not grow.")));
	if (rc == SUM_FUNNEL_ETOOBIG)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("window_funnel state exceeds %u distinct timestamps",
						SUM_FUNNEL_MAX_ENTRIES),
				 errhint("Group the events more finely, e.g. by user.")));
	if (rc == SUM_FUNNEL_EMISMATCH)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window_funnel parameters differ between rows of one group"),
				 errdetail("The window, the mode and the number of steps must be the same on every row.")));
	if (rc != SUM_FUNNEL_OK)
		elog(ERROR, "unexpected window_funnel result code %d", rc);
}

/*
 * FunnelAccum: the transition function of both overloads.  The state is a
 * SumFunnel allocated in the aggregate context on the first row; its
 * entries grow there too.
 */
static Datum
FunnelAccum(FunctionCallInfo fcinfo, int mode_arg)
{
	int			ts_arg = mode_arg < 0 ? 2 : 3;
	int			steps_arg = ts_arg + 1;
	MemoryContext aggcontext;
	MemoryContext old;
	SumFunnel  *f = PG_ARGISNULL(0) ? NULL : (SumFunnel *) PG_GETARG_POINTER(0);
	int64		window;
	int			modes = 0;
	int			nsteps;
	bool		hasnull;
	uint32		mask;
	int			rc;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "aggregate function called in non-aggregate context");

	/* a row with a NULL anywhere is ignored, as ClickHouse does */
	if (PG_ARGISNULL(1) || (mode_arg >= 0 && PG_ARGISNULL(mode_arg)) ||
		PG_ARGISNULL(ts_arg) || PG_ARGISNULL(steps_arg))
	{
		if (f == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(f);
	}

	mask = ReadSteps(PG_GETARG_ARRAYTYPE_P(steps_arg), &nsteps, &hasnull);
	window = IntervalMicros(PG_GETARG_INTERVAL_P(1));
	if (mode_arg >= 0)
		modes = ParseModes(fcinfo, PG_GETARG_TEXT_PP(mode_arg));

	if (f == NULL)
	{
		f = MemoryContextAlloc(aggcontext, sizeof(SumFunnel));
		sum_funnel_init(f, nsteps, modes, window);
	}
	else if (f->nsteps != nsteps)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of conditions must be the same on every row"),
				 errdetail("Rows with %d and with %d conditions were found.",
						   f->nsteps, nsteps)));
	else if (f->window != window)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window must be the same on every row")));
	else if (f->modes != modes)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("mode must be the same on every row")));

	if (hasnull)
		PG_RETURN_POINTER(f);

	old = MemoryContextSwitchTo(aggcontext);
	rc = sum_funnel_add(f, PG_GETARG_TIMESTAMPTZ(ts_arg), mask);
	MemoryContextSwitchTo(old);
	ReportFunnelError(rc);
	PG_RETURN_POINTER(f);
}

/*
 * sum_window_funnel_accum(state, window, ts, steps)
 */
Datum
sum_window_funnel_accum(PG_FUNCTION_ARGS)
{
	return FunnelAccum(fcinfo, -1);
}

/*
 * sum_window_funnel_mode_accum(state, window, mode, ts, steps)
 */
Datum
sum_window_funnel_mode_accum(PG_FUNCTION_ARGS)
{
	return FunnelAccum(fcinfo, 2);
}

/*
 * sum_window_funnel_combine: merge the right state into the left one, which
 * belongs to the aggregate context; a NULL left state is replaced by a copy
 * of the right one made there.
 */
Datum
sum_window_funnel_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	MemoryContext old;
	SumFunnel  *left;
	SumFunnel  *right;
	int			rc;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "aggregate function called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	right = (SumFunnel *) PG_GETARG_POINTER(1);

	old = MemoryContextSwitchTo(aggcontext);
	if (PG_ARGISNULL(0))
	{
		left = palloc(sizeof(SumFunnel));
		sum_funnel_init(left, 0, 0, 0);
	}
	else
		left = (SumFunnel *) PG_GETARG_POINTER(0);
	rc = sum_funnel_merge(left, right);
	MemoryContextSwitchTo(old);
	ReportFunnelError(rc);
	PG_RETURN_POINTER(left);
}

/*
 * sum_window_funnel_serialize: the state as bytea in the portable format
 * of funnel.c, for parallel workers.
 */
Datum
sum_window_funnel_serialize(PG_FUNCTION_ARGS)
{
	SumFunnel  *f = (SumFunnel *) PG_GETARG_POINTER(0);
	size_t		size;
	bytea	   *result;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "aggregate function called in non-aggregate context");
	/* sorting first folds duplicate timestamps: a smaller message */
	(void) sum_funnel_level(f);
	size = sum_funnel_serial_size(f);
	if (size + VARHDRSZ > MaxAllocSize)
		ReportFunnelError(SUM_FUNNEL_ETOOBIG);
	result = palloc(size + VARHDRSZ);
	SET_VARSIZE(result, size + VARHDRSZ);
	sum_funnel_serialize(f, (unsigned char *) VARDATA(result));
	PG_RETURN_BYTEA_P(result);
}

/*
 * sum_window_funnel_deserialize: a state from its bytea form, allocated in
 * the current memory context.  Every field is checked before use.
 */
Datum
sum_window_funnel_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	SumFunnel  *f;
	const char *why = NULL;
	int			rc;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "aggregate function called in non-aggregate context");
	f = palloc(sizeof(SumFunnel));
	rc = sum_funnel_deserialize(f, (const unsigned char *) VARDATA_ANY(b),
								VARSIZE_ANY_EXHDR(b), &why);
	if (rc == SUM_FUNNEL_ENOMEM)
		ReportFunnelError(rc);
	if (rc != SUM_FUNNEL_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid window_funnel state"),
				 errdetail("The serialized state is malformed: %s.", why)));
	PG_RETURN_POINTER(f);
}

/*
 * sum_window_funnel_final: the level reached, 0 when no row was counted
 * (as ClickHouse answers for an empty group).
 */
Datum
sum_window_funnel_final(PG_FUNCTION_ARGS)
{
	SumFunnel  *f;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "aggregate function called in non-aggregate context");
	if (PG_ARGISNULL(0))
		PG_RETURN_INT32(0);
	f = (SumFunnel *) PG_GETARG_POINTER(0);
	PG_RETURN_INT32(sum_funnel_level(f));
}

/*
 * retention keeps a bigint: bits 0..31 say which conditions held on some
 * row, bits 32..39 hold the number of conditions.  The support functions
 * are callable by users, so every one checks the state.
 */
#define RETENTION_COUNT(s)	((int) (((uint64) (s) >> 32) & 0xff))
#define RETENTION_MASK(s)	((uint32) ((uint64) (s) & 0xffffffff))
#define RETENTION_STATE(n, m) ((int64) (((uint64) (n) << 32) | (uint64) (m)))

static void
CheckRetentionState(int64 state)
{
	int			n = RETENTION_COUNT(state);

	if (((uint64) state >> 40) != 0 || n < 1 || n > SUM_FUNNEL_MAX_STEPS ||
		(n < 32 && (RETENTION_MASK(state) >> n) != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid retention state: \"" INT64_FORMAT "\"", state)));
}

/*
 * sum_retention_accum(state bigint, conds boolean[]) returns bigint
 */
Datum
sum_retention_accum(PG_FUNCTION_ARGS)
{
	int			n;
	bool		hasnull;
	uint32		mask;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_INT64(PG_GETARG_INT64(0));
	}
	mask = ReadSteps(PG_GETARG_ARRAYTYPE_P(1), &n, &hasnull);
	if (hasnull)
		mask = 0;				/* ClickHouse ignores the row */
	if (PG_ARGISNULL(0))
		PG_RETURN_INT64(RETENTION_STATE(n, mask));

	CheckRetentionState(PG_GETARG_INT64(0));
	if (RETENTION_COUNT(PG_GETARG_INT64(0)) != n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of conditions must be the same on every row"),
				 errdetail("Rows with %d and with %d conditions were found.",
						   RETENTION_COUNT(PG_GETARG_INT64(0)), n)));
	PG_RETURN_INT64(PG_GETARG_INT64(0) | mask);
}

/*
 * sum_retention_combine(bigint, bigint) returns bigint
 */
Datum
sum_retention_combine(PG_FUNCTION_ARGS)
{
	int64		a,
				b;

	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(1))
	{
		CheckRetentionState(PG_GETARG_INT64(0));
		PG_RETURN_INT64(PG_GETARG_INT64(0));
	}
	if (PG_ARGISNULL(0))
	{
		CheckRetentionState(PG_GETARG_INT64(1));
		PG_RETURN_INT64(PG_GETARG_INT64(1));
	}
	a = PG_GETARG_INT64(0);
	b = PG_GETARG_INT64(1);
	CheckRetentionState(a);
	CheckRetentionState(b);
	if (RETENTION_COUNT(a) != RETENTION_COUNT(b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of conditions must be the same on every row"),
				 errdetail("Rows with %d and with %d conditions were found.",
						   RETENTION_COUNT(a), RETENTION_COUNT(b))));
	PG_RETURN_INT64(a | b);
}

/*
 * sum_retention_final(bigint) returns boolean[]: element 1 is whether
 * condition 1 held on some row, element k whether conditions 1 and k both
 * held (each on some row, not necessarily the same one).  NULL for no rows.
 */
Datum
sum_retention_final(PG_FUNCTION_ARGS)
{
	int64		state;
	int			n,
				i;
	uint32		mask;
	Datum		elems[SUM_FUNNEL_MAX_STEPS];

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = PG_GETARG_INT64(0);
	CheckRetentionState(state);
	n = RETENTION_COUNT(state);
	mask = RETENTION_MASK(state);
	for (i = 0; i < n; i++)
		elems[i] = BoolGetDatum((mask & 1) != 0 && (mask & ((uint32) 1 << i)) != 0);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, BOOLOID, 1, true, TYPALIGN_CHAR));
}
