/*-------------------------------------------------------------------------
 *
 * src/email_sql.c
 *	  SQL functions over the email core: sum.email_normalize,
 *	  sum.email_is_valid, sum.email_local, sum.email_domain,
 *	  sum.email_provider and sum.email_hash.
 *
 * The functions that take a profile are not STRICT: an unknown or NULL
 * profile is an error even when the address is NULL, so that a typo in a
 * query over a column that happens to start with NULLs cannot pass
 * unnoticed.  A NULL address still gives NULL.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/cryptohash.h"
#include "common/sha2.h"
#include "fmgr.h"
#include "utils/builtins.h"

#include "email.h"

PG_FUNCTION_INFO_V1(sum_email_normalize);
PG_FUNCTION_INFO_V1(sum_email_is_valid);
PG_FUNCTION_INFO_V1(sum_email_local);
PG_FUNCTION_INFO_V1(sum_email_domain);
PG_FUNCTION_INFO_V1(sum_email_provider);
PG_FUNCTION_INFO_V1(sum_email_hash);

/*
 * GetProfile: the profile named by argument argno; an error for NULL or an
 * unknown name.
 */
static SumEmailProfile
GetProfile(FunctionCallInfo fcinfo, int argno)
{
	text	   *name;
	int			profile;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("email normalization profile must not be null"),
				 errhint("Valid profiles are \"basic\", \"match\" and \"google_ads\".")));
	name = PG_GETARG_TEXT_PP(argno);
	profile = sum_em_profile(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name));
	if (profile < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unrecognized email normalization profile: \"%s\"",
						text_to_cstring(name)),
				 errhint("Valid profiles are \"basic\", \"match\" and \"google_ads\".")));
	return (SumEmailProfile) profile;
}

/*
 * Normalize: normalize argument 0 by profile into buf (SUM_EMAIL_BUFSIZE
 * bytes).  Returns the length, or -1 when the argument is NULL or not an
 * address.
 */
static int
Normalize(FunctionCallInfo fcinfo, SumEmailProfile profile, char *buf, int *at)
{
	text	   *email;

	if (PG_ARGISNULL(0))
		return -1;
	email = PG_GETARG_TEXT_PP(0);
	return sum_em_normalize(VARDATA_ANY(email), VARSIZE_ANY_EXHDR(email),
							   profile, buf, at);
}

/*
 * sum.email_normalize(email text, profile text DEFAULT 'match') -> text
 */
Datum
sum_email_normalize(PG_FUNCTION_ARGS)
{
	SumEmailProfile profile = GetProfile(fcinfo, 1);
	char		buf[SUM_EMAIL_BUFSIZE];
	int			n = Normalize(fcinfo, profile, buf, NULL);

	if (n < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, n));
}

/*
 * sum.email_is_valid(email text) -> boolean: does the basic profile accept
 * the address?  STRICT.
 */
Datum
sum_email_is_valid(PG_FUNCTION_ARGS)
{
	char		buf[SUM_EMAIL_BUFSIZE];

	PG_RETURN_BOOL(Normalize(fcinfo, SUM_EMAIL_BASIC, buf, NULL) >= 0);
}

/*
 * sum.email_local(email text, profile text DEFAULT 'basic') -> text: the
 * local part of the normalized address.
 */
Datum
sum_email_local(PG_FUNCTION_ARGS)
{
	SumEmailProfile profile = GetProfile(fcinfo, 1);
	char		buf[SUM_EMAIL_BUFSIZE];
	int			at;

	if (Normalize(fcinfo, profile, buf, &at) < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, at));
}

/*
 * sum.email_domain(email text, profile text DEFAULT 'basic') -> text: the
 * domain of the normalized address, in ASCII.
 */
Datum
sum_email_domain(PG_FUNCTION_ARGS)
{
	SumEmailProfile profile = GetProfile(fcinfo, 1);
	char		buf[SUM_EMAIL_BUFSIZE];
	int			at;
	int			n = Normalize(fcinfo, profile, buf, &at);

	if (n < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf + at + 1, n - at - 1));
}

/*
 * sum.email_provider(email text) -> text: the provider whose rules the
 * match profile applies, or NULL (also for non-addresses).  STRICT.
 */
Datum
sum_email_provider(PG_FUNCTION_ARGS)
{
	char		buf[SUM_EMAIL_BUFSIZE];
	int			at;
	int			n = Normalize(fcinfo, SUM_EMAIL_BASIC, buf, &at);
	const char *name;

	if (n < 0)
		PG_RETURN_NULL();
	name = sum_em_provider(buf + at + 1, (size_t) (n - at - 1));
	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(name));
}

/*
 * sum.email_hash(email text, profile text DEFAULT 'google_ads') -> text:
 * lowercase hex SHA-256 of the normalized address, through PostgreSQL's
 * cryptohash API (OpenSSL when the server is built with it).
 */
Datum
sum_email_hash(PG_FUNCTION_ARGS)
{
	static const char hex[] = "0123456789abcdef";
	SumEmailProfile profile = GetProfile(fcinfo, 1);
	char		buf[SUM_EMAIL_BUFSIZE];
	uint8		digest[PG_SHA256_DIGEST_LENGTH];
	char		out[PG_SHA256_DIGEST_LENGTH * 2];
	pg_cryptohash_ctx *ctx;
	int			n = Normalize(fcinfo, profile, buf, NULL);
	int			i;

	if (n < 0)
		PG_RETURN_NULL();

	ctx = pg_cryptohash_create(PG_SHA256);
	if (pg_cryptohash_init(ctx) < 0 ||
		pg_cryptohash_update(ctx, (const uint8 *) buf, (size_t) n) < 0 ||
		pg_cryptohash_final(ctx, digest, sizeof(digest)) < 0)
		elog(ERROR, "could not compute %s hash: %s", "SHA256",
			 pg_cryptohash_error(ctx));
	pg_cryptohash_free(ctx);

	for (i = 0; i < PG_SHA256_DIGEST_LENGTH; i++)
	{
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 0x0F];
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out, sizeof(out)));
}
