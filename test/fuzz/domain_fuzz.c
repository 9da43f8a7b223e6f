/*
 * test/fuzz/domain_fuzz.c
 *	  libFuzzer harness for the domain core: host extraction, IDNA to ASCII
 *	  and back, registrable domains with and without the private section,
 *	  and set lookups, on any bytes.  Checks that an ASCII name is a fixed
 *	  point, that the registrable domain is a label-aligned suffix, and that
 *	  the Unicode form converts back to the same ASCII name.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address -Isrc test/fuzz/domain_fuzz.c
 *        src/domain.c src/core.c $(pkg-config --cflags --libs icu-uc
 *        icu-i18n libpsl)
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static SumDomainSet *set = NULL;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		name[SUM_DOMAIN_BUFSIZE];
	char		again[SUM_DOMAIN_BUFSIZE];
	char		uni[SUM_DOMAIN_UNICODE_BUFSIZE];
	const char *host;
	size_t		hostlen;
	bool		nonascii;
	int			n,
				m,
				u,
				priv;

	if (set == NULL)
	{
		set = sum_dset_create(4, 64);
		sum_dset_add(set, "gmail.com", 9);
		sum_dset_add(set, "co.uk", 5);
		sum_dset_add(set, "mailinator.com", 14);
		sum_dset_add(set, "xn--bcher-kva.de", 16);
	}

	if (sum_dom_host_of((const char *) data, size, &host, &hostlen))
	{
		if (host < (const char *) data || host + hostlen > (const char *) data + size ||
			hostlen == 0)
			abort();
	}

	n = sum_dom_normalize((const char *) data, size, name, &nonascii);
	if (n < 0)
		return 0;
	if ((size_t) n != strlen(name) || n > SUM_DOMAIN_MAX)
		abort();
	m = sum_dom_to_ascii(name, (size_t) n, again, NULL);
	if (m != n || memcmp(name, again, (size_t) n) != 0)
		abort();

	for (priv = 0; priv <= 1; priv++)
	{
		int			start = sum_dom_registrable(name, priv);

		if (start < -1 || start >= n || (start > 0 && name[start - 1] != '.'))
			abort();
	}
	(void) sum_dset_match(set, name, (size_t) n);

	u = sum_dom_to_unicode(name, (size_t) n, uni, sizeof(uni));
	if (u >= 0)
	{
		m = sum_dom_to_ascii(uni, (size_t) u, again, NULL);
		if (m != n || memcmp(name, again, (size_t) n) != 0)
			abort();
	}
	return 0;
}
