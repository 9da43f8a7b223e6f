/*
 * test/fuzz/companykey_fuzz.c
 *	  libFuzzer harness for the company-key core: any bytes as a name, a
 *	  legal form and a pair for company similarity, against a small table
 *	  of forms.  Keys must be valid UTF-8 without punctuation, similarity
 *	  in 0..1 and symmetric.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "companykey.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static CkForms *forms = NULL;

static void
Setup(void)
{
	static const char *const f[] = {"Inc", "Corp", "Ltd", "Pty Ltd", "GmbH & Co. KG", "GmbH",
	"Sp. z o.o.", "S.A.", "AG", "Co", "株式会社", "ООО", NULL};
	int			i;

	forms = ck_forms_create(32);
	for (i = 0; f[i]; i++)
	{
		char		key[CK_FORM_MAX_BYTES + 1];
		int			ntok;
		int			n = ck_form_key(f[i], strlen(f[i]), key, &ntok);

		if (n > 0)
			ck_forms_add(forms, key, n, CK_SUFFIX | (i >= 10 ? CK_PREFIX : 0), ntok);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	CkParsed	a,
				b;
	int			ra,
				rb;
	size_t		split;
	char		key[CK_FORM_MAX_BYTES + 1];
	int			ntok;

	if (forms == NULL)
		Setup();
	ra = ck_parse(forms, (const char *) data, size, &a);
	if (ra == 1)
	{
		size_t		i;

		if (a.keylen == 0 || strlen(a.key) != a.keylen)
			abort();
		for (i = 0; i < a.keylen; i++)
			if (a.key[i] == ' ' || a.key[i] == '.' || a.key[i] == ',')
				abort();
		ck_parsed_free(&a);
	}
	if (ck_form_key((const char *) data, size, key, &ntok) > CK_FORM_MAX_BYTES)
		abort();

	split = size ? data[0] % (size + 1) : 0;
	ra = ck_parse(forms, (const char *) data, split, &a);
	rb = ck_parse(forms, (const char *) data + split, size - split, &b);
	if (ra == 1 && rb == 1)
	{
		double		s1 = ck_similarity(forms, &a, &b);
		double		s2 = ck_similarity(forms, &b, &a);

		if (!(s1 >= 0 && s1 <= 1) || s1 != s2)
			abort();
	}
	if (ra == 1)
		ck_parsed_free(&a);
	if (rb == 1)
		ck_parsed_free(&b);
	return 0;
}
