/*-------------------------------------------------------------------------
 *
 * persona.h
 *	  Job title -> function and seniority: rule compiler and matcher.
 *	  Pure C over (const char *, len); no PostgreSQL headers.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_PERSONA_H
#define SUM_PERSONA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Labels of sum.seniority and sum.job_function, in their SQL declaration
 * order: the core works with these positions, the glue maps them to enum
 * values by label.  Keep in step with sum--1.0.sql.
 */
typedef enum PersonaSeniority
{
	PERSONA_SEN_UNKNOWN = 0,
	PERSONA_SEN_INTERN,
	PERSONA_SEN_ENTRY,
	PERSONA_SEN_SENIOR,
	PERSONA_SEN_MANAGER,
	PERSONA_SEN_DIRECTOR,
	PERSONA_SEN_VP,
	PERSONA_SEN_C_LEVEL,
	PERSONA_SEN_OWNER,
	PERSONA_NUM_SENIORITIES
} PersonaSeniority;

typedef enum PersonaFunction
{
	PERSONA_FN_UNKNOWN = 0,
	PERSONA_FN_GENERAL_MANAGEMENT,
	PERSONA_FN_MARKETING,
	PERSONA_FN_SALES,
	PERSONA_FN_CUSTOMER_SUCCESS,
	PERSONA_FN_ENGINEERING,
	PERSONA_FN_IT,
	PERSONA_FN_PRODUCT,
	PERSONA_FN_DESIGN,
	PERSONA_FN_DATA,
	PERSONA_FN_OPERATIONS,
	PERSONA_FN_FINANCE,
	PERSONA_FN_HR,
	PERSONA_FN_LEGAL,
	PERSONA_FN_OTHER,
	PERSONA_NUM_FUNCTIONS
} PersonaFunction;

extern const char *const persona_seniority_names[PERSONA_NUM_SENIORITIES];
extern const char *const persona_function_names[PERSONA_NUM_FUNCTIONS];

/* What a rule does when its pattern matches */
typedef enum PersonaAction
{
	PERSONA_CLASSIFY = 0,		/* contributes seniority and/or function */
	PERSONA_BLOCK,				/* same, and the rest of the segment is ignored */
	PERSONA_STOP				/* ignore from here to the end of the segment */
} PersonaAction;

extern const char *const persona_action_names[3];

/* Limits.  Titles longer than PERSONA_MAX_TITLE_BYTES are read only that far. */
#define PERSONA_MAX_PATTERN_BYTES	200
#define PERSONA_MAX_PATTERN_TOKENS	8
#define PERSONA_MAX_TOKEN_BYTES		40
#define PERSONA_MIN_AFFIX_BYTES		3
#define PERSONA_MAX_PRIORITY		100
#define PERSONA_MAX_WEIGHT			100.0f
#define PERSONA_MAX_TITLE_BYTES		1024
#define PERSONA_MAX_RULES			100000
#define PERSONA_MAX_TOTAL_PATTERN_BYTES (4 * 1024 * 1024)
#define PERSONA_MAX_DECIDING		16

typedef enum PersonaError
{
	PERSONA_OK = 0,
	PERSONA_ERR_EMPTY,			/* pattern has no word */
	PERSONA_ERR_TOO_LONG,		/* pattern longer than the limit */
	PERSONA_ERR_TOO_MANY_TOKENS,	/* more than PERSONA_MAX_PATTERN_TOKENS */
	PERSONA_ERR_TOKEN_TOO_LONG, /* a word longer than the limit */
	PERSONA_ERR_WILDCARD,		/* '*' inside a word, or alone */
	PERSONA_ERR_AFFIX_TOO_SHORT,	/* "*ab" */
	PERSONA_ERR_ANCHOR,			/* '^' not first or '$' not last */
	PERSONA_ERR_SEPARATOR,		/* | , ; / ( ) @ ... inside a pattern */
	PERSONA_ERR_ENCODING,		/* not valid UTF-8 */
	PERSONA_ERR_ACTION,
	PERSONA_ERR_SENIORITY,
	PERSONA_ERR_FUNCTION,
	PERSONA_ERR_PRIORITY,
	PERSONA_ERR_WEIGHT,
	PERSONA_ERR_TOO_MANY_RULES, /* compile: over PERSONA_MAX_RULES or total bytes */
	PERSONA_ERR_NOMEM
} PersonaError;

/* persona_error_message: one lowercase sentence fragment for an error */
extern const char *persona_error_message(PersonaError err);

/*
 * A rule as the compiler takes it.  seniority and function are positions
 * in the label arrays above, or -1 for "no effect".  weight is the function
 * evidence (0 .. PERSONA_MAX_WEIGHT), priority ranks seniority evidence
 * (0 .. PERSONA_MAX_PRIORITY; on a tie the higher seniority wins).
 */
typedef struct PersonaRuleDef
{
	const char *pattern;		/* as written; normalized by the compiler */
	size_t		pattern_len;
	PersonaAction action;
	int			seniority;
	int			function;
	float		weight;
	int			priority;
} PersonaRuleDef;

/* persona_check_rule: PERSONA_OK or why the rule is invalid */
extern PersonaError persona_check_rule(const PersonaRuleDef *rule);

/*
 * persona_normalize_pattern: the canonical form of a rule pattern, which is
 * what the matcher compares and what makes two spellings one rule: folded
 * (case, accents, other scripts), words separated by one space, wildcards
 * and anchors kept ("Head  of" -> "head of", "Geschäfts-Führer*" ->
 * "geschafts fuhrer*").  Writes at most outcap bytes (no NUL) and sets
 * *outlen; outcap >= PERSONA_MAX_PATTERN_BYTES always suffices.
 */
extern PersonaError persona_normalize_pattern(const char *in, size_t inlen,
											  char *out, size_t outcap,
											  size_t *outlen);

/*
 * persona_normalize_title: the words the matcher sees in a title, as
 * text: folded, noise dropped ("@ Company"), segments joined by " | ".
 * snprintf-like: returns the length needed, writes at most outcap bytes.
 */
extern size_t persona_normalize_title(const char *in, size_t inlen,
									  char *out, size_t outcap);

typedef struct PersonaMatcher PersonaMatcher;

/*
 * persona_compile: build a matcher from rules[0..nrules).  Invalid rules
 * and rules whose pattern repeats an earlier one are skipped and counted in
 * *nskipped (may be NULL).  Returns NULL with *err set on out-of-memory or
 * when the rules exceed PERSONA_MAX_RULES / PERSONA_MAX_TOTAL_PATTERN_BYTES.
 * Memory comes from sum_core_alloc; release it with persona_free.
 */
extern PersonaMatcher *persona_compile(const PersonaRuleDef *rules, int nrules,
									   int *nskipped, PersonaError *err);
extern void persona_free(PersonaMatcher *m);

/* Number of rules the matcher uses */
extern int	persona_rule_count(const PersonaMatcher *m);

typedef struct PersonaResult
{
	int			seniority;		/* PersonaSeniority */
	int			function;		/* PersonaFunction */
	float		confidence;		/* 0 .. 1, two decimals */
	int			ndeciding;
	int			deciding[PERSONA_MAX_DECIDING]; /* indexes into the rules given
												 * to persona_compile, in title
												 * order */
} PersonaResult;

/*
 * persona_classify: classify one title.  Empty, junk or invalid UTF-8 give
 * unknown/unknown with confidence 0.  Returns false only when scratch
 * memory could not be had (the result is then unknown too).
 */
extern bool persona_classify(const PersonaMatcher *m, const char *title,
							 size_t len, PersonaResult *result);

#endif							/* SUM_PERSONA_H */
