/*-------------------------------------------------------------------------
 *
 * src/companykey_sql.c
 *	  sum.company_key, sum.company_similarity and sum.legal_form_key, and
 *	  the per-backend cache of sum.legal_forms.
 *
 * The cache is built on first use by reading sum.legal_forms through SPI
 * into a hash table in its own memory context, and rebuilt when the
 * table's config_changed trigger moves the configuration generation.
 * User rows win over shipped rows of the same normalized form, so that a
 * user can switch a shipped form off (remove = false) without deleting a
 * row that CREATE EXTENSION would bring back.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "config.h"
#include "matching.h"

PG_FUNCTION_INFO_V1(sum_company_key);
PG_FUNCTION_INFO_V1(sum_company_similarity);
PG_FUNCTION_INFO_V1(sum_legal_form_key);

static MemoryContext forms_context = NULL;
static CkForms *forms_cache = NULL;
static uint64 forms_generation = 0;

/*
 * LoadLegalForms: (re)build forms_cache from sum.legal_forms.  The core
 * allocates in the current memory context, so switch to the cache's own
 * context while it builds.
 */
static void
LoadLegalForms(void)
{
	uint64		gen = SumConfigGeneration();
	MemoryContext old;
	CkForms    *forms;
	uint64		i;
	int			ret;

	if (forms_context == NULL)
		forms_context = AllocSetContextCreate(CacheMemoryContext,
											  "sum legal forms",
											  ALLOCSET_DEFAULT_SIZES);
	else
		MemoryContextReset(forms_context);
	forms_cache = NULL;

	SumConfigWatch(SumConfigRelid("legal_forms"));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute("SELECT l.form, l.position FROM sum.legal_forms l"
					  " WHERE l.remove AND (l.source OPERATOR(pg_catalog.=) 'user'"
					  "  OR NOT EXISTS (SELECT 1 FROM sum.legal_forms u"
					  "   WHERE u.source OPERATOR(pg_catalog.=) 'user'"
					  "   AND u.form_key OPERATOR(pg_catalog.=) l.form_key))",
					  true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read sum.legal_forms: %s",
			 SPI_result_code_string(ret));

	old = MemoryContextSwitchTo(forms_context);
	forms = ck_forms_create(SPI_processed + 1);
	if (forms == NULL)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *form = SPI_getvalue(tup, desc, 1);
		char	   *pos = SPI_getvalue(tup, desc, 2);
		char		key[CK_FORM_MAX_BYTES + 1];
		int			ntok;
		int			n;
		int			positions;

		if (form == NULL || pos == NULL)
			continue;
		positions = strcmp(pos, "prefix") == 0 ? CK_PREFIX :
			strcmp(pos, "either") == 0 ? (CK_PREFIX | CK_SUFFIX) : CK_SUFFIX;
		/* the write trigger validated the form; skip what cannot be keyed */
		n = ck_form_key(form, strlen(form), key, &ntok);
		if (n > 0)
			ck_forms_add(forms, key, n, positions, ntok);
	}
	MemoryContextSwitchTo(old);
	SPI_finish();

	forms_cache = forms;
	forms_generation = gen;
}

const CkForms *
SumLegalForms(void)
{
	if (forms_cache == NULL || forms_generation != SumConfigGeneration())
		LoadLegalForms();
	return forms_cache;
}

bool
SumCompanyParse(const char *s, size_t len, CkParsed *p)
{
	int			r = ck_parse(SumLegalForms(), s, len, p);

	if (r < 0)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	return r > 0;
}

/*
 * TextUtf8: the bytes of t as UTF-8 (converted when the database is not
 * UTF-8), palloc'd or pointing into t.
 */
static char *
TextUtf8(text *t, size_t *len)
{
	char	   *s = VARDATA_ANY(t);
	int			n = VARSIZE_ANY_EXHDR(t);
	char	   *u;

	/* keys look at the first few kilobytes only; do not convert more */
	if (n > 4 * CK_MAX_INPUT)
		n = pg_mbcliplen(s, n, 4 * CK_MAX_INPUT);
	if (GetDatabaseEncoding() == PG_UTF8)
	{
		*len = n;
		return s;
	}
	u = (char *) pg_do_encoding_conversion((unsigned char *) s, n,
										   GetDatabaseEncoding(), PG_UTF8);
	*len = (u == s) ? (size_t) n : strlen(u);
	return u;
}

static text *
Utf8Text(const char *s, size_t len)
{
	char	   *conv;

	if (GetDatabaseEncoding() == PG_UTF8)
		return cstring_to_text_with_len(s, len);
	conv = (char *) pg_do_encoding_conversion((unsigned char *) s, len,
											  PG_UTF8, GetDatabaseEncoding());
	return cstring_to_text(conv);
}

/*
 * sum.company_key(name text) -> text: the company key, or NULL when the
 * name has no letters or digits.
 */
Datum
sum_company_key(PG_FUNCTION_ARGS)
{
	size_t		len;
	char	   *s = TextUtf8(PG_GETARG_TEXT_PP(0), &len);
	CkParsed	p;
	text	   *result;

	if (!SumCompanyParse(s, len, &p))
		PG_RETURN_NULL();
	result = Utf8Text(p.key, p.keylen);
	ck_parsed_free(&p);
	PG_RETURN_TEXT_P(result);
}

/*
 * sum.company_similarity(a text, b text) -> float8 in 0..1, or NULL when
 * either side has no key.
 */
Datum
sum_company_similarity(PG_FUNCTION_ARGS)
{
	size_t		la,
				lb;
	char	   *sa = TextUtf8(PG_GETARG_TEXT_PP(0), &la);
	char	   *sb = TextUtf8(PG_GETARG_TEXT_PP(1), &lb);
	CkParsed	a,
				b;
	double		r;

	if (!SumCompanyParse(sa, la, &a))
		PG_RETURN_NULL();
	if (!SumCompanyParse(sb, lb, &b))
	{
		ck_parsed_free(&a);
		PG_RETURN_NULL();
	}
	r = ck_similarity(SumLegalForms(), &a, &b);
	ck_parsed_free(&a);
	ck_parsed_free(&b);
	PG_RETURN_FLOAT8(r);
}

/*
 * sum.legal_form_key(form text) -> text: the normalized key of a legal form
 * as the matcher compares it, or NULL when it is not a usable form.
 */
Datum
sum_legal_form_key(PG_FUNCTION_ARGS)
{
	size_t		len;
	char	   *s = TextUtf8(PG_GETARG_TEXT_PP(0), &len);
	char		key[CK_FORM_MAX_BYTES + 1];
	int			ntok;
	int			n;

	if (len > 4 * CK_FORM_MAX_BYTES)
		PG_RETURN_NULL();
	n = ck_form_key(s, len, key, &ntok);
	if (n <= 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(Utf8Text(key, n));
}
