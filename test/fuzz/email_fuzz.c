/*
 * test/fuzz/email_fuzz.c
 *	  libFuzzer harness for sum_em_normalize(): any bytes, every profile.
 *	  Checks the documented shape of a result (one '@', RFC 5321 lengths,
 *	  ASCII domain that is an Internet name) and that normalizing a result
 *	  again gives it back unchanged.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address -Isrc test/fuzz/email_fuzz.c
 *        src/email.c src/domain.c src/core.c $(pkg-config --cflags --libs
 *        icu-uc icu-i18n libpsl)
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "email.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int			profile;

	for (profile = SUM_EMAIL_BASIC; profile <= SUM_EMAIL_GOOGLE_ADS; profile++)
	{
		char		out[SUM_EMAIL_BUFSIZE];
		char		again[SUM_EMAIL_BUFSIZE];
		int			at = -1;
		int			n = sum_em_normalize((const char *) data, size,
										 (SumEmailProfile) profile, out, &at);
		int			m;
		int			i;

		if (n < 0)
			continue;
		if (n > SUM_EMAIL_MAX + 8 || (size_t) n != strlen(out))
			abort();
		if (at <= 0 || at > SUM_EMAIL_LOCAL_MAX || out[at] != '@' ||
			memchr(out + at + 1, '@', (size_t) (n - at - 1)) != NULL ||
			memchr(out, '@', (size_t) at) != NULL)
			abort();
		for (i = at + 1; i < n; i++)
			if (!((out[i] >= 'a' && out[i] <= 'z') || (out[i] >= '0' && out[i] <= '9') ||
				  out[i] == '-' || out[i] == '.'))
				abort();
		if (!sum_dom_is_internet(out + at + 1, (size_t) (n - at - 1)))
			abort();
		if (profile == SUM_EMAIL_BASIC && n > SUM_EMAIL_MAX)
			abort();

		/* a normalized address is a fixed point of its profile */
		m = sum_em_normalize(out, (size_t) n, (SumEmailProfile) profile, again, NULL);
		if (m != n || memcmp(out, again, (size_t) n) != 0)
			abort();
	}
	return 0;
}
