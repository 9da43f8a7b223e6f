/*
 * test/unit/companykey_test.c
 *	  Unit tests of the company-key core with a small table of legal forms,
 *	  and of union-find.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdlib.h>

#include "companykey.h"
#include "tap.h"
#include "unionfind.h"

static CkForms *forms;

static void
AddForm(const char *form, int positions)
{
	char		key[CK_FORM_MAX_BYTES + 1];
	int			ntok;
	int			n = ck_form_key(form, strlen(form), key, &ntok);

	if (n > 0)
		ck_forms_add(forms, key, n, positions, ntok);
}

static char keybuf[4096];

static const char *
Key(const char *name)
{
	CkParsed	p;
	int			r = ck_parse(forms, name, strlen(name), &p);

	if (r <= 0)
		return r == 0 ? "(none)" : "(error)";
	snprintf(keybuf, sizeof(keybuf), "%s", p.key);
	ck_parsed_free(&p);
	return keybuf;
}

static double
Sim(const char *a, const char *b)
{
	CkParsed	pa,
				pb;
	double		r;

	if (ck_parse(forms, a, strlen(a), &pa) != 1)
		return -1;
	if (ck_parse(forms, b, strlen(b), &pb) != 1)
	{
		ck_parsed_free(&pa);
		return -1;
	}
	r = ck_similarity(forms, &pa, &pb);
	ck_parsed_free(&pa);
	ck_parsed_free(&pb);
	return r;
}

int
main(void)
{
	char		key[CK_FORM_MAX_BYTES + 1];
	int			ntok;
	UfSet		uf;
	int			i;

	forms = ck_forms_create(64);
	AddForm("Inc", CK_SUFFIX);
	AddForm("Corp", CK_SUFFIX);
	AddForm("Corporation", CK_SUFFIX);
	AddForm("Ltd", CK_SUFFIX);
	AddForm("Pty Ltd", CK_SUFFIX);
	AddForm("GmbH & Co. KG", CK_SUFFIX);
	AddForm("GmbH", CK_SUFFIX);
	AddForm("Sp. z o.o.", CK_SUFFIX);
	AddForm("AG", CK_SUFFIX);
	AddForm("OOO", CK_SUFFIX | CK_PREFIX);
	AddForm("Co", CK_SUFFIX);

	ok(ck_form_key("Sp. z o.o.", 10, key, &ntok) == 5 && strcmp(key, "spzoo") == 0 && ntok == 3,
	   "form key of Sp. z o.o. is spzoo, 3 words (%s)", key);
	ok(ck_form_key("GmbH & Co. KG", 13, key, &ntok) > 0 && strcmp(key, "gmbhcokg") == 0,
	   "form key of GmbH & Co. KG");
	ok(ck_form_key("!!!", 3, key, &ntok) == -1, "no letters: no form");
	ok(ck_form_key("a b c d e f g h i j", 19, key, &ntok) == -1, "too many words: no form");

	is_str(Key("ACME Corp."), "acme", "legal form removed");
	is_str(Key("Acme Pty. Ltd."), "acme", "two-word form with dots");
	is_str(Key("Müller GmbH & Co. KG"), "muller", "multi-token form with &");
	is_str(Key("Bar sp. z o. o."), "bar", "Polish form spelled with spaces");
	is_str(Key("AG"), "ag", "never empty: a company called AG");
	is_str(Key("OOO Romashka"), "romashka", "prefix form");
	is_str(Key("Procter and Gamble Co"), "proctergamble", "connector and form");
	is_str(Key("acme-corp.com"), "acmecorp", "domain: the label, no form removal");
	is_str(Key("https://www.acme.co.uk/x"), "acme", "URL: registrable label");
	is_str(Key("!!!"), "(none)", "no key without letters or digits");
	is_str(Key(""), "(none)", "empty");
	is_str(Key("\xff\xfe"), "(error)", "invalid UTF-8 is refused");

	ok(Sim("acmecorp.com", "ACME Corporation") >= 0.9, "acmecorp.com vs ACME Corporation high");
	ok(Sim("Acme", "Acne Studios") < 0.8, "Acme vs Acne Studios low");
	ok(Sim("Acme", "Acme Inc") == 1.0, "equal keys score 1");
	ok(Sim("a b", "b a") == 1.0, "word order");
	ok(Sim("Globex", "Initech") == Sim("Initech", "Globex"), "symmetric");

	/* union-find */
	ok(uf_init(&uf, 10), "uf_init");
	uf_union(&uf, 1, 2);
	uf_union(&uf, 3, 4);
	uf_union(&uf, 2, 4);
	ok(uf_find(&uf, 1) == uf_find(&uf, 3), "transitive union");
	ok(uf_find(&uf, 5) == 5 && uf_find(&uf, 0) != uf_find(&uf, 1), "singletons stay apart");
	for (i = 0; i < 9; i++)
		uf_union(&uf, i, i + 1);
	ok(uf.size[uf_find(&uf, 0)] == 10, "one set of 10");
	uf_free(&uf);

	ck_forms_free(forms);
	return done_testing();
}
