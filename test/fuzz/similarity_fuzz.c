/*
 * test/fuzz/similarity_fuzz.c
 *	  libFuzzer harness for the similarity core: the input is split into
 *	  two strings (first byte picks the split and a bound); every function
 *	  must stay in range and the identities between them must hold.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "similarity.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		split,
				la,
				lb;
	sim_char   *a,
			   *b;
	int64_t		na,
				nb,
				d,
				dk,
				k,
				dl,
				lcs;
	double		j,
				jw,
				jac,
				ts;

	if (size < 2)
		return 0;
	split = 1 + (data[0] * (size - 1)) / 256;
	k = data[0] % 17;
	la = split - 1;
	lb = size - split;
	a = malloc((la + 1) * sizeof(sim_char));
	b = malloc((lb + 1) * sizeof(sim_char));
	na = sim_utf8_decode((const char *) data + 1, la, a);
	nb = sim_utf8_decode((const char *) data + split, lb, b);
	if (na < 0 || nb < 0)
	{
		/* bytes as code points, so that invalid UTF-8 still exercises the cores */
		size_t		i;

		for (i = 0; i < la; i++)
			a[i] = data[1 + i] * 0x101u;
		for (i = 0; i < lb; i++)
			b[i] = data[split + i] % 5 + 'a';
		na = (int64_t) la;
		nb = (int64_t) lb;
	}

	d = sim_levenshtein(a, na, b, nb, -1);
	if (d < 0 || d > (na > nb ? na : nb) || d < (na > nb ? na - nb : nb - na))
		abort();
	if (sim_levenshtein(b, nb, a, na, -1) != d)
		abort();
	dk = sim_levenshtein(a, na, b, nb, k);
	if (dk != (d <= k ? d : k + 1))
		abort();
	dl = sim_damerau_levenshtein(a, na, b, nb);
	if (dl < 0 || dl > d)
		abort();
	lcs = sim_lcs(a, na, b, nb);
	if (lcs < 0 || lcs > (na < nb ? na : nb) || na + nb - 2 * lcs < d)
		abort();
	j = sim_jaro(a, na, b, nb);
	jw = sim_jaro_winkler(a, na, b, nb);
	if (!(j >= 0 && j <= 1.0000000001 && jw >= j && jw <= 1.0000000001))
		abort();
	jac = sim_jaccard(a, na, b, nb, 1 + data[0] % 5);
	if (!(jac >= 0 && jac <= 1))
		abort();
	ts = sim_token_set(a, na, b, nb);
	if (!(ts >= 0 && ts <= 1.0000000001))
		abort();
	if (na == nb && memcmp(a, b, na * sizeof(sim_char)) == 0 && d != 0)
		abort();
	free(a);
	free(b);
	return 0;
}
