/*-------------------------------------------------------------------------
 *
 * src/config.c
 *	  Change tracking for configuration tables, and sum.settings for C code.
 *
 * Configuration lives in tables so that marketing can change it any day.  C
 * code that needs it (domain lists, persona rules, settings) builds a
 * backend-local cache once and must rebuild it after a change, without
 * re-reading the table per call.  As pg_cron does for cron.job, every
 * configuration table has a statement-level trigger that sends a relcache
 * invalidation for the table; the invalidation reaches every backend at
 * commit (and the writing backend at the next command), where our relcache
 * callback bumps a generation counter that the caches compare against.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "config.h"
#include "sum.h"

#define SUM_MAX_WATCHED 64

/* Starts at 1 so that a cache stamped 0 is always stale */
static uint64 config_generation = 1;
static Oid	watched_relids[SUM_MAX_WATCHED];
static int	n_watched = 0;

/* sum.settings, loaded on first use */
typedef struct SettingEntry
{
	char		name[NAMEDATALEN];	/* hash key */
	char	   *value;			/* NULL when the setting is NULL */
} SettingEntry;

static HTAB *settings_hash = NULL;
static MemoryContext settings_context = NULL;
static uint64 settings_generation = 0;

PG_FUNCTION_INFO_V1(sum_config_changed);

/*
 * ConfigRelcacheCallback: a relation's relcache entry was invalidated.  If it
 * is one of the watched tables, or all entries were (InvalidOid, after an
 * invalidation queue overflow), every configuration cache is stale.
 */
static void
ConfigRelcacheCallback(Datum arg, Oid relid)
{
	int			i;

	if (relid == InvalidOid)
	{
		config_generation++;
		return;
	}
	for (i = 0; i < n_watched; i++)
	{
		if (watched_relids[i] == relid)
		{
			config_generation++;
			return;
		}
	}
}

void
ConfigInit(void)
{
	CacheRegisterRelcacheCallback(ConfigRelcacheCallback, (Datum) 0);
}

uint64
SumConfigGeneration(void)
{
	/* Apply invalidations that arrived since the last command started */
	AcceptInvalidationMessages();
	return config_generation;
}

/*
 * SumConfigWatch: note that a cache depends on relid.  Watching is additive;
 * a table dropped and re-created (DROP/CREATE EXTENSION) gets a new OID that
 * the rebuilding cache registers again.  When the list is full, the oldest
 * entries are forgotten, which only costs spurious rebuilds for tables that
 * are no longer read.
 */
void
SumConfigWatch(Oid relid)
{
	int			i;

	if (!OidIsValid(relid))
		return;
	for (i = 0; i < n_watched; i++)
		if (watched_relids[i] == relid)
			return;
	if (n_watched == SUM_MAX_WATCHED)
	{
		memmove(watched_relids, watched_relids + 1,
				sizeof(Oid) * (SUM_MAX_WATCHED - 1));
		n_watched--;
	}
	watched_relids[n_watched++] = relid;
}

/*
 * SumConfigRelid: OID of table relname in schema sum, or an error naming the
 * table when the extension's objects are missing.
 */
Oid
SumConfigRelid(const char *relname)
{
	Oid			nspid = get_namespace_oid(SUM_SCHEMA_NAME, true);
	Oid			relid = InvalidOid;

	if (OidIsValid(nspid))
		relid = get_relname_relid(relname, nspid);
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"%s.%s\" does not exist",
						SUM_SCHEMA_NAME, relname),
				 errhint("Is the extension \"sum\" installed in this database?")));
	return relid;
}

/*
 * sum_config_changed: statement-level trigger on every configuration table.
 * Queues a relcache invalidation for the table so that backend-local caches
 * built from it are rebuilt on their next use.
 */
Datum
sum_config_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"config_changed\" was not called by trigger manager")));

	CacheInvalidateRelcache(trigdata->tg_relation);

	return PointerGetDatum(NULL);
}

/*
 * LoadSettings: read every row of sum.settings into a hash table that lives
 * in its own context under CacheMemoryContext, replacing the previous one.
 */
static void
LoadSettings(void)
{
	uint64		gen = SumConfigGeneration();
	HASHCTL		ctl;
	HTAB	   *hash;
	uint64		i;
	int			ret;

	if (settings_context == NULL)
		settings_context = AllocSetContextCreate(CacheMemoryContext,
												 "sum settings",
												 ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(settings_context);
	settings_hash = NULL;

	SumConfigWatch(SumConfigRelid("setting_defaults"));
	SumConfigWatch(SumConfigRelid("setting_overrides"));

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = NAMEDATALEN;
	ctl.entrysize = sizeof(SettingEntry);
	ctl.hcxt = settings_context;
	hash = hash_create("sum settings", 64, &ctl,
					   HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute("SELECT name, value FROM sum.settings", true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read sum.settings: %s",
			 SPI_result_code_string(ret));

	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *name = SPI_getvalue(tup, desc, 1);
		char	   *value = SPI_getvalue(tup, desc, 2);
		SettingEntry *entry;
		bool		found;

		if (name == NULL || strlen(name) >= NAMEDATALEN)
			continue;			/* the table's CHECK forbids this */
		entry = hash_search(hash, name, HASH_ENTER, &found);
		entry->value = value ? MemoryContextStrdup(settings_context, value) : NULL;
	}
	SPI_finish();

	settings_hash = hash;
	settings_generation = gen;
}

char *
SumSettingText(const char *name)
{
	SettingEntry *entry;
	char		key[NAMEDATALEN];

	if (settings_hash == NULL || settings_generation != SumConfigGeneration())
		LoadSettings();

	memset(key, 0, sizeof(key));
	strlcpy(key, name, NAMEDATALEN);
	entry = hash_search(settings_hash, key, HASH_FIND, NULL);
	if (entry == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("setting \"%s\" does not exist", name),
				 errhint("Run ALTER EXTENSION sum UPDATE to install the settings of this version.")));
	return entry->value ? pstrdup(entry->value) : NULL;
}

double
SumSettingFloat(const char *name)
{
	char	   *value = SumSettingText(name);

	if (value == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("setting \"%s\" must not be null", name)));
#if PG_VERSION_NUM >= 160000
	return float8in_internal(value, NULL, "double precision", value, NULL);
#else
	return float8in_internal(value, NULL, "double precision", value);
#endif
}

int
SumSettingInt(const char *name)
{
	char	   *value = SumSettingText(name);

	if (value == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("setting \"%s\" must not be null", name)));
	return pg_strtoint32(value);
}
