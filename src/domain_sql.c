/*-------------------------------------------------------------------------
 *
 * src/domain_sql.c
 *	  SQL functions over the domain core: sum.domain_normalize,
 *	  sum.registrable_domain, sum.is_freemail, sum.is_disposable, and the
 *	  reader of the extension's shipped data files.
 *
 * The free-mail and disposable lists are tables that users edit.  Each
 * backend keeps a hash set of the effective list, built on first use and
 * rebuilt when SumConfigGeneration() moves, which the config_changed
 * trigger on the tables causes (see config.c); a lookup is then a hash
 * probe, with no table access per call.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "config.h"
#include "domain.h"

PG_FUNCTION_INFO_V1(sum_domain_normalize);
PG_FUNCTION_INFO_V1(sum_registrable_domain);
PG_FUNCTION_INFO_V1(sum_is_freemail);
PG_FUNCTION_INFO_V1(sum_is_disposable);
PG_FUNCTION_INFO_V1(sum_data_file_lines);

/* A backend-local cache of one domain list table */
typedef struct DomainListCache
{
	const char *table;			/* table in schema sum */
	SumDomainSet *set;			/* effective list; NULL until built */
	uint64		generation;		/* SumConfigGeneration() it was built at */
	MemoryContext context;		/* holds set; child of CacheMemoryContext */
} DomainListCache;

static DomainListCache freemail_cache = {"freemail_domains", NULL, 0, NULL};
static DomainListCache disposable_cache = {"disposable_domains", NULL, 0, NULL};

/*
 * HostArg: the ASCII host of the email, URL or host name in argument 0,
 * written to buf (SUM_DOMAIN_BUFSIZE bytes); -1 when there is none.
 */
static int
HostArg(FunctionCallInfo fcinfo, char *buf, bool *nonascii)
{
	text	   *in = PG_GETARG_TEXT_PP(0);

	return sum_dom_normalize(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), buf,
							 nonascii);
}

/*
 * sum.domain_normalize(input text) -> text: the host of an email, URL or
 * host name, lowercase ASCII (IDNA), without trailing dot; NULL when there
 * is no valid Internet host name.
 */
Datum
sum_domain_normalize(PG_FUNCTION_ARGS)
{
	char		host[SUM_DOMAIN_BUFSIZE];
	int			n = HostArg(fcinfo, host, NULL);

	if (n < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(host, n));
}

/*
 * sum.registrable_domain(input text, include_private boolean) -> text.
 * The result is ASCII when the input host was ASCII (including punycode),
 * and Unicode when the input was, as libpsl and the list's own tests do.
 */
Datum
sum_registrable_domain(PG_FUNCTION_ARGS)
{
	bool		include_private = PG_GETARG_BOOL(1);
	char		host[SUM_DOMAIN_BUFSIZE];
	char		uni[SUM_DOMAIN_UNICODE_BUFSIZE];
	bool		nonascii;
	int			n = HostArg(fcinfo, host, &nonascii);
	int			start;

	if (n < 0)
		PG_RETURN_NULL();
	if (!sum_dom_psl_ready())
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not load the public suffix list"),
				 errhint("Install the Debian package \"publicsuffix\".")));
	start = sum_dom_registrable(host, include_private);
	if (start < 0)
		PG_RETURN_NULL();
	if (nonascii)
	{
		int			u = sum_dom_to_unicode(host + start, (size_t) (n - start),
										   uni, sizeof(uni));

		if (u >= 0)
			PG_RETURN_TEXT_P(cstring_to_text_with_len(uni, u));
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(host + start, n - start));
}

/*
 * LoadDomainList: (re)build cache->set from its table.  The effective list
 * is every domain with a listed row and no user row that unlists it (see
 * the tables in sum--1.0.sql).  The set is built in a fresh context that
 * replaces the old one only when complete, so an error half-way (out of
 * memory, table dropped) leaves the previous list in place.
 */
static void
LoadDomainList(DomainListCache *cache)
{
	uint64		gen = SumConfigGeneration();
	MemoryContext context;
	MemoryContext old;
	SumDomainSet *set;
	StringInfoData sql;
	size_t		total = 0;
	uint64		i;
	int			ret;

	SumConfigWatch(SumConfigRelid(cache->table));

	initStringInfo(&sql);
	appendStringInfo(&sql,
					 "SELECT d.domain FROM sum.%s d WHERE d.listed"
					 " AND NOT EXISTS (SELECT FROM sum.%s u"
					 " WHERE u.domain OPERATOR(pg_catalog.=) d.domain"
					 " AND NOT u.listed)",
					 cache->table, cache->table);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute(sql.data, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read sum.%s: %s", cache->table,
			 SPI_result_code_string(ret));

	for (i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[i],
									  SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
			total += VARSIZE_ANY_EXHDR(DatumGetPointer(d));
	}

	context = AllocSetContextCreate(CacheMemoryContext, "sum domain list",
									ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(context);
	set = sum_dset_create((size_t) SPI_processed, total);
	MemoryContextSwitchTo(old);
	if (set == NULL)
	{
		MemoryContextDelete(context);
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("Could not build the lookup set of sum.%s.",
						   cache->table)));
	}

	for (i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[i],
									  SPI_tuptable->tupdesc, 1, &isnull);
		text	   *t;

		if (isnull)
			continue;
		t = DatumGetTextPP(d);

		/*
		 * The write trigger normalizes every row; a row that somehow is not
		 * a name (too long) is skipped rather than failing every lookup.
		 */
		(void) sum_dset_add(set, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	SPI_finish();

	if (cache->context != NULL)
		MemoryContextDelete(cache->context);
	cache->context = context;
	cache->set = set;
	cache->generation = gen;
}

static Datum
ListLookup(FunctionCallInfo fcinfo, DomainListCache *cache)
{
	char		host[SUM_DOMAIN_BUFSIZE];
	int			n = HostArg(fcinfo, host, NULL);

	if (n < 0)
		PG_RETURN_NULL();
	if (cache->set == NULL || cache->generation != SumConfigGeneration())
		LoadDomainList(cache);
	PG_RETURN_BOOL(sum_dset_match(cache->set, host, (size_t) n));
}

/*
 * sum.is_freemail(input text) -> boolean: is the host of the email, URL or
 * domain, or a parent of it below its public suffix, on the free-mail list?
 */
Datum
sum_is_freemail(PG_FUNCTION_ARGS)
{
	return ListLookup(fcinfo, &freemail_cache);
}

/* sum.is_disposable(input text) -> boolean: the same for disposable */
Datum
sum_is_disposable(PG_FUNCTION_ARGS)
{
	return ListLookup(fcinfo, &disposable_cache);
}

/*
 * sum.data_file_lines(name text) -> SETOF text: the lines of the data file
 * sum_<name>.txt that `make install` put in the extension directory
 * (SHAREDIR/extension), without blank lines and "#" comments.  The install
 * script uses it to fill the domain lists.  Superuser only, and the name
 * is restricted to [a-z0-9_] so that no other file can be reached.
 */
Datum
sum_data_file_lines(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *nametext = PG_GETARG_TEXT_PP(0);
	char	   *name = text_to_cstring(nametext);
	char		sharepath[MAXPGPATH];
	char		path[MAXPGPATH];
	char		line[1024];
	FILE	   *file;
	const char *c;
	int			lineno = 0;

	if (!superuser())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("must be superuser to read the data files of extension \"sum\"")));
	if (*name == '\0' || strlen(name) > 64)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid data file name: \"%s\"", name)));
	for (c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid data file name: \"%s\"", name),
					 errdetail("Data file names consist of lowercase letters, digits and underscores.")));

	get_share_path(my_exec_path, sharepath);
	snprintf(path, sizeof(path), "%s/extension/sum_%s.txt", sharepath, name);

	/* a scalar SETOF: the executor supplies a one-column descriptor */
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);

	file = AllocateFile(path, "r");
	if (file == NULL)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open file \"%s\": %m", path),
				 errhint("Run \"make install\" for the extension \"sum\".")));

	while (fgets(line, sizeof(line), file) != NULL)
	{
		size_t		len = strlen(line);
		Datum		value;
		bool		isnull = false;

		lineno++;
		if (len == sizeof(line) - 1 && line[len - 1] != '\n')
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("line %d of file \"%s\" is too long", lineno, path)));
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
						   line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		value = PointerGetDatum(cstring_to_text_with_len(line, (int) len));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &value, &isnull);
	}
	if (ferror(file))
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read file \"%s\": %m", path)));
	FreeFile(file);

	return (Datum) 0;
}
