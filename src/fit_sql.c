/*-------------------------------------------------------------------------
 *
 * src/fit_sql.c
 *	  SQL face of ICP fit: sum.fit(jsonb), sum.icp_rule_check(), and the
 *	  backend-local cache of sum.icp_rules and the fit.* tier settings.
 *
 * sum.fit runs once per account in queries over 100 k accounts, so the
 * rules are compiled once per backend (operands folded, numbers parsed,
 * attributes de-duplicated) and rebuilt only when sum.icp_rules or the
 * settings change (config.h).  A call then looks each attribute up once in
 * the account's jsonb and runs the rules over it.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "config.h"
#include "fit.h"
#include "textfold.h"

PG_FUNCTION_INFO_V1(sum_fit);
PG_FUNCTION_INFO_V1(sum_icp_rule_check);

#define MAX_NAME_LEN 63			/* bytes of a rule name */
#define MAX_ATTRIBUTE_LEN 255	/* bytes of an attribute key */

typedef struct FitRuleEntry
{
	char	   *name;			/* rule name, for matched_rules */
	int			points;
	int			attr;			/* index into FitCache.attrs */
	SumFitRule	rule;			/* operands allocated in the cache context */
} FitRuleEntry;

typedef struct FitCache
{
	bool		valid;
	uint64		generation;		/* SumConfigGeneration() it was built at */
	MemoryContext cxt;
	int			n_rules;
	FitRuleEntry *rules;		/* enabled, effective rules, by name */
	int			n_attrs;
	char	  **attrs;			/* distinct attribute keys the rules read */
	int			tier_a;			/* minimum scores of tiers A, B and C */
	int			tier_b;
	int			tier_c;
} FitCache;

static FitCache fit_cache;

/* ----------------------------------------------------------------
 * Scalars
 * ---------------------------------------------------------------- */

/*
 * FoldText: s folded for comparison (sum_fold, no transliteration) and
 * trimmed of ASCII white space, palloc'd in the current context.  Text that
 * sum_fold cannot take (not UTF-8) is only lowercased.
 */
static char *
FoldText(const char *s, size_t len, size_t *outlen)
{
	size_t		cap = len + 16;
	char	   *out = palloc(cap);
	size_t		n = sum_fold(s, len, out, cap, false);
	size_t		start = 0;

	if (n != SUM_FOLD_INVALID && n > cap)
	{
		pfree(out);
		cap = n;
		out = palloc(cap);
		n = sum_fold(s, len, out, cap, false);
	}
	if (n == SUM_FOLD_INVALID || n > cap)
	{
		pfree(out);
		out = palloc(len + 1);
		for (n = 0; n < len; n++)
			out[n] = pg_ascii_tolower((unsigned char) s[n]);
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t' || out[n - 1] == '\n' ||
					 out[n - 1] == '\r'))
		n--;
	while (start < n && (out[start] == ' ' || out[start] == '\t' ||
						 out[start] == '\n' || out[start] == '\r'))
		start++;
	*outlen = n - start;
	return out + start;
}

/*
 * ScalarValue: a JSON scalar as a SumFitValue (memory in the current
 * context); false for null and containers.
 */
static bool
ScalarValue(const JsonbValue *v, SumFitValue *out)
{
	memset(out, 0, sizeof(*out));
	switch (v->type)
	{
		case jbvString:
			out->text = FoldText(v->val.string.val, v->val.string.len, &out->len);
			out->has_num = sum_fit_parse_number(out->text, out->len, &out->num);
			return true;
		case jbvNumeric:
			{
				char	   *str = DatumGetCString(DirectFunctionCall1(numeric_out,
																	  NumericGetDatum(v->val.numeric)));
				double		d = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow,
																   NumericGetDatum(v->val.numeric)));

				out->text = str;
				out->len = strlen(str);
				out->has_num = !isinf(d) && !isnan(d);
				out->num = d;
				return true;
			}
		case jbvBool:
			out->text = v->val.boolean ? "true" : "false";
			out->len = strlen(out->text);
			return true;
		default:
			return false;
	}
}

/*
 * JsonValues: the scalars of a JSON value: itself, or the scalar elements of
 * an array (nested containers are skipped).  *present is false for JSON
 * null.  The array is palloc'd in the current context.
 */
static SumFitValue *
JsonValues(JsonbValue *v, bool *present, int *n)
{
	SumFitValue *vals;

	*present = v->type != jbvNull;
	*n = 0;
	if (v->type == jbvBinary)
	{
		JsonbContainer *c = v->val.binary.data;
		int			cap;
		JsonbIterator *it;
		JsonbValue	elem;
		JsonbIteratorToken tok;

		if (!JsonContainerIsArray(c) || JsonContainerIsScalar(c))
		{
			if (JsonContainerIsScalar(c) && JsonbExtractScalar(c, &elem))
				return JsonValues(&elem, present, n);
			return NULL;		/* an object: present, but never matched */
		}
		cap = JsonContainerSize(c);
		vals = palloc(sizeof(SumFitValue) * (cap + 1));
		it = JsonbIteratorInit(c);
		while ((tok = JsonbIteratorNext(&it, &elem, true)) != WJB_DONE)
		{
			if (tok == WJB_ELEM && *n < cap && ScalarValue(&elem, &vals[*n]))
				(*n)++;
		}
		return vals;
	}
	vals = palloc(sizeof(SumFitValue));
	if (ScalarValue(v, &vals[0]))
		*n = 1;
	return vals;
}

/* ----------------------------------------------------------------
 * Rules
 * ---------------------------------------------------------------- */

static void
RuleError(const char *name, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid ICP rule \"%s\"", name),
			 errdetail_internal("%s", detail)));
}

/*
 * JsonNumber: the number a JSON value holds, for range operators; false
 * for JSON null, error for anything else.
 */
static bool
JsonNumber(const char *name, JsonbValue *v, double *num)
{
	SumFitValue sv;

	if (v->type == jbvNull)
		return false;
	if (v->type != jbvNumeric || !ScalarValue(v, &sv) || !sv.has_num)
		RuleError(name, "Range bounds must be JSON numbers.");
	*num = sv.num;
	return true;
}

/*
 * CompileRule: check a rule row and build its SumFitRule with operands in
 * the current memory context.  Every problem is an invalid_parameter_value
 * error naming the rule.
 */
static void
CompileRule(const char *name, const char *attribute, const char *opname,
			Jsonb *value, int points, SumFitRule *rule)
{
	JsonbValue	root;
	bool		is_scalar = false;
	const char *problem;

	memset(rule, 0, sizeof(*rule));
	if (strlen(name) == 0 || strlen(name) > MAX_NAME_LEN)
		RuleError(name, "A rule name has 1 to 63 bytes.");
	if (strlen(attribute) == 0 || strlen(attribute) > MAX_ATTRIBUTE_LEN)
		RuleError(name, "An attribute name has 1 to 255 bytes.");
	if (!sum_fit_op_parse(opname, strlen(opname), &rule->op))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid ICP rule \"%s\"", name),
				 errdetail("Operator \"%s\" is not known.", opname),
				 errhint("Operators are eq, in, not_in, contains_all, contains_text, between, gte, lte, exists and missing.")));
	if (points < -SUM_FIT_MAX_POINTS || points > SUM_FIT_MAX_POINTS)
		RuleError(name, "Points must be between -1000 and 1000.");

	if (value != NULL && JB_ROOT_IS_SCALAR(value))
	{
		is_scalar = true;
		if (!JsonbExtractScalar(&value->root, &root))
			elog(ERROR, "could not extract a JSON scalar");
		if (root.type == jbvNull)
			value = NULL;
	}
	if (value != NULL && JB_ROOT_IS_OBJECT(value))
		RuleError(name, "The value must be a JSON scalar or array, not an object.");

	switch (rule->op)
	{
		case SUM_FIT_EXISTS:
		case SUM_FIT_MISSING:
			if (value != NULL)
				RuleError(name, "Operators \"exists\" and \"missing\" take no value (NULL).");
			break;

		case SUM_FIT_BETWEEN:
			{
				JsonbValue *lo,
						   *hi;

				if (value == NULL || is_scalar || JB_ROOT_COUNT(value) != 2)
					RuleError(name, "Operator \"between\" takes a JSON array [min, max]; either may be null.");
				lo = getIthJsonbValueFromContainer(&value->root, 0);
				hi = getIthJsonbValueFromContainer(&value->root, 1);
				rule->has_min = JsonNumber(name, lo, &rule->min);
				rule->has_max = JsonNumber(name, hi, &rule->max);
				break;
			}

		case SUM_FIT_GTE:
		case SUM_FIT_LTE:
			{
				double		bound;

				if (value == NULL || !is_scalar || !JsonNumber(name, &root, &bound))
					RuleError(name, "Operators \"gte\" and \"lte\" take a JSON number.");
				if (rule->op == SUM_FIT_GTE)
				{
					rule->has_min = true;
					rule->min = bound;
				}
				else
				{
					rule->has_max = true;
					rule->max = bound;
				}
				break;
			}

		default:
			{
				SumFitValue *vals;
				int			n = 0;

				if (value == NULL)
					RuleError(name, "The operator needs a value.");
				if (rule->op == SUM_FIT_EQ && !is_scalar)
					RuleError(name, "Operator \"eq\" takes a JSON scalar; use \"in\" for a list.");
				if (is_scalar)
				{
					vals = palloc(sizeof(SumFitValue));
					if (!ScalarValue(&root, &vals[0]))
						RuleError(name, "Values must be JSON strings, numbers or booleans.");
					n = 1;
				}
				else
				{
					JsonbIterator *it = JsonbIteratorInit(&value->root);
					JsonbValue	elem;
					JsonbIteratorToken tok;
					int			cap = JB_ROOT_COUNT(value);

					if (cap > SUM_FIT_MAX_VALUES)
						RuleError(name, "A rule takes at most 10000 values.");
					vals = palloc(sizeof(SumFitValue) * (cap + 1));
					while ((tok = JsonbIteratorNext(&it, &elem, true)) != WJB_DONE)
					{
						if (tok != WJB_ELEM)
							continue;
						if (n >= cap || !ScalarValue(&elem, &vals[n]))
							RuleError(name, "Values must be JSON strings, numbers or booleans.");
						n++;
					}
				}
				rule->values = vals;
				rule->n_values = n;
				break;
			}
	}
	problem = sum_fit_check(rule);
	if (problem != NULL)
		RuleError(name, problem);
}

/*
 * sum_icp_rule_check: sum.icp_rule_check(name, attribute, operator, value,
 * points) raises invalid_parameter_value unless the rule is valid.  The
 * sum.icp_rules write trigger calls it; the cache compiles rules with the
 * same code, so what is accepted on write is what fit() runs.
 */
Datum
sum_icp_rule_check(PG_FUNCTION_ARGS)
{
	const char *name = PG_ARGISNULL(0) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(0));
	SumFitRule	rule;

	if (name == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ICP rule name must not be null")));
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(4))
		RuleError(name, "Attribute, operator and points must not be null.");
	CompileRule(name, text_to_cstring(PG_GETARG_TEXT_PP(1)),
				text_to_cstring(PG_GETARG_TEXT_PP(2)),
				PG_ARGISNULL(3) ? NULL : PG_GETARG_JSONB_P(3),
				PG_GETARG_INT32(4), &rule);
	PG_RETURN_VOID();
}

/* ----------------------------------------------------------------
 * The cache
 * ---------------------------------------------------------------- */

/*
 * BuildFitCache: compile the effective rules and read the tier settings.
 * The new cache is built in a context under the current one and moved
 * under CacheMemoryContext only when complete, so an error leaves the old
 * cache marked invalid and leaks nothing.
 */
static void
BuildFitCache(void)
{
	uint64		gen = SumConfigGeneration();
	MemoryContext cxt,
				old;
	int			tier_a = SumSettingInt("fit.tier_a");
	int			tier_b = SumSettingInt("fit.tier_b");
	int			tier_c = SumSettingInt("fit.tier_c");
	int			ret;
	uint64		i;
	FitRuleEntry *rules;
	char	  **attrs;
	int			n_attrs = 0;

	if (!(tier_a >= tier_b && tier_b >= tier_c))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("fit tier thresholds must not increase from A to C"),
				 errdetail("fit.tier_a is %d, fit.tier_b is %d, fit.tier_c is %d.",
						   tier_a, tier_b, tier_c)));

	fit_cache.valid = false;
	SumConfigWatch(SumConfigRelid("icp_rules"));

	cxt = AllocSetContextCreate(CurrentMemoryContext, "sum icp rules",
								ALLOCSET_SMALL_SIZES);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* a user row overrides the shipped row of the same name, even disabled */
	ret = SPI_execute("SELECT r.name, r.attribute, r.operator, r.value, r.points"
					  "  FROM sum.icp_rules r"
					  " WHERE r.enabled"
					  "   AND (r.source OPERATOR(pg_catalog.=) 'user' OR NOT EXISTS ("
					  "		SELECT FROM sum.icp_rules u"
					  "		 WHERE u.name OPERATOR(pg_catalog.=) r.name"
					  "		   AND u.source OPERATOR(pg_catalog.=) 'user'))"
					  " ORDER BY r.name COLLATE \"C\", r.source",
					  true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read sum.icp_rules: %s", SPI_result_code_string(ret));

	old = MemoryContextSwitchTo(cxt);
	rules = palloc0(sizeof(FitRuleEntry) * (SPI_processed + 1));
	attrs = palloc0(sizeof(char *) * (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		bool		value_isnull;
		Datum		value;
		char	   *attribute;
		int			a;

		/* name, attribute, operator and points are NOT NULL columns */
		rules[i].name = TextDatumGetCString(SPI_getbinval(tup, desc, 1, &isnull));
		attribute = TextDatumGetCString(SPI_getbinval(tup, desc, 2, &isnull));
		value = SPI_getbinval(tup, desc, 4, &value_isnull);
		rules[i].points = DatumGetInt32(SPI_getbinval(tup, desc, 5, &isnull));
		CompileRule(rules[i].name, attribute,
					TextDatumGetCString(SPI_getbinval(tup, desc, 3, &isnull)),
					value_isnull ? NULL : DatumGetJsonbP(value),
					rules[i].points, &rules[i].rule);
		for (a = 0; a < n_attrs; a++)
			if (strcmp(attrs[a], attribute) == 0)
				break;
		if (a == n_attrs)
			attrs[n_attrs++] = attribute;
		rules[i].attr = a;
	}
	MemoryContextSwitchTo(old);
	fit_cache.n_rules = (int) SPI_processed;
	SPI_finish();

	if (fit_cache.cxt != NULL)
		MemoryContextDelete(fit_cache.cxt);
	MemoryContextSetParent(cxt, CacheMemoryContext);
	fit_cache.cxt = cxt;
	fit_cache.rules = rules;
	fit_cache.attrs = attrs;
	fit_cache.n_attrs = n_attrs;
	fit_cache.tier_a = tier_a;
	fit_cache.tier_b = tier_b;
	fit_cache.tier_c = tier_c;
	fit_cache.generation = gen;
	fit_cache.valid = true;
}

/* ----------------------------------------------------------------
 * sum.fit
 * ---------------------------------------------------------------- */

/*
 * Per call site: the blessed result descriptor and the tier enum values by
 * position A, B, C, D, so that a call does no catalog lookups.
 */
typedef struct FitFnCache
{
	TupleDesc	tupdesc;
	Oid			tiers[4];
} FitFnCache;

static FitFnCache *
GetFitFnCache(FunctionCallInfo fcinfo)
{
	FitFnCache *c = (FitFnCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		static const char *const labels[4] = {"A", "B", "C", "D"};
		TupleDesc	tupdesc;
		MemoryContext old;
		int			i;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE ||
			tupdesc->natts != 3)
			elog(ERROR, "return type must be sum.fit_result");
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(FitFnCache));
		for (i = 0; i < 4; i++)
			c->tiers[i] = DatumGetObjectId(DirectFunctionCall2(enum_in,
															   CStringGetDatum(labels[i]),
															   ObjectIdGetDatum(TupleDescAttr(tupdesc, 1)->atttypid)));
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		c->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

/*
 * sum_fit: sum.fit(account jsonb) -> sum.fit_result (score, tier,
 * matched_rules).  STABLE: it reads sum.icp_rules and sum.settings, through
 * a cache that is rebuilt whenever either changes.
 */
Datum
sum_fit(PG_FUNCTION_ARGS)
{
	Jsonb	   *account = PG_GETARG_JSONB_P(0);
	FitFnCache *fc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	SumFitValue **attr_vals;
	int		   *attr_n;
	bool	   *attr_present;
	Datum	   *matched;
	int			n_matched = 0;
	int64		score = 0;
	int			tier;
	int			i;

	if (!JB_ROOT_IS_OBJECT(account))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("account attributes must be a JSON object"),
				 errhint("Build one with to_jsonb(row) or jsonb_build_object(...).")));

	fc = GetFitFnCache(fcinfo);

	if (!fit_cache.valid || fit_cache.generation != SumConfigGeneration())
		BuildFitCache();

	/* each attribute the rules read, looked up and folded once */
	attr_vals = palloc(sizeof(SumFitValue *) * (fit_cache.n_attrs + 1));
	attr_n = palloc(sizeof(int) * (fit_cache.n_attrs + 1));
	attr_present = palloc(sizeof(bool) * (fit_cache.n_attrs + 1));
	for (i = 0; i < fit_cache.n_attrs; i++)
	{
		JsonbValue	v;
		const char *key = fit_cache.attrs[i];

		if (getKeyJsonValueFromContainer(&account->root, key, strlen(key), &v) == NULL)
		{
			attr_vals[i] = NULL;
			attr_n[i] = 0;
			attr_present[i] = false;
			continue;
		}
		attr_vals[i] = JsonValues(&v, &attr_present[i], &attr_n[i]);
	}

	matched = palloc(sizeof(Datum) * (fit_cache.n_rules + 1));
	for (i = 0; i < fit_cache.n_rules; i++)
	{
		FitRuleEntry *r = &fit_cache.rules[i];

		if (sum_fit_match(&r->rule, attr_present[r->attr], attr_vals[r->attr],
						  attr_n[r->attr]))
		{
			score += r->points;
			matched[n_matched++] = CStringGetTextDatum(r->name);
		}
	}
	/* rules are bounded to +-1000 points, but their number is not */
	if (score > PG_INT32_MAX || score < PG_INT32_MIN)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("fit score is out of range")));

	if (score >= fit_cache.tier_a)
		tier = 0;
	else if (score >= fit_cache.tier_b)
		tier = 1;
	else if (score >= fit_cache.tier_c)
		tier = 2;
	else
		tier = 3;

	values[0] = Int32GetDatum((int32) score);
	values[1] = ObjectIdGetDatum(fc->tiers[tier]);
	values[2] = PointerGetDatum(construct_array(matched, n_matched, TEXTOID, -1,
												false, TYPALIGN_INT));
	return HeapTupleGetDatum(heap_form_tuple(fc->tupdesc, values, nulls));
}
