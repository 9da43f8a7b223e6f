/*
 * test/unit/domain_test.c
 *	  Unit tests of the domain core: host extraction, IDNA to ASCII (and the
 *	  ASCII fast path against ICU itself), registrable domains and domain
 *	  sets.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdlib.h>

#include <unicode/uidna.h>

#include "domain.h"
#include "tap.h"

static char buf[SUM_DOMAIN_BUFSIZE];

static const char *
ascii(const char *s)
{
	return sum_dom_to_ascii(s, strlen(s), buf, NULL) < 0 ? NULL : buf;
}

static const char *
normalize(const char *s)
{
	return sum_dom_normalize(s, strlen(s), buf, NULL) < 0 ? NULL : buf;
}

static const char *
host(const char *s)
{
	static char h[4096];
	const char *p;
	size_t		len;

	if (!sum_dom_host_of(s, strlen(s), &p, &len))
		return NULL;
	memcpy(h, p, len);
	h[len] = '\0';
	return h;
}

static const char *
registrable(const char *s, bool include_private)
{
	int			start;

	if (sum_dom_normalize(s, strlen(s), buf, NULL) < 0)
		return NULL;
	start = sum_dom_registrable(buf, include_private);
	return start < 0 ? NULL : buf + start;
}

/*
 * What ICU itself says about ASCII name s, with the options of domain.c and
 * the same treatment of the root dot and of hyphens in positions 3 and 4.
 */
static const char *
icu_ascii(const char *s, char *out)
{
	static UIDNA *idna = NULL;
	UErrorCode	status = U_ZERO_ERROR;
	UIDNAInfo	info = UIDNA_INFO_INITIALIZER;
	int32_t		n;

	if (idna == NULL)
		idna = uidna_openUTS46(UIDNA_USE_STD3_RULES | UIDNA_CHECK_BIDI |
							   UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
							   UIDNA_NONTRANSITIONAL_TO_UNICODE, &status);
	n = uidna_nameToASCII_UTF8(idna, s, (int32_t) strlen(s), out, SUM_DOMAIN_BUFSIZE - 1,
							   &info, &status);
	if (U_FAILURE(status) || (info.errors & ~UIDNA_ERROR_HYPHEN_3_4) != 0)
		return NULL;
	if (n > 0 && out[n - 1] == '.')
		n--;
	if (n <= 0 || n > SUM_DOMAIN_MAX || out[n - 1] == '.')
		return NULL;
	out[n] = '\0';
	return out;
}

int
main(void)
{
	static const char alphabet[] = "abcXYZ09-._";
	SumDomainSet *set;
	char		mine[SUM_DOMAIN_BUFSIZE];
	char		theirs[SUM_DOMAIN_BUFSIZE];
	char		name[80];
	int			disagree = 0;
	int			i;
	size_t		len;
	const char *t;

	/* to ASCII */
	is_str(ascii("Example.COM"), "example.com", "lowercase");
	is_str(ascii("example.com."), "example.com", "root dot dropped");
	ok(ascii("example.com..") == NULL, "two trailing dots");
	is_str(ascii("Bücher.de"), "xn--bcher-kva.de", "IDN");
	is_str(ascii("XN--BCHER-KVA.DE"), "xn--bcher-kva.de", "punycode checked and lowercased");
	is_str(ascii("faß.de"), "xn--fa-hia.de", "nontransitional: sharp s kept");
	is_str(ascii("ＡＣＭＥ．com"), "acme.com", "full-width letters and dot mapped");
	is_str(ascii("r3---sn-x.net"), "r3---sn-x.net", "hyphens in positions 3 and 4 allowed");
	ok(ascii("xn--a.com") == NULL, "bad punycode");
	ok(ascii("xn--xn--8-8228-822f.cn") == NULL, "punycode of a label that starts with xn--");
	is_str(ascii("ab--ü.de"), "xn--ab---3ra.de", "hyphens in positions 3 and 4 of a Unicode label");
	ok(ascii("a_b.com") == NULL, "underscore");
	ok(ascii("-a.com") == NULL && ascii("a-.com") == NULL, "edge hyphens");
	ok(ascii("") == NULL && ascii(".") == NULL && ascii("..") == NULL, "empty names");
	ok(ascii("a\xff.com") == NULL, "invalid UTF-8");
	ok(ascii("1\xd7\x90.com") == NULL, "bidi rule: a right-to-left label cannot start with a digit");
	is_str(ascii("\xd7\x90" "1.com"), "xn--1-zhc.com", "bidi rule: it may end with one");
	{
		bool		nonascii = false;

		sum_dom_to_ascii("bücher.de", strlen("bücher.de"), buf, &nonascii);
		ok(nonascii, "non-ASCII input is reported");
		sum_dom_to_ascii("xn--bcher-kva.de", 16, buf, &nonascii);
		ok(!nonascii, "punycode input is ASCII");
	}

	/* the fast path agrees with ICU on random ASCII names */
	srand(42);
	for (i = 0; i < 200000; i++)
	{
		int			k,
					l = 1 + rand() % 12;
		const char *a,
				   *b;

		for (k = 0; k < l; k++)
			name[k] = alphabet[rand() % (sizeof(alphabet) - 1)];
		name[l] = '\0';
		a = sum_dom_to_ascii(name, l, mine, NULL) < 0 ? NULL : mine;
		b = icu_ascii(name, theirs);
		if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
		{
			if (disagree++ < 5)
				printf("# \"%s\": fast path %s, ICU %s\n", name, a ? a : "(invalid)",
					   b ? b : "(invalid)");
		}
	}
	ok(disagree == 0, "fast path and ICU agree on 200000 random ASCII names (%d differ)", disagree);

	/* label and name limits */
	memset(name, 'a', 63);
	strcpy(name + 63, ".com");
	ok(ascii(name) != NULL, "63-octet label");
	memset(name, 'a', 64);
	strcpy(name + 64, ".com");
	ok(ascii(name) == NULL, "64-octet label");

	/* Internet names */
	ok(sum_dom_is_internet("a.com", 5), "a.com");
	ok(sum_dom_is_internet("a.xn--p1ai", 10), "IDN top level");
	ok(!sum_dom_is_internet("localhost", 9), "one label");
	ok(!sum_dom_is_internet("1.2.3.4", 7), "IPv4");
	ok(!sum_dom_is_internet("a.c", 3), "one-letter top level");
	ok(!sum_dom_is_internet("a.c0m", 5), "digit in top level");

	/* back to Unicode */
	ok(sum_dom_to_unicode("xn--bcher-kva.de", 16, mine, sizeof(mine)) > 0 &&
	   strcmp(mine, "bücher.de") == 0, "to Unicode");
	ok(sum_dom_to_unicode("xn--bcher-kva.de", 16, mine, 5) < 0, "to Unicode, small buffer");

	/* hosts in emails and URLs */
	is_str(host("https://user:pw@Acme.com:8080/x?y#z"), "Acme.com", "URL with everything");
	is_str(host("  john@acme.com  "), "acme.com", "email");
	is_str(host("mailto:john@acme.com"), "acme.com", "mailto");
	is_str(host("//cdn.acme.com/x"), "cdn.acme.com", "scheme-relative");
	is_str(host("acme.com:443"), "acme.com", "port");
	is_str(host("acme.com\\x"), "acme.com", "backslash ends the authority");
	is_str(host("a@b@acme.com"), "acme.com", "last @ wins");
	ok(host("http://[::1]/") == NULL, "IPv6 literal");
	ok(host("acme.com:x") == NULL, "non-numeric port");
	ok(host("") == NULL && host("https://") == NULL && host("john@") == NULL, "no host");

	/* normalize */
	is_str(normalize("https://WWW.Bücher.de/x"), "www.xn--bcher-kva.de", "normalize URL");
	ok(normalize("http://127.0.0.1/") == NULL, "IPv4 URL");

	/* registrable domains */
	ok(sum_dom_psl_ready(), "public suffix list loaded");
	is_str(registrable("www.acme.co.uk", false), "acme.co.uk", "co.uk");
	is_str(registrable("a.b.c.kobe.jp", false), "b.c.kobe.jp", "wildcard rule");
	is_str(registrable("www.city.kobe.jp", false), "city.kobe.jp", "exception rule");
	is_str(registrable("foo.blogspot.com", false), "blogspot.com", "private rule ignored");
	is_str(registrable("foo.blogspot.com", true), "foo.blogspot.com", "private rule used");
	ok(registrable("co.uk", false) == NULL, "public suffix");
	ok(registrable("blogspot.com", true) == NULL, "private public suffix");
	is_str(registrable("a.b.c.d.e.f.g.h.i.j.k.l.acme.com", false), "acme.com", "many labels");
	ok(sum_dom_is_public_suffix("co.uk") && !sum_dom_is_public_suffix("acme.co.uk"),
	   "is_public_suffix");

	/* domain sets */
	set = sum_dset_create(3, 40);
	ok(set != NULL, "set created");
	ok(sum_dset_add(set, "gmail.com", 9) && sum_dset_add(set, "yahoo.co.uk", 11) &&
	   sum_dset_add(set, "co.uk", 5), "three names added");
	ok(sum_dset_add(set, "gmail.com", 9) && set->count == 3, "adding twice keeps one");
	ok(!sum_dset_add(set, "", 0), "empty name refused");
	ok(sum_dset_contains(set, "gmail.com", 9), "contains");
	ok(!sum_dset_contains(set, "gmail.co", 8), "prefix is not contained");
	ok(!sum_dset_contains(set, "mail.com", 8), "suffix is not contained");
	ok(sum_dset_match(set, "mail.yahoo.co.uk", 16), "subdomain matches its parent");
	ok(sum_dset_match(set, "co.uk", 5), "exact entry matches even if a public suffix");
	ok(!sum_dset_match(set, "acme.co.uk", 10), "a public-suffix entry covers no subdomain");
	ok(!sum_dset_match(set, "xgmail.com", 10), "no match on a label fragment");
	ok(!sum_dset_match(set, "com", 3), "top level alone");
	sum_dset_free(set);

	/* a full set refuses more names rather than overflowing */
	set = sum_dset_create(2, 10);
	ok(sum_dset_add(set, "a.com", 5) && sum_dset_add(set, "b.com", 5), "filled");
	ok(!sum_dset_add(set, "c.com", 5), "arena full");
	sum_dset_free(set);

	/* many names */
	set = sum_dset_create(100000, 100000 * 16);
	for (i = 0; i < 100000; i++)
	{
		len = (size_t) snprintf(name, sizeof(name), "d%d.example", i);
		if (!sum_dset_add(set, name, len))
			break;
	}
	ok(i == 100000 && set->count == 100000, "100000 names");
	len = (size_t) snprintf(name, sizeof(name), "mail.d%d.example", 99999);
	ok(sum_dset_match(set, name, len), "last one found through a subdomain");
	ok(!sum_dset_contains(set, "d100000.example", 15), "absent one not found");
	sum_dset_free(set);

	/* trim */
	len = 9;
	t = sum_dom_trim("\xc2\xa0 a.com\t", &len);
	ok(len == 5 && strncmp(t, "a.com", 5) == 0, "trim NBSP, space and tab");
	len = 3;
	t = sum_dom_trim("\xe3\x80\x80", &len);
	ok(len == 0, "trim ideographic space to nothing");

	return done_testing();
}
