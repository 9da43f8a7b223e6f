/*
 * test/fuzz/persona_fuzz.c
 *	  libFuzzer harness of the persona core.
 *
 * An input is a title, classified against a fixed rule set that uses every
 * mechanism (exact, prefix, suffix and infix words, anchors, block and stop
 * rules), and also normalized as a title and as a rule pattern.  An input
 * that starts with '#' is a rule table instead: its first line is a title,
 * every further line a pattern whose attributes come from its first bytes;
 * the table is compiled and the title classified with it.
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *		test/fuzz/persona_fuzz.c src/persona.c src/textfold.c src/core.c \
 *		$(pkg-config --cflags --libs icu-uc icu-i18n) -o test/fuzz/persona_fuzz
 *	test/fuzz/persona_fuzz test/fuzz/corpus/persona -max_total_time=60
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "persona.h"

#define S(x) PERSONA_SEN_##x
#define F(x) PERSONA_FN_##x

static const PersonaRuleDef base_rules[] = {
	{"vp", 2, PERSONA_CLASSIFY, S(VP), -1, 0, 70},
	{"vice president", 14, PERSONA_CLASSIFY, S(VP), -1, 0, 70},
	{"head of", 7, PERSONA_CLASSIFY, S(DIRECTOR), -1, 0, 70},
	{"manager", 7, PERSONA_CLASSIFY, S(MANAGER), -1, 0, 50},
	{"senior", 6, PERSONA_CLASSIFY, S(SENIOR), -1, 0, 40},
	{"account executive", 17, PERSONA_CLASSIFY, S(ENTRY), F(SALES), 1, 10},
	{"executive assistant", 19, PERSONA_BLOCK, S(ENTRY), F(OPERATIONS), 1, 20},
	{"assistant to", 12, PERSONA_BLOCK, S(ENTRY), F(OPERATIONS), 1, 20},
	{"sales", 5, PERSONA_CLASSIFY, -1, F(SALES), 1, 0},
	{"product marketing", 17, PERSONA_CLASSIFY, -1, F(MARKETING), 1.5f, 0},
	{"at", 2, PERSONA_STOP, -1, -1, 0, 0},
	{"vertrieb*", 9, PERSONA_CLASSIFY, -1, F(SALES), 1, 0},
	{"*leiter", 7, PERSONA_CLASSIFY, S(DIRECTOR), -1, 0, 70},
	{"*anwalt*", 8, PERSONA_CLASSIFY, S(ENTRY), F(LEGAL), 1, 10},
	{"lead $", 6, PERSONA_CLASSIFY, S(MANAGER), -1, 0, 50},
	{"^ test $", 8, PERSONA_CLASSIFY, -1, -1, 0, 0},
	{"ceo", 3, PERSONA_CLASSIFY, S(C_LEVEL), F(GENERAL_MANAGEMENT), 1, 70},
};

static PersonaMatcher *base;

static void
CheckResult(const PersonaResult *r)
{
	int			i;

	if (r->seniority < 0 || r->seniority >= PERSONA_NUM_SENIORITIES ||
		r->function < 0 || r->function >= PERSONA_NUM_FUNCTIONS ||
		!(r->confidence >= 0.0f && r->confidence <= 1.0f) ||
		r->ndeciding < 0 || r->ndeciding > PERSONA_MAX_DECIDING)
		abort();
	for (i = 0; i < r->ndeciding; i++)
		if (r->deciding[i] < 0)
			abort();
}

static void
RuleTable(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data + 1;
	size_t		len = size - 1;
	const char *title = s;
	size_t		tlen;
	PersonaRuleDef defs[256];
	int			n = 0;
	const char *p,
			   *end = s + len;
	PersonaMatcher *m;
	PersonaError err;
	int			skipped;
	PersonaResult r;

	p = memchr(s, '\n', len);
	tlen = p ? (size_t) (p - s) : len;
	p = p ? p + 1 : end;
	while (p < end && n < 256)
	{
		const char *nl = memchr(p, '\n', end - p);
		size_t		l = nl ? (size_t) (nl - p) : (size_t) (end - p);

		if (l >= 3)
		{
			/* three attribute bytes, then the pattern */
			defs[n].action = (PersonaAction) ((unsigned char) p[0] % 4);
			defs[n].seniority = (int) ((unsigned char) p[1] % 11) - 1;
			defs[n].function = (int) ((unsigned char) p[2] % 17) - 1;
			defs[n].weight = (float) ((unsigned char) p[0] % 7);
			defs[n].priority = (unsigned char) p[1] % 103;
			defs[n].pattern = p + 3;
			defs[n].pattern_len = l - 3;
			n++;
		}
		p = nl ? nl + 1 : end;
	}
	m = persona_compile(defs, n, &skipped, &err);
	if (m == NULL)
		return;
	if (!persona_classify(m, title, tlen, &r))
		abort();
	CheckResult(&r);
	for (int i = 0; i < r.ndeciding; i++)
		if (r.deciding[i] >= n)
			abort();
	persona_free(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	PersonaResult r;
	char		out[8192];
	size_t		len;

	if (base == NULL)
	{
		PersonaError err;
		int			skipped;

		base = persona_compile(base_rules,
							   (int) (sizeof(base_rules) / sizeof(base_rules[0])),
							   &skipped, &err);
		if (base == NULL || skipped != 0)
			abort();
	}
	if (size > 0 && data[0] == '#')
	{
		RuleTable(data, size);
		return 0;
	}
	if (!persona_classify(base, (const char *) data, size, &r))
		abort();
	CheckResult(&r);
	len = persona_normalize_title((const char *) data, size, out, sizeof(out));
	(void) len;
	if (persona_normalize_pattern((const char *) data, size, out,
								  PERSONA_MAX_PATTERN_BYTES, &len) == PERSONA_OK)
	{
		/* normalizing is idempotent */
		char		again[PERSONA_MAX_PATTERN_BYTES];
		size_t		len2;

		if (persona_normalize_pattern(out, len, again, sizeof(again), &len2) != PERSONA_OK ||
			len2 != len || memcmp(out, again, len) != 0)
			abort();
	}
	return 0;
}
