/*
 * test/unit/fit_test.c
 *	  Unit tests of ICP rule matching: numbers in text, operators, lists,
 *	  missing attributes and rule checks.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <math.h>

#include "fit.h"
#include "tap.h"

/* V: a folded scalar as the glue would make it */
static SumFitValue
V(const char *text)
{
	SumFitValue v;

	v.text = text;
	v.len = strlen(text);
	v.has_num = sum_fit_parse_number(text, v.len, &v.num);
	return v;
}

static bool
Match(SumFitOp op, const SumFitValue *vals, int nvals, const SumFitValue *attr, int n)
{
	SumFitRule	r;

	memset(&r, 0, sizeof(r));
	r.op = op;
	r.values = vals;
	r.n_values = nvals;
	return sum_fit_match(&r, true, attr, n);
}

int
main(void)
{
	double		d;
	SumFitOp	op;
	SumFitRule	r;
	SumFitValue us = V("us"),
				gb = V("gb"),
				n250 = V("250"),
				n250f = V("250.0"),
				empty = V(""),
				hubspot = V("hubspot"),
				slack = V("slack"),
				sw = V("computer software"),
				soft = V("software");
	SumFitValue list[2];
	SumFitValue attrs[2];

	ok(sum_fit_parse_number("42", 2, &d) && d == 42, "integer");
	ok(sum_fit_parse_number(" -1.5e3 ", 8, &d) && d == -1500, "signed exponent with spaces");
	ok(!sum_fit_parse_number("1,000", 5, &d), "thousands separator is text");
	ok(!sum_fit_parse_number("inf", 3, &d) && !sum_fit_parse_number("nan", 3, &d), "inf and nan are text");
	ok(!sum_fit_parse_number("0x10", 4, &d), "hex is text");
	ok(!sum_fit_parse_number("", 0, &d) && !sum_fit_parse_number(".", 1, &d), "empty and a dot are text");
	ok(!sum_fit_parse_number("1e999", 5, &d), "overflow is text");
	ok(sum_fit_parse_number(".5", 2, &d) && d == 0.5, "leading dot");

	ok(sum_fit_op_parse("between", 7, &op) && op == SUM_FIT_BETWEEN, "operator by name");
	ok(!sum_fit_op_parse("betwee", 6, &op), "prefix is not an operator");
	is_str(sum_fit_op_name(SUM_FIT_NOT_IN), "not_in", "operator name");

	ok(Match(SUM_FIT_EQ, &us, 1, &us, 1), "eq on text");
	ok(Match(SUM_FIT_EQ, &n250, 1, &n250f, 1), "eq on numbers compares values");
	ok(!Match(SUM_FIT_EQ, &us, 1, &gb, 1), "eq mismatch");
	list[0] = gb;
	list[1] = us;
	ok(Match(SUM_FIT_IN, list, 2, &us, 1), "in list");
	attrs[0] = slack;
	attrs[1] = hubspot;
	list[0] = hubspot;
	ok(Match(SUM_FIT_IN, list, 1, attrs, 2), "in: an element of a list attribute");
	ok(!Match(SUM_FIT_NOT_IN, list, 1, attrs, 2), "not_in: an element matches");
	ok(Match(SUM_FIT_NOT_IN, &gb, 1, &us, 1), "not_in: no element matches");
	ok(!Match(SUM_FIT_NOT_IN, &gb, 1, &empty, 1), "not_in: an empty attribute is missing, not a match");
	list[1] = slack;
	ok(Match(SUM_FIT_CONTAINS_ALL, list, 2, attrs, 2), "contains_all: both present");
	list[1] = gb;
	ok(!Match(SUM_FIT_CONTAINS_ALL, list, 2, attrs, 2), "contains_all: one missing");
	ok(Match(SUM_FIT_CONTAINS_TEXT, &soft, 1, &sw, 1), "contains_text: substring");
	ok(!Match(SUM_FIT_CONTAINS_TEXT, &sw, 1, &soft, 1), "contains_text: longer needle");

	memset(&r, 0, sizeof(r));
	r.op = SUM_FIT_BETWEEN;
	r.has_min = true;
	r.min = 50;
	r.has_max = true;
	r.max = 999;
	ok(sum_fit_match(&r, true, &n250, 1), "between: inside");
	ok(!sum_fit_match(&r, true, &us, 1), "between: text is never in a range");
	ok(!sum_fit_match(&r, false, NULL, 0), "between: missing attribute");
	r.max = 250;
	ok(sum_fit_match(&r, true, &n250f, 1), "between is inclusive");
	ok(sum_fit_check(&r) == NULL, "a valid between");
	r.min = 300;
	ok(sum_fit_check(&r) != NULL, "min above max rejected");
	r.has_min = r.has_max = false;
	ok(sum_fit_check(&r) != NULL, "between without bounds rejected");
	r.has_max = true;
	r.max = INFINITY;
	ok(sum_fit_check(&r) != NULL, "infinite bound rejected");

	memset(&r, 0, sizeof(r));
	r.op = SUM_FIT_EXISTS;
	ok(!sum_fit_match(&r, false, NULL, 0), "exists: missing key");
	ok(!sum_fit_match(&r, true, &empty, 1), "exists: empty string");
	ok(!sum_fit_match(&r, true, NULL, 0), "exists: empty list");
	ok(sum_fit_match(&r, true, &us, 1), "exists: a value");
	r.op = SUM_FIT_MISSING;
	ok(sum_fit_match(&r, false, NULL, 0), "missing: missing key");
	ok(sum_fit_check(&r) == NULL, "missing takes no value");
	r.n_values = 1;
	r.values = &us;
	ok(sum_fit_check(&r) != NULL, "missing with a value rejected");
	r.op = SUM_FIT_EQ;
	ok(sum_fit_check(&r) == NULL, "eq with one value");
	r.values = &empty;
	ok(sum_fit_check(&r) != NULL, "empty value rejected");
	r.op = SUM_FIT_IN;
	r.n_values = 0;
	ok(sum_fit_check(&r) != NULL, "empty list rejected");
	r.op = (SumFitOp) 99;
	ok(sum_fit_check(&r) != NULL, "unknown operator rejected");
	return done_testing();
}
