/*-------------------------------------------------------------------------
 *
 * src/people_sql.c
 *	  Person de-duplication with stable person ids
 *	  (sum.dedupe_people), and connected components over any pairs
 *	  (sum.connected_components).
 *
 * Logins are one person when they share a match key: the same email under
 * the 'match' profile (Gmail dots and +tags, googlemail...), the same full
 * name at the same corporate registrable domain, or the same value of the
 * caller's own match_key column (a CRM contact id, a phone number).
 * Instead of generating pairs, every key is hashed to the first login that
 * had it and later logins are united with that one, so clustering is one
 * pass of union-find: linear in the logins.
 *
 * Person ids survive refreshes.  Given the previous assignment (login ->
 * person id), each previous id goes to the cluster holding the login of
 * that id (ids are login ids) when that cluster still has members of the
 * person, else to the cluster holding most of its members; a cluster that
 * wins several ids (people merged) keeps the one most of its members had;
 * a new cluster takes the id of its earliest login.
 *
 * Memory: the queries are read through cursors in batches, their values
 * parsed in a context reset per batch; what lives for the whole call (login
 * ids, keys) is copied once into an arena of large blocks, and the logins
 * point at their keys' entries.  About 300 bytes per login instead of the
 * 1.6 kB a fully materialized result with per-string allocations took.
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
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "matching.h"
#include "sum.h"
#include "textfold.h"
#include "unionfind.h"

PG_FUNCTION_INFO_V1(sum_dedupe_people);
PG_FUNCTION_INFO_V1(sum_connected_components);

#define K_EMAIL		0
#define K_NAME		1
#define K_CUSTOM	2
#define K_COUNT		3

static const char *const key_kinds[K_COUNT] = {"email", "name_domain", "match_key"};

/* A text -> first node map (dynahash keyed by a 64-bit hash, verified) */
typedef struct KeyEntry
{
	uint64		hash;			/* hash key */
	char	   *key;			/* one key with this hash */
	int32		node;			/* first node seen with it */
	int32		count;			/* nodes with it */
	struct KeyEntry *next;		/* other keys with the same hash */
} KeyEntry;

static uint64
Hash64(const char *s, size_t len)
{
	uint64		h = UINT64CONST(0xcbf29ce484222325);
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * UINT64CONST(0x100000001b3);
	return h ^ (h >> 29);
}

/*
 * Arena: strings that live as long as the call, copied back to back into
 * 64 kB blocks (no per-string chunk header, no rounding up to a power of 2).
 */
typedef struct Arena
{
	MemoryContext cxt;			/* where the blocks come from */
	char	   *cur;
	size_t		left;
} Arena;

#define ARENA_BLOCK		(64 * 1024)

static char *
ArenaStrdup(Arena *a, const char *s)
{
	size_t		len = strlen(s) + 1;
	char	   *p;

	if (len > ARENA_BLOCK / 4)
		return MemoryContextStrdup(a->cxt, s);	/* a long one gets its own chunk */
	if (len > a->left)
	{
		a->cur = MemoryContextAlloc(a->cxt, ARENA_BLOCK);
		a->left = ARENA_BLOCK;
	}
	p = a->cur;
	memcpy(p, s, len);
	a->cur += len;
	a->left -= len;
	return p;
}

static HTAB *
KeyMapCreate(const char *name, long n)
{
	HASHCTL		ctl;

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(uint64);
	ctl.entrysize = sizeof(KeyEntry);
	ctl.hcxt = CurrentMemoryContext;
	return hash_create(name, Max(n, 16), &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}

/*
 * KeyMapLink: the entry of key, created for node when new.  Returns the
 * entry; *isnew tells whether it was created.  A new entry keeps a copy of
 * key in arena, or key itself when !copy (the caller's string then lives as
 * long as the map).  Entries do not move: callers keep pointers to them.
 */
static KeyEntry *
KeyMapLink(HTAB *map, const char *key, int32 node, bool *isnew, Arena *arena, bool copy)
{
	uint64		h = Hash64(key, strlen(key));
	bool		found;
	KeyEntry   *e = hash_search(map, &h, HASH_ENTER, &found);
	KeyEntry   *p;

	if (!found)
	{
		e->key = copy ? ArenaStrdup(arena, key) : (char *) key;
		e->node = node;
		e->count = 1;
		e->next = NULL;
		*isnew = true;
		return e;
	}
	for (p = e; p; p = p->next)
		if (strcmp(p->key, key) == 0)
		{
			p->count++;
			*isnew = false;
			return p;
		}
	/* a 64-bit collision: chain a second key under the same hash */
	p = MemoryContextAlloc(arena->cxt, sizeof(KeyEntry));
	p->hash = h;
	p->key = copy ? ArenaStrdup(arena, key) : (char *) key;
	p->node = node;
	p->count = 1;
	p->next = e->next;
	e->next = p;
	*isnew = true;
	return p;
}

static KeyEntry *
KeyMapFind(HTAB *map, const char *key)
{
	uint64		h = Hash64(key, strlen(key));
	KeyEntry   *e = hash_search(map, &h, HASH_FIND, NULL);

	for (; e; e = e->next)
		if (strcmp(e->key, key) == 0)
			return e;
	return NULL;
}

static int
CmpStr(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * NameKey: "name words sorted@domain" for a full name of two or more words
 * of two or more letters at a corporate domain, or NULL.
 */
static char *
NameKey(const char *full_name, const char *domain)
{
	size_t		len,
				need,
				i;
	char	   *folded;
	char	   *words[16];
	int			n = 0,
				k;
	StringInfoData buf;
	char	   *p;

	if (full_name == NULL || domain == NULL)
		return NULL;
	len = strlen(full_name);
	if (len > 512)
		return NULL;
	need = sum_fold(full_name, len, NULL, 0, true);
	if (need == SUM_FOLD_INVALID)
		return NULL;
	folded = palloc(need + 1);
	if (sum_fold(full_name, len, folded, need, true) != need)
		return NULL;
	folded[need] = '\0';
	/* words: ASCII letters and digits; everything else separates */
	for (p = folded, i = 0; i <= need; i++)
	{
		unsigned char c = (unsigned char) folded[i];
		bool		word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;

		if (!word)
		{
			folded[i] = '\0';
			if (strlen(p) >= 2 && n < (int) lengthof(words))
				words[n++] = p;
			p = folded + i + 1;
		}
	}
	if (n < 2)
		return NULL;
	qsort(words, n, sizeof(char *), CmpStr);
	initStringInfo(&buf);
	for (k = 0; k < n; k++)
	{
		if (k > 0)
			appendStringInfoChar(&buf, ' ');
		appendStringInfoString(&buf, words[k]);
	}
	appendStringInfo(&buf, "@%s", domain);
	return buf.data;
}

typedef struct Login
{
	char	   *id;
	double		created;		/* NaN when unknown */
	KeyEntry   *keys[K_COUNT];	/* entries of its prefixed keys, or NULL */
	int32		root;
} Login;

static int
CmpNodeOrder(const void *a, const void *b, void *arg)
{
	Login	   *l = arg;
	const Login *x = &l[*(const int32 *) a];
	const Login *y = &l[*(const int32 *) b];

	if (!isnan(x->created) || !isnan(y->created))
	{
		if (isnan(x->created))
			return 1;
		if (isnan(y->created))
			return -1;
		if (x->created != y->created)
			return x->created < y->created ? -1 : 1;
	}
	return strcmp(x->id, y->id);
}

typedef struct Claim
{
	char	   *pid;			/* a previous person id */
	int32		comp;			/* a cluster (root) that had members in it */
	int32		votes;			/* how many */
} Claim;

static int
CmpClaim(const void *a, const void *b)
{
	const Claim *x = a;
	const Claim *y = b;
	int			c = strcmp(x->pid, y->pid);

	if (c != 0)
		return c;
	return x->comp - y->comp;
}

static void
CheckColumns(const char *query, const char *what, const char *const *names,
			 bool *present, int n, int nrequired)
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
	for (k = 0; k < n; k++)
	{
		present[k] = false;
		for (i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);

			if (!att->attisdropped && strcmp(NameStr(att->attname), names[k]) == 0)
				present[k] = true;
		}
		if (k < nrequired && !present[k])
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("%s query has no column \"%s\"", what, names[k])));
	}
	SPI_freetuptable(SPI_tuptable);
}

static char *
NonEmpty(char *s)
{
	return (s != NULL && s[0] != '\0') ? s : NULL;
}

/* Rows read per cursor fetch: the memory of a batch is released after it */
#define BATCH_ROWS	10000

static Portal
OpenCursor(const char *sql, const char *what)
{
	SPIPlanPtr	plan = SPI_prepare(sql, 0, NULL);

	if (plan == NULL)
		elog(ERROR, "could not prepare the %s query: %s", what, SPI_result_code_string(SPI_result));
	return SPI_cursor_open(NULL, plan, NULL, NULL, true);
}

/*
 * FetchBatch: the next rows of portal into SPI_tuptable, after freeing the
 * previous ones and resetting batch, which it leaves current; false at the
 * end.
 */
static bool
FetchBatch(Portal portal, MemoryContext batch)
{
	if (SPI_tuptable)
		SPI_freetuptable(SPI_tuptable);
	SPI_cursor_fetch(portal, true, BATCH_ROWS);
	MemoryContextReset(batch);
	MemoryContextSwitchTo(batch);
	return SPI_processed > 0;
}

/* Grow a huge array of elements of size sz to hold at least need of them */
static void *
GrowArray(void *arr, int64 *cap, int64 need, size_t sz)
{
	int64		newcap;

	if (need <= *cap)
		return arr;
	newcap = Max(need, Max(*cap * 2, 1024));
	*cap = newcap;
	return repalloc_huge(arr, (Size) newcap * sz);
}

/*
 * sum.dedupe_people(logins text, previous text DEFAULT NULL): one row per
 * login: its person id, the key kinds that linked it, the person's size.
 */
Datum
sum_dedupe_people(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *logins_q;
	char	   *previous_q = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
	static const char *const cols[] = {"login_id", "email", "full_name", "created_at", "match_key"};
	bool		present[5];
	StringInfoData sql;
	MemoryContext work,
				batch,
				old;
	Arena		arena = {0};
	Portal		portal;
	Login	   *logins;
	int64		logins_cap = 1024;
	int32		n = 0,
				i,
				k;
	int32	   *links;			/* pairs of nodes that share a key */
	int64		links_cap = 1024,
				nlinks = 0,
				j;
	UfSet		uf;
	HTAB	   *keymap,
			   *ids;
	Claim	   *claims = NULL;
	int64		claims_cap = 1024;
	int			nclaims = 0;
	char	  **comp_id;
	int32	   *members,
			   *comp_size;
	Datum		kind_text[K_COUNT];

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("logins query must not be null")));
	logins_q = text_to_cstring(PG_GETARG_TEXT_PP(0));
	InitMaterializedSRF(fcinfo, 0);
	work = AllocSetContextCreate(CurrentMemoryContext, "sum dedupe_people",
								 ALLOCSET_DEFAULT_SIZES);
	batch = AllocSetContextCreate(work, "sum dedupe_people batch", ALLOCSET_DEFAULT_SIZES);
	arena.cxt = work;
	old = MemoryContextSwitchTo(work);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	MemoryContextSwitchTo(work);
	CheckColumns(logins_q, "logins", cols, present, 5, 2);
	initStringInfo(&sql);
	appendStringInfo(&sql,
					 "SELECT q.login_id::pg_catalog.text, sum.email_normalize(q.email::pg_catalog.text, 'match'),"
					 " coalesce(sum.is_freemail(q.email::pg_catalog.text) OR sum.is_disposable(q.email::pg_catalog.text), false),"
					 " q.email::pg_catalog.text, %s, %s, %s FROM (%s) AS q WHERE q.login_id IS NOT NULL",
					 present[2] ? "q.full_name::pg_catalog.text" : "NULL::pg_catalog.text",
					 present[3] ? "extract(epoch FROM q.created_at)::pg_catalog.float8" : "NULL::pg_catalog.float8",
					 present[4] ? "q.match_key::pg_catalog.text" : "NULL::pg_catalog.text",
					 logins_q);
	logins = MemoryContextAllocHuge(work, logins_cap * sizeof(Login));
	links = MemoryContextAllocHuge(work, links_cap * 2 * sizeof(int32));
	keymap = KeyMapCreate("sum dedupe keys", 1024);
	ids = KeyMapCreate("sum dedupe ids", 1024);

	portal = OpenCursor(sql.data, "logins");
	while (FetchBatch(portal, batch))
	{
		uint64		r;

		if ((uint64) n + SPI_processed >= (uint64) PG_INT32_MAX / 4)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many logins to de-duplicate: more than %d", PG_INT32_MAX / 4)));
		logins = GrowArray(logins, &logins_cap, n + (int64) SPI_processed, sizeof(Login));
		for (r = 0; r < SPI_processed; r++, n++)
		{
			HeapTuple	tup = SPI_tuptable->vals[r];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			Login	   *l = &logins[n];
			bool		isnull,
						isnew;
			bool		freemail = DatumGetBool(SPI_getbinval(tup, desc, 3, &isnull));
			char	   *email = NonEmpty(SPI_getvalue(tup, desc, 2));
			char	   *raw = NonEmpty(SPI_getvalue(tup, desc, 4));
			char	   *name = NonEmpty(SPI_getvalue(tup, desc, 5));
			char	   *custom = NonEmpty(SPI_getvalue(tup, desc, 7));
			Datum		d = SPI_getbinval(tup, desc, 6, &isnull);
			char	   *keys[K_COUNT] = {NULL, NULL, NULL};

			l->id = ArenaStrdup(&arena, SPI_getvalue(tup, desc, 1));
			l->created = isnull ? NAN : DatumGetFloat8(d);
			l->root = n;
			(void) KeyMapLink(ids, l->id, n, &isnew, &arena, false);
			if (!isnew)
				ereport(ERROR,
						(errcode(ERRCODE_UNIQUE_VIOLATION),
						 errmsg("login_id \"%s\" appears more than once in the logins query", l->id)));
			if (email)
				keys[K_EMAIL] = psprintf("e:%s", email);
			if (name && raw && !freemail)
			{
				char	   *dom = SumRegistrableDomain(raw);
				char	   *nk = dom ? NameKey(name, dom) : NULL;

				if (nk)
					keys[K_NAME] = psprintf("n:%s", nk);
			}
			if (custom)
				keys[K_CUSTOM] = psprintf("k:%s", custom);
			for (k = 0; k < K_COUNT; k++)
			{
				l->keys[k] = NULL;
				if (keys[k])
				{
					KeyEntry   *e = KeyMapLink(keymap, keys[k], n, &isnew, &arena, true);

					l->keys[k] = e;
					if (!isnew)
					{
						links = GrowArray(links, &links_cap, nlinks + 1, 2 * sizeof(int32));
						links[2 * nlinks] = e->node;
						links[2 * nlinks + 1] = n;
						nlinks++;
					}
				}
			}
			if ((r & 1023) == 0)
				CHECK_FOR_INTERRUPTS();
		}
	}
	SPI_cursor_close(portal);
	MemoryContextSwitchTo(work);
	MemoryContextReset(batch);

	if (!uf_init(&uf, n))
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	for (j = 0; j < nlinks; j++)
		uf_union(&uf, links[2 * j], links[2 * j + 1]);
	pfree(links);
	for (i = 0; i < n; i++)
		logins[i].root = uf_find(&uf, i);

	/* previous assignment: votes of clusters for previous person ids */
	if (previous_q)
	{
		static const char *const pcols[] = {"login_id", "person_id"};
		bool		ppresent[2];

		CheckColumns(previous_q, "previous", pcols, ppresent, 2, 2);
		resetStringInfo(&sql);
		appendStringInfo(&sql, "SELECT q.login_id::pg_catalog.text, q.person_id::pg_catalog.text FROM (%s) AS q"
						 " WHERE q.login_id IS NOT NULL AND q.person_id IS NOT NULL", previous_q);
		claims = MemoryContextAllocHuge(work, claims_cap * sizeof(Claim));
		portal = OpenCursor(sql.data, "previous");
		while (FetchBatch(portal, batch))
		{
			uint64		r;

			for (r = 0; r < SPI_processed; r++)
			{
				char	   *lid = SPI_getvalue(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1);
				KeyEntry   *e = KeyMapFind(ids, lid);

				if (e == NULL)
					continue;	/* a login that is gone */
				if (nclaims >= PG_INT32_MAX / 4)
					ereport(ERROR,
							(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							 errmsg("too many rows in the previous query: more than %d", PG_INT32_MAX / 4)));
				claims = GrowArray(claims, &claims_cap, nclaims + 1, sizeof(Claim));
				claims[nclaims].pid = ArenaStrdup(&arena, SPI_getvalue(SPI_tuptable->vals[r],
																	   SPI_tuptable->tupdesc, 2));
				claims[nclaims].comp = logins[e->node].root;
				claims[nclaims].votes = 1;
				nclaims++;
				if ((r & 1023) == 0)
					CHECK_FOR_INTERRUPTS();
			}
		}
		SPI_cursor_close(portal);
	}
	SPI_finish();
	MemoryContextSwitchTo(work);
	MemoryContextReset(batch);

	comp_id = palloc_extended((n + 1) * sizeof(char *), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	comp_size = palloc_extended((n + 1) * sizeof(int32), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	for (i = 0; i < n; i++)
		comp_size[logins[i].root]++;

	if (nclaims > 0)
	{
		int			a = 0,
					b;
		int32	   *best_votes = palloc_extended((n + 1) * sizeof(int32), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);

		/* merge identical (pid, comp) claims into vote counts */
		qsort(claims, nclaims, sizeof(Claim), CmpClaim);
		for (b = 1, a = 0; b < nclaims; b++)
		{
			if (strcmp(claims[b].pid, claims[a].pid) == 0 && claims[b].comp == claims[a].comp)
				claims[a].votes++;
			else
				claims[++a] = claims[b];
		}
		nclaims = a + 1;

		/* each previous id to one cluster */
		for (a = 0; a < nclaims; a = b)
		{
			int			win = a;
			KeyEntry   *self = KeyMapFind(ids, claims[a].pid);
			int32		self_comp = self ? logins[self->node].root : -1;

			for (b = a + 1; b < nclaims && strcmp(claims[b].pid, claims[a].pid) == 0; b++)
				;
			for (k = a; k < b; k++)
			{
				bool		ks = claims[k].comp == self_comp;
				bool		ws = claims[win].comp == self_comp;

				if (ks != ws ? ks : (claims[k].votes > claims[win].votes ||
									 (claims[k].votes == claims[win].votes &&
									  strcmp(logins[claims[k].comp].id, logins[claims[win].comp].id) < 0)))
					win = k;
			}
			/* a cluster that wins several ids keeps the one most of it had */
			{
				int32		c = claims[win].comp;

				if (comp_id[c] == NULL || claims[win].votes > best_votes[c] ||
					(claims[win].votes == best_votes[c] && strcmp(claims[win].pid, comp_id[c]) < 0))
				{
					comp_id[c] = claims[win].pid;
					best_votes[c] = claims[win].votes;
				}
			}
		}
	}

	/* new clusters: the id of the earliest login not already in use */
	{
		HTAB	   *used = KeyMapCreate("sum dedupe used ids", n);
		int32	   *start = palloc_extended((n + 2) * sizeof(int32), MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
		bool		isnew;

		for (i = 0; i < n; i++)
			if (comp_id[i])
				KeyMapLink(used, comp_id[i], i, &isnew, &arena, false);
		members = palloc_extended((n + 1) * sizeof(int32), MCXT_ALLOC_HUGE);
		for (i = 0; i < n; i++)
			start[logins[i].root + 1]++;
		for (i = 0; i < n; i++)
			start[i + 1] += start[i];
		{
			int32	   *fill = palloc_extended((n + 1) * sizeof(int32), MCXT_ALLOC_HUGE);

			memcpy(fill, start, (n + 1) * sizeof(int32));
			for (i = 0; i < n; i++)
				members[fill[logins[i].root]++] = i;
		}
		for (i = 0; i < n; i++)
		{
			int32		c,
						m;

			if (logins[i].root != i || comp_id[i] != NULL)
				continue;
			c = i;
			qsort_arg(members + start[c], start[c + 1] - start[c], sizeof(int32),
					  CmpNodeOrder, logins);
			for (m = start[c]; m < start[c + 1]; m++)
				if (KeyMapFind(used, logins[members[m]].id) == NULL)
				{
					comp_id[c] = logins[members[m]].id;
					break;
				}
			if (comp_id[c] == NULL)
				comp_id[c] = psprintf("%s~%d", logins[members[start[c]]].id, c);
			KeyMapLink(used, comp_id[c], c, &isnew, &arena, false);
		}
	}

	/* output, the row values in batch (the tuplestore copies them) */
	for (k = 0; k < K_COUNT; k++)
		kind_text[k] = CStringGetTextDatum(key_kinds[k]);
	MemoryContextSwitchTo(batch);
	for (i = 0; i < n; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		Datum		kinds[K_COUNT];
		int			nk = 0;

		for (k = 0; k < K_COUNT; k++)
			if (logins[i].keys[k] && logins[i].keys[k]->count > 1)
				kinds[nk++] = kind_text[k];
		values[0] = CStringGetTextDatum(logins[i].id);
		values[1] = CStringGetTextDatum(comp_id[logins[i].root]);
		values[2] = PointerGetDatum(construct_array(kinds, nk, TEXTOID, -1, false, TYPALIGN_INT));
		values[3] = Int32GetDatum(comp_size[logins[i].root]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		if ((i & 1023) == 1023)
		{
			MemoryContextReset(batch);
			CHECK_FOR_INTERRUPTS();
		}
	}
	MemoryContextSwitchTo(work);

	uf_free(&uf);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return (Datum) 0;
}

/*
 * sum.connected_components(edges text): for the pairs (a, b) of the edges
 * query, one row per node with its component, named by the smallest node
 * of the component (text order).  Union-find: linear in the edges.
 */
Datum
sum_connected_components(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *edges_q = text_to_cstring(PG_GETARG_TEXT_PP(0));
	static const char *const cols[] = {"a", "b"};
	bool		present[2];
	StringInfoData sql;
	MemoryContext work,
				batch,
				old;
	Arena		arena = {0};
	Portal		portal;
	HTAB	   *nodes;
	char	  **names;
	int64		names_cap = 1024;
	int32		n = 0,
				i;
	int32	   *ea,
			   *eb;
	int64		ea_cap = 1024,
				eb_cap = 1024;
	int64		m = 0,
				r;
	UfSet		uf;
	int32	   *least;

	InitMaterializedSRF(fcinfo, 0);
	work = AllocSetContextCreate(CurrentMemoryContext, "sum connected_components",
								 ALLOCSET_DEFAULT_SIZES);
	batch = AllocSetContextCreate(work, "sum connected_components batch", ALLOCSET_DEFAULT_SIZES);
	arena.cxt = work;
	old = MemoryContextSwitchTo(work);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	MemoryContextSwitchTo(work);
	CheckColumns(edges_q, "edges", cols, present, 2, 2);
	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT q.a::pg_catalog.text, q.b::pg_catalog.text FROM (%s) AS q", edges_q);
	nodes = KeyMapCreate("sum components nodes", 1024);
	names = MemoryContextAllocHuge(work, names_cap * sizeof(char *));
	ea = MemoryContextAllocHuge(work, ea_cap * sizeof(int32));
	eb = MemoryContextAllocHuge(work, eb_cap * sizeof(int32));
	portal = OpenCursor(sql.data, "edges");
	while (FetchBatch(portal, batch))
	{
		uint64		row;

		if ((uint64) m + SPI_processed >= (uint64) PG_INT32_MAX / 4)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many edges: more than %d", PG_INT32_MAX / 4)));
		ea = GrowArray(ea, &ea_cap, m + (int64) SPI_processed, sizeof(int32));
		eb = GrowArray(eb, &eb_cap, m + (int64) SPI_processed, sizeof(int32));
		names = GrowArray(names, &names_cap, n + 2 * (int64) SPI_processed, sizeof(char *));
		for (row = 0; row < SPI_processed; row++, m++)
		{
			int			side;

			for (side = 0; side < 2; side++)
			{
				char	   *v = SPI_getvalue(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, side + 1);
				bool		isnew;
				KeyEntry   *e;

				if (v == NULL)
				{
					(side ? eb : ea)[m] = -1;
					continue;
				}
				e = KeyMapLink(nodes, v, n, &isnew, &arena, true);
				if (isnew)
					names[n++] = e->key;
				(side ? eb : ea)[m] = e->node;
			}
			if ((row & 4095) == 0)
				CHECK_FOR_INTERRUPTS();
		}
	}
	SPI_cursor_close(portal);
	SPI_finish();
	MemoryContextSwitchTo(work);
	MemoryContextReset(batch);

	if (!uf_init(&uf, n))
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	for (r = 0; r < m; r++)
		if (ea[r] >= 0 && eb[r] >= 0)
			uf_union(&uf, ea[r], eb[r]);
	least = palloc_extended((n + 1) * sizeof(int32), MCXT_ALLOC_HUGE);
	for (i = 0; i < n; i++)
		least[i] = -1;
	for (i = 0; i < n; i++)
	{
		int32		root = uf_find(&uf, i);

		if (least[root] < 0 || strcmp(names[i], names[least[root]]) < 0)
			least[root] = i;
	}
	MemoryContextSwitchTo(batch);
	for (i = 0; i < n; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = CStringGetTextDatum(names[i]);
		values[1] = CStringGetTextDatum(names[least[uf_find(&uf, i)]]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		if ((i & 1023) == 1023)
		{
			MemoryContextReset(batch);
			CHECK_FOR_INTERRUPTS();
		}
	}
	MemoryContextSwitchTo(work);
	uf_free(&uf);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return (Datum) 0;
}
