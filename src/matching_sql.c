/*-------------------------------------------------------------------------
 *
 * src/matching_sql.c
 *	  Lead-to-account matching: sum.match_accounts(signups, accounts).
 *
 * Design note.  The data team hands us two queries, one over its sign-ups
 * and one over its CRM accounts (column names are the contract, see the
 * README).  The accounts are read once into memory and indexed three ways:
 * by registrable domain, by company key (of the name and of the domain),
 * and by the 3-grams of the name key for fuzzy candidates.  The sign-ups
 * are then streamed through a cursor, and each walks the evidence ladder
 * (sum.settings matching.methods, in that order):
 *
 *   domain           the registrable domain of a corporate email (not
 *                    free-mail, not disposable) is an account's domain;
 *   company_key      a key of the sign-up (company name, email domain)
 *                    equals a key of an account (name, domain);
 *   fuzzy_supported  company_similarity >= matching.fuzzy_supported_threshold
 *                    and a supporting signal: same country, or the email
 *                    domain resembles the account (>= matching.support_threshold);
 *   fuzzy            company_similarity >= matching.fuzzy_threshold alone.
 *
 * A fuzzy candidate is dropped when the evidence conflicts: the sign-up's
 * corporate email domain and the account's domain are both known and name
 * different companies (different keys).
 *
 * Fuzzy candidates come only from the 3-gram index (the accounts sharing
 * the most grams with the key, at most matching.max_candidates), never
 * from all pairs.  Several accounts with equal evidence (subsidiaries
 * sharing a domain, duplicate CRM accounts) are ordered by the rules of
 * matching.tie_break; a fuzzy winner closer than matching.min_margin to a
 * different runner-up is ambiguous and not matched.  A sign-up left
 * without an account but with a corporate email gets a shadow account
 * keyed by its registrable domain.  Every row says how it was decided.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "config.h"
#include "domain.h"
#include "matching.h"
#include "sum.h"

PG_FUNCTION_INFO_V1(sum_match_accounts);

#define M_DOMAIN		0
#define M_COMPANY_KEY	1
#define M_FUZZY_SUPPORTED 2
#define M_FUZZY			3
#define M_COUNT			4

static const char *const method_names[M_COUNT] = {
	"domain", "company_key", "fuzzy_supported", "fuzzy"
};

#define T_NAME		0
#define T_COUNTRY	1
#define T_PARENT	2
#define T_PRIORITY	3
#define T_OLDEST	4
#define T_ACCOUNT_ID 5
#define T_COUNT		6

static const char *const tie_names[T_COUNT] = {
	"name", "country", "parent", "priority", "oldest", "account_id"
};

typedef struct MatchSettings
{
	int			methods[M_COUNT];
	int			nmethods;
	int			ties[T_COUNT];
	int			nties;
	double		fuzzy_threshold;
	double		supported_threshold;
	double		support_threshold;
	double		min_margin;
	int			max_candidates;
} MatchSettings;

typedef struct Account
{
	char	   *id;
	char	   *name;
	char	   *domain;			/* registrable domain, or NULL */
	char	   *country;		/* upper case, or NULL */
	char	   *parent;
	double		created;		/* epoch, NaN when unknown */
	double		priority;		/* NaN when unknown */
	bool		has_name;
	CkParsed	name_key;
	bool		has_dkey;
	CkParsed	domain_key;
	bool		is_parent;		/* some account names it as parent */
	int			ngrams;			/* distinct 3-grams of the name key */
} Account;

/* A string -> list of accounts index: open addressing, chained values */
typedef struct StrIndex
{
	uint32	   *hashes;
	const char **keys;
	int		   *heads;			/* first link, -1 for a free slot */
	uint32		mask;
	int		   *link_acc;
	int		   *link_next;
	int			nlinks;
	int			maxlinks;
} StrIndex;

typedef struct GramIndex
{
	uint32	   *gram_keys;		/* sorted distinct grams */
	int			ngrams;
	int		   *offsets;		/* postings of gram i: [offsets[i], offsets[i+1]) */
	int		   *postings;
} GramIndex;

typedef struct Candidate
{
	int			acc;
	double		score;			/* name evidence 0..1 */
	const char *what;			/* which fields gave the score */
	bool		supported;
	const char *support;
} Candidate;

/* ------------------------------------------------------------------------
 * Settings
 * ------------------------------------------------------------------------
 */

/* ParseTextArray: split a text[] literal "{a,b}" into its elements */
static List *
ParseTextArray(const char *s)
{
	List	   *out = NIL;
	const char *p = s;

	if (s == NULL)
		return NIL;
	while (*p && *p != '{')
		p++;
	if (*p == '{')
		p++;
	while (*p && *p != '}')
	{
		StringInfoData buf;

		initStringInfo(&buf);
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '"')
		{
			p++;
			while (*p && *p != '"')
				appendStringInfoChar(&buf, *p++);
			if (*p == '"')
				p++;
		}
		else
			while (*p && *p != ',' && *p != '}')
				appendStringInfoChar(&buf, *p++);
		if (buf.len > 0)
			out = lappend(out, buf.data);
	}
	return out;
}

static int
LookupName(const char *const *names, int n, const char *s)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static void
LoadMatchSettings(MatchSettings *ms)
{
	List	   *l;
	ListCell   *lc;

	ms->nmethods = 0;
	l = ParseTextArray(SumSettingText("matching.methods"));
	foreach(lc, l)
	{
		int			m = LookupName(method_names, M_COUNT, lfirst(lc));

		if (m < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown matching method in setting \"matching.methods\": \"%s\"",
							(char *) lfirst(lc)),
					 errhint("Methods are domain, company_key, fuzzy_supported and fuzzy.")));
		if (ms->nmethods < M_COUNT)
			ms->methods[ms->nmethods++] = m;
	}
	ms->nties = 0;
	l = ParseTextArray(SumSettingText("matching.tie_break"));
	foreach(lc, l)
	{
		int			t = LookupName(tie_names, T_COUNT, lfirst(lc));

		if (t < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown tie-break rule in setting \"matching.tie_break\": \"%s\"",
							(char *) lfirst(lc)),
					 errhint("Rules are name, country, parent, priority, oldest and account_id.")));
		if (ms->nties < T_COUNT)
			ms->ties[ms->nties++] = t;
	}
	ms->fuzzy_threshold = SumSettingFloat("matching.fuzzy_threshold");
	ms->supported_threshold = SumSettingFloat("matching.fuzzy_supported_threshold");
	ms->support_threshold = SumSettingFloat("matching.support_threshold");
	ms->min_margin = SumSettingFloat("matching.min_margin");
	ms->max_candidates = SumSettingInt("matching.max_candidates");
}

/* ------------------------------------------------------------------------
 * Indexes
 * ------------------------------------------------------------------------
 */
static uint32
HashStr(const char *s)
{
	uint32		h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char) *s++) * 16777619u;
	return h;
}

static void
StrIndexInit(StrIndex *ix, int maxlinks)
{
	uint32		cap = 16;
	uint32		i;

	while (cap < (uint32) maxlinks * 2)
		cap <<= 1;
	ix->mask = cap - 1;
	ix->hashes = palloc(cap * sizeof(uint32));
	ix->keys = palloc(cap * sizeof(char *));
	ix->heads = palloc(cap * sizeof(int));
	for (i = 0; i < cap; i++)
		ix->heads[i] = -1;
	ix->link_acc = palloc(Max(maxlinks, 1) * sizeof(int));
	ix->link_next = palloc(Max(maxlinks, 1) * sizeof(int));
	ix->nlinks = 0;
	ix->maxlinks = maxlinks;
}

static uint32
StrIndexSlot(const StrIndex *ix, const char *key, uint32 h)
{
	uint32		i;

	for (i = h & ix->mask;; i = (i + 1) & ix->mask)
		if (ix->heads[i] < 0 || (ix->hashes[i] == h && strcmp(ix->keys[i], key) == 0))
			return i;
}

static void
StrIndexAdd(StrIndex *ix, const char *key, int acc)
{
	uint32		h = HashStr(key);
	uint32		i = StrIndexSlot(ix, key, h);
	int			k;

	/* an account once per key */
	for (k = ix->heads[i]; k >= 0; k = ix->link_next[k])
		if (ix->link_acc[k] == acc)
			return;
	if (ix->nlinks >= ix->maxlinks)
		elog(ERROR, "string index overflow");
	k = ix->nlinks++;
	ix->link_acc[k] = acc;
	ix->link_next[k] = ix->heads[i];
	if (ix->heads[i] < 0)
	{
		ix->hashes[i] = h;
		ix->keys[i] = key;
	}
	ix->heads[i] = k;
}

/* StrIndexFirst: first link of key, -1 when absent */
static int
StrIndexFirst(const StrIndex *ix, const char *key)
{
	uint32		h = HashStr(key);

	return ix->heads[StrIndexSlot(ix, key, h)];
}

/*
 * KeyGrams: the distinct 3-grams of "^" key "$" (bytes) into out (room
 * for keylen + 2), sorted; returns how many.
 */
static int
CmpU32(const void *a, const void *b)
{
	uint32		x = *(const uint32 *) a;
	uint32		y = *(const uint32 *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

static int
KeyGrams(const char *key, size_t len, uint32 *out)
{
	int			n = 0,
				k,
				m;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		unsigned char c0 = (i == 0) ? '^' : (unsigned char) key[i - 1];
		unsigned char c1 = (unsigned char) key[i];
		unsigned char c2 = (i + 1 < len) ? (unsigned char) key[i + 1] : '$';

		out[n++] = ((uint32) c0 << 16) | ((uint32) c1 << 8) | c2;
	}
	if (n > 1)
		qsort(out, n, sizeof(uint32), CmpU32);
	for (k = 0, m = 0; k < n; k++)
		if (m == 0 || out[m - 1] != out[k])
			out[m++] = out[k];
	return m;
}

static void
GramIndexBuild(GramIndex *gx, Account *acc, int nacc)
{
	int			total = 0,
				i,
				n = 0;
	uint32	   *pairs_g;
	int		   *pairs_a;
	uint32	   *buf;
	int		   *order;
	int			maxlen = 0;

	for (i = 0; i < nacc; i++)
		if (acc[i].has_name)
		{
			total += (int) acc[i].name_key.keylen + 2;
			maxlen = Max(maxlen, (int) acc[i].name_key.keylen);
		}
	pairs_g = palloc((total + 1) * sizeof(uint32));
	pairs_a = palloc((total + 1) * sizeof(int));
	buf = palloc((maxlen + 3) * sizeof(uint32));
	for (i = 0; i < nacc; i++)
	{
		int			k,
					g;

		if (!acc[i].has_name)
			continue;
		g = KeyGrams(acc[i].name_key.key, acc[i].name_key.keylen, buf);
		acc[i].ngrams = g;
		for (k = 0; k < g; k++)
		{
			pairs_g[n] = buf[k];
			pairs_a[n] = i;
			n++;
		}
	}

	/* counting sort by gram: distinct grams first */
	order = palloc((n + 1) * sizeof(int));
	{
		uint32	   *sorted = palloc((n + 1) * sizeof(uint32));

		memcpy(sorted, pairs_g, n * sizeof(uint32));
		if (n > 1)
			qsort(sorted, n, sizeof(uint32), CmpU32);
		gx->ngrams = 0;
		gx->gram_keys = palloc((n + 1) * sizeof(uint32));
		for (i = 0; i < n; i++)
			if (gx->ngrams == 0 || gx->gram_keys[gx->ngrams - 1] != sorted[i])
				gx->gram_keys[gx->ngrams++] = sorted[i];
		pfree(sorted);
	}
	gx->offsets = palloc0((gx->ngrams + 1) * sizeof(int));
	gx->postings = palloc((n + 1) * sizeof(int));
	for (i = 0; i < n; i++)
	{
		uint32	   *hit = bsearch(&pairs_g[i], gx->gram_keys, gx->ngrams,
								  sizeof(uint32), CmpU32);

		order[i] = (int) (hit - gx->gram_keys);
		gx->offsets[order[i] + 1]++;
	}
	for (i = 0; i < gx->ngrams; i++)
		gx->offsets[i + 1] += gx->offsets[i];
	{
		int		   *fill = palloc((gx->ngrams + 1) * sizeof(int));

		memcpy(fill, gx->offsets, (gx->ngrams + 1) * sizeof(int));
		for (i = 0; i < n; i++)
			gx->postings[fill[order[i]]++] = pairs_a[i];
		pfree(fill);
	}
	pfree(order);
	pfree(pairs_g);
	pfree(pairs_a);
	pfree(buf);
}

/* ------------------------------------------------------------------------
 * Reading the inputs
 * ------------------------------------------------------------------------
 */

/* Columns: which are present, by name, in a user query */
typedef struct Columns
{
	int			n;
	const char *names[8];
	bool		present[8];
} Columns;

static void
FindColumns(const char *query, const char *what, Columns *cols, int nrequired)
{
	StringInfoData sql;
	TupleDesc	desc;
	int			i,
				k;

	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT * FROM (%s) AS q LIMIT 0", query);
	if (SumSpiExecute(sql.data) != SPI_OK_SELECT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s query must be a SELECT", what)));
	desc = SPI_tuptable->tupdesc;
	for (k = 0; k < cols->n; k++)
	{
		cols->present[k] = false;
		for (i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);

			if (!att->attisdropped && strcmp(NameStr(att->attname), cols->names[k]) == 0)
				cols->present[k] = true;
		}
		if (k < nrequired && !cols->present[k])
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("%s query has no column \"%s\"", what, cols->names[k]),
					 errhint("The %s query needs the columns %s.", what,
							 nrequired == 2 ? (strcmp(what, "signups") == 0 ?
											   "signup_id and email" : "account_id and name") : "")));
	}
	SPI_freetuptable(SPI_tuptable);
}

static char *
GetText(HeapTuple tup, TupleDesc desc, int col)
{
	char	   *v = SPI_getvalue(tup, desc, col);

	return (v != NULL && v[0] != '\0') ? v : NULL;
}

static double
GetFloat(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	return isnull ? NAN : DatumGetFloat8(d);
}

/*
 * SumRegistrableDomain: the registrable domain of an email, URL or host,
 * palloc'd, or NULL.
 */
char *
SumRegistrableDomain(const char *s)
{
	char		host[SUM_DOMAIN_BUFSIZE];
	int			n,
				reg;

	if (s == NULL)
		return NULL;
	n = sum_dom_normalize(s, strlen(s), host, NULL);
	if (n < 0)
		return NULL;
	reg = sum_dom_registrable(host, false);
	if (reg < 0)
		return NULL;
	return pstrdup(host + reg);
}

static char *
UpperCountry(const char *s)
{
	char	   *u;
	char	   *p;

	if (s == NULL)
		return NULL;
	u = pstrdup(s);
	for (p = u; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p -= 'a' - 'A';
	return u;
}

/* ------------------------------------------------------------------------
 * Ranking
 * ------------------------------------------------------------------------
 */
typedef struct SignupInfo
{
	const char *company;
	const char *country;
	CkParsed	company_key;
	bool		has_company;
	CkParsed	email_key;		/* the corporate email's domain, as a domain */
	bool		has_email_key;
	const char *email_domain;	/* registrable, corporate only */
} SignupInfo;

/*
 * CompareAccounts: < 0 when candidate x ranks before y by the tie-break
 * rules; sets *rule to the rule that decided.
 */
static int
CompareAccounts(const MatchSettings *ms, Account *acc, const Candidate *x,
				const Candidate *y, const SignupInfo *si, int *rule)
{
	int			r;

	for (r = 0; r < ms->nties; r++)
	{
		Account    *a = &acc[x->acc];
		Account    *b = &acc[y->acc];
		int			c = 0;

		*rule = ms->ties[r];
		switch (ms->ties[r])
		{
			case T_NAME:
				if (fabs(x->score - y->score) > 1e-9)
					c = x->score > y->score ? -1 : 1;
				else if (si->has_company && a->has_name && b->has_name)
				{
					/* equal keys: compare the names as written, folded */
					double		sa = ck_similarity(SumLegalForms(), &si->company_key, &a->name_key);
					double		sb = ck_similarity(SumLegalForms(), &si->company_key, &b->name_key);
					bool		fa = a->name_key.fulllen == si->company_key.fulllen &&
						strcmp(a->name_key.full, si->company_key.full) == 0;
					bool		fb = b->name_key.fulllen == si->company_key.fulllen &&
						strcmp(b->name_key.full, si->company_key.full) == 0;

					if (fa != fb)
						c = fa ? -1 : 1;
					else if (fabs(sa - sb) > 1e-9)
						c = sa > sb ? -1 : 1;
				}
				break;
			case T_COUNTRY:
				if (si->country != NULL)
				{
					bool		ma = a->country && strcmp(a->country, si->country) == 0;
					bool		mb = b->country && strcmp(b->country, si->country) == 0;

					if (ma != mb)
						c = ma ? -1 : 1;
				}
				break;
			case T_PARENT:
				{
					/* the top of a group first: no parent, or a parent of others */
					int			ra = a->parent == NULL ? 0 : (a->is_parent ? 1 : 2);
					int			rb = b->parent == NULL ? 0 : (b->is_parent ? 1 : 2);

					if (ra != rb)
						c = ra < rb ? -1 : 1;
				}
				break;
			case T_PRIORITY:
				if (!isnan(a->priority) || !isnan(b->priority))
				{
					if (isnan(a->priority))
						c = 1;
					else if (isnan(b->priority))
						c = -1;
					else if (a->priority != b->priority)
						c = a->priority > b->priority ? -1 : 1;
				}
				break;
			case T_OLDEST:
				if (!isnan(a->created) || !isnan(b->created))
				{
					if (isnan(a->created))
						c = 1;
					else if (isnan(b->created))
						c = -1;
					else if (a->created != b->created)
						c = a->created < b->created ? -1 : 1;
				}
				break;
			case T_ACCOUNT_ID:
				c = strcmp(a->id, b->id);
				break;
		}
		if (c != 0)
			return c;
	}
	*rule = -1;
	return x->acc - y->acc;
}

/* The state of one call */
typedef struct MatchState
{
	MatchSettings ms;
	Account    *acc;
	int			nacc;
	StrIndex	by_domain;
	StrIndex	by_key;
	GramIndex	grams;
	int		   *counts;			/* per account, scratch for gram counting */
	int		   *touched;
	Candidate  *cands;
	int			maxcands;
	Tuplestorestate *out;
	TupleDesc	outdesc;
} MatchState;

static void
AddCandidate(MatchState *st, int *n, int acc, double score, const char *what)
{
	int			i;

	for (i = 0; i < *n; i++)
		if (st->cands[i].acc == acc)
		{
			if (score > st->cands[i].score)
			{
				st->cands[i].score = score;
				st->cands[i].what = what;
			}
			return;
		}
	if (*n >= st->maxcands)
		return;
	st->cands[*n].acc = acc;
	st->cands[*n].score = score;
	st->cands[*n].what = what;
	st->cands[*n].supported = false;
	st->cands[*n].support = NULL;
	(*n)++;
}

/*
 * GramCandidates: accounts sharing enough 3-grams with key, best first,
 * at most limit of them, appended to acc_out; returns how many.
 */
static int
GramCandidates(MatchState *st, const CkParsed *key, int *acc_out, int limit)
{
	uint32		gbuf[256];
	uint32	   *g = gbuf;
	int			ng,
				i,
				nt = 0,
				nout = 0;
	int		   *order;
	double	   *rank;

	if (key->keylen == 0 || st->grams.ngrams == 0)
		return 0;
	if (key->keylen + 2 > lengthof(gbuf))
		g = palloc((key->keylen + 2) * sizeof(uint32));
	ng = KeyGrams(key->key, key->keylen, g);
	for (i = 0; i < ng; i++)
	{
		uint32	   *hit = bsearch(&g[i], st->grams.gram_keys, st->grams.ngrams,
								  sizeof(uint32), CmpU32);
		int			gi,
					p;

		if (hit == NULL)
			continue;
		gi = (int) (hit - st->grams.gram_keys);
		for (p = st->grams.offsets[gi]; p < st->grams.offsets[gi + 1]; p++)
		{
			int			a = st->grams.postings[p];

			if (st->counts[a]++ == 0)
				st->touched[nt++] = a;
		}
	}

	/* keep accounts that share 40% of the grams of the shorter key */
	order = palloc((nt + 1) * sizeof(int));
	rank = palloc((nt + 1) * sizeof(double));
	for (i = 0; i < nt; i++)
	{
		int			a = st->touched[i];
		int			c = st->counts[a];

		st->counts[a] = 0;
		if (c * 5 >= 2 * Min(ng, st->acc[a].ngrams))
		{
			rank[nout] = c / sqrt((double) ng * st->acc[a].ngrams);
			order[nout++] = a;
		}
	}
	/* partial selection of the best limit by rank (limit is small) */
	for (i = 0; i < Min(limit, nout); i++)
	{
		int			best = i,
					k;

		for (k = i + 1; k < nout; k++)
			if (rank[k] > rank[best] || (rank[k] == rank[best] && order[k] < order[best]))
				best = k;
		if (best != i)
		{
			int			ta = order[i];
			double		tr = rank[i];

			order[i] = order[best];
			rank[i] = rank[best];
			order[best] = ta;
			rank[best] = tr;
		}
		acc_out[i] = order[i];
	}
	nout = Min(limit, nout);
	pfree(order);
	pfree(rank);
	if (g != gbuf)
		pfree(g);
	return nout;
}

static int
CmpCandScore(const void *x, const void *y)
{
	const Candidate *a = x;
	const Candidate *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->acc - b->acc;
}

static void
EmitRow(MatchState *st, const char *signup_id, const char *account_id,
		const char *method, double score, const char *runner_id,
		double runner_score, const char *shadow, const char *evidence)
{
	Datum		values[8];
	bool		nulls[8];

	memset(nulls, 0, sizeof(nulls));
	values[0] = CStringGetTextDatum(signup_id);
	if (account_id)
		values[1] = CStringGetTextDatum(account_id);
	else
		nulls[1] = true;
	values[2] = CStringGetTextDatum(method);
	if (isnan(score))
		nulls[3] = true;
	else
		values[3] = Float8GetDatum(score);
	if (runner_id)
		values[4] = CStringGetTextDatum(runner_id);
	else
		nulls[4] = true;
	if (isnan(runner_score))
		nulls[5] = true;
	else
		values[5] = Float8GetDatum(runner_score);
	if (shadow)
		values[6] = CStringGetTextDatum(shadow);
	else
		nulls[6] = true;
	values[7] = CStringGetTextDatum(evidence);
	tuplestore_putvalues(st->out, st->outdesc, values, nulls);
}

/*
 * Decide: rank n candidates of one method and emit the match; false when
 * the method cannot decide (fuzzy winner too close to a different one).
 */
static bool
Decide(MatchState *st, int method, int n, const char *signup_id,
	   const SignupInfo *si)
{
	Candidate  *c = st->cands;
	int			ntied = 1,
				i,
				rule = -1;
	double		runner = NAN;
	const char *runner_id = NULL;
	StringInfoData ev;

	qsort(c, n, sizeof(Candidate), CmpCandScore);
	while (ntied < n && c[ntied].score == c[0].score)
		ntied++;

	/*
	 * A fuzzy winner needs a margin over every candidate of another company
	 * (another key); candidates with the winner's key are duplicates or
	 * subsidiaries, which the tie-break rules order.
	 */
	if (method == M_FUZZY || method == M_FUZZY_SUPPORTED)
	{
		const CkParsed *wk = &st->acc[c[0].acc].name_key;

		for (i = 1; i < n; i++)
		{
			const CkParsed *ok = &st->acc[c[i].acc].name_key;

			if (strcmp(ok->key, wk->key) != 0 &&
				c[0].score - c[i].score < st->ms.min_margin)
				return false;
		}
	}

	if (ntied == 1 && n > 1)
	{
		runner = c[1].score;
		runner_id = st->acc[c[1].acc].id;
	}
	else if (ntied > 1)
	{
		/* insertion sort of the tied by the tie-break rules */
		for (i = 1; i < ntied; i++)
		{
			Candidate	t = c[i];
			int			k = i - 1;
			int			r;

			while (k >= 0 && CompareAccounts(&st->ms, st->acc, &t, &c[k], si, &r) < 0)
			{
				c[k + 1] = c[k];
				k--;
			}
			c[k + 1] = t;
		}
		CompareAccounts(&st->ms, st->acc, &c[0], &c[1], si, &rule);
		runner = c[1].score;
		runner_id = st->acc[c[1].acc].id;
	}

	initStringInfo(&ev);
	switch (method)
	{
		case M_DOMAIN:
			appendStringInfo(&ev, "email domain %s = account domain", si->email_domain);
			break;
		case M_COMPANY_KEY:
			appendStringInfo(&ev, "company key \"%s\" (%s)",
							 strcmp(c[0].what, "email domain") == 0 ?
							 si->email_key.key : si->company_key.key, c[0].what);
			break;
		default:
			appendStringInfo(&ev, "company_similarity %.3f (%s)", c[0].score, c[0].what);
			if (method == M_FUZZY_SUPPORTED && c[0].support)
				appendStringInfo(&ev, ", supported by %s", c[0].support);
			break;
	}
	if (ntied > 1)
		appendStringInfo(&ev, "; %d accounts tied, decided by %s", ntied,
						 rule >= 0 ? tie_names[rule] : "input order");
	EmitRow(st, signup_id, st->acc[c[0].acc].id, method_names[method],
			c[0].score, runner_id, runner, NULL, ev.data);
	pfree(ev.data);
	return true;
}

static void
MatchSignup(MatchState *st, const char *signup_id, const char *email,
			bool freemail, const char *company, const char *country)
{
	SignupInfo	si;
	int			mi;
	bool		fuzzy_done = false;
	int			nfuzzy = 0;
	Candidate  *fuzzy = NULL;
	bool		ambiguous = false;

	memset(&si, 0, sizeof(si));
	si.company = company;
	si.country = country;
	if (company)
		si.has_company = SumCompanyParse(company, strlen(company), &si.company_key);
	if (email && !freemail)
		si.email_domain = SumRegistrableDomain(email);
	if (si.email_domain)
		si.has_email_key = SumCompanyParse(si.email_domain, strlen(si.email_domain),
										   &si.email_key);

	for (mi = 0; mi < st->ms.nmethods; mi++)
	{
		int			method = st->ms.methods[mi];
		int			n = 0,
					k,
					i;

		switch (method)
		{
			case M_DOMAIN:
				if (si.email_domain)
					for (k = StrIndexFirst(&st->by_domain, si.email_domain); k >= 0;
						 k = st->by_domain.link_next[k])
						AddCandidate(st, &n, st->by_domain.link_acc[k], 1.0, "email domain");
				break;
			case M_COMPANY_KEY:
				if (si.has_company)
					for (k = StrIndexFirst(&st->by_key, si.company_key.key); k >= 0;
						 k = st->by_key.link_next[k])
						AddCandidate(st, &n, st->by_key.link_acc[k], 1.0, "company name");
				if (si.has_email_key)
					for (k = StrIndexFirst(&st->by_key, si.email_key.key); k >= 0;
						 k = st->by_key.link_next[k])
						AddCandidate(st, &n, st->by_key.link_acc[k], 1.0, "email domain");
				break;
			case M_FUZZY_SUPPORTED:
			case M_FUZZY:
				if (!fuzzy_done)
				{
					int			ids[128];
					int			nid = 0,
								lim = Min(st->ms.max_candidates, 64);

					fuzzy_done = true;
					if (si.has_company)
						nid += GramCandidates(st, &si.company_key, ids, lim);
					if (si.has_email_key)
						nid += GramCandidates(st, &si.email_key, ids + nid, lim);
					fuzzy = palloc((nid + 1) * sizeof(Candidate));
					for (i = 0; i < nid; i++)
					{
						Account    *a = &st->acc[ids[i]];
						double		s1 = 0,
									s2 = 0,
									sup = 0;
						int			j;
						bool		dup = false;

						for (j = 0; j < nfuzzy; j++)
							if (fuzzy[j].acc == ids[i])
								dup = true;
						if (dup || !a->has_name)
							continue;

						/*
						 * Conflicting evidence: the person's company domain
						 * is not the account's, and names them differently.
						 */
						if (si.has_email_key && a->has_dkey &&
							strcmp(si.email_key.key, a->domain_key.key) != 0)
							continue;
						if (si.has_company)
							s1 = ck_similarity(SumLegalForms(), &si.company_key, &a->name_key);
						if (si.has_email_key)
						{
							s2 = ck_similarity(SumLegalForms(), &si.email_key, &a->name_key);
							sup = s2;
							if (a->has_dkey)
								sup = Max(sup, ck_similarity(SumLegalForms(), &si.email_key, &a->domain_key));
						}
						fuzzy[nfuzzy].acc = ids[i];
						fuzzy[nfuzzy].score = Max(s1, s2);
						fuzzy[nfuzzy].what = s1 >= s2 ? "company name vs account name" :
							"email domain vs account name";
						fuzzy[nfuzzy].supported = false;
						fuzzy[nfuzzy].support = NULL;
						if (si.country && a->country && strcmp(si.country, a->country) == 0)
						{
							fuzzy[nfuzzy].supported = true;
							fuzzy[nfuzzy].support = "same country";
						}
						else if (s1 >= s2 && sup >= st->ms.support_threshold)
						{
							fuzzy[nfuzzy].supported = true;
							fuzzy[nfuzzy].support = "email domain";
						}
						nfuzzy++;
					}
				}
				for (i = 0; i < nfuzzy; i++)
				{
					double		th = method == M_FUZZY ? st->ms.fuzzy_threshold :
						st->ms.supported_threshold;

					if (fuzzy[i].score >= th &&
						(method == M_FUZZY || fuzzy[i].supported))
					{
						AddCandidate(st, &n, fuzzy[i].acc, fuzzy[i].score, fuzzy[i].what);
						st->cands[n - 1].supported = fuzzy[i].supported;
						st->cands[n - 1].support = fuzzy[i].support;
					}
				}
				/* the runner-up counts even below the threshold */
				if (n > 0)
					for (i = 0; i < nfuzzy; i++)
						if (fuzzy[i].score < (method == M_FUZZY ? st->ms.fuzzy_threshold :
											  st->ms.supported_threshold))
							AddCandidate(st, &n, fuzzy[i].acc, fuzzy[i].score, fuzzy[i].what);
				break;
		}
		if (n > 0)
		{
			if (Decide(st, method, n, signup_id, &si))
				goto done;
			ambiguous = true;
		}
	}

	if (si.email_domain)
		EmitRow(st, signup_id, NULL, "shadow", NAN, NULL, NAN, si.email_domain,
				ambiguous ? "no account (fuzzy candidates too close to call); shadow account by corporate email domain" :
				"no account; shadow account by corporate email domain");
	else
		EmitRow(st, signup_id, NULL, "none", NAN, NULL, NAN, NULL,
				ambiguous ? "no account (fuzzy candidates too close to call); no corporate email domain" :
				(email && freemail) ? "no account; free-mail or disposable email" :
				"no account; no corporate email domain");

done:
	if (si.has_company)
		ck_parsed_free(&si.company_key);
	if (si.has_email_key)
		ck_parsed_free(&si.email_key);
	if (fuzzy)
		pfree(fuzzy);
}

static void
LoadAccounts(MatchState *st, const char *query)
{
	Columns		cols = {7, {"account_id", "name", "domain", "country",
	"parent_account_id", "created_at", "priority"}};
	StringInfoData sql;
	uint64		i;
	int			k,
				nkeys = 0;
	StrIndex	ids;

	FindColumns(query, "accounts", &cols, 2);
	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT q.account_id::pg_catalog.text, q.name::pg_catalog.text, %s, %s, %s, %s, %s FROM (%s) AS q"
					 " WHERE q.account_id IS NOT NULL",
					 cols.present[2] ? "q.domain::pg_catalog.text" : "NULL::pg_catalog.text",
					 cols.present[3] ? "q.country::pg_catalog.text" : "NULL::pg_catalog.text",
					 cols.present[4] ? "q.parent_account_id::pg_catalog.text" : "NULL::pg_catalog.text",
					 cols.present[5] ? "extract(epoch FROM q.created_at)::pg_catalog.float8" : "NULL::pg_catalog.float8",
					 cols.present[6] ? "q.priority::pg_catalog.float8" : "NULL::pg_catalog.float8",
					 query);
	if (SumSpiExecute(sql.data) != SPI_OK_SELECT)
		elog(ERROR, "could not read the accounts query");
	if (SPI_processed > (uint64) (MaxAllocSize / sizeof(Account)) / 4)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many accounts to match against: %llu",
						(unsigned long long) SPI_processed)));
	st->nacc = (int) SPI_processed;
	st->acc = palloc0((st->nacc + 1) * sizeof(Account));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		Account    *a = &st->acc[i];
		char	   *domain;

		a->id = SPI_getvalue(tup, desc, 1);
		a->name = GetText(tup, desc, 2);
		domain = GetText(tup, desc, 3);
		a->domain = SumRegistrableDomain(domain);
		a->country = UpperCountry(GetText(tup, desc, 4));
		a->parent = GetText(tup, desc, 5);
		a->created = GetFloat(tup, desc, 6);
		a->priority = GetFloat(tup, desc, 7);
		if (a->name)
			a->has_name = SumCompanyParse(a->name, strlen(a->name), &a->name_key);
		if (a->domain)
			a->has_dkey = SumCompanyParse(a->domain, strlen(a->domain), &a->domain_key);
		nkeys += a->has_name + a->has_dkey;
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	SPI_freetuptable(SPI_tuptable);

	StrIndexInit(&st->by_domain, st->nacc);
	StrIndexInit(&st->by_key, nkeys);
	StrIndexInit(&ids, st->nacc);
	for (k = 0; k < st->nacc; k++)
	{
		Account    *a = &st->acc[k];

		if (a->domain)
			StrIndexAdd(&st->by_domain, a->domain, k);
		if (a->has_name)
			StrIndexAdd(&st->by_key, a->name_key.key, k);
		if (a->has_dkey)
			StrIndexAdd(&st->by_key, a->domain_key.key, k);
		StrIndexAdd(&ids, a->id, k);
	}
	/* which accounts are parents of others (tie-break rule "parent") */
	for (k = 0; k < st->nacc; k++)
		if (st->acc[k].parent)
		{
			int			l = StrIndexFirst(&ids, st->acc[k].parent);

			if (l >= 0)
				st->acc[ids.link_acc[l]].is_parent = true;
		}
	GramIndexBuild(&st->grams, st->acc, st->nacc);
	st->counts = palloc0((st->nacc + 1) * sizeof(int));
	st->touched = palloc((st->nacc + 1) * sizeof(int));
}

/*
 * sum.match_accounts(signups text, accounts text): one row per sign-up of
 * the signups query, matched to an account of the accounts query.  The
 * queries run as the calling user with the caller's search_path, so that
 * they can name the caller's tables as the caller would.
 */
Datum
sum_match_accounts(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *signups = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *accounts = text_to_cstring(PG_GETARG_TEXT_PP(1));
	MatchState	st;
	MemoryContext work,
				batch,
				old;
	Columns		cols = {4, {"signup_id", "email", "company_name", "country"}};
	StringInfoData sql;
	Portal		portal;
	SPIPlanPtr	plan;

	InitMaterializedSRF(fcinfo, 0);
	memset(&st, 0, sizeof(st));
	st.out = rsinfo->setResult;
	st.outdesc = rsinfo->setDesc;

	work = AllocSetContextCreate(CurrentMemoryContext, "sum match_accounts",
								 ALLOCSET_DEFAULT_SIZES);
	batch = AllocSetContextCreate(work, "sum match_accounts batch",
								  ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(work);

	LoadMatchSettings(&st.ms);
	(void) SumLegalForms();
	st.maxcands = 256;
	st.cands = palloc(st.maxcands * sizeof(Candidate));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	MemoryContextSwitchTo(work);
	LoadAccounts(&st, accounts);

	FindColumns(signups, "signups", &cols, 2);
	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT q.signup_id::pg_catalog.text, q.email::pg_catalog.text,"
					 " coalesce(sum.is_freemail(q.email::pg_catalog.text) OR sum.is_disposable(q.email::pg_catalog.text), false),"
					 " %s, %s FROM (%s) AS q WHERE q.signup_id IS NOT NULL",
					 cols.present[2] ? "q.company_name::pg_catalog.text" : "NULL::pg_catalog.text",
					 cols.present[3] ? "q.country::pg_catalog.text" : "NULL::pg_catalog.text",
					 signups);
	plan = SPI_prepare(sql.data, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "could not prepare the signups query: %s",
			 SPI_result_code_string(SPI_result));
	portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);
	for (;;)
	{
		uint64		i;

		SPI_cursor_fetch(portal, true, 5000);
		if (SPI_processed == 0)
			break;
		MemoryContextSwitchTo(batch);
		for (i = 0; i < SPI_processed; i++)
		{
			HeapTuple	tup = SPI_tuptable->vals[i];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			bool		isnull;
			bool		freemail = DatumGetBool(SPI_getbinval(tup, desc, 3, &isnull));

			MatchSignup(&st, SPI_getvalue(tup, desc, 1), GetText(tup, desc, 2),
						freemail, GetText(tup, desc, 4),
						UpperCountry(GetText(tup, desc, 5)));
			if ((i & 255) == 0)
				CHECK_FOR_INTERRUPTS();
		}
		MemoryContextSwitchTo(work);
		MemoryContextReset(batch);
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);
	SPI_finish();

	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return (Datum) 0;
}
