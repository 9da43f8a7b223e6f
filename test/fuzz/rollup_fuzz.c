/*
 * test/fuzz/rollup_fuzz.c
 *	  libFuzzer harness for the account state decoder: whatever the bytes,
 *	  sum_rollup_decode must reject them or return a state that re-encodes
 *	  to the same bytes and survives merging and evaluation.
 *
 *	  clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *		  test/fuzz/rollup_fuzz.c src/rollup.c src/rollup_format.c src/core.c \
 *		  -o rollup_fuzz
 *	  ./rollup_fuzz test/fuzz/corpus/rollup
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rollup.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	SumRollupState state,
				copy;
	const char *detail;
	unsigned char *enc;
	size_t		len;
	int64_t		a7,
				a30,
				later;

	static SumRollupNames names;	/* shared across inputs, as in a query */
	static int	ready = 0;

	if (!ready)
	{
		sum_rollup_names_init(&names);
		ready = 1;
	}
	memset(&state, 0, sizeof(state));
	if (sum_rollup_decode(&state, data, size, (size & 1) ? &names : NULL,
						  &detail) != SUM_ROLLUP_OK)
	{
		if (detail == NULL)
			abort();			/* a malformed state always says why */
		return 0;
	}

	/* the format is canonical: a valid state re-encodes to its input */
	len = sum_rollup_encode(&state, NULL, 0);
	enc = malloc(len ? len : 1);
	if (sum_rollup_encode(&state, enc, len) != len || len != size ||
		memcmp(enc, data, size) != 0)
		abort();
	free(enc);

	/* merging with itself, now and later, must not misbehave */
	if (sum_rollup_copy(&copy, &state) == SUM_ROLLUP_OK)
	{
		(void) sum_rollup_merge(&copy, &state, false);
		if (!__builtin_add_overflow(sum_rollup_as_of(&copy), SUM_ROLLUP_USEC_PER_DAY, &later))
			(void) sum_rollup_active_at(&copy, later, &a7, &a30);
		sum_rollup_free(&copy);
	}
	if (!__builtin_add_overflow(sum_rollup_as_of(&state), 40 * SUM_ROLLUP_USEC_PER_DAY, &later))
		(void) sum_rollup_active_at(&state, later, &a7, &a30);
	sum_rollup_free(&state);
	return 0;
}
