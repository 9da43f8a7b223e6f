/*
 * test/unit/email_test.c
 *	  Unit tests of the email core: the three profiles, every provider rule,
 *	  what is not an address, length limits, buffers and invalid UTF-8.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdlib.h>

#include "email.h"
#include "tap.h"

static char buf[SUM_EMAIL_BUFSIZE];

static const char *
norm(const char *s, SumEmailProfile profile)
{
	int			n = sum_em_normalize(s, strlen(s), profile, buf, NULL);

	return n < 0 ? NULL : buf;
}

typedef struct Case
{
	const char *input;
	const char *basic;			/* NULL: not an address */
	const char *match;
	const char *google_ads;
} Case;

static const Case cases[] = {
	{"john@example.com", "john@example.com", "john@example.com", "john@example.com"},
	{" John.Doe@Example.COM. ", "john.doe@example.com", "john.doe@example.com", "john.doe@example.com"},
	{"Müller@Bücher.DE", "müller@xn--bcher-kva.de", "müller@xn--bcher-kva.de", "müller@xn--bcher-kva.de"},
	{"Mu\xcc\x88ller@bu\xcc\x88" "cher.de", "müller@xn--bcher-kva.de", "müller@xn--bcher-kva.de", "müller@xn--bcher-kva.de"},
	{"faß@faß.de", "faß@xn--fa-hia.de", "faß@xn--fa-hia.de", "faß@xn--fa-hia.de"},
	{"İ@example.com", "i\xcc\x87@example.com", "i\xcc\x87@example.com", "i\xcc\x87@example.com"},
	{"user@例え。jp", "user@xn--r8jz45g.jp", "user@xn--r8jz45g.jp", "user@xn--r8jz45g.jp"},

	/* Gmail */
	{"J.Doe+x@GoogleMail.com", "j.doe+x@googlemail.com", "jdoe@gmail.com", "jdoe+x@googlemail.com"},
	{"j.doe@gmail.com", "j.doe@gmail.com", "jdoe@gmail.com", "jdoe@gmail.com"},
	{"+x@gmail.com", "+x@gmail.com", NULL, "+x@gmail.com"},
	/* Microsoft */
	{"a.b+c@outlook.com", "a.b+c@outlook.com", "a.b@outlook.com", "a.b+c@outlook.com"},
	{"a+c@hotmail.co.uk", "a+c@hotmail.co.uk", "a@hotmail.co.uk", "a+c@hotmail.co.uk"},
	{"a+c@live.fr", "a+c@live.fr", "a@live.fr", "a+c@live.fr"},
	{"a.+c@outlook.com", "a.+c@outlook.com", "a@outlook.com", "a.+c@outlook.com"},
	{"a+c@windowslive.com", "a+c@windowslive.com", "a@windowslive.com", "a+c@windowslive.com"},
	/* Yahoo */
	{"base-key@yahoo.com", "base-key@yahoo.com", "base@yahoo.com", "base-key@yahoo.com"},
	{"base-key-more@ymail.com", "base-key-more@ymail.com", "base@ymail.com", "base-key-more@ymail.com"},
	{"a+b@yahoo.fr", "a+b@yahoo.fr", "a+b@yahoo.fr", "a+b@yahoo.fr"},
	{"-key@yahoo.com", "-key@yahoo.com", NULL, "-key@yahoo.com"},
	{"a-b@yahoo.co.jp", "a-b@yahoo.co.jp", "a-b@yahoo.co.jp", "a-b@yahoo.co.jp"},
	/* Apple */
	{"a+b@icloud.com", "a+b@icloud.com", "a@icloud.com", "a+b@icloud.com"},
	{"a+b@me.com", "a+b@me.com", "a@me.com", "a+b@me.com"},
	{"a+b@mac.com", "a+b@mac.com", "a@mac.com", "a+b@mac.com"},
	/* Fastmail */
	{"a+b@fastmail.com", "a+b@fastmail.com", "a@fastmail.com", "a+b@fastmail.com"},
	{"alias@user.fastmail.com", "alias@user.fastmail.com", "user@fastmail.com", "alias@user.fastmail.com"},
	{"alias+x@user.fastmail.fm", "alias+x@user.fastmail.fm", "user@fastmail.fm", "alias+x@user.fastmail.fm"},
	{"a@b.c.fastmail.com", "a@b.c.fastmail.com", "a@b.c.fastmail.com", "a@b.c.fastmail.com"},
	{"a@fastmail.example.com", "a@fastmail.example.com", "a@fastmail.example.com", "a@fastmail.example.com"},
	/* Proton */
	{"a+b@protonmail.com", "a+b@protonmail.com", "a@protonmail.com", "a+b@protonmail.com"},
	{"a+b@pm.me", "a+b@pm.me", "a@pm.me", "a+b@pm.me"},
	/* Yandex */
	{"a.b+c@ya.ru", "a.b+c@ya.ru", "a.b@yandex.ru", "a.b+c@ya.ru"},
	{"a@yandex.kz", "a@yandex.kz", "a@yandex.ru", "a@yandex.kz"},
	/* Zoho, Posteo, mailbox.org */
	{"a+b@zohomail.com", "a+b@zohomail.com", "a@zohomail.com", "a+b@zohomail.com"},
	{"a+b@posteo.net", "a+b@posteo.net", "a@posteo.net", "a+b@posteo.net"},
	{"a+b@mailbox.org", "a+b@mailbox.org", "a@mailbox.org", "a+b@mailbox.org"},
	/* others keep their tags */
	{"a+b@example.com", "a+b@example.com", "a+b@example.com", "a+b@example.com"},
	{"a-b@example.com", "a-b@example.com", "a-b@example.com", "a-b@example.com"},

	/* not addresses */
	{"", NULL, NULL, NULL},
	{"@", NULL, NULL, NULL},
	{"a@", NULL, NULL, NULL},
	{"@b.com", NULL, NULL, NULL},
	{"a@@b.com", NULL, NULL, NULL},
	{"a@b@c.com", NULL, NULL, NULL},
	{"a@b", NULL, NULL, NULL},
	{"a@b.c", NULL, NULL, NULL},
	{"a@b.12", NULL, NULL, NULL},
	{"a@1.2.3.4", NULL, NULL, NULL},
	{"a@[1.2.3.4]", NULL, NULL, NULL},
	{"a..b@c.com", NULL, NULL, NULL},
	{".a@c.com", NULL, NULL, NULL},
	{"a.@c.com", NULL, NULL, NULL},
	{"a b@c.com", NULL, NULL, NULL},
	{"\"a\"@c.com", NULL, NULL, NULL},
	{"a(b)@c.com", NULL, NULL, NULL},
	{"a@c_d.com", NULL, NULL, NULL},
	{"a@-c.com", NULL, NULL, NULL},
	{"a@c-.com", NULL, NULL, NULL},
	{"a@xn--a.com", NULL, NULL, NULL},
	{"a\xe2\x80\x8b" "b@c.com", NULL, NULL, NULL},	/* zero-width space */
	{"a\xc2\xa0" "b@c.com", NULL, NULL, NULL},	/* no-break space inside */
	{"a\x01" "b@c.com", NULL, NULL, NULL},
};

int
main(void)
{
	size_t		i;
	char	   *big;
	int			at;
	int			n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const Case *c = &cases[i];

		is_str(norm(c->input, SUM_EMAIL_BASIC), c->basic, "basic \"%s\"", c->input);
		is_str(norm(c->input, SUM_EMAIL_MATCH), c->match, "match \"%s\"", c->input);
		is_str(norm(c->input, SUM_EMAIL_GOOGLE_ADS), c->google_ads, "google_ads \"%s\"", c->input);
	}

	/* profiles by name */
	ok(sum_em_profile("basic", 5) == SUM_EMAIL_BASIC, "profile basic");
	ok(sum_em_profile("match", 5) == SUM_EMAIL_MATCH, "profile match");
	ok(sum_em_profile("google_ads", 10) == SUM_EMAIL_GOOGLE_ADS, "profile google_ads");
	ok(sum_em_profile("Match", 5) < 0 && sum_em_profile("", 0) < 0 &&
	   sum_em_profile("matchx", 6) < 0 && sum_em_profile("matc", 4) < 0,
	   "other profile names are unknown");

	/* the position of '@' */
	n = sum_em_normalize("Ab@C.de", 7, SUM_EMAIL_BASIC, buf, &at);
	ok(n == 7 && at == 2, "length %d and '@' at %d", n, at);

	/* lengths: the input need not be NUL-terminated */
	ok(sum_em_normalize("a@b.comXYZ", 7, SUM_EMAIL_BASIC, buf, NULL) == 7 &&
	   strcmp(buf, "a@b.com") == 0, "reads only len bytes");

	/* invalid UTF-8 anywhere */
	ok(norm("\xff@example.com", SUM_EMAIL_BASIC) == NULL, "invalid UTF-8 local part");
	ok(norm("a\xc3@example.com", SUM_EMAIL_BASIC) == NULL, "truncated UTF-8 local part");
	ok(norm("a@exa\xffmple.com", SUM_EMAIL_BASIC) == NULL, "invalid UTF-8 domain");
	ok(norm("\xed\xa0\x80@example.com", SUM_EMAIL_BASIC) == NULL, "UTF-8 surrogate");

	/* limits */
	big = malloc(2 * 1024 * 1024);
	memset(big, 'a', 64);
	strcpy(big + 64, "@example.com");
	ok(norm(big, SUM_EMAIL_BASIC) != NULL, "local part of 64 octets");
	memset(big, 'a', 65);
	strcpy(big + 65, "@example.com");
	ok(norm(big, SUM_EMAIL_BASIC) == NULL, "local part of 65 octets");
	memset(big, 'a', 2 * 1024 * 1024 - 20);
	strcpy(big + 2 * 1024 * 1024 - 20, "@example.com");
	ok(norm(big, SUM_EMAIL_BASIC) == NULL, "2 MB local part");
	for (i = 0; i + 2 < 2 * 1024 * 1024; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);
	big[i] = '\0';
	ok(norm(big, SUM_EMAIL_BASIC) == NULL, "2 MB of é");
	memset(big, ' ', 1000);
	strcpy(big + 1000, "a@b.co");
	memset(big + 1006, ' ', 1000);
	big[2006] = '\0';
	is_str(norm(big, SUM_EMAIL_BASIC), "a@b.co", "white space is trimmed before the length check");
	/* 200 combining marks on one letter: over the raw limit of a local part */
	strcpy(big, "a");
	for (i = 0; i < 200; i++)
		strcat(big, "\xcc\x81");
	strcat(big, "@example.com");
	ok(norm(big, SUM_EMAIL_BASIC) == NULL, "long combining sequence");
	free(big);

	/* providers */
	is_str(sum_em_provider("gmail.com", 9), "gmail", "provider gmail");
	is_str(sum_em_provider("x.fastmail.com", 14), "fastmail", "fastmail subdomain");
	ok(sum_em_provider("gmail.co", 8) == NULL, "gmail.co is nobody's");
	ok(sum_em_provider("gmail.comx", 9) != NULL && sum_em_provider("gmail.comx", 10) == NULL,
	   "provider lookup honours the length");

	return done_testing();
}
