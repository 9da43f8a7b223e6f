/*
 * test/fuzz/textfold_fuzz.c
 *	  libFuzzer harness for sum_fold(): any bytes, both modes, and the
 *	  snprintf-like size contract (measure, then fill exactly).
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "textfold.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ValidUtf8: does s[0..len) decode without errors? */
static int
ValidUtf8(const char *s, size_t len)
{
	int32_t		i = 0;

	while ((size_t) i < len)
	{
		UChar32		c;

		U8_NEXT(s, i, (int32_t) len, c);
		if (c < 0)
			return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int			translit;

	for (translit = 0; translit <= 1; translit++)
	{
		size_t		need = sum_fold((const char *) data, size, NULL, 0, translit);
		char	   *out;
		size_t		got;

		if (need == SUM_FOLD_INVALID)
		{
			/* only invalid UTF-8 may be refused */
			if (ValidUtf8((const char *) data, size) && size < 1024)
				abort();
			continue;
		}
		out = malloc(need + 1);
		got = sum_fold((const char *) data, size, out, need, translit);
		if (got != need)
			abort();
		if (!ValidUtf8(out, got))
			abort();
		free(out);
	}
	return 0;
}
