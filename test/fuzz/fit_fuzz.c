/*
 * test/fuzz/fit_fuzz.c
 *	  libFuzzer harness for the ICP fit core: operator names, numbers,
 *	  rule checking and matching, with texts folded as sum.fit folds them.
 *
 *	  The input is lines.  Byte 0 is flags (bit 0: the first value line is a
 *	  lower bound, bit 1: the second is an upper bound); line 1 (after byte
 *	  0) is the operator name; then value lines up to an empty line; then
 *	  attribute elements, one a line (none: the attribute is missing).
 *	  Whatever the bytes, the core must not read outside them, and a rule
 *	  that passes sum_fit_check must match consistently: exists is the
 *	  opposite of missing, and for one present element in is the opposite
 *	  of not_in.
 *
 *	  clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *		  test/fuzz/fit_fuzz.c src/fit.c src/textfold.c src/core.c \
 *		  $(pkg-config --cflags --libs icu-uc icu-i18n) -lm -o fit_fuzz
 *	  ./fit_fuzz test/fuzz/corpus/fit
 *
 * Copyright (c) 2026, the sum developers
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fit.h"
#include "textfold.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ITEMS 64

/* Fold: s folded as sum.fit folds texts (malloc'd; invalid UTF-8 kept) */
static SumFitValue
Fold(const char *s, size_t len)
{
	SumFitValue v;
	size_t		cap = len + 16;
	char	   *out = malloc(cap);
	size_t		n = sum_fold(s, len, out, cap, false);
	double		again;

	if (n != SUM_FOLD_INVALID && n > cap)
	{
		free(out);
		cap = n;
		out = malloc(cap);
		n = sum_fold(s, len, out, cap, false);
	}
	if (n == SUM_FOLD_INVALID || n > cap)
	{
		memcpy(out, s, len);
		n = len;
	}
	memset(&v, 0, sizeof(v));
	v.text = out;
	v.len = n;
	v.has_num = sum_fit_parse_number(out, n, &v.num);
	if (v.has_num && (!isfinite(v.num) ||
					  !sum_fit_parse_number(out, n, &again) || again != v.num))
		abort();
	return v;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	SumFitValue values[MAX_ITEMS],
				attrs[MAX_ITEMS];
	int			nvalues = 0,
				nattrs = 0,
				i;
	size_t		pos = 1,
				line_end;
	SumFitOp	op;
	SumFitRule	rule;
	bool		in_values = true;

	if (size < 1)
		return 0;

	/* the operator */
	line_end = pos;
	while (line_end < size && s[line_end] != '\n')
		line_end++;
	if (!sum_fit_op_parse(s + pos, line_end - pos, &op))
		op = (SumFitOp) ((unsigned char) data[0] >> 2) % (SUM_FIT_N_OPS + 1);
	else if (strcmp(sum_fit_op_name(op), "?") == 0 ||
			 strlen(sum_fit_op_name(op)) != line_end - pos ||
			 memcmp(sum_fit_op_name(op), s + pos, line_end - pos) != 0)
		abort();
	pos = line_end + 1;

	/* values, then attribute elements */
	while (pos <= size)
	{
		line_end = pos;
		while (line_end < size && s[line_end] != '\n')
			line_end++;
		if (in_values && line_end == pos)
			in_values = false;
		else if (in_values && nvalues < MAX_ITEMS)
			values[nvalues++] = Fold(s + pos, line_end - pos);
		else if (!in_values && nattrs < MAX_ITEMS)
			attrs[nattrs++] = Fold(s + pos, line_end - pos);
		pos = line_end + 1;
	}

	memset(&rule, 0, sizeof(rule));
	rule.op = op;
	rule.values = values;
	rule.n_values = nvalues;
	if ((data[0] & 1) && nvalues > 0 && values[0].has_num)
	{
		rule.has_min = true;
		rule.min = values[0].num;
	}
	if ((data[0] & 2) && nvalues > 1 && values[1].has_num)
	{
		rule.has_max = true;
		rule.max = values[1].num;
	}
	if (op == SUM_FIT_BETWEEN || op == SUM_FIT_GTE || op == SUM_FIT_LTE ||
		op == SUM_FIT_EXISTS || op == SUM_FIT_MISSING)
		rule.n_values = 0;

	if (sum_fit_check(&rule) == NULL)
	{
		bool		present = nattrs > 0;
		bool		m = sum_fit_match(&rule, present, attrs, nattrs);
		SumFitRule	other = rule;
		bool		exists = false;

		for (i = 0; i < nattrs; i++)
			exists |= attrs[i].len > 0;

		other.op = SUM_FIT_EXISTS;
		other.n_values = 0;
		other.has_min = other.has_max = false;
		if (sum_fit_match(&other, present, attrs, nattrs) != exists)
			abort();
		other.op = SUM_FIT_MISSING;
		if (sum_fit_match(&other, present, attrs, nattrs) == exists)
			abort();
		if ((op == SUM_FIT_IN || op == SUM_FIT_NOT_IN) && nattrs == 1 && exists)
		{
			other = rule;
			other.op = op == SUM_FIT_IN ? SUM_FIT_NOT_IN : SUM_FIT_IN;
			if (sum_fit_match(&other, present, attrs, nattrs) == m)
				abort();
		}
		if (!exists && op != SUM_FIT_MISSING && m)
			abort();			/* only "missing" matches a missing attribute */
	}

	for (i = 0; i < nvalues; i++)
		free((void *) values[i].text);
	for (i = 0; i < nattrs; i++)
		free((void *) attrs[i].text);
	return 0;
}
