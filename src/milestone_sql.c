/*-------------------------------------------------------------------------
 *
 * src/milestone_sql.c
 *	  SQL glue of the milestone state: the type sum.milestone_state, the
 *	  aggregates sum.milestones(), merging, expansion into rows and usage
 *	  figures, and the backend cache of sum.milestone_defs.
 *
 * Definitions.  The enabled user-level rows of sum.milestone_defs, in name
 * order, and the setting milestones.timezone (which decides where a local
 * day starts) are compiled once per backend into an MsConfig, rebuilt when
 * either table changes (config.h).  A 64-bit fingerprint of everything that
 * shapes a state is written into each state; states only merge with states
 * of the same fingerprint, and a state can only be evaluated while its
 * fingerprint is the current one.  When definitions change, stored states
 * must be rebuilt from the events (see README, "When definitions change").
 *
 * A query pins the configuration it started with (fn_extra plus a reset
 * callback on the function's memory context), so that one aggregate never
 * mixes two layouts even when the definitions change while it runs.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "config.h"
#include "lebytes.h"
#include "milestone.h"
#include "zeropack.h"
#include "sum.h"

PG_FUNCTION_INFO_V1(sum_milestone_state_in);
PG_FUNCTION_INFO_V1(sum_milestone_state_out);
PG_FUNCTION_INFO_V1(sum_milestone_state_recv);
PG_FUNCTION_INFO_V1(sum_milestone_state_send);
PG_FUNCTION_INFO_V1(sum_milestones_accum);
PG_FUNCTION_INFO_V1(sum_milestones_combine);
PG_FUNCTION_INFO_V1(sum_milestones_merge);
PG_FUNCTION_INFO_V1(sum_milestones_final);
PG_FUNCTION_INFO_V1(sum_milestone_rows);
PG_FUNCTION_INFO_V1(sum_milestone_usage);
PG_FUNCTION_INFO_V1(sum_milestone_next_change);
PG_FUNCTION_INFO_V1(sum_milestone_defs_version);
PG_FUNCTION_INFO_V1(sum_milestone_state_defs_version);
PG_FUNCTION_INFO_V1(sum_milestone_state_is_current);
PG_FUNCTION_INFO_V1(sum_account_milestones);
PG_FUNCTION_INFO_V1(sum_time_windows);

/* One event name of the definitions and the (definition, step) pairs it feeds */
typedef struct MsName
{
	char	   *name;			/* NULL: empty bucket */
	int			len;
	uint32		hash;
	int			first;			/* into MsConfig.matches */
	int			n;
} MsName;

/* An account-level definition (kind active_users), evaluated on rollups */
typedef struct MsAccountDef
{
	char	   *name;
	int			min_count;
	int			days;
} MsAccountDef;

typedef struct MsConfig
{
	MemoryContext cxt;			/* everything below lives here */
	int			refcount;		/* queries that pinned it */
	bool		stale;			/* replaced; free when refcount drops to 0 */
	uint64		fingerprint;
	char	   *tzname;
	pg_tz	   *tz;
	int			ndefs;
	SumMsDef   *defs;
	char	  **names;
	size_t		state_size;		/* payload bytes */
	int			nbuckets;		/* power of two */
	MsName	   *buckets;
	SumMsMatch *matches;
	int			nany;			/* definitions over every event ... */
	SumMsMatch *any;			/* ... applied to names we do not know */
	int			nacct;
	MsAccountDef *acct;
} MsConfig;

/* The local day of the last timestamp looked up, and its bounds */
typedef struct DayCache
{
	pg_tz	   *tz;
	TimestampTz start;			/* the day is [start, end) when start < end */
	TimestampTz end;
	int32		day;
} DayCache;

/* What a call site keeps for the duration of a query (fn_extra) */
typedef struct MsQuery
{
	MsConfig   *cfg;
	DayCache	days;
	MemoryContextCallback unpin;
} MsQuery;

static MsConfig *ms_current = NULL;
static uint64 ms_generation = 0;

/* far above any layout sum_ms_layout() accepts; checked before allocating */
#define MS_STATE_MAX_BYTES	(1024 * 1024)

#define MS_STATE_PAYLOAD(b)	((unsigned char *) VARDATA(b))
#define MS_STATE_LEN(b)		(VARSIZE(b) - VARHDRSZ)

/*
 * The stored form.  Every function that makes a state for keeping (the
 * aggregates' final function, merge, input) packs it (zeropack.h): the byte
 * MS_PACKED (no format version has that value), the unpacked length (4
 * bytes, little-endian), the packed bytes.  A user's state is about 940
 * bytes of which about 150 are not zeros; packed, the pipeline's states of
 * a million users take a fifth of the pages they did.  Every reader unpacks
 * (a copy, under a microsecond); aggregates work on unpacked states; the
 * text and binary forms are the unpacked bytes.
 */
#define MS_PACKED			0x81
#define MS_PACKED_HEADER	5

/* ---------------------------------------------------------------------
 * Local days
 * ---------------------------------------------------------------------
 */

static void
DayCacheInit(DayCache *c, pg_tz *tz)
{
	c->tz = tz;
	c->start = 1;
	c->end = 0;
	c->day = 0;
}

/* LocalDayOf: day number (0 = 2000-01-01) of ts in tz, and its UTC offset */
static int32
LocalDayOf(TimestampTz ts, pg_tz *tz, int *tzoff, struct pg_tm *tm, fsec_t *fsec)
{
	if (TIMESTAMP_NOT_FINITE(ts) || timestamp2tm(ts, tzoff, tm, fsec, NULL, tz) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range"),
				 errdetail("Milestones need finite event and sign-up times.")));
	return date2j(tm->tm_year, tm->tm_mon, tm->tm_mday) - POSTGRES_EPOCH_JDATE;
}

/*
 * LocalDay: the local calendar day of ts in milestones.timezone.  Events
 * mostly arrive day by day, so the bounds of the last day are remembered;
 * on days when the UTC offset changes (daylight saving) nothing is cached
 * and every lookup converts.
 */
static int32
LocalDay(DayCache *c, TimestampTz ts)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			off,
				off2;
	int32		day;
	TimestampTz start;

	if (ts >= c->start && ts < c->end)
		return c->day;

	day = LocalDayOf(ts, c->tz, &off, &tm, &fsec);
	start = ts - ((((int64) tm.tm_hour * MINS_PER_HOUR + tm.tm_min) * SECS_PER_MINUTE +
				   tm.tm_sec) * USECS_PER_SEC + fsec);
	c->start = 1;
	c->end = 0;
	if (start > MIN_TIMESTAMP && start < END_TIMESTAMP - 2 * USECS_PER_DAY)
	{
		/* cache only when the offset is the same at both ends of the day */
		if (LocalDayOf(start, c->tz, &off2, &tm, &fsec) == day && off2 == off &&
			tm.tm_hour == 0 && tm.tm_min == 0 && tm.tm_sec == 0 && fsec == 0 &&
			LocalDayOf(start + USECS_PER_DAY - 1, c->tz, &off2, &tm, &fsec) == day &&
			off2 == off)
		{
			c->start = start;
			c->end = start + USECS_PER_DAY;
			c->day = day;
		}
	}
	return day;
}

/* ---------------------------------------------------------------------
 * The configuration cache
 * ---------------------------------------------------------------------
 */

static int64
IntervalMicros(const Interval *iv, const char *what)
{
	int64		days;
	int64		us;

	if (pg_mul_s64_overflow((int64) iv->month, DAYS_PER_MONTH, &days) ||
		pg_add_s64_overflow(days, (int64) iv->day, &days) ||
		pg_mul_s64_overflow(days, USECS_PER_DAY, &us) ||
		pg_add_s64_overflow(us, iv->time, &us))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s is out of range", what)));
	return us;
}

static void
BadDef(const char *name, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid milestone definition \"%s\"", name),
			 errdetail("%s", detail),
			 errhint("Fix the row in sum.milestone_defs; its write trigger explains each rule.")));
}

/* KindCode: the core's number for a user-level kind, 0 for others */
static int
KindCode(const char *kind)
{
	static const char *const kinds[] = {
		NULL, "first_event", "event_count", "funnel", "active_days",
		"paywall", "usage_drop", "inactivity"
	};
	int			i;

	for (i = 1; i <= SUM_MS_KIND_MAX; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return i;
	return 0;
}

typedef struct PendingName
{
	char	   *name;
	int			def;
	int			step;
} PendingName;

static uint64
FnvStr(uint64 h, const char *s)
{
	return sum_ms_fnv(h, s, strlen(s) + 1);
}

static uint64
FnvI64(uint64 h, int64 v)
{
	unsigned char b[8];
	int			i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char) ((uint64) v >> (8 * i));
	return sum_ms_fnv(h, b, 8);
}

static uint64
FnvF64(uint64 h, double v)
{
	int64		bits;

	if (v == 0)
		v = 0;					/* -0 and 0 are one value */
	memcpy(&bits, &v, sizeof(bits));
	return FnvI64(h, bits);
}

/*
 * LoadConfig: read sum.milestone_defs and milestones.timezone into a new
 * MsConfig in its own context under CacheMemoryContext.  Rows that the
 * write trigger would have refused (it can be bypassed) are errors here.
 */
static MsConfig *
LoadConfig(void)
{
	MemoryContext cxt;
	MemoryContext old;
	MemoryContext spicxt;
	MsConfig   *cfg;
	PendingName *pending = NULL;
	int			npending = 0,
				maxpending = 0;
	uint64		h = SUM_MS_FNV_INIT;
	uint64		i;
	int			ret,
				d,
				k;
	char	   *tzname;

	/* under the caller's context until complete, so that an error frees it */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "sum milestone definitions",
								ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(cxt);
	cfg = palloc0(sizeof(MsConfig));
	cfg->cxt = cxt;

	/* the time zone that decides where a day starts */
	tzname = SumSettingText("milestones.timezone");
	if (tzname == NULL || (cfg->tz = pg_tzset(tzname)) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for setting \"milestones.timezone\": \"%s\"",
						tzname ? tzname : "(null)"),
				 errhint("Use a time zone name such as \"UTC\" or \"Europe/Berlin\".")));
	cfg->tzname = pstrdup(tzname);
	h = FnvStr(h, "sum milestone state 1");
	h = FnvStr(h, cfg->tzname);

	SumConfigWatch(SumConfigRelid("milestone_defs"));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute("SELECT name, kind, events, min_count, days, funnel_window, "
					  "percent::pg_catalog.float8, min_baseline::pg_catalog.float8 "
					  "FROM sum.milestone_defs WHERE enabled "
					  "ORDER BY name COLLATE \"C\"", true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read sum.milestone_defs: %s", SPI_result_code_string(ret));
	/* what we build must outlive SPI_finish, which frees SPI's context */
	spicxt = MemoryContextSwitchTo(cxt);

	cfg->defs = palloc0(sizeof(SumMsDef) * (SPI_processed + 1));
	cfg->names = palloc0(sizeof(char *) * (SPI_processed + 1));
	cfg->acct = palloc0(sizeof(MsAccountDef) * (SPI_processed + 1));

	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *name = SPI_getvalue(tup, desc, 1);
		char	   *kind = SPI_getvalue(tup, desc, 2);
		bool		isnull;
		Datum		v;
		SumMsDef   *def;
		ArrayType  *events = NULL;
		Datum	   *names = NULL;
		bool	   *nulls = NULL;
		int			nnames = 0;
		int			code;

		if (name == NULL || kind == NULL)
			continue;			/* the primary key and NOT NULL forbid this */

		code = KindCode(kind);
		if (code == 0)
		{
			if (strcmp(kind, "active_users") != 0)
				BadDef(name, "Its kind is unknown.");
			cfg->acct[cfg->nacct].name = pstrdup(name);
			v = SPI_getbinval(tup, desc, 4, &isnull);
			cfg->acct[cfg->nacct].min_count = isnull ? 0 : DatumGetInt32(v);
			v = SPI_getbinval(tup, desc, 5, &isnull);
			cfg->acct[cfg->nacct].days = isnull ? 0 : DatumGetInt32(v);
			if (cfg->acct[cfg->nacct].min_count < 1 || cfg->acct[cfg->nacct].days < 1)
				BadDef(name, "An active_users milestone needs min_count and days of at least 1.");
			cfg->nacct++;
			continue;
		}

		def = &cfg->defs[cfg->ndefs];
		cfg->names[cfg->ndefs] = pstrdup(name);
		def->kind = code;
		def->nsteps = 1;
		def->days = -1;

		v = SPI_getbinval(tup, desc, 3, &isnull);
		if (!isnull)
		{
			events = DatumGetArrayTypeP(v);
			if (ARR_NDIM(events) > 1)
				BadDef(name, "Its events must be a one-dimensional array.");
			deconstruct_array(events, TEXTOID, -1, false, TYPALIGN_INT,
							  &names, &nulls, &nnames);
		}
		v = SPI_getbinval(tup, desc, 4, &isnull);
		def->min_count = isnull ? 0 : DatumGetInt32(v);
		v = SPI_getbinval(tup, desc, 5, &isnull);
		def->days = isnull ? -1 : DatumGetInt32(v);
		v = SPI_getbinval(tup, desc, 6, &isnull);
		def->window = isnull ? -1 : IntervalMicros(DatumGetIntervalP(v), "funnel_window");
		v = SPI_getbinval(tup, desc, 7, &isnull);
		def->percent = isnull ? -1 : DatumGetFloat8(v);
		v = SPI_getbinval(tup, desc, 8, &isnull);
		def->min_baseline = isnull ? -1 : DatumGetFloat8(v);

		if (events == NULL || nnames == 0)
		{
			if (code != SUM_MS_ACTIVE_DAYS && code != SUM_MS_USAGE_DROP &&
				code != SUM_MS_INACTIVITY)
				BadDef(name, "It needs a list of events.");
			def->flags = SUM_MS_ANY_EVENT;
		}
		if (code == SUM_MS_FUNNEL)
		{
			if (nnames < 2 || nnames > SUM_MS_MAX_FUNNEL_STEPS)
				BadDef(name, "A funnel has 2 to 8 steps.");
			def->nsteps = nnames;
			if (def->window < 0)
				BadDef(name, "A funnel needs a funnel_window.");
		}
		if ((code == SUM_MS_EVENT_COUNT || code == SUM_MS_ACTIVE_DAYS) &&
			(def->min_count < 1 || def->min_count > SUM_MS_MAX_COUNT))
			BadDef(name, "Its min_count must be between 1 and 100.");
		if (code == SUM_MS_PAYWALL &&
			(def->min_count < 1 || def->days < 1 || def->days > SUM_MS_MAX_WINDOW_DAYS))
			BadDef(name, "A paywall milestone needs min_count of at least 1 and days between 1 and 35.");
		if (code == SUM_MS_INACTIVITY && def->days < 1)
			BadDef(name, "An inactivity milestone needs days of at least 1.");
		if (code == SUM_MS_USAGE_DROP && (def->percent <= 0 || def->min_baseline < 0))
			BadDef(name, "A usage_drop milestone needs a positive percent and a min_baseline of at least 0.");
		if (def->days > 36500)
			BadDef(name, "Its days must be at most 36500.");

		h = FnvStr(h, name);
		h = FnvI64(h, def->kind);
		h = FnvI64(h, def->flags);
		h = FnvI64(h, def->nsteps);
		h = FnvI64(h, def->min_count);
		h = FnvI64(h, def->days);
		h = FnvI64(h, def->window);
		h = FnvF64(h, def->percent);
		h = FnvF64(h, def->min_baseline);

		for (k = 0; k < nnames; k++)
		{
			char	   *ev;

			if (nulls[k])
				BadDef(name, "Its events contain a NULL.");
			ev = TextDatumGetCString(names[k]);
			h = FnvStr(h, ev);
			if (npending == maxpending)
			{
				maxpending = maxpending ? maxpending * 2 : 16;
				pending = pending ? repalloc(pending, sizeof(PendingName) * maxpending)
					: palloc(sizeof(PendingName) * maxpending);
			}
			pending[npending].name = ev;
			pending[npending].def = cfg->ndefs;
			pending[npending].step = code == SUM_MS_FUNNEL ? k : 0;
			npending++;
		}
		h = FnvStr(h, "");
		cfg->ndefs++;
	}
	MemoryContextSwitchTo(spicxt);
	SPI_finish();

	cfg->state_size = sum_ms_layout(cfg->defs, cfg->ndefs);
	if (cfg->state_size == 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many milestone definitions"),
				 errdetail("At most %d user-level definitions can be enabled.", SUM_MS_MAX_DEFS)));
	cfg->fingerprint = h;

	/* definitions over every event: every name feeds them */
	cfg->any = palloc(sizeof(SumMsMatch) * (cfg->ndefs + 1));
	for (d = 0; d < cfg->ndefs; d++)
		if ((cfg->defs[d].flags & SUM_MS_ANY_EVENT) && cfg->defs[d].kind == SUM_MS_ACTIVE_DAYS)
		{
			cfg->any[cfg->nany].def = d;
			cfg->any[cfg->nany].step = 0;
			cfg->nany++;
		}

	/* the name table: each distinct name with its matches plus the any ones */
	cfg->nbuckets = 8;
	while (cfg->nbuckets < 2 * npending)
		cfg->nbuckets *= 2;
	cfg->buckets = palloc0(sizeof(MsName) * cfg->nbuckets);
	cfg->matches = palloc(sizeof(SumMsMatch) * (npending * (cfg->nany + 1) + 1));
	{
		int			nm = 0;
		int			p;

		for (p = 0; p < npending; p++)
		{
			const char *ev = pending[p].name;
			int			len = strlen(ev);
			uint32		hash = hash_bytes((const unsigned char *) ev, len);
			int			b = hash & (cfg->nbuckets - 1);
			int			q;

			while (cfg->buckets[b].name != NULL &&
				   !(cfg->buckets[b].len == len && strcmp(cfg->buckets[b].name, ev) == 0))
				b = (b + 1) & (cfg->nbuckets - 1);
			if (cfg->buckets[b].name != NULL)
				continue;		/* done with its first occurrence */

			cfg->buckets[b].name = pstrdup(ev);
			cfg->buckets[b].len = len;
			cfg->buckets[b].hash = hash;
			cfg->buckets[b].first = nm;
			for (q = p; q < npending; q++)
			{
				int			r;
				bool		dup = false;

				if (strcmp(pending[q].name, ev) != 0)
					continue;
				for (r = cfg->buckets[b].first; r < nm; r++)
					if (cfg->matches[r].def == pending[q].def &&
						cfg->matches[r].step == pending[q].step)
						dup = true;
				if (dup)
					continue;	/* a name listed twice counts once */
				cfg->matches[nm].def = pending[q].def;
				cfg->matches[nm].step = pending[q].step;
				nm++;
			}
			for (q = 0; q < cfg->nany; q++)
				cfg->matches[nm++] = cfg->any[q];
			cfg->buckets[b].n = nm - cfg->buckets[b].first;
		}
	}

	MemoryContextSwitchTo(old);
	MemoryContextSetParent(cxt, CacheMemoryContext);
	return cfg;
}

/* BackendConfig: the current configuration, rebuilt when it changed */
static MsConfig *
BackendConfig(void)
{
	uint64		gen = SumConfigGeneration();
	MsConfig   *old = ms_current;

	if (old != NULL && ms_generation == gen)
		return old;
	ms_current = NULL;
	if (old != NULL)
	{
		old->stale = true;
		if (old->refcount == 0)
			MemoryContextDelete(old->cxt);
	}
	ms_current = LoadConfig();
	ms_generation = gen;
	return ms_current;
}

static void
UnpinConfig(void *arg)
{
	MsConfig   *cfg = (MsConfig *) arg;

	if (--cfg->refcount == 0 && cfg->stale)
		MemoryContextDelete(cfg->cxt);
}

/*
 * GetQuery: the configuration pinned by this call site for the current
 * query, and its day cache.  Allocated in fn_mcxt; the pin is released by a
 * reset callback when that context goes away.
 */
static MsQuery *
GetQuery(FunctionCallInfo fcinfo)
{
	MsQuery    *q = (MsQuery *) fcinfo->flinfo->fn_extra;

	if (q != NULL)
		return q;
	q = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MsQuery));
	q->cfg = BackendConfig();
	q->cfg->refcount++;
	q->unpin.func = UnpinConfig;
	q->unpin.arg = q->cfg;
	MemoryContextRegisterResetCallback(fcinfo->flinfo->fn_mcxt, &q->unpin);
	DayCacheInit(&q->days, q->cfg->tz);
	fcinfo->flinfo->fn_extra = q;
	return q;
}

/* Lookup: the matches of an event name */
static const SumMsMatch *
Lookup(const MsConfig *cfg, const char *name, int len, int *n)
{
	uint32		hash;
	int			b;

	if (cfg->nbuckets > 0)
	{
		hash = hash_bytes((const unsigned char *) name, len);
		b = hash & (cfg->nbuckets - 1);
		while (cfg->buckets[b].name != NULL)
		{
			const MsName *e = &cfg->buckets[b];

			if (e->hash == hash && e->len == len && memcmp(e->name, name, len) == 0)
			{
				*n = e->n;
				return cfg->matches + e->first;
			}
			b = (b + 1) & (cfg->nbuckets - 1);
		}
	}
	*n = cfg->nany;
	return cfg->any;
}

/* ---------------------------------------------------------------------
 * States from outside
 * ---------------------------------------------------------------------
 */

/* PackState: st packed, or st itself when packing would not make it shorter */
static bytea *
PackState(bytea *st)
{
	size_t		len = MS_STATE_LEN(st);
	bytea	   *p = palloc(VARHDRSZ + MS_PACKED_HEADER + SUM_ZP_BOUND(len));
	size_t		n;

	MS_STATE_PAYLOAD(p)[0] = MS_PACKED;
	sum_le_put32(MS_STATE_PAYLOAD(p) + 1, (uint32) len);
	n = sum_zp_pack(MS_STATE_PAYLOAD(st), len, MS_STATE_PAYLOAD(p) + MS_PACKED_HEADER);
	if (MS_PACKED_HEADER + n >= len)
	{
		pfree(p);
		return st;
	}
	SET_VARSIZE(p, VARHDRSZ + MS_PACKED_HEADER + n);
	return p;
}

/*
 * UnpackState: st itself when it is not packed, else its unpacked copy;
 * NULL, and the reason in *why, when the packed form is malformed.
 */
static bytea *
UnpackState(bytea *st, const char **why)
{
	size_t		len;
	bytea	   *out;

	if (MS_STATE_LEN(st) == 0 || MS_STATE_PAYLOAD(st)[0] != MS_PACKED)
		return st;
	if (MS_STATE_LEN(st) < MS_PACKED_HEADER)
	{
		*why = "its packed form is cut short";
		return NULL;
	}
	len = sum_le_get32(MS_STATE_PAYLOAD(st) + 1);
	if (len > MS_STATE_MAX_BYTES)
	{
		*why = "its packed form is longer than any milestone state can be";
		return NULL;
	}
	out = palloc(VARHDRSZ + len);
	SET_VARSIZE(out, VARHDRSZ + len);
	if (!sum_zp_unpack(MS_STATE_PAYLOAD(st) + MS_PACKED_HEADER, MS_STATE_LEN(st) - MS_PACKED_HEADER,
					   MS_STATE_PAYLOAD(out), len))
	{
		pfree(out);
		*why = "its packed form is malformed";
		return NULL;
	}
	return out;
}

/*
 * CheckedState: argument argno detoasted and checked.  A malformed state
 * (bad bytes on disk, or a bug) is an error, never a crash.
 */
static bytea *
CheckedState(FunctionCallInfo fcinfo, int argno)
{
	bytea	   *st = (bytea *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	const char *why = NULL;

	st = UnpackState(st, &why);
	if (st == NULL || sum_ms_check(MS_STATE_PAYLOAD(st), MS_STATE_LEN(st), &why) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid milestone state"),
				 errdetail("The state is malformed: %s.", why)));
	return st;
}

/* RequireCurrent: the state must have been built for the current definitions */
static void
RequireCurrent(const MsConfig *cfg, bytea *st)
{
	uint64		fp = sum_ms_fingerprint(MS_STATE_PAYLOAD(st));

	if (fp != cfg->fingerprint)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("milestone state was built for other milestone definitions"),
				 errdetail("The state has definitions version " INT64_FORMAT
						   "; sum.milestone_defs and milestones.timezone are at version " INT64_FORMAT ".",
						   (int64) fp, (int64) cfg->fingerprint),
				 errhint("Rebuild stored states from the events after changing definitions, as a full refresh does.")));
	if (MS_STATE_LEN(st) != cfg->state_size ||
		!sum_ms_same_layout(MS_STATE_PAYLOAD(st), MS_STATE_LEN(st), cfg->defs, cfg->ndefs))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid milestone state"),
				 errdetail("Its sections do not match the definitions of its version.")));
}

static void
ReportMergeError(int rc)
{
	if (rc == SUM_MS_EFINGERPRINT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge milestone states built for different milestone definitions"),
				 errhint("Rebuild stored states from the events after changing definitions, as a full refresh does.")));
	if (rc == SUM_MS_ESIGNUP)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge milestone states with different sign-up times"),
				 errdetail("A user's rows must all carry the same signup_at."),
				 errhint("Rebuild the state of a user whose sign-up time changed.")));
	if (rc != SUM_MS_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid milestone state"),
				 errdetail("The two states have different sections.")));
}

/* ---------------------------------------------------------------------
 * Type I/O
 * ---------------------------------------------------------------------
 */

/*
 * sum_milestone_state_in: the text form is \x followed by the hex digits
 * of the portable binary form (as bytea prints it).
 */
Datum
sum_milestone_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	bytea	   *result;
	const char *why = NULL;
	size_t		nbytes,
				i;

	if (len < 2 || str[0] != '\\' || str[1] != 'x' || (len - 2) % 2 != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type milestone_state: \"%.40s\"", str),
				 errdetail("A milestone state is written as \\x and an even number of hex digits.")));
	nbytes = (len - 2) / 2;
	if (nbytes > MS_STATE_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type milestone_state: \"%.40s\"", str),
				 errdetail("The state is longer than any milestone state can be.")));
	result = palloc(nbytes + VARHDRSZ);
	SET_VARSIZE(result, nbytes + VARHDRSZ);
	for (i = 0; i < nbytes; i++)
	{
		int			hi = SumHexDigit(str[2 + 2 * i]);
		int			lo = SumHexDigit(str[3 + 2 * i]);

		if (hi < 0 || lo < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type milestone_state: \"%.40s\"", str),
					 errdetail("A milestone state is written as \\x and an even number of hex digits.")));
		MS_STATE_PAYLOAD(result)[i] = (unsigned char) (hi << 4 | lo);
	}
	result = UnpackState(result, &why);
	if (result == NULL || sum_ms_check(MS_STATE_PAYLOAD(result), MS_STATE_LEN(result), &why) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type milestone_state: \"%.40s\"", str),
				 errdetail("The state is malformed: %s.", why)));
	PG_RETURN_BYTEA_P(PackState(result));
}

/*
 * OutputBytes: what the text and binary forms show: the unpacked state, or
 * the stored bytes as they are when they do not unpack (a damaged value
 * can still be dumped and looked at).
 */
static bytea *
OutputBytes(FunctionCallInfo fcinfo)
{
	bytea	   *st = (bytea *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	const char *why = NULL;
	bytea	   *unpacked = UnpackState(st, &why);

	return unpacked != NULL ? unpacked : st;
}

Datum
sum_milestone_state_out(PG_FUNCTION_ARGS)
{
	bytea	   *st = OutputBytes(fcinfo);
	size_t		len = MS_STATE_LEN(st);
	char	   *out = palloc(2 * len + 3);

	out[0] = '\\';
	out[1] = 'x';
	hex_encode((char *) MS_STATE_PAYLOAD(st), len, out + 2);
	out[2 * len + 2] = '\0';
	PG_RETURN_CSTRING(out);
}

Datum
sum_milestone_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes = buf->len - buf->cursor;
	bytea	   *result;
	const char *why = NULL;

	if (nbytes < 0 || nbytes > MS_STATE_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external milestone_state"),
				 errdetail("The state is longer than any milestone state can be.")));
	result = palloc(nbytes + VARHDRSZ);
	SET_VARSIZE(result, nbytes + VARHDRSZ);
	pq_copymsgbytes(buf, VARDATA(result), nbytes);
	result = UnpackState(result, &why);
	if (result == NULL || sum_ms_check(MS_STATE_PAYLOAD(result), MS_STATE_LEN(result), &why) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external milestone_state"),
				 errdetail("The state is malformed: %s.", why)));
	PG_RETURN_BYTEA_P(PackState(result));
}

Datum
sum_milestone_state_send(PG_FUNCTION_ARGS)
{
	bytea	   *st = OutputBytes(fcinfo);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (char *) MS_STATE_PAYLOAD(st), MS_STATE_LEN(st));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------------
 * Aggregates
 * ---------------------------------------------------------------------
 */

/*
 * sum_milestones_accum(state, event text, ts timestamptz, signup_at
 * timestamptz): fold one event into the user's state.  The state is
 * allocated once, at its final size (the executor moves it into the
 * aggregate context), and then changed in place: no row copies it.  Rows with a NULL event or time are
 * ignored; signup_at may be NULL (unknown) but must be the same on every
 * row of a group.
 */
Datum
sum_milestones_accum(PG_FUNCTION_ARGS)
{
	MsQuery    *q;
	MsConfig   *cfg;
	bytea	   *st;
	TimestampTz ts;
	text	   *ev;
	bool		has_signup = !PG_ARGISNULL(3);
	TimestampTz signup = has_signup ? PG_GETARG_TIMESTAMPTZ(3) : 0;
	const SumMsMatch *m;
	int			nm;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "aggregate function called in non-aggregate context");
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	q = GetQuery(fcinfo);
	cfg = q->cfg;
	ts = PG_GETARG_TIMESTAMPTZ(2);

	if (PG_ARGISNULL(0))
	{
		int32		signup_day = has_signup ? LocalDay(&q->days, signup) : 0;

		/*
		 * The executor copies a new transition value into the aggregate
		 * context itself; allocated there too it would be kept twice.
		 */
		st = palloc(cfg->state_size + VARHDRSZ);
		SET_VARSIZE(st, cfg->state_size + VARHDRSZ);
		sum_ms_init(MS_STATE_PAYLOAD(st), cfg->defs, cfg->ndefs, cfg->fingerprint,
					has_signup, signup, signup_day);
	}
	else
	{
		int64		had;
		bool		had_signup;

		st = (bytea *) PG_GETARG_POINTER(0);
		had_signup = sum_ms_signup(MS_STATE_PAYLOAD(st), &had);
		if (had_signup != has_signup || (has_signup && had != signup))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("signup_at must be the same on every row of a group"),
					 errdetail("Rows with sign-up times %s and %s were found.",
							   had_signup ? pstrdup(timestamptz_to_str(had)) : "NULL",
							   has_signup ? pstrdup(timestamptz_to_str(signup)) : "NULL")));
	}

	ev = PG_GETARG_TEXT_PP(1);
	m = Lookup(cfg, VARDATA_ANY(ev), VARSIZE_ANY_EXHDR(ev), &nm);
	sum_ms_add(MS_STATE_PAYLOAD(st), cfg->defs, cfg->ndefs, ts,
			   LocalDay(&q->days, ts), m, nm);
	PG_RETURN_POINTER(st);
}

/*
 * sum_milestones_combine(state, state): merge the right state into the
 * left one, which belongs to the aggregate context; a NULL left state is
 * replaced by a copy of the right one made there.  The combine function of
 * both aggregates and the transition function of sum.milestones(state).
 */
Datum
sum_milestones_combine(PG_FUNCTION_ARGS)
{
	bytea	   *left;
	bytea	   *right;
	int			rc;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "aggregate function called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	right = CheckedState(fcinfo, 1);
	if (PG_ARGISNULL(0))
	{
		/* a copy the executor then moves into the aggregate context */
		left = palloc(VARSIZE(right));
		memcpy(left, right, VARSIZE(right));
		PG_RETURN_POINTER(left);
	}
	left = (bytea *) PG_GETARG_POINTER(0);
	if (VARSIZE(left) != VARSIZE(right))
		rc = sum_ms_fingerprint(MS_STATE_PAYLOAD(left)) != sum_ms_fingerprint(MS_STATE_PAYLOAD(right))
			? SUM_MS_EFINGERPRINT : SUM_MS_ELAYOUT;
	else
		rc = sum_ms_merge(MS_STATE_PAYLOAD(left), MS_STATE_PAYLOAD(right), MS_STATE_LEN(left));
	ReportMergeError(rc);
	PG_RETURN_POINTER(left);
}

/*
 * sum_milestones_merge(a, b): a new state holding the facts of both, for
 * the pipeline's "stored state + new events" step.  NULL is the empty
 * state: merge(NULL, b) = b.
 */
Datum
sum_milestones_merge(PG_FUNCTION_ARGS)
{
	bytea	   *a,
			   *b,
			   *result;
	int			rc;

	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(0))
		PG_RETURN_BYTEA_P(PackState(CheckedState(fcinfo, 1)));
	if (PG_ARGISNULL(1))
		PG_RETURN_BYTEA_P(PackState(CheckedState(fcinfo, 0)));
	a = CheckedState(fcinfo, 0);
	b = CheckedState(fcinfo, 1);
	result = palloc(VARSIZE(a));
	memcpy(result, a, VARSIZE(a));
	if (VARSIZE(a) != VARSIZE(b))
		rc = sum_ms_fingerprint(MS_STATE_PAYLOAD(a)) != sum_ms_fingerprint(MS_STATE_PAYLOAD(b))
			? SUM_MS_EFINGERPRINT : SUM_MS_ELAYOUT;
	else
		rc = sum_ms_merge(MS_STATE_PAYLOAD(result), MS_STATE_PAYLOAD(b), MS_STATE_LEN(result));
	ReportMergeError(rc);
	PG_RETURN_BYTEA_P(PackState(result));
}

/*
 * sum_milestones_final(state): the final function of both aggregates: the
 * state packed for keeping (the transition works on it unpacked).
 */
Datum
sum_milestones_final(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(PackState(CheckedState(fcinfo, 0)));
}

/* ---------------------------------------------------------------------
 * Reading states
 * ---------------------------------------------------------------------
 */

static TimestampTz
AsOf(FunctionCallInfo fcinfo, int argno)
{
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(argno);

	if (TIMESTAMP_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("as_of must be a finite timestamp")));
	return as_of;
}

/*
 * sum_milestone_rows(state, as_of) returns table (milestone text,
 * reached_at timestamptz): one row per definition reached as of as_of, in
 * name order.
 */
Datum
sum_milestone_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MsQuery    *q = GetQuery(fcinfo);
	MsConfig   *cfg = q->cfg;
	bytea	   *st = CheckedState(fcinfo, 0);
	TimestampTz as_of = AsOf(fcinfo, 1);
	SumMsResult *res;
	int			i;

	RequireCurrent(cfg, st);
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	res = palloc(sizeof(SumMsResult) * (cfg->ndefs + 1));
	sum_ms_evaluate(MS_STATE_PAYLOAD(st), cfg->defs, cfg->ndefs, as_of,
					LocalDay(&q->days, as_of), res);
	for (i = 0; i < cfg->ndefs; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		if (!res[i].reached)
			continue;
		values[0] = CStringGetTextDatum(cfg->names[i]);
		values[1] = TimestampTzGetDatum(res[i].reached_at);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * sum_milestone_usage(state, as_of) returns sum.milestone_usage: first and
 * last event, events ever, and events and active days in the 7 and 28 local
 * days that end on as_of's day (NULL when as_of is so far before the last
 * event that the state no longer holds those days).
 */
Datum
sum_milestone_usage(PG_FUNCTION_ARGS)
{
	MsQuery    *q = GetQuery(fcinfo);
	bytea	   *st = CheckedState(fcinfo, 0);
	TimestampTz as_of = AsOf(fcinfo, 1);
	TupleDesc	desc;
	SumMsUsage	u;
	Datum		values[7];
	bool		nulls[7];

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	desc = BlessTupleDesc(desc);
	/* usage needs no definitions, only the time zone the state was built in */
	RequireCurrent(q->cfg, st);
	sum_ms_usage(MS_STATE_PAYLOAD(st), LocalDay(&q->days, as_of), &u);

	memset(nulls, 0, sizeof(nulls));
	nulls[0] = u.nevents == 0;
	values[0] = TimestampTzGetDatum(u.first_ts);
	nulls[1] = u.nevents == 0;
	values[1] = TimestampTzGetDatum(u.last_ts);
	values[2] = Int64GetDatum((int64) u.nevents);
	values[3] = Int64GetDatum(u.events_7d);
	nulls[3] = u.events_7d < 0;
	values[4] = Int64GetDatum(u.events_28d);
	nulls[4] = u.events_28d < 0;
	values[5] = Int32GetDatum((int32) u.active_days_7d);
	nulls[5] = u.active_days_7d < 0;
	values[6] = Int32GetDatum((int32) u.active_days_28d);
	nulls[6] = u.active_days_28d < 0;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/*
 * LocalDayStart: the first instant of local day `day` in tz, or never later
 * than it: a day that does not begin at 00:00 (a daylight-saving jump at
 * midnight) is answered up to a few hours early.  DT_NOEND when out of range.
 */
static TimestampTz
LocalDayStart(pg_tz *tz, int32 day)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			tzoff;
	int			i;
	TimestampTz ts;

	memset(&tm, 0, sizeof(tm));
	if ((int64) day + POSTGRES_EPOCH_JDATE > INT_MAX - 1)
		return DT_NOEND;
	j2date(day + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
		return DT_NOEND;
	tzoff = DetermineTimeZoneOffset(&tm, tz);
	if (tm2timestamp(&tm, 0, &tzoff, &ts) != 0 || !IS_VALID_TIMESTAMP(ts))
		return DT_NOEND;
	/* step back while the instant before is already on that day */
	for (i = 0; i < 4 && ts > MIN_TIMESTAMP + USECS_PER_HOUR; i++)
	{
		if (timestamp2tm(ts - 1, &tzoff, &tm, &fsec, NULL, tz) != 0 ||
			date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE < day)
			break;
		ts -= USECS_PER_HOUR;
	}
	return ts;
}

/*
 * sum_milestone_next_change(state, as_of, usage): the earliest time after
 * which evaluating the state (sum.milestone_rows, and with usage
 * sum.milestone_usage) at a later as_of may give another answer with no new
 * event: a day with events leaving a window (at the start of a local day),
 * an inactivity span ending.  NULL when time alone changes nothing any more.
 * Conservative: never later than a change, possibly earlier.  The pipeline
 * re-evaluates a user only once this time has come; it stores milestones,
 * not the rolling usage counts, so it passes usage = false.
 */
Datum
sum_milestone_next_change(PG_FUNCTION_ARGS)
{
	MsQuery    *q = GetQuery(fcinfo);
	bytea	   *st = CheckedState(fcinfo, 0);
	TimestampTz as_of = AsOf(fcinfo, 1);
	bool		usage = PG_NARGS() < 3 || PG_GETARG_BOOL(2);
	int32		next_day;
	int64		next_ts;
	TimestampTz result;

	RequireCurrent(q->cfg, st);
	sum_ms_next_change(MS_STATE_PAYLOAD(st), q->cfg->defs, q->cfg->ndefs, as_of,
					   LocalDay(&q->days, as_of), usage, &next_day, &next_ts);
	result = next_ts == SUM_MS_NO_TS_HIGH ? DT_NOEND : next_ts;
	if (next_day != SUM_MS_NO_DAY)
	{
		TimestampTz day_start = LocalDayStart(q->days.tz, next_day);

		if (day_start < result)
			result = day_start;
	}
	if (result == DT_NOEND)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(result);
}

/* sum_milestone_defs_version(): the fingerprint of the current definitions */
Datum
sum_milestone_defs_version(PG_FUNCTION_ARGS)
{
	MsQuery    *q = GetQuery(fcinfo);

	PG_RETURN_INT64((int64) q->cfg->fingerprint);
}

/* sum_milestone_state_defs_version(state): the fingerprint it was built for */
Datum
sum_milestone_state_defs_version(PG_FUNCTION_ARGS)
{
	bytea	   *st = CheckedState(fcinfo, 0);

	PG_RETURN_INT64((int64) sum_ms_fingerprint(MS_STATE_PAYLOAD(st)));
}

/* sum_milestone_state_is_current(state): can it be read and merged today? */
Datum
sum_milestone_state_is_current(PG_FUNCTION_ARGS)
{
	MsQuery    *q = GetQuery(fcinfo);
	bytea	   *st = CheckedState(fcinfo, 0);

	PG_RETURN_BOOL(sum_ms_fingerprint(MS_STATE_PAYLOAD(st)) == q->cfg->fingerprint &&
				   MS_STATE_LEN(st) == q->cfg->state_size);
}

/*
 * sum_account_milestones(user_last_event_at timestamptz[], as_of) returns
 * table (milestone text, reached_at timestamptz): the account-level
 * definitions (kind active_users) reached by an account whose users were
 * last active at the given times: at least min_count users active in the
 * days before as_of, that is with a last event in (as_of - days, as_of].
 * reached_at is the latest of those users' last events.  NULL elements
 * (users never active) are skipped.
 */
Datum
sum_account_milestones(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MsQuery    *q = GetQuery(fcinfo);
	MsConfig   *cfg = q->cfg;
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	TimestampTz as_of = AsOf(fcinfo, 1);
	Datum	   *elems;
	bool	   *enulls;
	int			n,
				i,
				a;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("user_last_event_at must be a one-dimensional array")));
	deconstruct_array(arr, TIMESTAMPTZOID, sizeof(TimestampTz), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &enulls, &n);

	for (a = 0; a < cfg->nacct; a++)
	{
		const MsAccountDef *d = &cfg->acct[a];
		int64		span = (int64) d->days * USECS_PER_DAY;
		int			count = 0;
		TimestampTz latest = DT_NOBEGIN;

		for (i = 0; i < n; i++)
		{
			TimestampTz t;

			if (enulls[i])
				continue;
			t = DatumGetTimestampTz(elems[i]);
			if (TIMESTAMP_NOT_FINITE(t) || t > as_of ||
				(uint64) as_of - (uint64) t >= (uint64) span)
				continue;
			count++;
			if (t > latest)
				latest = t;
		}
		if (count >= d->min_count)
		{
			Datum		values[2];
			bool		nulls[2] = {false, false};

			values[0] = CStringGetTextDatum(d->name);
			values[1] = TimestampTzGetDatum(latest);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

static int
CmpTimestamp(const void *a, const void *b)
{
	TimestampTz x = *(const TimestampTz *) a;
	TimestampTz y = *(const TimestampTz *) b;

	return (x > y) - (x < y);
}

/*
 * sum_time_windows(times timestamptz[], as_of, windows interval[]) returns
 * (times_sorted timestamptz[], next_change timestamptz): the times in
 * ascending order without NULLs (an array of any shape read flat, as unnest
 * reads it), and the earliest t + w at or after as_of over the times t and
 * the non-NULL windows w, NULL when there is none: when time alone next
 * moves a count of the times that fall within a window of as_of.  t + w is
 * timestamptz + interval, so a window with days or months follows the
 * session's time zone, as in SQL.  The refresh computes, per account, the
 * stored order of its people's last events and the time to look at it
 * again; in SQL these were two subqueries per account.
 */
Datum
sum_time_windows(PG_FUNCTION_ARGS)
{
	ArrayType  *times = PG_GETARG_ARRAYTYPE_P(0);
	TimestampTz as_of = PG_GETARG_TIMESTAMPTZ(1);
	ArrayType  *windows = PG_GETARG_ARRAYTYPE_P(2);
	TupleDesc	desc;
	Datum	   *telems,
			   *welems;
	bool	   *tnulls,
			   *wnulls;
	int			nt,
				nw,
				n = 0,
				i,
				j;
	TimestampTz *sorted;
	TimestampTz next = 0;
	bool		found = false;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	desc = BlessTupleDesc(desc);

	deconstruct_array(times, TIMESTAMPTZOID, sizeof(TimestampTz), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &telems, &tnulls, &nt);
	deconstruct_array(windows, INTERVALOID, sizeof(Interval), false, TYPALIGN_DOUBLE,
					  &welems, &wnulls, &nw);

	sorted = palloc(sizeof(TimestampTz) * Max(nt, 1));
	for (i = 0; i < nt; i++)
		if (!tnulls[i])
			sorted[n++] = DatumGetTimestampTz(telems[i]);
	qsort(sorted, n, sizeof(TimestampTz), CmpTimestamp);

	for (j = 0; j < nw; j++)
	{
		if (wnulls[j])
			continue;
		CHECK_FOR_INTERRUPTS();
		for (i = 0; i < n; i++)
		{
			TimestampTz c = DatumGetTimestampTz(DirectFunctionCall2(timestamptz_pl_interval,
																	TimestampTzGetDatum(sorted[i]),
																	welems[j]));

			if (c >= as_of && (!found || c < next))
			{
				next = c;
				found = true;
			}
		}
	}

	/* (for each element: a Datum of the pass-by-value timestamps) */
	for (i = 0; i < n; i++)
		telems[i] = TimestampTzGetDatum(sorted[i]);
	values[0] = PointerGetDatum(n == 0 ? construct_empty_array(TIMESTAMPTZOID)
								: construct_array(telems, n, TIMESTAMPTZOID, sizeof(TimestampTz), FLOAT8PASSBYVAL,
												  TYPALIGN_DOUBLE));
	values[1] = TimestampTzGetDatum(next);
	nulls[1] = !found;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
