/*-------------------------------------------------------------------------
 *
 * src/fit.c
 *	  Matching of ICP fit rules against account attributes.
 *
 * A rule says how one account attribute earns points: "employees between
 * 50 and 999: +25", "country in (US, CA, GB): +15".  Account data is messy,
 * so matching is forgiving in one direction only: texts compare after case
 * and accent folding (done by the caller with sum_fold), numbers also match
 * numeric strings ("250" = 250), and a list attribute (technologies) matches
 * when its elements do.  It is never forgiving the other way: a missing
 * attribute matches nothing but "missing", and a text that is not a number
 * is never within a numeric range.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit.h"

static const char *const op_names[SUM_FIT_N_OPS] = {
	"eq", "in", "not_in", "contains_all", "contains_text", "between", "gte",
	"lte", "exists", "missing"
};

bool
sum_fit_op_parse(const char *name, size_t len, SumFitOp *op)
{
	int			i;

	for (i = 0; i < SUM_FIT_N_OPS; i++)
	{
		if (strlen(op_names[i]) == len && memcmp(op_names[i], name, len) == 0)
		{
			*op = (SumFitOp) i;
			return true;
		}
	}
	return false;
}

const char *
sum_fit_op_name(SumFitOp op)
{
	return (op >= 0 && op < SUM_FIT_N_OPS) ? op_names[op] : "?";
}

static bool
IsSpace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool
IsDigit(char c)
{
	return c >= '0' && c <= '9';
}

bool
sum_fit_parse_number(const char *s, size_t len, double *num)
{
	char		buf[64];
	size_t		i = 0,
				end;
	size_t		digits = 0;
	char	   *stop;
	double		v;

	while (len > 0 && IsSpace(s[len - 1]))
		len--;
	while (i < len && IsSpace(s[i]))
		i++;
	if (len - i == 0 || len - i >= sizeof(buf))
		return false;
	end = i;
	if (end < len && (s[end] == '+' || s[end] == '-'))
		end++;
	while (end < len && IsDigit(s[end]))
		end++, digits++;
	if (end < len && s[end] == '.')
	{
		end++;
		while (end < len && IsDigit(s[end]))
			end++, digits++;
	}
	if (digits == 0)
		return false;
	if (end < len && (s[end] == 'e' || s[end] == 'E'))
	{
		size_t		exp_digits = 0;

		end++;
		if (end < len && (s[end] == '+' || s[end] == '-'))
			end++;
		while (end < len && IsDigit(s[end]))
			end++, exp_digits++;
		if (exp_digits == 0)
			return false;
	}
	if (end != len)
		return false;
	memcpy(buf, s + i, len - i);
	buf[len - i] = '\0';
	v = strtod(buf, &stop);
	if (*stop != '\0' || !isfinite(v))
		return false;
	*num = v;
	return true;
}

const char *
sum_fit_check(const SumFitRule *rule)
{
	int			i;

	switch (rule->op)
	{
		case SUM_FIT_EQ:
			if (rule->n_values != 1)
				return "Operator \"eq\" takes one value.";
			break;
		case SUM_FIT_IN:
		case SUM_FIT_NOT_IN:
		case SUM_FIT_CONTAINS_ALL:
		case SUM_FIT_CONTAINS_TEXT:
			if (rule->n_values < 1)
				return "The operator takes a non-empty list of values.";
			if (rule->n_values > SUM_FIT_MAX_VALUES)
				return "The list of values is too long.";
			break;
		case SUM_FIT_BETWEEN:
			if (!rule->has_min && !rule->has_max)
				return "Operator \"between\" needs at least one bound.";
			if (rule->has_min && rule->has_max && rule->min > rule->max)
				return "The lower bound is above the upper bound.";
			break;
		case SUM_FIT_GTE:
			if (!rule->has_min || rule->has_max)
				return "Operator \"gte\" takes one number.";
			break;
		case SUM_FIT_LTE:
			if (!rule->has_max || rule->has_min)
				return "Operator \"lte\" takes one number.";
			break;
		case SUM_FIT_EXISTS:
		case SUM_FIT_MISSING:
			if (rule->n_values != 0 || rule->has_min || rule->has_max)
				return "The operator takes no value.";
			break;
		default:
			return "The operator is not known.";
	}
	if ((rule->has_min && !isfinite(rule->min)) || (rule->has_max && !isfinite(rule->max)))
		return "Bounds must be finite numbers.";
	for (i = 0; i < rule->n_values; i++)
	{
		if (rule->values[i].len == 0)
			return "Values must not be empty.";
		if (rule->values[i].len > SUM_FIT_MAX_TEXT)
			return "A value is too long.";
	}
	return NULL;
}

static bool
Equal(const SumFitValue *a, const SumFitValue *b)
{
	if (a->has_num && b->has_num)
		return a->num == b->num;
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

static bool
AnyEqual(const SumFitValue *attr, const SumFitRule *rule)
{
	int			i;

	for (i = 0; i < rule->n_values; i++)
		if (Equal(attr, &rule->values[i]))
			return true;
	return false;
}

static bool
ContainsText(const SumFitValue *attr, const SumFitValue *needle)
{
	size_t		i;

	if (needle->len > attr->len)
		return false;
	for (i = 0; i + needle->len <= attr->len; i++)
		if (memcmp(attr->text + i, needle->text, needle->len) == 0)
			return true;
	return false;
}

static bool
InRange(const SumFitValue *attr, const SumFitRule *rule)
{
	if (!attr->has_num)
		return false;
	if (rule->has_min && attr->num < rule->min)
		return false;
	if (rule->has_max && attr->num > rule->max)
		return false;
	return true;
}

bool
sum_fit_match(const SumFitRule *rule, bool present, const SumFitValue *attr, int n)
{
	bool		exists = false;
	int			i,
				j;

	if (present)
		for (i = 0; i < n && !exists; i++)
			exists = attr[i].len > 0;

	switch (rule->op)
	{
		case SUM_FIT_EXISTS:
			return exists;
		case SUM_FIT_MISSING:
			return !exists;
		case SUM_FIT_NOT_IN:
			if (!exists)
				return false;
			for (i = 0; i < n; i++)
				if (AnyEqual(&attr[i], rule))
					return false;
			return true;
		case SUM_FIT_CONTAINS_ALL:
			if (!exists)
				return false;
			for (j = 0; j < rule->n_values; j++)
			{
				bool		found = false;

				for (i = 0; i < n && !found; i++)
					found = Equal(&attr[i], &rule->values[j]);
				if (!found)
					return false;
			}
			return true;
		default:
			break;
	}
	if (!exists)
		return false;
	for (i = 0; i < n; i++)
	{
		switch (rule->op)
		{
			case SUM_FIT_EQ:
			case SUM_FIT_IN:
				if (AnyEqual(&attr[i], rule))
					return true;
				break;
			case SUM_FIT_CONTAINS_TEXT:
				for (j = 0; j < rule->n_values; j++)
					if (ContainsText(&attr[i], &rule->values[j]))
						return true;
				break;
			case SUM_FIT_BETWEEN:
			case SUM_FIT_GTE:
			case SUM_FIT_LTE:
				if (InRange(&attr[i], rule))
					return true;
				break;
			default:
				break;
		}
	}
	return false;
}
