/*-------------------------------------------------------------------------
 *
 * src/companykey.c
 *	  Company keys and company similarity.
 *
 * A company key is what "ACME Corp.", "Acme Corporation" and "acme corp"
 * have in common: "acme".  It is built in steps:
 *
 * 1. A reference without white space that is a domain, URL or email
 *    ("acme-corp.com", "https://www.acme.co.uk/about", "jo@acme.de") is
 *    keyed by the label of its registrable domain (public suffix list),
 *    folded, with hyphens and other punctuation removed: "acmecorp",
 *    "acme".  Domains have no reliable word boundaries, so no legal form is
 *    removed from them; company similarity recognises glued legal forms.
 * 2. A name is folded (case, accents, ligatures; other scripts
 *    transliterated to Latin through ICU, cached per process; ASCII takes a
 *    fast path) and cut into tokens at white space and punctuation.
 *    Apostrophes join ("O'Reilly" -> "oreilly"); single letters written
 *    with dots are one token ("S.p.A." -> "spa", "Sp. z o.o." -> "sp z
 *    oo").  A domain inside a name ("Amazon.com, Inc.") becomes its label.
 * 3. Connectors between two tokens ("and", "und", "et", "y", "e", "en",
 *    "og", "och"; "&" is punctuation) are dropped.
 * 4. Legal forms come from a table (sum.legal_forms): a form matches a run
 *    of tokens whose concatenation (connectors skipped) equals the form's
 *    own normalized key, so "Pty. Ltd.", "PTY LTD" and "Pty Ltd" are one
 *    form, and "S.A.R.L.", "SARL" and "S.à r.l." are another.  Suffix forms
 *    are removed from the end, longest first and repeatedly ("Foo Holdings
 *    Co., Ltd." loses "co ltd"), prefix forms from the start ("OOO
 *    Romashka").  A removal that would leave nothing is not made: a company
 *    called "AG" keeps its name.
 * 5. The key is the remaining tokens concatenated.  Input without letters
 *    or digits has no key.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "companykey.h"
#include "core.h"
#include "domain.h"
#include "similarity.h"
#include "textfold.h"

#define Min(a, b) ((a) < (b) ? (a) : (b))
#define Max(a, b) ((a) > (b) ? (a) : (b))

/* ------------------------------------------------------------------------
 * The table of legal forms: open addressing over normalized keys
 * ------------------------------------------------------------------------
 */
typedef struct CkFormEntry
{
	char		key[CK_FORM_MAX_BYTES + 1];	/* "" marks a free slot */
	unsigned char len;
	unsigned char positions;	/* CK_SUFFIX | CK_PREFIX */
} CkFormEntry;

struct CkForms
{
	size_t		mask;
	size_t		count;
	size_t		limit;			/* most entries we accept */
	int			maxtokens;		/* longest form, in tokens */
	CkFormEntry *slots;
};

static uint32_t
HashBytes(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

CkForms *
ck_forms_create(size_t nforms)
{
	CkForms    *f = sum_core_alloc(sizeof(CkForms));
	size_t		cap = 16;

	if (f == NULL)
		return NULL;
	while (cap < nforms * 2)
		cap <<= 1;
	f->slots = sum_core_alloc(cap * sizeof(CkFormEntry));
	if (f->slots == NULL)
	{
		sum_core_free(f);
		return NULL;
	}
	memset(f->slots, 0, cap * sizeof(CkFormEntry));
	f->mask = cap - 1;
	f->count = 0;
	f->limit = nforms;
	f->maxtokens = 0;
	return f;
}

void
ck_forms_free(CkForms *forms)
{
	if (forms == NULL)
		return;
	sum_core_free(forms->slots);
	sum_core_free(forms);
}

bool
ck_forms_add(CkForms *forms, const char *key, size_t len, int positions,
			 int ntokens)
{
	size_t		i;

	if (len == 0 || len > CK_FORM_MAX_BYTES || ntokens < 1 ||
		ntokens > CK_FORM_MAX_TOKENS)
		return false;
	for (i = HashBytes(key, len) & forms->mask;; i = (i + 1) & forms->mask)
	{
		CkFormEntry *e = &forms->slots[i];

		if (e->len == 0)
		{
			if (forms->count >= forms->limit)
				return false;
			memcpy(e->key, key, len);
			e->key[len] = '\0';
			e->len = (unsigned char) len;
			e->positions = (unsigned char) positions;
			forms->count++;
			forms->maxtokens = Max(forms->maxtokens, ntokens);
			return true;
		}
		if (e->len == len && memcmp(e->key, key, len) == 0)
		{
			e->positions |= (unsigned char) positions;
			return true;
		}
	}
}

/* FormPositions: CK_SUFFIX | CK_PREFIX of a known form, 0 for others */
static int
FormPositions(const CkForms *forms, const char *key, size_t len)
{
	size_t		i;

	if (forms == NULL || forms->count == 0 || len == 0 || len > CK_FORM_MAX_BYTES)
		return 0;
	for (i = HashBytes(key, len) & forms->mask;; i = (i + 1) & forms->mask)
	{
		const CkFormEntry *e = &forms->slots[i];

		if (e->len == 0)
			return 0;
		if (e->len == len && memcmp(e->key, key, len) == 0)
			return e->positions;
	}
}

/* ------------------------------------------------------------------------
 * Tokens
 * ------------------------------------------------------------------------
 */
typedef struct Tok
{
	size_t		off;			/* in the token arena */
	size_t		len;
	bool		connector;
	bool		dot_after;		/* directly followed by '.' */
	bool		letters;		/* merged from dotted single letters */
	size_t		start,
				end;			/* byte range in the folded text */
} Tok;

typedef struct TokList
{
	Tok		   *tok;
	int			n;
	char	   *arena;
	size_t		used;
} TokList;

static const char *const connectors[] = {
	"and", "und", "et", "y", "e", "en", "og", "och", NULL
};

static bool
IsConnector(const char *s, size_t len)
{
	int			i;

	for (i = 0; connectors[i]; i++)
		if (strlen(connectors[i]) == len && memcmp(connectors[i], s, len) == 0)
			return true;
	return false;
}

/*
 * NextChar: decode one UTF-8 character of s[i..len) into *cp and return
 * its length (1 for a broken byte, which then counts as punctuation).
 */
static size_t
NextChar(const char *s, size_t i, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *) s + i;
	size_t		n,
				k;
	uint32_t	c = p[0];

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	n = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
	if (n == 1 || i + n > len)
	{
		*cp = 0xFFFD;
		return 1;
	}
	c &= (n == 2) ? 0x1F : (n == 3) ? 0x0F : 0x07;
	for (k = 1; k < n; k++)
		c = (c << 6) | (p[k] & 0x3F);
	*cp = c;
	return n;
}

static bool
IsWordChar(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			(c >= '0' && c <= '9');
	return u_isalnum((UChar32) c) != 0;
}

/*
 * Tokenize: cut folded text s[0..len) into tokens (arena and token array
 * sized by the caller for len bytes); merge dotted single letters.
 */
static void
Tokenize(const char *s, size_t len, TokList *tl)
{
	size_t		i = 0;
	int			k,
				out;

	tl->n = 0;
	tl->used = 0;
	while (i < len)
	{
		uint32_t	c;
		size_t		cl = NextChar(s, i, len, &c);
		Tok		   *t;

		if (!IsWordChar(c))
		{
			i += cl;
			continue;
		}
		t = &tl->tok[tl->n++];
		t->off = tl->used;
		t->start = i;
		t->connector = false;
		t->letters = false;
		while (i < len)
		{
			cl = NextChar(s, i, len, &c);
			if (IsWordChar(c))
			{
				memcpy(tl->arena + tl->used, s + i, cl);
				tl->used += cl;
			}
			else if (c == '\'' || c == 0x2019)
			{
				/* an apostrophe inside a word joins: o'reilly */
				size_t		nl;
				uint32_t	nc;

				if (i + cl >= len)
					break;
				nl = NextChar(s, i + cl, len, &nc);
				(void) nl;
				if (!IsWordChar(nc))
					break;
			}
			else
				break;
			i += cl;
		}
		t->end = i;
		t->len = tl->used - t->off;
		t->dot_after = (i < len && s[i] == '.');
	}

	/* single letters joined by dots are one token: s.p.a. -> spa */
	out = 0;
	for (k = 0; k < tl->n; k++)
	{
		Tok		   *t = &tl->tok[k];

		if (out > 0)
		{
			Tok		   *p = &tl->tok[out - 1];

			if ((p->len == 1 || p->letters) && p->dot_after &&
				t->start == p->end + 1 && t->len == 1 && t->end - t->start == 1)
			{
				p->len += t->len;
				p->end = t->end;
				p->dot_after = t->dot_after;
				p->letters = true;
				continue;
			}
		}
		tl->tok[out++] = *t;
	}
	tl->n = out;
	/* "and" is a connector between words only: a company may be "OG" */
	for (k = 1; k < tl->n - 1; k++)
		tl->tok[k].connector = IsConnector(tl->arena + tl->tok[k].off, tl->tok[k].len);
}

/*
 * SpanKey: concatenate tokens [from, to) of tl, connectors skipped, into
 * out (CK_FORM_MAX_BYTES + 1); -1 when longer.
 */
static int
SpanKey(const TokList *tl, int from, int to, char *out)
{
	size_t		n = 0;
	int			k;

	for (k = from; k < to; k++)
	{
		const Tok  *t = &tl->tok[k];

		if (t->connector)
			continue;
		if (n + t->len > CK_FORM_MAX_BYTES)
			return -1;
		memcpy(out + n, tl->arena + t->off, t->len);
		n += t->len;
	}
	out[n] = '\0';
	return (int) n;
}

static int
CountWords(const TokList *tl, int from, int to)
{
	int			n = 0,
				k;

	for (k = from; k < to; k++)
		if (!tl->tok[k].connector)
			n++;
	return n;
}

/*
 * StripForms: narrow [*lo, *hi) by removing legal forms at the end and the
 * start, never removing the last word.
 */
static void
StripForms(const CkForms *forms, const TokList *tl, int *lo, int *hi)
{
	char		buf[CK_FORM_MAX_BYTES + 1];
	int			maxspan;

	if (forms == NULL || forms->count == 0)
		return;
	maxspan = 2 * forms->maxtokens;

	for (;;)
	{
		int			words = CountWords(tl, *lo, *hi);
		int			best = 0,
					l;

		for (l = Min(maxspan, *hi - *lo); l >= 1; l--)
		{
			int			n;

			if (tl->tok[*hi - l].connector)
				continue;
			n = SpanKey(tl, *hi - l, *hi, buf);
			if (n > 0 && (FormPositions(forms, buf, n) & CK_SUFFIX))
			{
				best = l;
				break;
			}
		}
		if (best == 0 || CountWords(tl, *hi - best, *hi) >= words)
			break;
		*hi -= best;
		while (*hi > *lo && tl->tok[*hi - 1].connector)
			(*hi)--;
	}

	for (;;)
	{
		int			words = CountWords(tl, *lo, *hi);
		int			best = 0,
					l;

		for (l = Min(maxspan, *hi - *lo); l >= 1; l--)
		{
			int			n;

			if (tl->tok[*lo + l - 1].connector)
				continue;
			n = SpanKey(tl, *lo, *lo + l, buf);
			if (n > 0 && (FormPositions(forms, buf, n) & CK_PREFIX))
			{
				best = l;
				break;
			}
		}
		if (best == 0 || CountWords(tl, *lo, *lo + best) >= words)
			break;
		*lo += best;
		while (*lo < *hi && tl->tok[*lo].connector)
			(*lo)++;
	}
}

/* ------------------------------------------------------------------------
 * Folding and domains
 * ------------------------------------------------------------------------
 */

/* FoldAlloc: sum_fold into new memory (NUL-terminated); NULL on failure */
static char *
FoldAlloc(const char *in, size_t len, size_t *outlen)
{
	size_t		cap = len + 16;
	char	   *out;
	size_t		n;

	for (;;)
	{
		out = sum_core_alloc(cap + 1);
		if (out == NULL)
			return NULL;
		n = sum_fold(in, len, out, cap, true);
		if (n == SUM_FOLD_INVALID)
		{
			sum_core_free(out);
			return NULL;
		}
		if (n <= cap)
			break;
		sum_core_free(out);
		cap = n;
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

/*
 * DomainLabel: when in[0..len) (no white space) is a domain, URL or email
 * whose registrable domain has a label of two or more characters, write
 * that label folded, letters and digits only, to out (NUL-terminated, cap
 * bytes) and return its length; otherwise -1.
 */
static int
DomainLabel(const char *in, size_t len, char *out, size_t cap)
{
	char		host[SUM_DOMAIN_BUFSIZE];
	char		label[SUM_DOMAIN_BUFSIZE];
	char		uni[SUM_DOMAIN_UNICODE_BUFSIZE];
	const char *lab;
	size_t		lablen,
				flen,
				i,
				n = 0;
	int			hl,
				reg;
	bool		nonascii = false;
	char	   *folded;
	const char *dot;

	if (memchr(in, '.', len) == NULL || len > SUM_DOMAIN_MAX_RAW)
		return -1;
	hl = sum_dom_normalize(in, len, host, &nonascii);
	if (hl < 0)
		return -1;
	reg = sum_dom_registrable(host, true);
	if (reg < 0)
		return -1;
	dot = strchr(host + reg, '.');
	if (dot == NULL)
		return -1;
	lablen = (size_t) (dot - (host + reg));
	memcpy(label, host + reg, lablen);
	label[lablen] = '\0';
	lab = label;
	if (lablen > 4 && memcmp(label, "xn--", 4) == 0)
	{
		int			ul = sum_dom_to_unicode(label, lablen, uni, sizeof(uni));

		if (ul < 0)
			return -1;
		lab = uni;
		lablen = (size_t) ul;
	}
	folded = FoldAlloc(lab, lablen, &flen);
	if (folded == NULL)
		return -1;
	for (i = 0; i < flen;)
	{
		uint32_t	c;
		size_t		cl = NextChar(folded, i, flen, &c);

		if (IsWordChar(c) && n + cl < cap)
		{
			memcpy(out + n, folded + i, cl);
			n += cl;
		}
		i += cl;
	}
	sum_core_free(folded);
	out[n] = '\0';
	/* "j.crew" is a name, not the domain of a company called "j" */
	return n >= 2 ? (int) n : -1;
}

static bool
HasSpace(const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
			s[i] == '\f' || s[i] == '\v')
			return true;
	return false;
}

/*
 * IsFormText: does text (no white space) normalize to a known legal form?
 * Keeps "Co.KG" or "S.A" from being read as domains.
 */
static bool
IsFormText(const CkForms *forms, const char *s, size_t len)
{
	char		key[CK_FORM_MAX_BYTES + 1];
	int			ntok;
	int			n;

	if (forms == NULL || len > 4 * CK_FORM_MAX_BYTES)
		return false;
	n = ck_form_key(s, len, key, &ntok);
	return n > 0 && FormPositions(forms, key, n) != 0;
}

/*
 * ReplaceDomains: copy folded name s to out (room for 2 * len + 1), with
 * every white-space separated chunk that is a domain ("amazon.com,")
 * replaced by its label.
 */
static size_t
ReplaceDomains(const CkForms *forms, const char *s, size_t len, char *out)
{
	size_t		i = 0,
				n = 0;

	while (i < len)
	{
		size_t		st = i,
					a,
					b;
		char		lab[SUM_DOMAIN_BUFSIZE];
		int			ll = -1;

		while (i < len && !HasSpace(s + i, 1))
			i++;
		/* the chunk without punctuation around it */
		a = st;
		b = i;
		while (a < b && !IsWordChar((unsigned char) s[a]) && (unsigned char) s[a] < 0x80)
			a++;
		while (b > a && !IsWordChar((unsigned char) s[b - 1]) && (unsigned char) s[b - 1] < 0x80)
			b--;
		if (b > a && memchr(s + a, '.', b - a) != NULL &&
			!IsFormText(forms, s + a, b - a))
			ll = DomainLabel(s + a, b - a, lab, sizeof(lab));
		if (ll > 0)
		{
			memcpy(out + n, s + st, a - st);
			n += a - st;
			memcpy(out + n, lab, ll);
			n += ll;
			memcpy(out + n, s + b, i - b);
			n += i - b;
		}
		else
		{
			memcpy(out + n, s + st, i - st);
			n += i - st;
		}
		while (i < len && HasSpace(s + i, 1))
			out[n++] = s[i++];
	}
	out[n] = '\0';
	return n;
}

/* ------------------------------------------------------------------------
 * Keys
 * ------------------------------------------------------------------------
 */
int
ck_form_key(const char *form, size_t len, char *out, int *ntokens)
{
	TokList		tl;
	char	   *folded;
	size_t		flen;
	int			n = -1,
				words;

	*ntokens = 0;
	folded = FoldAlloc(form, len, &flen);
	if (folded == NULL)
		return -1;
	tl.tok = sum_core_alloc((flen + 1) * sizeof(Tok));
	tl.arena = sum_core_alloc(flen + 1);
	if (tl.tok && tl.arena)
	{
		Tokenize(folded, flen, &tl);
		words = CountWords(&tl, 0, tl.n);
		if (words > 0 && words <= CK_FORM_MAX_TOKENS)
		{
			n = SpanKey(&tl, 0, tl.n, out);
			*ntokens = words;
			if (n == 0)
				n = -1;
		}
	}
	if (tl.tok)
		sum_core_free(tl.tok);
	if (tl.arena)
		sum_core_free(tl.arena);
	sum_core_free(folded);
	return n;
}

void
ck_parsed_free(CkParsed *p)
{
	if (p->buf)
		sum_core_free(p->buf);
	p->buf = NULL;
}

int
ck_parse(const CkForms *forms, const char *in, size_t len, CkParsed *p)
{
	const char *s;
	char	   *folded = NULL,
			   *text = NULL;
	size_t		flen,
				tlen;
	TokList		tl;
	int			lo,
				hi,
				k,
				result = -1;
	size_t		n;

	memset(p, 0, sizeof(*p));
	tl.tok = NULL;
	tl.arena = NULL;

	s = sum_dom_trim(in, &len);
	if (len > CK_MAX_INPUT)
	{
		/* cut at a character boundary */
		len = CK_MAX_INPUT;
		while (len > 0 && (((unsigned char) s[len]) & 0xC0) == 0x80)
			len--;
	}
	if (len == 0)
		return 0;

	/* 1. a domain, URL or email */
	if (!HasSpace(s, len) && !IsFormText(forms, s, len))
	{
		char		lab[SUM_DOMAIN_BUFSIZE];
		int			ll = DomainLabel(s, len, lab, sizeof(lab));

		if (ll > 0)
		{
			p->buf = sum_core_alloc(3 * (ll + 1));
			if (p->buf == NULL)
				return -1;
			p->key = p->buf;
			p->full = p->buf + ll + 1;
			p->words = p->buf + 2 * (ll + 1);
			memcpy(p->key, lab, ll + 1);
			memcpy(p->full, lab, ll + 1);
			memcpy(p->words, lab, ll + 1);
			p->keylen = p->fulllen = p->wordslen = ll;
			p->ntokens = 1;
			p->is_domain = true;
			return 1;
		}
	}

	/* 2. a name: fold, replace embedded domains, cut into tokens */
	folded = FoldAlloc(s, len, &flen);
	if (folded == NULL)
		goto done;
	text = sum_core_alloc(2 * flen + SUM_DOMAIN_BUFSIZE + 1);
	if (text == NULL)
		goto done;
	tlen = ReplaceDomains(forms, folded, flen, text);
	tl.tok = sum_core_alloc((tlen + 1) * sizeof(Tok));
	tl.arena = sum_core_alloc(tlen + 1);
	if (tl.tok == NULL || tl.arena == NULL)
		goto done;
	Tokenize(text, tlen, &tl);
	if (CountWords(&tl, 0, tl.n) == 0)
	{
		result = 0;
		goto done;
	}

	/* 3. and 4. connectors and legal forms */
	lo = 0;
	hi = tl.n;
	StripForms(forms, &tl, &lo, &hi);

	/* 5. key, full name and words */
	p->buf = sum_core_alloc(4 * (tl.used + tl.n + 2));
	if (p->buf == NULL)
		goto done;
	p->key = p->buf;
	p->full = p->buf + (tl.used + tl.n + 2);
	p->words = p->buf + 2 * (tl.used + tl.n + 2);

	n = 0;
	for (k = 0; k < tl.n; k++)
	{
		Tok		   *t = &tl.tok[k];

		if (t->connector && k > 0 && k < tl.n - 1)
			continue;
		memcpy(p->full + n, tl.arena + t->off, t->len);
		n += t->len;
	}
	p->full[n] = '\0';
	p->fulllen = n;

	n = 0;
	p->wordslen = 0;
	p->ntokens = 0;
	for (k = lo; k < hi; k++)
	{
		Tok		   *t = &tl.tok[k];

		if (t->connector && k > lo && k < hi - 1)
			continue;
		memcpy(p->key + n, tl.arena + t->off, t->len);
		n += t->len;
		if (p->wordslen > 0)
			p->words[p->wordslen++] = ' ';
		memcpy(p->words + p->wordslen, tl.arena + t->off, t->len);
		p->wordslen += t->len;
		if (p->ntokens < (int) sizeof(p->initials) - 1)
		{
			p->initials[p->ntokens] = tl.arena[t->off];
			p->initials[p->ntokens + 1] = '\0';
		}
		p->ntokens++;
	}
	p->key[n] = '\0';
	p->keylen = n;
	p->words[p->wordslen] = '\0';
	result = 1;

done:
	if (folded)
		sum_core_free(folded);
	if (text)
		sum_core_free(text);
	if (tl.tok)
		sum_core_free(tl.tok);
	if (tl.arena)
		sum_core_free(tl.arena);
	if (result != 1)
		ck_parsed_free(p);
	return result;
}

/* ------------------------------------------------------------------------
 * Company similarity
 * ------------------------------------------------------------------------
 *
 * ck_similarity scores two parsed references, 0..1, as the best of:
 *
 * - 1.0 when the keys are equal;
 * - Jaro-Winkler of the two keys, and of the words of each sorted and
 *   concatenated (word order: "Bank of X" vs "X Bank"); Jaro-Winkler
 *   forgives typos and rewards a shared start, and stays low when only a
 *   few letters are shared ("acme" vs "acnestudios" 0.67).  For two
 *   names of several words this is capped at 0.4 + 0.6 * coverage, where
 *   coverage is how well every word of three or more letters of each has
 *   a close word in the other (the smallest best Jaro-Winkler), so that a
 *   shared industry word ("Bezen Solutions" vs "Zenra Solutions") or an
 *   extra word ("Acme" vs "Acme Studios": 0.4) keeps the score low;
 * - 0.97 when one key is the other's full name with its legal form kept
 *   ("acmecorp.com" vs "Acme Corp": the domain spells the form);
 * - 0.95 when one key is the other key followed by a legal form glued on
 *   ("acmecorp" vs "ACME Corporation", "mullergmbh" vs "Müller GmbH");
 * - 0.92 when a domain label is the other key with a common web affix
 *   ("getacme", "acmehq", "acmeapp", "acmegroup");
 * - 0.90 when a domain label is the initials of a name of two or more words
 *   ("ibm.com" vs "International Business Machines");
 * - 0.95 when the keys agree once the spellings transliteration confuses
 *   are made one (x/ks, w/v, c/k, q/k, y/i, ph/f, doubled letters):
 *   "Xape" vs "Ксапе".
 *
 * and at most 0.88 when one key is the other with two or more letters
 * appended ("Norso" vs "Norsol"), unless the appended part is a legal form
 * or a web affix.
 *
 * The score is symmetric: arguments are ordered before comparing.
 */

static const char *const web_prefixes[] = {
	"get", "try", "use", "join", "go", "my", "the", "hello", "meet", "with", NULL
};
static const char *const web_suffixes[] = {
	"hq", "app", "apps", "group", "global", "online", "software", "tech",
	"labs", "lab", "inc", "io", "official", "team", "us", "usa", "uk", "de",
	"eu", "intl", "international", "digital", "cloud", "ai", "data", "co",
	"corp", "company", "world", "web", "net", "hub", NULL
};

static bool
InList(const char *const *list, const char *s, size_t len)
{
	int			i;

	for (i = 0; list[i]; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	return false;
}

/* Jw: Jaro-Winkler of two UTF-8 strings; 0 on failure */
static double
Jw(const char *a, size_t alen, const char *b, size_t blen)
{
	sim_char	sa[128],
				sb[128];
	sim_char   *ca = sa,
			   *cb = sb;
	int64_t		na,
				nb;
	double		r = 0.0;

	if (alen > 128)
		ca = sum_core_alloc(alen * sizeof(sim_char));
	if (blen > 128)
		cb = sum_core_alloc(blen * sizeof(sim_char));
	if (ca && cb)
	{
		na = sim_utf8_decode(a, alen, ca);
		nb = sim_utf8_decode(b, blen, cb);
		if (na >= 0 && nb >= 0)
			r = sim_jaro_winkler(ca, (size_t) na, cb, (size_t) nb);
	}
	if (ca && ca != sa)
		sum_core_free(ca);
	if (cb && cb != sb)
		sum_core_free(cb);
	return r < 0 ? 0.0 : r;
}

static int
CmpWord(const void *x, const void *y)
{
	const char *const *s = x;
	const char *const *t = y;

	return strcmp(*s, *t);
}

/* SortedWords: the words of p sorted and concatenated, new memory */
static char *
SortedWords(const CkParsed *p, size_t *len)
{
	char	   *copy = sum_core_alloc(p->wordslen + 1);
	char	   *out = sum_core_alloc(p->wordslen + 1);
	char	  **w = sum_core_alloc((p->ntokens + 1) * sizeof(char *));
	int			n = 0,
				i;
	size_t		o = 0;
	char	   *t;

	if (copy == NULL || out == NULL || w == NULL)
	{
		if (copy)
			sum_core_free(copy);
		if (out)
			sum_core_free(out);
		if (w)
			sum_core_free(w);
		return NULL;
	}
	memcpy(copy, p->words, p->wordslen + 1);
	for (t = copy; *t && n <= p->ntokens;)
	{
		w[n++] = t;
		t = strchr(t, ' ');
		if (t == NULL)
			break;
		*t++ = '\0';
	}
	qsort(w, n, sizeof(char *), CmpWord);
	for (i = 0; i < n; i++)
	{
		size_t		l = strlen(w[i]);

		memcpy(out + o, w[i], l);
		o += l;
	}
	out[o] = '\0';
	*len = o;
	sum_core_free(copy);
	sum_core_free(w);
	return out;
}

/* GluedScore: one-directional checks of key a against reference b */
static double
GluedScore(const CkForms *forms, const CkParsed *a, const CkParsed *b)
{
	double		best = 0.0;

	/* a spells b with its legal form: acmecorp / "Acme Corp" */
	if (!b->is_domain && b->fulllen != b->keylen &&
		a->keylen == b->fulllen && memcmp(a->key, b->full, a->keylen) == 0)
		best = Max(best, 0.97);

	/* a is b's key with a legal form glued on: acmecorp / "ACME Corporation" */
	if (a->keylen > b->keylen && b->keylen >= 2 &&
		memcmp(a->key, b->key, b->keylen) == 0 &&
		(FormPositions(forms, a->key + b->keylen, a->keylen - b->keylen) & CK_SUFFIX))
		best = Max(best, 0.95);

	if (a->is_domain && b->keylen >= 3)
	{
		/* getacme, acmehq */
		if (a->keylen > b->keylen &&
			memcmp(a->key + (a->keylen - b->keylen), b->key, b->keylen) == 0 &&
			InList(web_prefixes, a->key, a->keylen - b->keylen))
			best = Max(best, 0.92);
		if (a->keylen > b->keylen && memcmp(a->key, b->key, b->keylen) == 0 &&
			InList(web_suffixes, a->key + b->keylen, a->keylen - b->keylen))
			best = Max(best, 0.92);
	}

	/* ibm / International Business Machines */
	if (a->is_domain && !b->is_domain && b->ntokens >= 2 &&
		b->ntokens < (int) sizeof(b->initials) &&
		a->keylen == strlen(b->initials) && memcmp(a->key, b->initials, a->keylen) == 0)
		best = Max(best, 0.90);
	return best;
}

/* SplitWordsOf: up to max words of p (pointers into a copy in buf) */
static int
SplitWordsOf(const CkParsed *p, char *buf, const char **w, size_t *wl, int max)
{
	int			n = 0;
	size_t		i = 0;

	memcpy(buf, p->words, p->wordslen + 1);
	while (i < p->wordslen && n < max)
	{
		size_t		st = i;

		while (i < p->wordslen && buf[i] != ' ')
			i++;
		w[n] = buf + st;
		wl[n] = i - st;
		n++;
		i++;
	}
	return n;
}

/*
 * Coverage: how well every word of three or more letters on each side is
 * matched by some word of the other side (or by its whole key, for words
 * written together): the smallest of these best Jaro-Winkler scores.
 * "Bezen Solutions" vs "Zenra Solutions" share "solutions" but not their
 * own name, and score low; "Bank of America" vs "America Bank" score 1.
 */
static double
Coverage(const CkParsed *a, const CkParsed *b)
{
	char	   *ba = sum_core_alloc(a->wordslen + 1);
	char	   *bb = sum_core_alloc(b->wordslen + 1);
	const char *wa[32],
			   *wb[32];
	size_t		la[32],
				lb[32];
	int			na,
				nb,
				i,
				j,
				side;
	double		cover = 1.0;

	if (ba == NULL || bb == NULL)
	{
		if (ba)
			sum_core_free(ba);
		if (bb)
			sum_core_free(bb);
		return 0.0;
	}
	na = SplitWordsOf(a, ba, wa, la, 32);
	nb = SplitWordsOf(b, bb, wb, lb, 32);
	for (side = 0; side < 2; side++)
	{
		const char **x = side ? wb : wa;
		size_t	   *xl = side ? lb : la;
		int			nx = side ? nb : na;
		const char **y = side ? wa : wb;
		size_t	   *yl = side ? la : lb;
		int			ny = side ? na : nb;
		const CkParsed *other = side ? a : b;

		for (i = 0; i < nx; i++)
		{
			double		best;

			if (xl[i] < 3)
				continue;
			best = Jw(x[i], xl[i], other->key, other->keylen);
			for (j = 0; j < ny && best < 1.0; j++)
				best = Max(best, Jw(x[i], xl[i], y[j], yl[j]));
			cover = Min(cover, best);
		}
	}
	sum_core_free(ba);
	sum_core_free(bb);
	return cover;
}

/*
 * Skeleton: the key with the spellings that transliteration confuses made
 * one (x/ks, w/v, c/k, q/k, y/i, ph/f) and doubled letters single, in new
 * memory: "Xape" and "Ксапе" (ksape), "Wenpra" and "Венпра" (venpra).
 */
static char *
Skeleton(const char *key, size_t len)
{
	char	   *out = sum_core_alloc(2 * len + 1);
	size_t		i,
				n = 0;

	if (out == NULL)
		return NULL;
	for (i = 0; i < len; i++)
	{
		char		c = key[i];
		const char *rep = NULL;
		char		one[2] = {0, 0};

		switch (c)
		{
			case 'x':
				rep = "ks";
				break;
			case 'w':
				rep = "v";
				break;
			case 'c':
			case 'q':
				rep = "k";
				break;
			case 'y':
				rep = "i";
				break;
			case 'p':
				if (i + 1 < len && key[i + 1] == 'h')
				{
					rep = "f";
					i++;
				}
				break;
			default:
				break;
		}
		if (rep == NULL)
		{
			one[0] = c;
			rep = one;
		}
		for (; *rep; rep++)
			if (n == 0 || out[n - 1] != *rep)
				out[n++] = *rep;
	}
	out[n] = '\0';
	return out;
}

double
ck_similarity(const CkForms *forms, const CkParsed *a, const CkParsed *b)
{
	double		best;
	char	   *sa,
			   *sb;
	size_t		la,
				lb;

	if (a->keylen == 0 || b->keylen == 0)
		return 0.0;
	if (a->keylen == b->keylen && memcmp(a->key, b->key, a->keylen) == 0)
		return 1.0;
	/* one order for both calls, so that the score is symmetric */
	if (strcmp(a->key, b->key) > 0)
	{
		const CkParsed *t = a;

		a = b;
		b = t;
	}

	best = Jw(a->key, a->keylen, b->key, b->keylen);
	if (a->ntokens > 1 || b->ntokens > 1)
	{
		sa = SortedWords(a, &la);
		sb = SortedWords(b, &lb);
		if (sa && sb)
			best = Max(best, la == lb && memcmp(sa, sb, la) == 0 ? 1.0 : Jw(sa, la, sb, lb));
		if (sa)
			sum_core_free(sa);
		if (sb)
			sum_core_free(sb);
		/* two names: each one's own words must be found in the other */
		if (!a->is_domain && !b->is_domain)
			best = Min(best, 0.4 + 0.6 * Coverage(a, b));
	}

	/*
	 * A key that is another key with more letters appended is another name
	 * ("Norso" vs "Norsol", "Gonra" vs "Gonrara"), however high
	 * Jaro-Winkler rates the shared start; appended legal forms and web
	 * affixes are recognised below.
	 */
	{
		const CkParsed *s = a->keylen < b->keylen ? a : b;
		const CkParsed *l = a->keylen < b->keylen ? b : a;

		if (l->keylen >= s->keylen + 2 && memcmp(s->key, l->key, s->keylen) == 0)
			best = Min(best, 0.88);
	}

	/* transliteration variants: the same skeleton */
	{
		char	   *ka = Skeleton(a->key, a->keylen);
		char	   *kb = Skeleton(b->key, b->keylen);

		if (ka && kb && strcmp(ka, kb) == 0)
			best = Max(best, 0.95);
		if (ka)
			sum_core_free(ka);
		if (kb)
			sum_core_free(kb);
	}
	best = Max(best, GluedScore(forms, a, b));
	best = Max(best, GluedScore(forms, b, a));
	return Min(best, 1.0);
}
