/*-------------------------------------------------------------------------
 *
 * fit.h
 *	  ICP fit rules: operators, operands and matching against an account
 *	  attribute.  Pure C; no PostgreSQL headers.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_FIT_H
#define SUM_FIT_H

#include <stdbool.h>
#include <stddef.h>

#define SUM_FIT_MAX_VALUES 10000	/* operands of one rule */
#define SUM_FIT_MAX_TEXT 1000		/* bytes of one operand */
#define SUM_FIT_MAX_POINTS 1000		/* |points| of one rule */

typedef enum SumFitOp
{
	SUM_FIT_EQ,					/* equals the value */
	SUM_FIT_IN,					/* is (or has an element that is) one of the values */
	SUM_FIT_NOT_IN,				/* is present and none of its elements is */
	SUM_FIT_CONTAINS_ALL,		/* has every value among its elements */
	SUM_FIT_CONTAINS_TEXT,		/* contains one of the values as a substring */
	SUM_FIT_BETWEEN,			/* a number in [min, max]; either may be open */
	SUM_FIT_GTE,				/* a number >= the value */
	SUM_FIT_LTE,				/* a number <= the value */
	SUM_FIT_EXISTS,				/* present, not null, not empty */
	SUM_FIT_MISSING,			/* not EXISTS */
	SUM_FIT_N_OPS
} SumFitOp;

/*
 * A scalar, from an operand or an account attribute: its folded text
 * (sum_fold, trimmed) and, when the text is a plain decimal number, that
 * number.  JSON numbers have both, JSON booleans the text "true"/"false".
 * Two scalars are equal when both are numbers of equal value, or else when
 * their folded texts are equal.
 */
typedef struct SumFitValue
{
	const char *text;
	size_t		len;
	bool		has_num;
	double		num;
} SumFitValue;

typedef struct SumFitRule
{
	SumFitOp	op;
	int			n_values;
	const SumFitValue *values;	/* operands (not for BETWEEN, EXISTS, MISSING) */
	bool		has_min;		/* BETWEEN lower bound; GTE's value */
	bool		has_max;		/* BETWEEN upper bound; LTE's value */
	double		min;
	double		max;
} SumFitRule;

/* sum_fit_op_parse: the operator called name, false when there is none */
extern bool sum_fit_op_parse(const char *name, size_t len, SumFitOp *op);

/* sum_fit_op_name: the SQL name of an operator */
extern const char *sum_fit_op_name(SumFitOp op);

/*
 * sum_fit_parse_number: true when s[0..len) is a plain decimal number
 * ([+-]digits[.digits][e[+-]digits], surrounding spaces allowed; no
 * thousands separators, no inf/nan), with its value in *num.
 */
extern bool sum_fit_parse_number(const char *s, size_t len, double *num);

/*
 * sum_fit_check: NULL when rule is well formed, else a sentence saying what
 * is wrong (static string).
 */
extern const char *sum_fit_check(const SumFitRule *rule);

/*
 * sum_fit_match: does an attribute match rule?  present is false for a
 * missing key or JSON null; an array attribute passes its scalar elements
 * (n may be 0), a scalar one itself (n = 1).  Empty texts do not count
 * as present.
 */
extern bool sum_fit_match(const SumFitRule *rule, bool present,
						  const SumFitValue *attr, int n);

#endif							/* SUM_FIT_H */
