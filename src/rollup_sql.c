/*-------------------------------------------------------------------------
 *
 * src/rollup_sql.c
 *	  SQL face of the account rollup: the sum.account_state type, the
 *	  sum.account_rollup aggregates and their support functions, and
 *	  sum.account_summary().
 *
 * In a query the transition state is a SumRollupState (rollup.h) in the
 * aggregate context, passed as internal so that a row costs no copying; it
 * crosses process boundaries (parallel workers) in the binary format of
 * sum.account_state, which is also what sum.account_rollup_state() returns
 * for storage and what sum.account_rollup_merge() reads back.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"

#include "rollup.h"
#include "sum.h"

PG_FUNCTION_INFO_V1(sum_account_state_in);
PG_FUNCTION_INFO_V1(sum_account_state_out);
PG_FUNCTION_INFO_V1(sum_account_state_recv);
PG_FUNCTION_INFO_V1(sum_account_state_send);
PG_FUNCTION_INFO_V1(sum_account_rollup_accum_text);
PG_FUNCTION_INFO_V1(sum_account_rollup_accum_bigint);
PG_FUNCTION_INFO_V1(sum_account_rollup_accum_uuid);
PG_FUNCTION_INFO_V1(sum_account_rollup_state_accum_text);
PG_FUNCTION_INFO_V1(sum_account_rollup_state_accum_bigint);
PG_FUNCTION_INFO_V1(sum_account_rollup_state_accum_uuid);
PG_FUNCTION_INFO_V1(sum_account_rollup_combine);
PG_FUNCTION_INFO_V1(sum_account_rollup_serialize);
PG_FUNCTION_INFO_V1(sum_account_rollup_deserialize);
PG_FUNCTION_INFO_V1(sum_account_rollup_final);
PG_FUNCTION_INFO_V1(sum_account_rollup_state_final);
PG_FUNCTION_INFO_V1(sum_account_rollup_merge_accum);
PG_FUNCTION_INFO_V1(sum_account_rollup_merge_combine);
PG_FUNCTION_INFO_V1(sum_account_summary);
PG_FUNCTION_INFO_V1(sum_account_state_merge);

/* Labels of the SQL enums, in sort order; positions are what states store */
static const char *const function_labels[SUM_ROLLUP_N_FUNCTIONS] = {
	"unknown", "general_management", "marketing", "sales", "customer_success",
	"engineering", "it", "product", "design", "data", "operations", "finance",
	"hr", "legal", "other"
};
static const char *const seniority_labels[SUM_ROLLUP_N_SENIORITIES] = {
	"unknown", "intern", "entry", "senior", "manager", "director", "vp",
	"c_level", "owner"
};
static const char *const role_labels[SUM_ROLLUP_N_ROLES] = {
	"unknown", "user", "influencer", "decision_maker"
};
static const char *const stage_labels[SUM_ROLLUP_N_STAGES] = {
	"freemium", "trial", "churned", "paid"
};

/*
 * The OIDs of one enum type's values, by position, and the way back: enum
 * values of one CREATE TYPE get nearby OIDs, so a small table indexed by
 * OID - min_oid finds a position without a search.
 */
#define ENUM_LUT_SIZE 256

typedef struct EnumMap
{
	Oid			typid;
	int			n;
	Oid			oids[SUM_ROLLUP_N_FUNCTIONS];
	Oid			min_oid;
	bool		use_lut;		/* OIDs span less than ENUM_LUT_SIZE */
	uint8		lut[ENUM_LUT_SIZE]; /* position + 1, 0 = not a value */
} EnumMap;

/*
 * Milestone arrays seen at a call site, by their bytes, with the dictionary
 * bits their names have: a user's milestones are usually one of a few
 * lists, and a list seen before then costs one hash and one memcmp instead
 * of a parse and a dictionary lookup per name.  Only lists whose every
 * name went to the dictionary are remembered (the dictionary only grows,
 * so their bits stay right).  A list has two possible slots; a new list
 * takes a free one, else replaces the first.
 */
#define MS_CACHE_SLOTS 64		/* power of two */
#define MS_CACHE_MAX_BYTES 244	/* arrays of at most this many bytes */

typedef struct MilestoneListEntry
{
	uint32		len;			/* bytes of the array after its header; 0 = empty */
	uint32		hash;
	uint64		bits;			/* dictionary bits of its names */
	char		bytes[MS_CACHE_MAX_BYTES];
} MilestoneListEntry;

/*
 * Per call site (fn_extra) cache: the enum maps, and the milestone
 * dictionary of the query (SumRollupNames), which lives as long as the
 * call site so that states in any aggregate context may point to it.
 */
typedef struct RollupFnCache
{
	EnumMap		function;
	EnumMap		seniority;
	EnumMap		role;
	EnumMap		stage;
	TupleDesc	summary;		/* blessed sum.account_summary, for finals */
	bool		have_scope;		/* scope is set */
	SumRollupScope scope;		/* as_of and dictionary of this call site's states */
	int16		function_typlen;	/* of sum.job_function, for finals */
	bool		function_typbyval;
	char		function_typalign;
	SumRollupNames names;
	MilestoneListEntry lists[MS_CACHE_SLOTS];
} RollupFnCache;

/* columns of sum.account_summary, in order */
enum
{
	COL_USERS,
	COL_ACTIVE_7D,
	COL_ACTIVE_30D,
	COL_DECISION_MAKERS,
	COL_INFLUENCERS,
	COL_BEST_CONTACT,
	COL_BEST_ROLE,
	COL_BEST_SENIORITY,
	COL_BEST_FUNCTION,
	COL_CHAMPION,
	COL_CHAMPION_ACTIVITY,
	COL_FUNCTIONS,
	COL_TOP_SENIORITY,
	COL_FIRST_SIGNUP,
	COL_LAST_ACTIVITY,
	COL_RECENT_ACTIVITY,
	COL_FREEMIUM_USERS,
	COL_TRIAL_USERS,
	COL_CHURNED_USERS,
	COL_PAID_SEATS,
	COL_STAGE,
	COL_MILESTONES,
	COL_MILESTONES_TRUNCATED,
	COL_AS_OF,
	N_SUMMARY_COLS
};

/*
 * LoadEnumMap: read the values of enum type typid and check that their
 * labels are exactly the ones sum was built with, so that positions in
 * stored states keep their meaning.
 */
static void
LoadEnumMap(EnumMap *map, Oid typid, const char *const *labels, int n)
{
	CatCList   *list;
	float4		orders[SUM_ROLLUP_N_FUNCTIONS];
	int			i,
				j;

	Assert(n <= SUM_ROLLUP_N_FUNCTIONS);
	list = SearchSysCacheList1(ENUMTYPOIDNAME, ObjectIdGetDatum(typid));
	if (list->n_members != n)
	{
		ReleaseSysCacheList(list);
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("type \"%s\" does not have the values sum expects",
						format_type_be(typid)),
				 errhint("Enum types of sum must not be altered.")));
	}
	for (i = 0; i < n; i++)
		map->oids[i] = InvalidOid;
	for (i = 0; i < list->n_members; i++)
	{
		HeapTuple	tup = &list->members[i]->tuple;
		Form_pg_enum en = (Form_pg_enum) GETSTRUCT(tup);

		for (j = 0; j < n; j++)
			if (strcmp(NameStr(en->enumlabel), labels[j]) == 0)
				break;
		if (j == n || map->oids[j] != InvalidOid)
		{
			ReleaseSysCacheList(list);
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("type \"%s\" does not have the values sum expects",
							format_type_be(typid)),
					 errhint("Enum types of sum must not be altered.")));
		}
		map->oids[j] = en->oid;
		orders[j] = en->enumsortorder;
	}
	ReleaseSysCacheList(list);
	for (j = 1; j < n; j++)
		if (!(orders[j - 1] < orders[j]))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("type \"%s\" does not have the values sum expects",
							format_type_be(typid)),
					 errhint("Enum types of sum must not be altered.")));
	map->typid = typid;
	map->n = n;
	map->min_oid = map->oids[0];
	for (j = 1; j < n; j++)
		if (map->oids[j] < map->min_oid)
			map->min_oid = map->oids[j];
	map->use_lut = true;
	memset(map->lut, 0, sizeof(map->lut));
	for (j = 0; j < n; j++)
	{
		if (map->oids[j] - map->min_oid >= ENUM_LUT_SIZE)
			map->use_lut = false;
		else
			map->lut[map->oids[j] - map->min_oid] = (uint8) (j + 1);
	}
}

/* EnumPosition: position of enum value oid in map */
static inline int
EnumPosition(const EnumMap *map, Oid value)
{
	int			i;

	if (map->use_lut && value >= map->min_oid && value - map->min_oid < ENUM_LUT_SIZE &&
		map->lut[value - map->min_oid] != 0)
		return map->lut[value - map->min_oid] - 1;
	for (i = 0; i < map->n; i++)
		if (map->oids[i] == value)
			return i;
	elog(ERROR, "value %u is not a member of enum type %u", value, map->typid);
	return 0;					/* keep the compiler quiet */
}

/*
 * GetFnCache: the enum maps for this call site, built on first use in the
 * function's memory context.  argtypes are taken from the call expression;
 * the result types from a composite's columns.
 */
static RollupFnCache *
GetFnCache(FunctionCallInfo fcinfo, Oid function_type, Oid seniority_type,
		   Oid role_type, Oid stage_type)
{
	RollupFnCache *cache = (RollupFnCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RollupFnCache));
		LoadEnumMap(&cache->function, function_type, function_labels, SUM_ROLLUP_N_FUNCTIONS);
		LoadEnumMap(&cache->seniority, seniority_type, seniority_labels, SUM_ROLLUP_N_SENIORITIES);
		LoadEnumMap(&cache->role, role_type, role_labels, SUM_ROLLUP_N_ROLES);
		LoadEnumMap(&cache->stage, stage_type, stage_labels, SUM_ROLLUP_N_STAGES);
		sum_rollup_names_init(&cache->names);
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

/*
 * CheckStatus: turn a core status into the documented error.  detail is
 * the decoder's description of a malformed state.
 */
static void
CheckStatus(SumRollupStatus st, const char *detail)
{
	switch (st)
	{
		case SUM_ROLLUP_OK:
			return;
		case SUM_ROLLUP_NOMEM:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory")));
			break;
		case SUM_ROLLUP_ID_TOO_LONG:
		case SUM_ROLLUP_MILESTONE_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("%s", sum_rollup_status_message(st)),
					 errdetail("User ids are limited to %d bytes and milestone names to %d bytes.",
							   SUM_ROLLUP_MAX_ID_LEN, SUM_ROLLUP_MAX_MILESTONE_LEN)));
			break;
		case SUM_ROLLUP_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s", sum_rollup_status_message(st))));
			break;
		case SUM_ROLLUP_BAD_FORMAT:
		case SUM_ROLLUP_ID_INVALID:
		case SUM_ROLLUP_MILESTONE_INVALID:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid account state"),
					 detail ? errdetail("%c%s.", pg_toupper((unsigned char) detail[0]), detail + 1) : 0));
			break;
		case SUM_ROLLUP_AS_OF_EARLIER:
		case SUM_ROLLUP_HISTORY_LOST:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s", sum_rollup_status_message(st)),
					 errhint("Summarize a stored account state at its own as_of or later; states keep 30 days of activity history.")));
			break;
		case SUM_ROLLUP_NEGATIVE_ACTIVITY:
		case SUM_ROLLUP_AS_OF_MISMATCH:
		case SUM_ROLLUP_AS_OF_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s", sum_rollup_status_message(st))));
			break;
	}
	elog(ERROR, "unexpected account rollup status %d", (int) st);
}

static void
CheckAsOf(TimestampTz as_of)
{
	if (TIMESTAMP_NOT_FINITE(as_of) || !IS_VALID_TIMESTAMP(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of must be a finite timestamp")));
}

/* ----------------------------------------------------------------
 * The sum.account_state type
 * ---------------------------------------------------------------- */

/*
 * AllocState: room for a SumRollupState in the current memory context, for
 * sum_rollup_init*, _decode or _copy to fill.  Never pfree'd on its own: it
 * goes with its context.
 *
 * A state is 128 bytes, palloc's 128-byte size class, and is not aligned
 * beyond palloc's own alignment, on purpose.  A new group's state is
 * allocated right after nodeAgg has allocated the group's hash table entry
 * in the same context, so the two sit side by side, and a row's hash lookup
 * and state update touch one short run of memory.  In test/bench/rollups.sh
 * (100 k groups) the memory the states take slows nodeAgg's own hash
 * lookups down more than anything the transition function does: padding a
 * state to a cache line boundary (it used to be in a 512-byte chunk)
 * measured about 15 % slower than a plain chunk, and a 256-byte state about
 * 5 % slower than this one.
 */
static SumRollupState *
AllocState(void)
{
	/* not zeroed: init, decode and copy set every field */
	return (SumRollupState *) palloc(sizeof(SumRollupState));
}

/*
 * DecodeState: parse and validate an encoded state into a SumRollupState
 * allocated in the current memory context, interning milestone names in
 * names (may be NULL); errors for malformed input.
 */
static SumRollupState *
DecodeState(const char *data, int len, SumRollupNames *names)
{
	SumRollupState *state = AllocState();
	const char *detail = NULL;
	SumRollupStatus st;
	unsigned	flags;

	st = sum_rollup_decode(state, (const unsigned char *) data, (size_t) len, names, &detail);
	CheckStatus(st, detail);
	if (!IS_VALID_TIMESTAMP(sum_rollup_as_of(state)))
		CheckStatus(SUM_ROLLUP_BAD_FORMAT, "as_of is out of range");
	/* ids and names become text values: they must be valid in this database */
	flags = sum_rollup_flags(state);
	if ((!(flags & SUM_ROLLUP_BEST_NUMERIC) &&
		 !pg_verifymbstr(state->cold->best_text.data, state->cold->best_text.len, true)) ||
		((flags & SUM_ROLLUP_HAS_CHAMPION) &&
		 !(flags & SUM_ROLLUP_CHAMPION_NUMERIC) &&
		 !pg_verifymbstr(state->cold->champion_text.data, state->cold->champion_text.len, true)))
		CheckStatus(SUM_ROLLUP_BAD_FORMAT, "a user id is not valid in the database encoding");
	{
		const char *names_out[SUM_ROLLUP_MAX_MILESTONES];
		uint8_t		lens[SUM_ROLLUP_MAX_MILESTONES];
		bool		truncated;
		int			n = sum_rollup_milestones(state, names_out, lens, &truncated);

		for (int i = 0; i < n; i++)
			if (!pg_verifymbstr(names_out[i], lens[i], true))
				CheckStatus(SUM_ROLLUP_BAD_FORMAT,
							"a milestone name is not valid in the database encoding");
	}
	return state;
}

/* EncodeState: the binary format of state, as a palloc'd varlena */
static bytea *
EncodeState(const SumRollupState *state)
{
	size_t		len = sum_rollup_encode(state, NULL, 0);
	bytea	   *result;

	if (len > MaxAllocSize - VARHDRSZ)
		elog(ERROR, "account state too large");
	result = palloc(VARHDRSZ + len);
	SET_VARSIZE(result, VARHDRSZ + len);
	if (sum_rollup_encode(state, (unsigned char *) VARDATA(result), len) != len)
		elog(ERROR, "account state changed size while encoding");
	return result;
}

/* StateArg: decode the sum.account_state (or bytea) argument argno */
static SumRollupState *
StateArg(FunctionCallInfo fcinfo, int argno, SumRollupNames *names)
{
	bytea	   *raw = PG_GETARG_BYTEA_PP(argno);

	return DecodeState(VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw), names);
}

/*
 * FnNames: a milestone dictionary for this call site, for functions that
 * decode states into an aggregate (deserialization, merge).
 */
static SumRollupNames *
FnNames(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
	{
		SumRollupNames *names = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
												   sizeof(SumRollupNames));

		sum_rollup_names_init(names);
		fcinfo->flinfo->fn_extra = names;
	}
	return (SumRollupNames *) fcinfo->flinfo->fn_extra;
}

/*
 * sum_account_state_in: the text form is "\x" and the binary format in hex,
 * as for bytea; the content is validated like the binary input.
 */
Datum
sum_account_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		slen = strlen(str);
	bytea	   *result;
	size_t		n,
				i;

	if (slen < 2 || str[0] != '\\' || str[1] != 'x' || (slen - 2) % 2 != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type account_state: \"%.*s\"",
						slen > 40 ? 40 : (int) slen, str),
				 errdetail("An account state is written as \\x followed by an even number of hexadecimal digits.")));
	n = (slen - 2) / 2;
	result = palloc(VARHDRSZ + n);
	SET_VARSIZE(result, VARHDRSZ + n);
	for (i = 0; i < n; i++)
	{
		int			hi = SumHexDigit(str[2 + 2 * i]);
		int			lo = SumHexDigit(str[3 + 2 * i]);

		if (hi < 0 || lo < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type account_state: \"%.*s\"",
							slen > 40 ? 40 : (int) slen, str),
					 errdetail("\"%c%c\" is not a hexadecimal byte.",
							   str[2 + 2 * i], str[3 + 2 * i])));
		((unsigned char *) VARDATA(result))[i] = (unsigned char) (hi * 16 + lo);
	}
	/* validate: raises invalid_binary_representation with a detail */
	(void) DecodeState(VARDATA(result), (int) n, NULL);
	PG_RETURN_BYTEA_P(result);
}

Datum
sum_account_state_out(PG_FUNCTION_ARGS)
{
	bytea	   *raw = PG_GETARG_BYTEA_PP(0);
	const unsigned char *p = (const unsigned char *) VARDATA_ANY(raw);
	size_t		n = VARSIZE_ANY_EXHDR(raw);
	static const char hex[] = "0123456789abcdef";
	char	   *out = palloc(3 + 2 * n);
	size_t		i;

	out[0] = '\\';
	out[1] = 'x';
	for (i = 0; i < n; i++)
	{
		out[2 + 2 * i] = hex[p[i] >> 4];
		out[3 + 2 * i] = hex[p[i] & 15];
	}
	out[2 + 2 * n] = '\0';
	PG_RETURN_CSTRING(out);
}

Datum
sum_account_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = buf->len - buf->cursor;
	bytea	   *result;

	result = palloc(VARHDRSZ + n);
	SET_VARSIZE(result, VARHDRSZ + n);
	pq_copymsgbytes(buf, VARDATA(result), n);
	(void) DecodeState(VARDATA(result), n, NULL);
	PG_RETURN_BYTEA_P(result);
}

Datum
sum_account_state_send(PG_FUNCTION_ARGS)
{
	bytea	   *raw = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ----------------------------------------------------------------
 * Aggregate support
 * ---------------------------------------------------------------- */

typedef enum IdKind
{
	ID_TEXT,
	ID_BIGINT,
	ID_UUID
} IdKind;

static MemoryContext
AggContext(FunctionCallInfo fcinfo)
{
	MemoryContext aggctx;

	if (!AggCheckCallContext(fcinfo, &aggctx))
		elog(ERROR, "aggregate function called in non-aggregate context");
	return aggctx;
}

static Oid
ArgType(FunctionCallInfo fcinfo, int argno)
{
	Oid			t = get_fn_expr_argtype(fcinfo->flinfo, argno);

	if (!OidIsValid(t))
		elog(ERROR, "could not determine the type of argument %d", argno);
	return t;
}

/*
 * ListHash: a hash of a milestone array's bytes (len >= 16, as every array
 * is): of its length, its first dimension and its last 16 bytes, where the
 * lists of one table differ.  A collision only costs a memcmp and a miss.
 */
static inline uint32
ListHash(const char *p, size_t len)
{
	uint64		a,
				b,
				c;

	memcpy(&a, p + 8, 8);		/* elemtype, dims[0] */
	memcpy(&b, p + len - 16, 8);
	memcpy(&c, p + len - 8, 8);
	a = (a ^ len) * UINT64CONST(0x9E3779B97F4A7C15);
	b = b * UINT64CONST(0xFF51AFD7ED558CCD);
	c = c * UINT64CONST(0xC4CEB9FE1A85EC53);
	a ^= b ^ c;
	a ^= a >> 29;
	return (uint32) (a ^ (a >> 32));
}

/*
 * FindMilestoneList: look a milestone array up in cache->lists.  True with
 * *bits set when it is there; otherwise *entry is the slot to remember it
 * in (NULL when it cannot be remembered) and *hash its hash.  Reads only
 * the array and the cache, not the state.
 */
static inline bool
FindMilestoneList(RollupFnCache *cache, Datum value, uint64 *bits,
				  MilestoneListEntry **entry, uint32 *hash)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(value);
	const char *bytes;
	Size		nbytes;
	MilestoneListEntry *e,
			   *e2;

	*entry = NULL;
	if (VARATT_IS_EXTERNAL(raw))
		return false;			/* toasted or expanded: not remembered */
	if (VARATT_IS_SHORT(raw))
	{
		bytes = VARDATA_SHORT(raw);
		nbytes = VARSIZE_SHORT(raw) - VARHDRSZ_SHORT;
	}
	else if (VARATT_IS_4B_U(raw))
	{
		bytes = VARDATA(raw);
		nbytes = VARSIZE(raw) - VARHDRSZ;
	}
	else
		return false;			/* compressed: not remembered */
	if (nbytes < 16 || nbytes > MS_CACHE_MAX_BYTES)
		return false;
	*hash = ListHash(bytes, nbytes);

	/* two places a list may be in, so that two frequent lists rarely evict each other */
	e = &cache->lists[*hash & (MS_CACHE_SLOTS - 1)];
	e2 = &cache->lists[(*hash >> 16) & (MS_CACHE_SLOTS - 1)];
	if (e->len == nbytes && e->hash == *hash && memcmp(e->bytes, bytes, nbytes) == 0)
	{
		*bits = e->bits;
		return true;
	}
	if (e2->len == nbytes && e2->hash == *hash && memcmp(e2->bytes, bytes, nbytes) == 0)
	{
		*bits = e2->bits;
		return true;
	}
	*entry = (e->len != 0 && e2->len == 0) ? e2 : e;
	return false;
}

/*
 * AddMilestones: add the names of a text[] to the state, whose dictionary
 * is cache->names (this call site's: it created the state), and remember
 * the list in entry (from FindMilestoneList, may be NULL) when every name
 * went to the dictionary.  The array is walked in place (no iterator, no
 * type lookup).
 */
static void
AddMilestones(SumRollupState *state, RollupFnCache *cache, Datum value,
			  MilestoneListEntry *entry, uint32 hash, MemoryContext aggctx)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(value);
	union
	{
		int32		align;
		char		data[1024];
	}			buf;
	uint64		bits = 0;
	bool		all_interned = true;
	ArrayType  *arr;
	int			nitems;
	bits8	   *bitmap;
	char	   *p;
	MemoryContext old;

	/*
	 * VARATT_IS_SHORT is also true of a TOAST pointer and of an expanded
	 * array (array_append's result, say), whose VARSIZE_SHORT is 0: those go
	 * to DatumGetArrayTypeP.
	 */
	if (!VARATT_IS_EXTERNAL(raw) && VARATT_IS_SHORT(raw) &&
		VARSIZE_SHORT(raw) - VARHDRSZ_SHORT + VARHDRSZ <= sizeof(buf))
	{
		/* a short header, as most arrays have on disk: aligned copy on the stack */
		Size		len = VARSIZE_SHORT(raw) - VARHDRSZ_SHORT;

		SET_VARSIZE(buf.data, len + VARHDRSZ);
		memcpy(VARDATA(buf.data), VARDATA_SHORT(raw), len);
		arr = (ArrayType *) buf.data;
	}
	else
		arr = DatumGetArrayTypeP(value);
	if (ARR_ELEMTYPE(arr) != TEXTOID)
		elog(ERROR, "milestones must be a text array");
	nitems = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	bitmap = ARR_NULLBITMAP(arr);
	p = ARR_DATA_PTR(arr);

	old = MemoryContextSwitchTo(aggctx);
	for (int i = 0; i < nitems; i++)
	{
		SumRollupStatus st;
		int			index;

		if (bitmap && !(bitmap[i / 8] & (1 << (i % 8))))
			continue;			/* NULL element */
		st = sum_rollup_add_milestone_in(state, &cache->names, VARDATA_ANY(p),
										 VARSIZE_ANY_EXHDR(p), &index);
		if (st != SUM_ROLLUP_OK)
		{
			MemoryContextSwitchTo(old);
			CheckStatus(st, NULL);
		}
		if (index >= 0)
			bits |= UINT64CONST(1) << index;
		else if (index == SUM_ROLLUP_NAME_LISTED)
			all_interned = false;
		p = att_addlength_pointer(p, -1, p);
		p = (char *) att_align_nominal(p, TYPALIGN_INT);
	}
	MemoryContextSwitchTo(old);

	if (entry != NULL && all_interned)
	{
		/* FindMilestoneList gave the entry: the array is inline and fits */
		const char *bytes = VARATT_IS_SHORT(raw) ? VARDATA_SHORT(raw) : VARDATA(raw);
		Size		nbytes = VARATT_IS_SHORT(raw) ? VARSIZE_SHORT(raw) - VARHDRSZ_SHORT :
			VARSIZE(raw) - VARHDRSZ;

		Assert(nbytes <= MS_CACHE_MAX_BYTES);
		entry->len = (uint32) nbytes;
		entry->hash = hash;
		entry->bits = bits;
		memcpy(entry->bytes, bytes, nbytes);
	}
}

/*
 * RollupAccum: transition function of every sum.account_rollup variant.
 * Arguments: state, user id, function, seniority, buying role, stage,
 * signed up at, last activity at, recent activity, [milestones], as_of.
 * A row with a NULL user id is not a user and is skipped; other NULLs mean
 * "unknown".  The state lives in the aggregate context.  keep_history is
 * set for sum.account_rollup_state, whose states are stored.
 */
static Datum
RollupAccum(FunctionCallInfo fcinfo, IdKind kind, bool keep_history)
{
	MemoryContext aggctx = AggContext(fcinfo);
	SumRollupState *state = PG_ARGISNULL(0) ? NULL : (SumRollupState *) PG_GETARG_POINTER(0);
	bool		with_milestones = PG_NARGS() == 11;
	int			as_of_arg = with_milestones ? 10 : 9;
	RollupFnCache *cache;
	SumRollupRow row;
	SumRollupStatus st;
	MemoryContext old;
	char		uuidbuf[37];
	bool		have_list = false;
	uint64		list_bits = 0;
	MilestoneListEntry *list_entry = NULL;
	uint32		list_hash = 0;

	if (PG_ARGISNULL(1))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}

	cache = (RollupFnCache *) fcinfo->flinfo->fn_extra;
	if (cache == NULL)
		cache = GetFnCache(fcinfo, ArgType(fcinfo, 2), ArgType(fcinfo, 3),
						   ArgType(fcinfo, 4), ArgType(fcinfo, 5));

	memset(&row, 0, sizeof(row));
	switch (kind)
	{
		case ID_TEXT:
			{
				text	   *id = PG_GETARG_TEXT_PP(1);

				row.id_text = VARDATA_ANY(id);
				row.id_len = VARSIZE_ANY_EXHDR(id);
				break;
			}
		case ID_BIGINT:
			row.id_is_int = true;
			row.id_int = PG_GETARG_INT64(1);
			break;
		case ID_UUID:
			{
				pg_uuid_t  *u = PG_GETARG_UUID_P(1);
				static const char hex[] = "0123456789abcdef";
				int			i,
							j = 0;

				/* the canonical text form, as uuid_out writes it */
				for (i = 0; i < UUID_LEN; i++)
				{
					if (i == 4 || i == 6 || i == 8 || i == 10)
						uuidbuf[j++] = '-';
					uuidbuf[j++] = hex[u->data[i] >> 4];
					uuidbuf[j++] = hex[u->data[i] & 15];
				}
				uuidbuf[j] = '\0';
				row.id_text = uuidbuf;
				row.id_len = j;
				break;
			}
	}
	row.function = PG_ARGISNULL(2) ? 0 : EnumPosition(&cache->function, PG_GETARG_OID(2));
	row.seniority = PG_ARGISNULL(3) ? 0 : EnumPosition(&cache->seniority, PG_GETARG_OID(3));
	row.role = PG_ARGISNULL(4) ? 0 : EnumPosition(&cache->role, PG_GETARG_OID(4));
	row.stage = PG_ARGISNULL(5) ? -1 : EnumPosition(&cache->stage, PG_GETARG_OID(5));
	row.has_signup = !PG_ARGISNULL(6);
	row.signup = row.has_signup ? PG_GETARG_TIMESTAMPTZ(6) : 0;
	row.has_last = !PG_ARGISNULL(7);
	row.last = row.has_last ? PG_GETARG_TIMESTAMPTZ(7) : 0;
	row.activity = PG_ARGISNULL(8) ? 0 : PG_GETARG_INT64(8);
	if (PG_ARGISNULL(as_of_arg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("as_of must not be null")));
	row.as_of = PG_GETARG_TIMESTAMPTZ(as_of_arg);
	CheckAsOf(row.as_of);

	/* the milestone list first: it does not need the state */
	if (with_milestones && !PG_ARGISNULL(9))
		have_list = FindMilestoneList(cache, PG_GETARG_DATUM(9), &list_bits,
									  &list_entry, &list_hash);

	old = MemoryContextSwitchTo(aggctx);
	if (state == NULL)
	{
		SumRollupScope *scope = &cache->scope;

		/*
		 * The states of a call site share one scope.  It is fixed by the
		 * first row; a state of another as_of (as_of differs per group) gets
		 * a scope of its own beside it.
		 */
		if (!cache->have_scope)
		{
			scope->as_of = row.as_of;
			scope->names = &cache->names;
			scope->owned = false;
			cache->have_scope = true;
		}
		else if (row.as_of != scope->as_of)
		{
			scope = palloc(sizeof(SumRollupScope));
			scope->as_of = row.as_of;
			scope->names = &cache->names;
			scope->owned = false;
		}
		state = AllocState();
		st = sum_rollup_init_scoped(state, &row, scope, keep_history);
	}
	else
		st = sum_rollup_add(state, &row);
	MemoryContextSwitchTo(old);
	CheckStatus(st, NULL);

	if (have_list)
		state->milestone_bits |= list_bits;
	else if (with_milestones && !PG_ARGISNULL(9))
		AddMilestones(state, cache, PG_GETARG_DATUM(9), list_entry, list_hash, aggctx);
	PG_RETURN_POINTER(state);
}

Datum
sum_account_rollup_accum_text(PG_FUNCTION_ARGS)
{
	return RollupAccum(fcinfo, ID_TEXT, false);
}

Datum
sum_account_rollup_accum_bigint(PG_FUNCTION_ARGS)
{
	return RollupAccum(fcinfo, ID_BIGINT, false);
}

Datum
sum_account_rollup_accum_uuid(PG_FUNCTION_ARGS)
{
	return RollupAccum(fcinfo, ID_UUID, false);
}

/*
 * The transition functions of sum.account_rollup_state keep the activity
 * history.  They are separate SQL functions on purpose: PostgreSQL shares
 * one transition state between aggregates with the same transition function
 * and arguments, and a summary's state has no history to share.
 */
Datum
sum_account_rollup_state_accum_text(PG_FUNCTION_ARGS)
{
	return RollupAccum(fcinfo, ID_TEXT, true);
}

Datum
sum_account_rollup_state_accum_bigint(PG_FUNCTION_ARGS)
{
	return RollupAccum(fcinfo, ID_BIGINT, true);
}

Datum
sum_account_rollup_state_accum_uuid(PG_FUNCTION_ARGS)
{
	return RollupAccum(fcinfo, ID_UUID, true);
}

/*
 * CombineStates: the four cases of a combine function.  The left state is
 * updated in place; a right state alone is copied into the aggregate
 * context, never returned as is.
 */
static Datum
CombineStates(FunctionCallInfo fcinfo, bool rebase)
{
	MemoryContext aggctx = AggContext(fcinfo);
	SumRollupState *s1 = PG_ARGISNULL(0) ? NULL : (SumRollupState *) PG_GETARG_POINTER(0);
	SumRollupState *s2 = PG_ARGISNULL(1) ? NULL : (SumRollupState *) PG_GETARG_POINTER(1);
	MemoryContext old;
	SumRollupStatus st;

	if (s2 == NULL)
	{
		if (s1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s1);
	}
	old = MemoryContextSwitchTo(aggctx);
	if (s1 == NULL)
	{
		s1 = AllocState();
		st = sum_rollup_copy(s1, s2);
	}
	else
		st = sum_rollup_merge(s1, s2, rebase);
	MemoryContextSwitchTo(old);
	CheckStatus(st, NULL);
	PG_RETURN_POINTER(s1);
}

Datum
sum_account_rollup_combine(PG_FUNCTION_ARGS)
{
	return CombineStates(fcinfo, false);
}

Datum
sum_account_rollup_merge_combine(PG_FUNCTION_ARGS)
{
	return CombineStates(fcinfo, true);
}

Datum
sum_account_rollup_serialize(PG_FUNCTION_ARGS)
{
	SumRollupState *state;

	(void) AggContext(fcinfo);
	state = (SumRollupState *) PG_GETARG_POINTER(0);
	PG_RETURN_BYTEA_P(EncodeState(state));
}

/*
 * sum_account_rollup_deserialize: a state in the current context, interning
 * names in this call site's dictionary (the combine function copies it into
 * the aggregate context).
 */
Datum
sum_account_rollup_deserialize(PG_FUNCTION_ARGS)
{
	(void) AggContext(fcinfo);
	PG_RETURN_POINTER(StateArg(fcinfo, 0, FnNames(fcinfo)));
}

/*
 * sum_account_rollup_merge_accum: fold a stored sum.account_state into the
 * transition state; NULL states are skipped.  States with different as_of
 * merge to the later one.
 */
Datum
sum_account_rollup_merge_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx = AggContext(fcinfo);
	SumRollupState *state = PG_ARGISNULL(0) ? NULL : (SumRollupState *) PG_GETARG_POINTER(0);
	SumRollupState *add;
	MemoryContext old;
	SumRollupStatus st;

	if (PG_ARGISNULL(1))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}
	if (state == NULL)
	{
		/* detoast here, decode into the aggregate context */
		bytea	   *raw = PG_GETARG_BYTEA_PP(1);

		old = MemoryContextSwitchTo(aggctx);
		state = DecodeState(VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw), FnNames(fcinfo));
		MemoryContextSwitchTo(old);
		PG_RETURN_POINTER(state);
	}
	add = StateArg(fcinfo, 1, FnNames(fcinfo));
	old = MemoryContextSwitchTo(aggctx);
	st = sum_rollup_merge(state, add, true);
	MemoryContextSwitchTo(old);
	sum_rollup_free(add);
	CheckStatus(st, NULL);
	PG_RETURN_POINTER(state);
}

/* ----------------------------------------------------------------
 * Summaries
 * ---------------------------------------------------------------- */

/* IdText: a text Datum of an id given by sum_rollup_best_id and the like */
static Datum
IdText(const char *(*get) (const SumRollupState *, char *, size_t *),
	   const SumRollupState *state)
{
	char		digits[24];
	size_t		len;
	const char *text = get(state, digits, &len);

	return PointerGetDatum(cstring_to_text_with_len(text, (int) len));
}

/*
 * NewArray1: a zeroed one-dimensional array of n elements of elemtype, no
 * nulls, nbytes in all; the caller fills its data.
 */
static ArrayType *
NewArray1(Size nbytes, Oid elemtype, int n)
{
	ArrayType  *result = palloc0(nbytes);

	SET_VARSIZE(result, nbytes);
	result->ndim = 1;
	result->dataoffset = 0;
	result->elemtype = elemtype;
	ARR_DIMS(result)[0] = n;
	ARR_LBOUND(result)[0] = 1;
	return result;
}

/*
 * EnumArray: a one-dimensional array of n enum values, as construct_array
 * would build it (enums are 4-byte, by value, int-aligned), without its
 * generic per-element work: a summary is built per group.
 */
static ArrayType *
EnumArray(const Oid *elems, int n, Oid elemtype, const RollupFnCache *cache)
{
	Size		nbytes = ARR_OVERHEAD_NONULLS(1) + n * sizeof(Oid);
	ArrayType  *result;

	if (cache->function_typlen != sizeof(Oid) || !cache->function_typbyval ||
		cache->function_typalign != TYPALIGN_INT)
		elog(ERROR, "unexpected storage of type %u", elemtype);
	if (n == 0)
		return construct_empty_array(elemtype);
	result = NewArray1(nbytes, elemtype, n);
	memcpy(ARR_DATA_PTR(result), elems, n * sizeof(Oid));
	return result;
}

/*
 * TextArray: a one-dimensional text[] of n names, laid out as
 * construct_array lays out text datums (4-byte headers, int-aligned).
 */
static ArrayType *
TextArray(const char *const *names, const uint8_t *lens, int n)
{
	Size		nbytes = ARR_OVERHEAD_NONULLS(1);
	ArrayType  *result;
	char	   *p;

	if (n == 0)
		return construct_empty_array(TEXTOID);
	for (int i = 0; i < n; i++)
		nbytes += INTALIGN(VARHDRSZ + lens[i]);
	result = NewArray1(nbytes, TEXTOID, n);
	p = ARR_DATA_PTR(result);
	for (int i = 0; i < n; i++)
	{
		SET_VARSIZE(p, VARHDRSZ + lens[i]);
		memcpy(VARDATA(p), names[i], lens[i]);
		p += INTALIGN(VARHDRSZ + lens[i]);
	}
	return result;
}

/*
 * BuildSummary: the sum.account_summary row of state at as_of.  Result
 * memory is in the current context; the state is only read.
 */
static Datum
BuildSummary(FunctionCallInfo fcinfo, const SumRollupState *state, TimestampTz as_of)
{
	TupleDesc	tupdesc;
	Datum		values[N_SUMMARY_COLS];
	bool		nulls[N_SUMMARY_COLS];
	RollupFnCache *cache;
	Oid			function_type;
	int64		active_7d,
				active_30d;
	int			stage;
	bool		truncated;
	SumRollupStatus st;

	cache = (RollupFnCache *) fcinfo->flinfo->fn_extra;
	if (cache == NULL || cache->summary == NULL)
	{
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		if (tupdesc->natts != N_SUMMARY_COLS)
			elog(ERROR, "type account_summary has %d columns, expected %d",
				 tupdesc->natts, N_SUMMARY_COLS);
		function_type = get_element_type(TupleDescAttr(tupdesc, COL_FUNCTIONS)->atttypid);
		cache = GetFnCache(fcinfo, function_type,
						   TupleDescAttr(tupdesc, COL_TOP_SENIORITY)->atttypid,
						   TupleDescAttr(tupdesc, COL_BEST_ROLE)->atttypid,
						   TupleDescAttr(tupdesc, COL_STAGE)->atttypid);
		get_typlenbyvalalign(function_type, &cache->function_typlen,
							 &cache->function_typbyval, &cache->function_typalign);
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		cache->summary = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
	}
	tupdesc = cache->summary;
	function_type = cache->function.typid;

	CheckAsOf(as_of);
	st = sum_rollup_active_at(state, as_of, &active_7d, &active_30d);
	CheckStatus(st, NULL);

	memset(nulls, 0, sizeof(nulls));
	values[COL_USERS] = Int64GetDatum(state->users);
	values[COL_ACTIVE_7D] = Int64GetDatum(active_7d);
	values[COL_ACTIVE_30D] = Int64GetDatum(active_30d);
	values[COL_DECISION_MAKERS] = Int64GetDatum(state->decision_makers);
	values[COL_INFLUENCERS] = Int64GetDatum(state->influencers);
	values[COL_BEST_CONTACT] = IdText(sum_rollup_best_id, state);
	values[COL_BEST_ROLE] = ObjectIdGetDatum(cache->role.oids[state->best_role]);
	values[COL_BEST_SENIORITY] = ObjectIdGetDatum(cache->seniority.oids[state->best_seniority]);
	values[COL_BEST_FUNCTION] = ObjectIdGetDatum(cache->function.oids[state->best_function]);
	if (state->champion_activity > 0)	/* has a champion */
	{
		values[COL_CHAMPION] = IdText(sum_rollup_champion_id, state);
		values[COL_CHAMPION_ACTIVITY] = Int64GetDatum(state->champion_activity);
	}
	else
	{
		nulls[COL_CHAMPION] = true;
		nulls[COL_CHAMPION_ACTIVITY] = true;
	}
	{
		Oid			elems[SUM_ROLLUP_N_FUNCTIONS];
		uint32		functions = sum_rollup_functions(state);
		int			n = 0;

		for (int i = 1; i < SUM_ROLLUP_N_FUNCTIONS; i++)
			if (functions & (UINT32_C(1) << i))
				elems[n++] = cache->function.oids[i];
		values[COL_FUNCTIONS] = PointerGetDatum(EnumArray(elems, n, function_type, cache));
	}
	values[COL_TOP_SENIORITY] = ObjectIdGetDatum(cache->seniority.oids[state->top_seniority]);
	nulls[COL_FIRST_SIGNUP] = !state->has_first_signup;
	values[COL_FIRST_SIGNUP] = TimestampTzGetDatum(state->first_signup);
	nulls[COL_LAST_ACTIVITY] = !state->has_last_activity;
	values[COL_LAST_ACTIVITY] = TimestampTzGetDatum(state->last_activity);
	values[COL_RECENT_ACTIVITY] = Int64GetDatum(state->activity_total);
	values[COL_FREEMIUM_USERS] = Int64GetDatum(state->stage_users[0]);
	values[COL_TRIAL_USERS] = Int64GetDatum(state->stage_users[1]);
	values[COL_CHURNED_USERS] = Int64GetDatum(state->stage_users[2]);
	values[COL_PAID_SEATS] = Int64GetDatum(state->stage_users[SUM_ROLLUP_STAGE_PAID]);
	stage = sum_rollup_stage(state);
	nulls[COL_STAGE] = stage < 0;
	values[COL_STAGE] = stage < 0 ? (Datum) 0 : ObjectIdGetDatum(cache->stage.oids[stage]);
	{
		const char *names[SUM_ROLLUP_MAX_MILESTONES];
		uint8_t		lens[SUM_ROLLUP_MAX_MILESTONES];
		int			n = sum_rollup_milestones(state, names, lens, &truncated);

		values[COL_MILESTONES] = PointerGetDatum(TextArray(names, lens, n));
	}
	values[COL_MILESTONES_TRUNCATED] = BoolGetDatum(truncated);
	values[COL_AS_OF] = TimestampTzGetDatum(as_of);

	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

/* sum_account_rollup_final: the summary of an aggregate call, at its as_of */
Datum
sum_account_rollup_final(PG_FUNCTION_ARGS)
{
	SumRollupState *state;

	(void) AggContext(fcinfo);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();		/* no users: SQL's empty aggregate is NULL */
	state = (SumRollupState *) PG_GETARG_POINTER(0);
	return BuildSummary(fcinfo, state, sum_rollup_as_of(state));
}

/* sum_account_rollup_state_final: the state as a sum.account_state value */
Datum
sum_account_rollup_state_final(PG_FUNCTION_ARGS)
{
	(void) AggContext(fcinfo);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_BYTEA_P(EncodeState((SumRollupState *) PG_GETARG_POINTER(0)));
}

/*
 * sum_account_summary: sum.account_summary(state [, as_of]); without as_of
 * the state's own.
 */
Datum
sum_account_summary(PG_FUNCTION_ARGS)
{
	SumRollupState *state = StateArg(fcinfo, 0, NULL);
	TimestampTz as_of = PG_NARGS() > 1 ? PG_GETARG_TIMESTAMPTZ(1) : sum_rollup_as_of(state);
	Datum		result = BuildSummary(fcinfo, state, as_of);

	sum_rollup_free(state);
	return result;
}

/*
 * sum_account_state_merge: sum.account_state_merge(a, b), the merge of two
 * stored states (at the later as_of); NULL is the empty state.
 */
Datum
sum_account_state_merge(PG_FUNCTION_ARGS)
{
	SumRollupState *a,
			   *b;
	SumRollupStatus st;
	bytea	   *result;

	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
	{
		int			argno = PG_ARGISNULL(0) ? 1 : 0;

		/* already validated on input: return it unchanged */
		PG_RETURN_DATUM(PG_GETARG_DATUM(argno));
	}
	a = StateArg(fcinfo, 0, NULL);
	b = StateArg(fcinfo, 1, NULL);
	st = sum_rollup_merge(a, b, true);
	CheckStatus(st, NULL);
	result = EncodeState(a);
	sum_rollup_free(a);
	sum_rollup_free(b);
	PG_RETURN_BYTEA_P(result);
}
