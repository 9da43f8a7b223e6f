/*-------------------------------------------------------------------------
 *
 * src/similarity_sql.c
 *	  SQL-callable string similarity functions: sum.levenshtein,
 *	  sum.damerau_levenshtein, sum.jaro_similarity,
 *	  sum.jaro_winkler_similarity, sum.jaccard, sum.token_set_similarity.
 *
 * Thin glue over the pure core in similarity.c: decode both arguments to
 * code points (a stack buffer for the usual short names, palloc for long
 * text), call the core, turn its out-of-memory signal into an error.  The
 * core calls back into CHECK_FOR_INTERRUPTS in its long loops.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "similarity.h"

PG_FUNCTION_INFO_V1(sum_levenshtein);
PG_FUNCTION_INFO_V1(sum_levenshtein_bounded);
PG_FUNCTION_INFO_V1(sum_damerau_levenshtein);
PG_FUNCTION_INFO_V1(sum_jaro_similarity);
PG_FUNCTION_INFO_V1(sum_jaro_winkler_similarity);
PG_FUNCTION_INFO_V1(sum_jaccard);
PG_FUNCTION_INFO_V1(sum_jaccard_q);
PG_FUNCTION_INFO_V1(sum_token_set_similarity);

/* Names are short: decode them on the stack */
#define SIM_STACK_CHARS 256

typedef struct CodePoints
{
	sim_char   *chars;
	size_t		len;
	sim_char	stack[SIM_STACK_CHARS];
} CodePoints;

static void
SimilarityInterrupt(void)
{
	CHECK_FOR_INTERRUPTS();
}

/*
 * DecodeText: the code points of t in cp->chars, which points into cp's own
 * stack buffer or at memory palloc'd in the current context.  In a database
 * that is not UTF-8, characters are the server's wide characters, which
 * compare equal exactly when the characters do.
 */
static void
DecodeText(text *t, CodePoints *cp)
{
	const char *s = VARDATA_ANY(t);
	size_t		nbytes = VARSIZE_ANY_EXHDR(t);

	sim_interrupt_hook = SimilarityInterrupt;
	/* one more: pg_mb2wchar_with_len writes a terminating zero */
	cp->chars = (nbytes < SIM_STACK_CHARS) ? cp->stack :
		palloc_extended((nbytes + 1) * sizeof(sim_char), MCXT_ALLOC_HUGE);

	if (GetDatabaseEncoding() == PG_UTF8)
	{
		int64_t		n = sim_utf8_decode(s, nbytes, cp->chars);

		if (n < 0)
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid byte sequence for encoding \"UTF8\"")));
		cp->len = (size_t) n;
	}
	else
		cp->len = pg_mb2wchar_with_len(s, (pg_wchar *) cp->chars, (int) nbytes);
}

static void
CheckResult(double r)
{
	if (r < 0)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("String similarity of very long strings needs more memory than is available.")));
}

/*
 * sum.levenshtein(a text, b text) -> integer: edit distance over code
 * points, no length limit.
 */
Datum
sum_levenshtein(PG_FUNCTION_ARGS)
{
	CodePoints	a,
				b;
	int64_t		d;

	DecodeText(PG_GETARG_TEXT_PP(0), &a);
	DecodeText(PG_GETARG_TEXT_PP(1), &b);
	d = sim_levenshtein(a.chars, a.len, b.chars, b.len, -1);
	CheckResult((double) d);
	PG_RETURN_INT32((int32) d);
}

/*
 * sum.levenshtein(a text, b text, max_distance integer) -> integer: the
 * distance when it is at most max_distance, else max_distance + 1.
 */
Datum
sum_levenshtein_bounded(PG_FUNCTION_ARGS)
{
	int32		max = PG_GETARG_INT32(2);
	CodePoints	a,
				b;
	int64_t		d;

	if (max < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("max_distance must not be negative: \"%d\"", max)));
	DecodeText(PG_GETARG_TEXT_PP(0), &a);
	DecodeText(PG_GETARG_TEXT_PP(1), &b);
	d = sim_levenshtein(a.chars, a.len, b.chars, b.len, max);
	CheckResult((double) d);
	/* d <= max + 1 and d <= the longer length, so it fits */
	PG_RETURN_INT32((int32) d);
}

Datum
sum_damerau_levenshtein(PG_FUNCTION_ARGS)
{
	CodePoints	a,
				b;
	int64_t		d;

	DecodeText(PG_GETARG_TEXT_PP(0), &a);
	DecodeText(PG_GETARG_TEXT_PP(1), &b);
	d = sim_damerau_levenshtein(a.chars, a.len, b.chars, b.len);
	CheckResult((double) d);
	PG_RETURN_INT32((int32) d);
}

Datum
sum_jaro_similarity(PG_FUNCTION_ARGS)
{
	CodePoints	a,
				b;
	double		r;

	DecodeText(PG_GETARG_TEXT_PP(0), &a);
	DecodeText(PG_GETARG_TEXT_PP(1), &b);
	r = sim_jaro(a.chars, a.len, b.chars, b.len);
	CheckResult(r);
	PG_RETURN_FLOAT8(r);
}

Datum
sum_jaro_winkler_similarity(PG_FUNCTION_ARGS)
{
	CodePoints	a,
				b;
	double		r;

	DecodeText(PG_GETARG_TEXT_PP(0), &a);
	DecodeText(PG_GETARG_TEXT_PP(1), &b);
	r = sim_jaro_winkler(a.chars, a.len, b.chars, b.len);
	CheckResult(r);
	PG_RETURN_FLOAT8(r);
}

static Datum
Jaccard(text *ta, text *tb, int q)
{
	CodePoints	a,
				b;
	double		r;

	if (q < 1 || q > SIM_JACCARD_MAX_Q)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("q-gram length must be between 1 and %d: \"%d\"",
						SIM_JACCARD_MAX_Q, q)));
	DecodeText(ta, &a);
	DecodeText(tb, &b);
	r = sim_jaccard(a.chars, a.len, b.chars, b.len, q);
	CheckResult(r);
	PG_RETURN_FLOAT8(r);
}

/* sum.jaccard(a, b): DuckDB's jaccard, the sets of characters */
Datum
sum_jaccard(PG_FUNCTION_ARGS)
{
	return Jaccard(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1), 1);
}

Datum
sum_jaccard_q(PG_FUNCTION_ARGS)
{
	return Jaccard(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1), PG_GETARG_INT32(2));
}

Datum
sum_token_set_similarity(PG_FUNCTION_ARGS)
{
	CodePoints	a,
				b;
	double		r;

	DecodeText(PG_GETARG_TEXT_PP(0), &a);
	DecodeText(PG_GETARG_TEXT_PP(1), &b);
	r = sim_token_set(a.chars, a.len, b.chars, b.len);
	CheckResult(r);
	PG_RETURN_FLOAT8(r);
}
