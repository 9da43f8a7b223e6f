/*-------------------------------------------------------------------------
 *
 * src/domain.c
 *	  Host names for identity matching: find the host in an email or URL,
 *	  bring it to its ASCII form by IDNA, cut it to its registrable domain
 *	  with the public suffix list, and look it up in domain lists.
 *
 * Almost every host in sign-up data is plain ASCII ("gmail.com",
 * "acme.co.uk"), so the ASCII case is validated and lowercased here in one
 * pass; only names with non-ASCII characters or "xn--" labels go through
 * ICU's UTS #46 implementation, which also checks punycode, bidi and joiner
 * rules.  Both paths give the same answer for ASCII input (see the unit
 * tests), except that the fast path never sees "xn--" labels.
 *
 * The public suffix list is libpsl's psl_latest(): the newer of the list
 * compiled into libpsl and the system's /usr/share/publicsuffix file, read
 * once per process.  libpsl's own psl_registrable_domain() always uses both
 * sections of the list; we walk the labels ourselves with
 * psl_is_public_suffix2() so that the private section (blogspot.com,
 * github.io, ...) is used only on request.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>
#include <strings.h>

#include <libpsl.h>
#include <unicode/uidna.h>

#include "core.h"
#include "domain.h"

/*
 * The pinned UTS #46 options.  Nontransitional processing (IDNA2008: "ß",
 * "ς", ZWJ and ZWNJ are kept, not mapped away), STD3 ASCII rules (host
 * names are letters, digits and hyphens), and the bidi and CONTEXTJ checks
 * that UTS #46 and the WHATWG URL standard apply.  CONTEXTO is left out, as
 * browsers do: it only restricts registration.  The hyphen position check
 * ("ab--cd") is not applied either (see IdnaErrorsFatal).
 */
#define SUM_UTS46_OPTIONS \
	(UIDNA_USE_STD3_RULES | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | \
	 UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE)

/* Process-wide: opened on first use, never closed */
static UIDNA *uts46 = NULL;
static bool uts46_failed = false;
static psl_ctx_t *psl = NULL;
static bool psl_failed = false;

static const UIDNA *
Uts46(void)
{
	if (uts46 == NULL && !uts46_failed)
	{
		UErrorCode	status = U_ZERO_ERROR;

		uts46 = uidna_openUTS46(SUM_UTS46_OPTIONS, &status);
		if (U_FAILURE(status))
		{
			uts46 = NULL;
			uts46_failed = true;
		}
	}
	return uts46;
}

/*
 * IdnaErrorsFatal: which UTS #46 errors make a name invalid.  All but
 * UIDNA_ERROR_HYPHEN_3_4: "--" in the third and fourth position is reserved
 * by IDNA2008 for registration, but DNS has such names ("r3---sn-x.net"),
 * and browsers resolve them.
 */
static bool
IdnaErrorsFatal(uint32_t errors)
{
	return (errors & ~((uint32_t) UIDNA_ERROR_HYPHEN_3_4)) != 0;
}

/*
 * Length of the white-space character at s[0..len), or 0.  Covers ASCII
 * white space and the Unicode spaces people paste around addresses.
 */
static size_t
SpaceAt(const unsigned char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (s[0] == ' ' || (s[0] >= 0x09 && s[0] <= 0x0D))
		return 1;
	if (len >= 2 && s[0] == 0xC2 && (s[1] == 0xA0 || s[1] == 0x85))
		return 2;				/* NBSP, NEL */
	if (len >= 3)
	{
		if (s[0] == 0xE2 && s[1] == 0x80 &&
			(s[2] <= 0x8B || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF))
			return 3;			/* U+2000..200B, U+2028, U+2029, U+202F */
		if (s[0] == 0xE2 && s[1] == 0x81 && (s[2] == 0x9F || s[2] == 0xA0))
			return 3;			/* U+205F, U+2060 */
		if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
			return 3;			/* U+3000 */
		if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
			return 3;			/* U+FEFF */
	}
	return 0;
}

/* Length of the white-space character that ends s[0..len), or 0 */
static size_t
SpaceBefore(const unsigned char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (SpaceAt(s + len - 1, 1) == 1)
		return 1;
	if (len >= 2 && SpaceAt(s + len - 2, 2) == 2)
		return 2;
	if (len >= 3 && SpaceAt(s + len - 3, 3) == 3)
		return 3;
	return 0;
}

const char *
sum_dom_trim(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		n = *len;
	size_t		k;

	while ((k = SpaceAt(p, n)) > 0)
	{
		p += k;
		n -= k;
	}
	while ((k = SpaceBefore(p, n)) > 0)
		n -= k;
	*len = n;
	return (const char *) p;
}

/*
 * AsciiHost: the fast path of sum_dom_to_ascii for pure-ASCII input.
 * Returns the length, -1 for an invalid name, or -2 when a label starts
 * with "xn--" and needs ICU to be checked.
 */
static int
AsciiHost(const char *in, size_t len, char *out)
{
	size_t		i;
	size_t		start = 0;

	if (len > 0 && in[len - 1] == '.')
		len--;					/* the root label */
	if (len == 0 || len > SUM_DOMAIN_MAX)
		return -1;

	for (i = 0; i <= len; i++)
	{
		unsigned char c = (i < len) ? (unsigned char) in[i] : '.';

		if (c == '.')
		{
			size_t		llen = i - start;

			if (llen == 0 || llen > 63 || out[i - 1] == '-')
				return -1;
			if (llen >= 4 && out[start] == 'x' && out[start + 1] == 'n' &&
				out[start + 2] == '-' && out[start + 3] == '-')
				return -2;
			if (i < len)
				out[i] = '.';
			start = i + 1;
		}
		else if (c >= 'a' && c <= 'z')
			out[i] = (char) c;
		else if (c >= 'A' && c <= 'Z')
			out[i] = (char) (c + ('a' - 'A'));
		else if (c >= '0' && c <= '9')
			out[i] = (char) c;
		else if (c == '-')
		{
			if (i == start)
				return -1;
			out[i] = '-';
		}
		else
			return -1;
	}
	out[len] = '\0';
	return (int) len;
}

/*
 * UnicodeLabelStartsXn: does a label of the Unicode form of ASCII name
 * out[0..n) start with "xn--"?  (True also when it cannot be converted.)
 */
static bool
UnicodeLabelStartsXn(const UIDNA *idna, const char *name, int32_t n)
{
	UIDNAInfo	info = UIDNA_INFO_INITIALIZER;
	UErrorCode	status = U_ZERO_ERROR;
	char		uni[SUM_DOMAIN_UNICODE_BUFSIZE];
	int32_t		u = uidna_nameToUnicodeUTF8(idna, name, n, uni, sizeof(uni) - 1,
											&info, &status);
	int32_t		i;

	if (U_FAILURE(status) || u < 0)
		return true;
	for (i = 0; i + 4 <= u; i++)
		if ((i == 0 || uni[i - 1] == '.') && strncasecmp(uni + i, "xn--", 4) == 0)
			return true;
	return false;
}

int
sum_dom_to_ascii(const char *in, size_t len, char *out, bool *nonascii)
{
	UIDNAInfo	info = UIDNA_INFO_INITIALIZER;
	UErrorCode	status = U_ZERO_ERROR;
	const UIDNA *idna;
	bool		ascii = true;
	size_t		i;
	int32_t		n;

	for (i = 0; i < len; i++)
		if ((unsigned char) in[i] >= 0x80)
		{
			ascii = false;
			break;
		}
	if (nonascii)
		*nonascii = !ascii;

	if (ascii)
	{
		int			r = AsciiHost(in, len, out);

		if (r != -2)
			return r;
	}

	if (len == 0 || len > SUM_DOMAIN_MAX_RAW)
		return -1;
	idna = Uts46();
	if (idna == NULL)
		return -1;
	n = uidna_nameToASCII_UTF8(idna, in, (int32_t) len, out,
							   SUM_DOMAIN_BUFSIZE - 1, &info, &status);
	if (U_FAILURE(status) || IdnaErrorsFatal(info.errors))
		return -1;
	if (n > 0 && out[n - 1] == '.')
		n--;					/* the root label, as on the fast path */
	if (n <= 0 || n > SUM_DOMAIN_MAX)
		return -1;
	out[n] = '\0';

	/*
	 * ICU reports an empty label only when it is not the last one; a name
	 * like "a.." leaves "a." after dropping the root dot.
	 */
	if (out[n - 1] == '.' || out[0] == '.')
		return -1;

	/*
	 * Since we let "--" in positions 3 and 4 pass, an "xn--" label could
	 * decode to a label that itself starts with "xn--" and so could not be
	 * converted back ("xn--xn--8-8228-822f").  IDNA2008 forbids that; look
	 * at the Unicode form in the rare case where ICU flagged the hyphens.
	 */
	if ((info.errors & UIDNA_ERROR_HYPHEN_3_4) && strstr(out, "xn--") != NULL &&
		UnicodeLabelStartsXn(idna, out, n))
		return -1;
	return (int) n;
}

bool
sum_dom_is_internet(const char *name, size_t len)
{
	size_t		i;
	size_t		tld;

	for (i = len; i > 0 && name[i - 1] != '.'; i--)
		;
	if (i == 0)
		return false;			/* one label */
	tld = i;
	if (len - tld >= 4 && memcmp(name + tld, "xn--", 4) == 0)
		return true;
	if (len - tld < 2)
		return false;
	for (i = tld; i < len; i++)
		if (name[i] < 'a' || name[i] > 'z')
			return false;
	return true;
}

int
sum_dom_to_unicode(const char *name, size_t len, char *out, size_t outcap)
{
	UIDNAInfo	info = UIDNA_INFO_INITIALIZER;
	UErrorCode	status = U_ZERO_ERROR;
	const UIDNA *idna = Uts46();
	int32_t		n;

	if (idna == NULL || outcap < 1 || len > SUM_DOMAIN_MAX)
		return -1;
	n = uidna_nameToUnicodeUTF8(idna, name, (int32_t) len, out,
								(int32_t) (outcap - 1), &info, &status);
	if (U_FAILURE(status) || IdnaErrorsFatal(info.errors) || n < 0 ||
		(size_t) n >= outcap)
		return -1;
	out[n] = '\0';
	return (int) n;
}

static bool
IsSchemeChar(unsigned char c, bool first)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return true;
	return !first && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
}

bool
sum_dom_host_of(const char *in, size_t len, const char **host, size_t *hostlen)
{
	const char *p = sum_dom_trim(in, &len);
	const char *end;
	const char *q;
	size_t		i;

	/* "mailto:" carries an address; "scheme://" and "//" an authority */
	if (len >= 7 && strncasecmp(p, "mailto:", 7) == 0)
	{
		p += 7;
		len -= 7;
	}
	else
	{
		for (i = 0; i < len && IsSchemeChar((unsigned char) p[i], i == 0); i++)
			;
		if (i > 0 && len - i >= 3 && memcmp(p + i, "://", 3) == 0)
		{
			p += i + 3;
			len -= i + 3;
		}
		else if (len >= 2 && p[0] == '/' && p[1] == '/')
		{
			p += 2;
			len -= 2;
		}
	}

	/* the authority ends at the path, query or fragment */
	for (i = 0; i < len; i++)
		if (p[i] == '/' || p[i] == '?' || p[i] == '#' || p[i] == '\\')
			break;
	end = p + i;

	/* user info (or the local part of an address) ends at the last '@' */
	for (q = end; q > p; q--)
		if (q[-1] == '@')
		{
			p = q;
			break;
		}

	if (p < end && *p == '[')
		return false;			/* IPv6 or IPvFuture literal */

	/* a port: ":" and digits at the end */
	for (q = end; q > p; q--)
		if (q[-1] == ':')
		{
			const char *d;

			for (d = q; d < end; d++)
				if (*d < '0' || *d > '9')
					return false;
			end = q - 1;
			break;
		}

	if (end <= p)
		return false;
	*host = p;
	*hostlen = (size_t) (end - p);
	return true;
}

int
sum_dom_normalize(const char *in, size_t len, char *out, bool *nonascii)
{
	const char *host;
	size_t		hostlen;
	int			n;

	if (!sum_dom_host_of(in, len, &host, &hostlen))
		return -1;
	n = sum_dom_to_ascii(host, hostlen, out, nonascii);
	if (n < 0 || !sum_dom_is_internet(out, (size_t) n))
		return -1;
	return n;
}

bool
sum_dom_psl_ready(void)
{
	if (psl == NULL && !psl_failed)
	{
		psl = psl_latest(NULL);
		if (psl == NULL)
			psl_failed = true;
	}
	return psl != NULL;
}

int
sum_dom_registrable(const char *name, bool include_private)
{
	int			type = include_private ? PSL_TYPE_ANY : PSL_TYPE_ICANN;
	const char *p = name;
	const char *regdom = NULL;
	const char *q;
	int			labels = 0;

	if (!sum_dom_psl_ready() || *name == '\0' || *name == '.')
		return -1;

	/*
	 * No rule of the list has more than a few labels; like libpsl, look at
	 * the last nine labels only, so that a name of a hundred labels costs no
	 * more than a short one.
	 */
	for (q = name + strlen(name); q > name; q--)
		if (q[-1] == '.' && ++labels > 8)
		{
			p = q;
			break;
		}

	/*
	 * From the left: the registrable domain is the shortest name that is
	 * not itself a public suffix but whose parent is.  Checking from the
	 * left (as libpsl does) catches lists where "a.b.c" and "c" are
	 * suffixes but "b.c" is not.
	 */
	while (!psl_is_public_suffix2(psl, p, type))
	{
		q = strchr(p, '.');
		if (q == NULL)
			break;
		regdom = p;
		p = q + 1;
	}
	return regdom ? (int) (regdom - name) : -1;
}

bool
sum_dom_is_public_suffix(const char *name)
{
	if (!sum_dom_psl_ready())
		return false;
	return psl_is_public_suffix2(psl, name, PSL_TYPE_ICANN) != 0;
}

/*
 * Domain sets
 */

/* FNV-1a, 32 bits: short keys, a handful of operations per byte */
static uint32_t
HashName(const char *s, size_t len)
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

SumDomainSet *
sum_dset_create(size_t nitems, size_t total_bytes)
{
	SumDomainSet *set;
	size_t		slots = 16;

	/* keep the load factor at or below one half */
	while (slots < 2 * nitems)
	{
		if (slots > ((size_t) 1 << 30))
			return NULL;
		slots *= 2;
	}
	set = sum_core_alloc(sizeof(SumDomainSet));
	if (set == NULL)
		return NULL;
	memset(set, 0, sizeof(SumDomainSet));
	set->mask = (uint32_t) (slots - 1);
	set->arena_size = total_bytes + nitems + 1;
	set->hashes = sum_core_alloc(sizeof(uint32_t) * slots);
	set->offsets = sum_core_alloc(sizeof(uint32_t) * slots);
	set->arena = sum_core_alloc(set->arena_size);
	if (set->hashes == NULL || set->offsets == NULL || set->arena == NULL ||
		set->arena_size > UINT32_MAX - 1)
	{
		sum_dset_free(set);
		return NULL;
	}
	memset(set->offsets, 0, sizeof(uint32_t) * slots);
	return set;
}

bool
sum_dset_add(SumDomainSet *set, const char *name, size_t len)
{
	uint32_t	h;
	uint32_t	i;

	if (len == 0 || len > SUM_DOMAIN_MAX ||
		set->arena_used + len + 1 > set->arena_size ||
		(size_t) set->count + 1 > ((size_t) set->mask + 1) / 2)
		return false;
	if (sum_dset_contains(set, name, len))
		return true;

	h = HashName(name, len);
	for (i = h & set->mask; set->offsets[i] != 0; i = (i + 1) & set->mask)
		;
	set->hashes[i] = h;
	set->offsets[i] = (uint32_t) set->arena_used + 1;
	set->arena[set->arena_used] = (char) (unsigned char) len;
	memcpy(set->arena + set->arena_used + 1, name, len);
	set->arena_used += len + 1;
	set->count++;
	return true;
}

bool
sum_dset_contains(const SumDomainSet *set, const char *name, size_t len)
{
	uint32_t	h;
	uint32_t	i;

	if (set == NULL || len == 0 || len > SUM_DOMAIN_MAX)
		return false;
	h = HashName(name, len);
	for (i = h & set->mask; set->offsets[i] != 0; i = (i + 1) & set->mask)
	{
		if (set->hashes[i] == h)
		{
			const char *e = set->arena + set->offsets[i] - 1;

			if ((unsigned char) e[0] == len && memcmp(e + 1, name, len) == 0)
				return true;
		}
	}
	return false;
}

bool
sum_dset_match(const SumDomainSet *set, const char *name, size_t len)
{
	const char *p = name;
	const char *end = name + len;

	if (set == NULL || set->count == 0)
		return false;
	if (sum_dset_contains(set, name, len))
		return true;

	/*
	 * Parents with at least two labels, longest first.  A hit on a parent
	 * counts unless the parent is a public suffix; that check needs the
	 * list, so it is made only on a hit, which is rare.
	 */
	for (;;)
	{
		const char *dot = memchr(p, '.', (size_t) (end - p));

		if (dot == NULL)
			break;
		p = dot + 1;
		if (memchr(p, '.', (size_t) (end - p)) == NULL)
			break;				/* a top-level label is never matched */
		if (sum_dset_contains(set, p, (size_t) (end - p)))
		{
			char		parent[SUM_DOMAIN_BUFSIZE];

			memcpy(parent, p, (size_t) (end - p));
			parent[end - p] = '\0';
			if (!sum_dom_is_public_suffix(parent))
				return true;
		}
	}
	return false;
}

void
sum_dset_free(SumDomainSet *set)
{
	if (set == NULL)
		return;
	if (set->hashes)
		sum_core_free(set->hashes);
	if (set->offsets)
		sum_core_free(set->offsets);
	if (set->arena)
		sum_core_free(set->arena);
	sum_core_free(set);
}
