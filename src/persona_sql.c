/*-------------------------------------------------------------------------
 *
 * src/persona_sql.c
 *	  SQL interface of the persona classifier: sum.title_persona() and
 *	  friends, sum.buying_role(), and the write trigger of
 *	  sum.persona_rules.
 *
 * The rules of sum.persona_rules_effective (shipped rows, overridden or
 * disabled by user rows) are compiled by src/persona.c once per backend
 * into a matcher kept under CacheMemoryContext, and compiled again after
 * the table changes (config.h).  Functions that use it are STABLE: their
 * answer depends on a table, not only on their arguments.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "config.h"
#include "persona.h"

PG_FUNCTION_INFO_V1(sum_title_persona);
PG_FUNCTION_INFO_V1(sum_title_seniority);
PG_FUNCTION_INFO_V1(sum_title_function);
PG_FUNCTION_INFO_V1(sum_title_normalize);
PG_FUNCTION_INFO_V1(sum_persona_pattern);
PG_FUNCTION_INFO_V1(sum_persona_rules_check);
PG_FUNCTION_INFO_V1(sum_buying_role);

/* The compiled rules of this backend */
typedef struct PersonaCache
{
	MemoryContext context;		/* owns everything below */
	PersonaMatcher *matcher;
	Datum	   *patterns;		/* text datum per rule, for the rules array */
	int			nrules;
	uint64		generation;		/* SumConfigGeneration() when read */
} PersonaCache;

static PersonaCache persona_cache;

/* Enum values looked up once per call site (FmgrInfo), by label */
typedef struct PersonaCallCache
{
	TupleDesc	tupdesc;		/* sum.persona, for title_persona */
	Oid			seniority[PERSONA_NUM_SENIORITIES];
	Oid			function[PERSONA_NUM_FUNCTIONS];
	Oid			buying_role[4];
} PersonaCallCache;

/* The buying-role settings, parsed */
typedef struct BuyingRoleSettings
{
	uint32		buyer_functions;	/* bit per PersonaFunction */
	int			decision_maker;		/* PersonaSeniority thresholds */
	int			influencer;
	int			small_decision_maker;
	int			large_decision_maker;
	int			small_employees;	/* at most: small company */
	int			large_employees;	/* at least: large company */
	uint64		generation;
	bool		valid;
} BuyingRoleSettings;

static BuyingRoleSettings buying_settings;

static const char *const buying_role_names[4] = {
	"unknown", "user", "influencer", "decision_maker"
};

#define ROLE_UNKNOWN		0
#define ROLE_USER			1
#define ROLE_INFLUENCER		2
#define ROLE_DECISION_MAKER	3

/*
 * LabelIndex: position of label s in names[0..n), or -1.
 */
static int
LabelIndex(const char *const *names, int n, const char *s)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/*
 * EnumOid: the OID of label in enum type typid; an error naming the type
 * when the label is missing (the extension's enums and this library
 * disagree, which a version mismatch could cause).
 */
static Oid
EnumOid(Oid typid, const char *label)
{
	HeapTuple	tup;
	Oid			result;

	tup = SearchSysCache2(ENUMTYPOIDNAME, ObjectIdGetDatum(typid),
						  CStringGetDatum(label));
	if (!HeapTupleIsValid(tup))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("enum type %s has no label \"%s\"",
						format_type_be(typid), label),
				 errhint("Run ALTER EXTENSION sum UPDATE.")));
	result = ((Form_pg_enum) GETSTRUCT(tup))->oid;
	ReleaseSysCache(tup);
	return result;
}

static void
FillEnumOids(Oid *oids, Oid typid, const char *const *names, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		oids[i] = EnumOid(typid, names[i]);
}

static int
EnumIndex(const Oid *oids, int n, Oid value)
{
	int			i;

	for (i = 0; i < n; i++)
		if (oids[i] == value)
			return i;
	return -1;
}

/*
 * TitleUtf8: the title argument as UTF-8 bytes.  Titles are read only up to
 * PERSONA_MAX_TITLE_BYTES, so only that much is detoasted and converted.
 */
static const char *
TitleUtf8(text *t, size_t *len)
{
	const char *s = VARDATA_ANY(t);
	size_t		n = VARSIZE_ANY_EXHDR(t);

	if (GetDatabaseEncoding() != PG_UTF8 && GetDatabaseEncoding() != PG_SQL_ASCII)
	{
		if (n > PERSONA_MAX_TITLE_BYTES)
			n = pg_mbcliplen(s, (int) n, PERSONA_MAX_TITLE_BYTES);
		s = pg_server_to_any(s, (int) n, PG_UTF8);
		n = strlen(s);
	}
	*len = n;
	return s;
}

/* ------------------------------------------------------------------------
 * The rule cache
 * ------------------------------------------------------------------------ */

static PersonaAction
ActionFromText(const char *s)
{
	int			i = LabelIndex(persona_action_names, 3, s);

	return i < 0 ? (PersonaAction) -1 : (PersonaAction) i;
}

/*
 * LoadPersonaRules: compile sum.persona_rules_effective into a new cache,
 * replacing the old one only once the new one is complete (an error half
 * way leaves the old cache and frees the new one with the transaction).
 */
static void
LoadPersonaRules(void)
{
	uint64		gen = SumConfigGeneration();
	MemoryContext context,
				old;
	PersonaRuleDef *defs;
	Datum	   *patterns;
	PersonaMatcher *matcher;
	PersonaError err;
	int			nskipped = 0;
	int			n,
				i;
	int			ret;

	SumConfigWatch(SumConfigRelid("persona_rules"));

	context = AllocSetContextCreate(CurrentMemoryContext, "sum persona rules",
									ALLOCSET_DEFAULT_SIZES);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute("SELECT pattern, action, seniority, function, weight, priority"
					  " FROM sum.persona_rules_effective", true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read sum.persona_rules_effective: %s",
			 SPI_result_code_string(ret));

	n = (int) Min(SPI_processed, (uint64) PERSONA_MAX_RULES + 1);
	old = MemoryContextSwitchTo(context);
	defs = palloc0(sizeof(PersonaRuleDef) * Max(n, 1));
	patterns = palloc0(sizeof(Datum) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *pattern = SPI_getvalue(tup, desc, 1);
		char	   *action = SPI_getvalue(tup, desc, 2);
		char	   *seniority = SPI_getvalue(tup, desc, 3);
		char	   *function = SPI_getvalue(tup, desc, 4);
		bool		wnull,
					pnull;
		Datum		weight = SPI_getbinval(tup, desc, 5, &wnull);
		Datum		priority = SPI_getbinval(tup, desc, 6, &pnull);

		/* the write trigger makes these valid; bypassed, the row is skipped */
		defs[i].pattern = pattern ? pattern : "";
		defs[i].pattern_len = strlen(defs[i].pattern);
		defs[i].action = action ? ActionFromText(action) : (PersonaAction) -1;
		defs[i].seniority = seniority ?
			LabelIndex(persona_seniority_names, PERSONA_NUM_SENIORITIES, seniority) : -1;
		if (seniority && defs[i].seniority < 0)
			defs[i].seniority = -2;
		defs[i].function = function ?
			LabelIndex(persona_function_names, PERSONA_NUM_FUNCTIONS, function) : -1;
		if (function && defs[i].function < 0)
			defs[i].function = -2;
		defs[i].weight = wnull ? -1.0f : DatumGetFloat4(weight);
		defs[i].priority = pnull ? -1 : DatumGetInt32(priority);
		patterns[i] = PointerGetDatum(cstring_to_text(defs[i].pattern));
	}
	matcher = persona_compile(defs, n, &nskipped, &err);
	MemoryContextSwitchTo(old);
	SPI_finish();

	if (matcher == NULL)
	{
		if (err == PERSONA_ERR_TOO_MANY_RULES)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many persona rules"),
					 errdetail("At most %d rules with %d bytes of patterns in all can be used.",
							   PERSONA_MAX_RULES, PERSONA_MAX_TOTAL_PATTERN_BYTES)));
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("Could not compile the persona rules.")));
	}
	if (nskipped > 0)
		ereport(WARNING,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%d persona rules are invalid and were ignored", nskipped),
				 errhint("Rows written with triggers disabled are not validated; "
						 "UPDATE sum.persona_rules SET pattern = pattern revalidates user rows.")));

	/* the new cache is complete: keep it for the life of the backend */
	MemoryContextSetParent(context, CacheMemoryContext);
	if (persona_cache.context)
		MemoryContextDelete(persona_cache.context);
	persona_cache.context = context;
	persona_cache.matcher = matcher;
	persona_cache.patterns = patterns;
	persona_cache.nrules = n;
	persona_cache.generation = gen;
}

static const PersonaMatcher *
GetMatcher(void)
{
	if (persona_cache.matcher == NULL ||
		persona_cache.generation != SumConfigGeneration())
		LoadPersonaRules();
	return persona_cache.matcher;
}

/*
 * ClassifyTitle: run the matcher on a text datum; out-of-memory is the
 * only error.
 */
static void
ClassifyTitle(text *title, PersonaResult *result)
{
	const PersonaMatcher *m = GetMatcher();
	size_t		len;
	const char *s = TitleUtf8(title, &len);

	if (!persona_classify(m, s, len, result))
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("Could not classify a job title.")));
}

/* ------------------------------------------------------------------------
 * SQL functions
 * ------------------------------------------------------------------------ */

static PersonaCallCache *
GetCallCache(FunctionCallInfo fcinfo)
{
	PersonaCallCache *cc = (PersonaCallCache *) fcinfo->flinfo->fn_extra;

	if (cc == NULL)
	{
		cc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
									sizeof(PersonaCallCache));
		fcinfo->flinfo->fn_extra = cc;
	}
	return cc;
}

/*
 * sum_title_persona: sum.title_persona(title) -> sum.persona.  STABLE:
 * the answer depends on sum.persona_rules.
 */
Datum
sum_title_persona(PG_FUNCTION_ARGS)
{
	text	   *title = PG_GETARG_TEXT_PP(0);
	PersonaCallCache *cc = GetCallCache(fcinfo);
	PersonaResult r;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	Datum		rules[PERSONA_MAX_DECIDING];
	int			i;

	if (cc->tupdesc == NULL)
	{
		TupleDesc	tupdesc;
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		if (tupdesc->natts != 4)
			elog(ERROR, "sum.persona must have 4 attributes");
		FillEnumOids(cc->function, TupleDescAttr(tupdesc, 0)->atttypid,
					 persona_function_names, PERSONA_NUM_FUNCTIONS);
		FillEnumOids(cc->seniority, TupleDescAttr(tupdesc, 1)->atttypid,
					 persona_seniority_names, PERSONA_NUM_SENIORITIES);
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		cc->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
	}

	ClassifyTitle(title, &r);

	values[0] = ObjectIdGetDatum(cc->function[r.function]);
	values[1] = ObjectIdGetDatum(cc->seniority[r.seniority]);
	values[2] = Float4GetDatum(r.confidence);
	for (i = 0; i < r.ndeciding; i++)
		rules[i] = persona_cache.patterns[r.deciding[i]];
	if (r.ndeciding > 0)
		values[3] = PointerGetDatum(construct_array(rules, r.ndeciding, TEXTOID,
													-1, false, TYPALIGN_INT));
	else
		values[3] = PointerGetDatum(construct_empty_array(TEXTOID));

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cc->tupdesc, values, nulls)));
}

/*
 * sum_title_seniority: sum.title_seniority(title) -> sum.seniority.
 * STABLE, as title_persona.
 */
Datum
sum_title_seniority(PG_FUNCTION_ARGS)
{
	text	   *title = PG_GETARG_TEXT_PP(0);
	PersonaCallCache *cc = GetCallCache(fcinfo);
	PersonaResult r;

	if (cc->seniority[0] == InvalidOid)
		FillEnumOids(cc->seniority, get_fn_expr_rettype(fcinfo->flinfo),
					 persona_seniority_names, PERSONA_NUM_SENIORITIES);
	ClassifyTitle(title, &r);
	PG_RETURN_OID(cc->seniority[r.seniority]);
}

/*
 * sum_title_function: sum.title_function(title) -> sum.job_function.
 * STABLE, as title_persona.
 */
Datum
sum_title_function(PG_FUNCTION_ARGS)
{
	text	   *title = PG_GETARG_TEXT_PP(0);
	PersonaCallCache *cc = GetCallCache(fcinfo);
	PersonaResult r;

	if (cc->function[0] == InvalidOid)
		FillEnumOids(cc->function, get_fn_expr_rettype(fcinfo->flinfo),
					 persona_function_names, PERSONA_NUM_FUNCTIONS);
	ClassifyTitle(title, &r);
	PG_RETURN_OID(cc->function[r.function]);
}

/*
 * sum_title_normalize: sum.title_normalize(title) -> text, the words the
 * classifier sees, segments separated by " | ".  Depends on the code only.
 */
Datum
sum_title_normalize(PG_FUNCTION_ARGS)
{
	text	   *title = PG_GETARG_TEXT_PP(0);
	size_t		len;
	const char *s = TitleUtf8(title, &len);
	size_t		cap = 4 * PERSONA_MAX_TITLE_BYTES + 64;
	char	   *out = palloc(cap);
	size_t		n = persona_normalize_title(s, len, out, cap);

	if (n > cap)
	{
		cap = n;
		out = repalloc(out, cap);
		n = persona_normalize_title(s, len, out, cap);
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out, (int) n));
}

/*
 * ClipForMessage: t as a C string for an error message, cut to about 60
 * bytes (at a character boundary) with "..." when longer.
 */
static char *
ClipForMessage(text *t)
{
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	int			clip;

	if (len <= 60)
		return text_to_cstring(t);
	clip = pg_mbcliplen(s, len, 60);
	return psprintf("%.*s...", clip, s);
}

/*
 * CheckPattern: the canonical form of a rule pattern, or an
 * invalid_parameter_value error saying what is wrong with it.
 */
static text *
CheckPattern(text *pattern)
{
	char		out[PERSONA_MAX_PATTERN_BYTES];
	size_t		outlen;
	const char *s;
	size_t		len = VARSIZE_ANY_EXHDR(pattern);
	PersonaError err;

	s = VARDATA_ANY(pattern);
	if (GetDatabaseEncoding() != PG_UTF8 && GetDatabaseEncoding() != PG_SQL_ASCII &&
		len <= 4 * PERSONA_MAX_PATTERN_BYTES)
	{
		s = pg_server_to_any(s, (int) len, PG_UTF8);
		len = strlen(s);
	}
	err = persona_normalize_pattern(s, len, out, sizeof(out), &outlen);
	if (err != PERSONA_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid persona rule pattern \"%s\": %s",
						ClipForMessage(pattern), persona_error_message(err)),
				 errhint("A pattern is one to %d words of at most %d letters; "
						 "\"*\" may start or end a word, \"^\" and \"$\" anchor to "
						 "the start and end of a title segment.",
						 PERSONA_MAX_PATTERN_TOKENS, PERSONA_MAX_TOKEN_BYTES)));
	return cstring_to_text_with_len(out, (int) outlen);
}

/*
 * sum_persona_pattern: sum.persona_pattern(pattern) -> text, the canonical
 * form a rule pattern is stored in; error for an invalid pattern.
 */
Datum
sum_persona_pattern(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(CheckPattern(PG_GETARG_TEXT_PP(0)));
}

/* ------------------------------------------------------------------------
 * The write trigger of sum.persona_rules
 * ------------------------------------------------------------------------ */

static int
AttnumOf(TupleDesc desc, const char *name)
{
	int			attnum = SPI_fnumber(desc, name);

	if (attnum <= 0)
		elog(ERROR, "sum.persona_rules has no column \"%s\"", name);
	return attnum;
}

static void
RejectShipped(const char *what, const char *pattern)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("cannot %s shipped persona rule \"%s\"", what, pattern),
			 errdetail("Shipped rules belong to the extension and are re-created by each version."),
			 errhint("Insert a row with the same pattern and source 'user' to override it, "
					 "or with enabled = false to disable it.")));
}

/*
 * sum_persona_rules_check: BEFORE INSERT OR UPDATE OR DELETE row trigger,
 * and BEFORE TRUNCATE statement trigger, of sum.persona_rules.  Rejects
 * invalid rules with invalid_parameter_value, stores patterns in canonical
 * form (so that a user row overrides the shipped row however its pattern
 * is spelled), and keeps shipped rows for CREATE/ALTER EXTENSION: pg_dump
 * saves only user rows, so a direct edit of a shipped row would be lost.
 */
Datum
sum_persona_rules_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	HeapTuple	tup;
	bool		isnull;
	Datum		d;
	char	   *source;
	int			cols[3];
	Datum		vals[3];
	bool		nulls[3] = {false, false, false};

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"persona_rules_check\" was not called by trigger manager")));

	if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
	{
		if (!creating_extension)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("cannot truncate sum.persona_rules"),
					 errhint("DELETE FROM sum.persona_rules WHERE source = 'user' removes your rules.")));
		return PointerGetDatum(NULL);
	}

	desc = td->tg_relation->rd_att;
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
	{
		tup = td->tg_trigtuple;
		d = heap_getattr(tup, AttnumOf(desc, "source"), desc, &isnull);
		if (!creating_extension && !isnull &&
			strcmp(TextDatumGetCString(d), "user") != 0)
			RejectShipped("delete", SPI_getvalue(tup, desc, AttnumOf(desc, "pattern")));
		return PointerGetDatum(tup);
	}

	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) && !creating_extension)
	{
		d = heap_getattr(td->tg_trigtuple, AttnumOf(desc, "source"), desc, &isnull);
		if (!isnull && strcmp(TextDatumGetCString(d), "user") != 0)
			RejectShipped("change",
						  SPI_getvalue(td->tg_trigtuple, desc, AttnumOf(desc, "pattern")));
	}

	/* source */
	d = heap_getattr(tup, AttnumOf(desc, "source"), desc, &isnull);
	source = isnull ? NULL : TextDatumGetCString(d);
	if (source == NULL || (strcmp(source, "user") != 0 && strcmp(source, "shipped") != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid persona rule source \"%s\"", source ? source : "NULL"),
				 errhint("Write rules with source 'user'.")));
	if (strcmp(source, "shipped") == 0 && !creating_extension)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid persona rule source \"shipped\""),
				 errdetail("Only the extension writes shipped rules."),
				 errhint("Write rules with source 'user'.")));

	/* action */
	d = heap_getattr(tup, AttnumOf(desc, "action"), desc, &isnull);
	if (isnull || ActionFromText(TextDatumGetCString(d)) == (PersonaAction) -1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid persona rule action \"%s\"",
						isnull ? "NULL" : TextDatumGetCString(d)),
				 errhint("Valid actions are classify, block and stop.")));

	/* seniority and function: labels of the enums, or NULL */
	d = heap_getattr(tup, AttnumOf(desc, "seniority"), desc, &isnull);
	if (!isnull && LabelIndex(persona_seniority_names, PERSONA_NUM_SENIORITIES,
							  TextDatumGetCString(d)) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid seniority \"%s\" in persona rule", TextDatumGetCString(d)),
				 errhint("Use a label of sum.seniority: unknown, intern, entry, senior, "
						 "manager, director, vp, c_level, owner; or NULL.")));
	d = heap_getattr(tup, AttnumOf(desc, "function"), desc, &isnull);
	if (!isnull && LabelIndex(persona_function_names, PERSONA_NUM_FUNCTIONS,
							  TextDatumGetCString(d)) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid job function \"%s\" in persona rule", TextDatumGetCString(d)),
				 errhint("Use a label of sum.job_function, or NULL.")));

	/* the rest, through the core's own check */
	{
		PersonaRuleDef def;
		PersonaError err;
		char	   *s;

		d = heap_getattr(tup, AttnumOf(desc, "priority"), desc, &isnull);
		if (isnull || DatumGetInt32(d) < 0 || DatumGetInt32(d) > PERSONA_MAX_PRIORITY)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("persona rule priority must be between 0 and %d",
							PERSONA_MAX_PRIORITY)));
		def.priority = DatumGetInt32(d);
		d = heap_getattr(tup, AttnumOf(desc, "weight"), desc, &isnull);
		if (isnull || !(DatumGetFloat4(d) >= 0.0f &&
						DatumGetFloat4(d) <= PERSONA_MAX_WEIGHT))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("persona rule weight must be between 0 and %g",
							(double) PERSONA_MAX_WEIGHT)));
		def.weight = DatumGetFloat4(d);

		s = SPI_getvalue(tup, desc, AttnumOf(desc, "action"));
		def.action = ActionFromText(s);
		s = SPI_getvalue(tup, desc, AttnumOf(desc, "seniority"));
		def.seniority = s ? LabelIndex(persona_seniority_names, PERSONA_NUM_SENIORITIES, s) : -1;
		s = SPI_getvalue(tup, desc, AttnumOf(desc, "function"));
		def.function = s ? LabelIndex(persona_function_names, PERSONA_NUM_FUNCTIONS, s) : -1;
		def.pattern = "x";
		def.pattern_len = 1;
		err = persona_check_rule(&def);
		if (err == PERSONA_ERR_ACTION)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a persona rule with action \"stop\" cannot set a seniority or function")));
		else if (err != PERSONA_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid persona rule: %s", persona_error_message(err))));
	}

	/* lang: an ISO 639-1 code, or NULL */
	d = heap_getattr(tup, AttnumOf(desc, "lang"), desc, &isnull);
	if (!isnull)
	{
		char	   *lang = TextDatumGetCString(d);

		if (strlen(lang) != 2 || lang[0] < 'a' || lang[0] > 'z' ||
			lang[1] < 'a' || lang[1] > 'z')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid persona rule language \"%s\"", lang),
					 errhint("Use a two-letter ISO 639-1 code such as en or de, or NULL.")));
	}

	/* pattern, stored canonical; updated_at */
	d = heap_getattr(tup, AttnumOf(desc, "pattern"), desc, &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("persona rule pattern must not be null")));
	cols[0] = AttnumOf(desc, "pattern");
	vals[0] = PointerGetDatum(CheckPattern(DatumGetTextPP(d)));
	cols[1] = AttnumOf(desc, "updated_at");
	vals[1] = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	tup = heap_modify_tuple_by_cols(tup, desc, 2, cols, vals, nulls);
	return PointerGetDatum(tup);
}

/* ------------------------------------------------------------------------
 * Buying role
 * ------------------------------------------------------------------------ */

static int
SenioritySetting(const char *name)
{
	char	   *v = SumSettingText(name);
	int			i = v ? LabelIndex(persona_seniority_names, PERSONA_NUM_SENIORITIES, v) : -1;

	if (i < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("setting \"%s\" must be a seniority: \"%s\"", name, v ? v : "NULL")));
	return i;
}

/*
 * LoadBuyingRoleSettings: parse the persona.* settings once per change of
 * sum.settings.
 */
static void
LoadBuyingRoleSettings(void)
{
	uint64		gen = SumConfigGeneration();
	BuyingRoleSettings s;
	char	   *v;

	memset(&s, 0, sizeof(s));
	v = SumSettingText("persona.buyer_functions");
	if (v != NULL)
	{
		Oid			infunc,
					ioparam;
		Datum		arr;
		Datum	   *elems;
		bool	   *enulls;
		int			nelems,
					i;

		/* array_in needs an FmgrInfo: go through the type's input function */
		getTypeInputInfo(TEXTARRAYOID, &infunc, &ioparam);
		arr = OidInputFunctionCall(infunc, v, ioparam, -1);
		deconstruct_array(DatumGetArrayTypeP(arr), TEXTOID, -1, false,
						  TYPALIGN_INT, &elems, &enulls, &nelems);
		for (i = 0; i < nelems; i++)
		{
			char	   *f = enulls[i] ? "NULL" : TextDatumGetCString(elems[i]);
			int			k = enulls[i] ? -1 :
				LabelIndex(persona_function_names, PERSONA_NUM_FUNCTIONS, f);

			if (k < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("setting \"persona.buyer_functions\" holds an unknown job function \"%s\"", f),
						 errhint("Use labels of sum.job_function.")));
			s.buyer_functions |= (uint32) 1 << k;
		}
	}
	s.decision_maker = SenioritySetting("persona.decision_maker_seniority");
	s.influencer = SenioritySetting("persona.influencer_seniority");
	s.small_decision_maker = SenioritySetting("persona.small_company_decision_maker_seniority");
	s.large_decision_maker = SenioritySetting("persona.large_company_decision_maker_seniority");
	s.small_employees = SumSettingInt("persona.small_company_employees");
	s.large_employees = SumSettingInt("persona.large_company_employees");
	s.generation = gen;
	s.valid = true;
	buying_settings = s;
}

/*
 * BuyingRole: the part a person of function fn and seniority sen plays in
 * buying the product at a company of employees people (-1: unknown size).
 *
 * - Nothing known: unknown.  Interns are users.
 * - Owners and c-level decide at small companies whatever their function,
 *   and elsewhere when their function buys the product or is general
 *   management (or unknown); otherwise they influence.
 * - In a buyer function: decision maker from the decision threshold of the
 *   company's size class, influencer from the influencer threshold, else
 *   user.
 * - Outside the buyer functions (or function unknown): influencer at or
 *   above the decision threshold, else user.
 */
static int
BuyingRole(const BuyingRoleSettings *s, int fn, int sen, int64 employees)
{
	int			dm = s->decision_maker;
	bool		small = false;
	bool		buyer = (s->buyer_functions & ((uint32) 1 << fn)) != 0;

	if (sen == PERSONA_SEN_UNKNOWN && fn == PERSONA_FN_UNKNOWN)
		return ROLE_UNKNOWN;
	if (employees >= 0)
	{
		if (employees <= s->small_employees)
		{
			small = true;
			dm = s->small_decision_maker;
		}
		else if (employees >= s->large_employees)
			dm = s->large_decision_maker;
	}
	if (sen == PERSONA_SEN_INTERN)
		return ROLE_USER;
	if (sen >= PERSONA_SEN_C_LEVEL)
	{
		if (small || buyer || fn == PERSONA_FN_GENERAL_MANAGEMENT ||
			fn == PERSONA_FN_UNKNOWN)
			return ROLE_DECISION_MAKER;
		return ROLE_INFLUENCER;
	}
	if (sen == PERSONA_SEN_UNKNOWN)
		return ROLE_USER;
	if (buyer)
	{
		if (sen >= dm)
			return ROLE_DECISION_MAKER;
		if (sen >= s->influencer)
			return ROLE_INFLUENCER;
		return ROLE_USER;
	}
	return sen >= dm ? ROLE_INFLUENCER : ROLE_USER;
}

/*
 * sum_buying_role: sum.buying_role(persona, employees) -> sum.buying_role.
 * STABLE: reads sum.settings.  Not STRICT, since employees may be NULL
 * (size unknown); a NULL persona gives NULL.
 */
Datum
sum_buying_role(PG_FUNCTION_ARGS)
{
	PersonaCallCache *cc;
	HeapTupleHeader rec;
	Datum		d;
	bool		isnull;
	int			fn = PERSONA_FN_UNKNOWN,
				sen = PERSONA_SEN_UNKNOWN;
	int64		employees = -1;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (!PG_ARGISNULL(1))
	{
		employees = PG_GETARG_INT32(1);
		if (employees < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("number of employees must not be negative: %d",
							PG_GETARG_INT32(1))));
	}
	rec = PG_GETARG_HEAPTUPLEHEADER(0);

	cc = GetCallCache(fcinfo);
	if (cc->buying_role[0] == InvalidOid)
	{
		Oid			rectype = HeapTupleHeaderGetTypeId(rec);
		TupleDesc	desc = lookup_rowtype_tupdesc(rectype, HeapTupleHeaderGetTypMod(rec));

		FillEnumOids(cc->function, TupleDescAttr(desc, 0)->atttypid,
					 persona_function_names, PERSONA_NUM_FUNCTIONS);
		FillEnumOids(cc->seniority, TupleDescAttr(desc, 1)->atttypid,
					 persona_seniority_names, PERSONA_NUM_SENIORITIES);
		ReleaseTupleDesc(desc);
		FillEnumOids(cc->buying_role, get_fn_expr_rettype(fcinfo->flinfo),
					 buying_role_names, 4);
	}

	d = GetAttributeByNum(rec, 1, &isnull);
	if (!isnull)
		fn = EnumIndex(cc->function, PERSONA_NUM_FUNCTIONS, DatumGetObjectId(d));
	d = GetAttributeByNum(rec, 2, &isnull);
	if (!isnull)
		sen = EnumIndex(cc->seniority, PERSONA_NUM_SENIORITIES, DatumGetObjectId(d));
	if (fn < 0 || sen < 0)
		elog(ERROR, "persona holds a value outside its enum types");

	if (!buying_settings.valid || buying_settings.generation != SumConfigGeneration())
		LoadBuyingRoleSettings();

	PG_RETURN_OID(cc->buying_role[BuyingRole(&buying_settings, fn, sen, employees)]);
}
