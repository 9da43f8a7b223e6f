/*-------------------------------------------------------------------------
 *
 * companykey.h
 *	  Company keys: the string two spellings of one company share, from a
 *	  company name or a domain, with legal forms removed by a table of
 *	  forms; and the similarity of two company references.  Pure C over
 *	  ICU (through textfold) and libpsl (through domain); no PostgreSQL
 *	  headers.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_COMPANYKEY_H
#define SUM_COMPANYKEY_H

#include <stdbool.h>
#include <stddef.h>

/* Where a legal form may be removed */
#define CK_SUFFIX	1			/* at the end: "Acme GmbH" */
#define CK_PREFIX	2			/* at the start: "OOO Romashka", "PT Telkom" */

/* Longest legal form, in tokens and in bytes of its normalized form */
#define CK_FORM_MAX_TOKENS 8
#define CK_FORM_MAX_BYTES 64

/* Names longer than this (bytes) are cut before keying: no company is */
#define CK_MAX_INPUT 4096

/* The table of legal forms, built once and probed many times */
typedef struct CkForms CkForms;

/*
 * ck_forms_create: an empty table with room for nforms forms.  Memory comes
 * from sum_core_alloc (in the server: the context current at creation).
 * NULL when out of memory.
 */
extern CkForms *ck_forms_create(size_t nforms);

/*
 * ck_forms_add: add the normalized form key (from ck_form_key) with its
 * positions (CK_SUFFIX | CK_PREFIX) and token count.  Returns false when
 * the table is full or the key is invalid.
 */
extern bool ck_forms_add(CkForms *forms, const char *key, size_t len,
						 int positions, int ntokens);

extern void ck_forms_free(CkForms *forms);

/*
 * ck_form_key: the normalized key of a legal form as written ("Sp. z o.o."
 * -> "spzoo", "GmbH & Co. KG" -> "gmbhcokg"): folded, transliterated, its
 * tokens concatenated without connectors.  Writes a NUL-terminated key to
 * out (CK_FORM_MAX_BYTES + 1 bytes), sets *ntokens and returns its length;
 * -1 when the form has no letters or digits, more than CK_FORM_MAX_TOKENS
 * tokens, or a key longer than CK_FORM_MAX_BYTES.
 */
extern int	ck_form_key(const char *form, size_t len, char *out, int *ntokens);

/* What ck_parse found */
typedef struct CkParsed
{
	char	   *key;			/* the company key, NUL-terminated */
	size_t		keylen;
	bool		is_domain;		/* the input was a domain, URL or email */
	char	   *full;			/* tokens before legal-form removal, concatenated */
	size_t		fulllen;
	char	   *words;			/* tokens after removal, space separated */
	size_t		wordslen;
	int			ntokens;		/* tokens in words */
	char		initials[32];	/* first letters of the words (names only) */
	char	   *buf;			/* owns key, full and words */
} CkParsed;

/*
 * ck_parse: parse a company reference (a name, or a domain, URL or email)
 * and compute its key.  forms may be NULL (no legal forms known).
 * Returns 1 with *p filled (release with ck_parsed_free), 0 when the input
 * has no letters or digits (no key), -1 when out of memory or the input is
 * not valid UTF-8.
 */
extern int	ck_parse(const CkForms *forms, const char *in, size_t len,
					 CkParsed *p);
extern void ck_parsed_free(CkParsed *p);

/*
 * ck_similarity: similarity 0..1 of two parsed company references; see
 * companykey.c for the method.
 */
extern double ck_similarity(const CkForms *forms, const CkParsed *a,
							const CkParsed *b);

#endif							/* SUM_COMPANYKEY_H */
