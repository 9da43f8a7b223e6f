/*-------------------------------------------------------------------------
 *
 * domain.h
 *	  Host names: extraction from emails and URLs, IDNA (UTS #46) to ASCII,
 *	  registrable domains from the public suffix list, and a hash set of
 *	  domains with parent-domain matching.  Pure C over ICU and libpsl; no
 *	  PostgreSQL headers.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_DOMAIN_H
#define SUM_DOMAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest domain name in ASCII form (RFC 1035 255 octets on the wire) */
#define SUM_DOMAIN_MAX 253

/* Size of the buffers that receive an ASCII domain: name, dot, NUL, slack */
#define SUM_DOMAIN_BUFSIZE 260

/* A Unicode domain of SUM_DOMAIN_MAX ASCII octets takes at most this many */
#define SUM_DOMAIN_UNICODE_BUFSIZE 1024

/*
 * Longest host we look at before IDNA.  UTS #46 deletes some characters
 * (soft hyphen, variation selectors), so the raw form may be longer than the
 * result; four times the limit is generous for anything that is a name.
 */
#define SUM_DOMAIN_MAX_RAW (4 * SUM_DOMAIN_MAX)

/*
 * sum_dom_trim: strip leading and trailing white space from s[0..*len):
 * ASCII blanks and control white space, NO-BREAK SPACE, the Unicode spaces
 * U+2000..U+200B, U+2028, U+2029, U+202F, U+205F, U+2060, U+3000 and the
 * byte-order mark.  Returns the new start and sets *len.
 */
extern const char *sum_dom_trim(const char *s, size_t *len);

/*
 * sum_dom_to_ascii: the ASCII form of host name in[0..len) (no scheme, no
 * port), by UTS #46 nontransitional processing with STD3 rules (see
 * domain.c for the pinned ICU options): mapped, lowercased, labels in
 * punycode, one trailing root dot dropped.  Writes a NUL-terminated name to
 * out, which must hold SUM_DOMAIN_BUFSIZE bytes, and returns its length, or
 * -1 when in is not a valid host name (empty label, label over 63 octets,
 * name over 253, character outside letters, digits and hyphen, hyphen at
 * the start or end of a label, bad punycode, bidi or joiner rule broken).
 * *nonascii (optional) tells whether the input had non-ASCII bytes.
 * Pure-ASCII input without "xn--" labels takes a fast path without ICU.
 */
extern int	sum_dom_to_ascii(const char *in, size_t len, char *out,
							 bool *nonascii);

/*
 * sum_dom_is_internet: is ASCII name[0..len) (from sum_dom_to_ascii) an
 * Internet domain as we accept it: at least two labels, and a top-level
 * label of two or more letters or an "xn--" label?  This rejects single
 * labels ("localhost"), dotted IPv4 addresses and numeric top levels.
 */
extern bool sum_dom_is_internet(const char *name, size_t len);

/*
 * sum_dom_to_unicode: the Unicode form (UTS #46 ToUnicode, NFC, lowercase)
 * of valid ASCII name[0..len).  Writes NUL-terminated UTF-8 to out of
 * outcap bytes and returns its length, or -1 on failure.
 */
extern int	sum_dom_to_unicode(const char *name, size_t len, char *out,
							   size_t outcap);

/*
 * sum_dom_host_of: find the host in an email address, a URL or a bare host
 * name: in[0..len) is trimmed; an optional "mailto:", "scheme://" or "//"
 * prefix is skipped; the authority ends at '/', '?', '#' or '\'; user info
 * up to the last '@' and a numeric ":port" are dropped.  Sets *host and
 * *hostlen to the host within in and returns true, or returns false when
 * there is no host (empty, bracketed IPv6 literal, non-numeric port).  The
 * host is not validated; pass it to sum_dom_to_ascii.
 */
extern bool sum_dom_host_of(const char *in, size_t len, const char **host,
							size_t *hostlen);

/*
 * sum_dom_normalize: sum_dom_host_of + sum_dom_to_ascii +
 * sum_dom_is_internet.  Writes the ASCII host to out (SUM_DOMAIN_BUFSIZE
 * bytes) and returns its length, or -1.
 */
extern int	sum_dom_normalize(const char *in, size_t len, char *out,
							  bool *nonascii);

/*
 * sum_dom_psl_ready: load the public suffix list once per process with
 * libpsl's psl_latest() (the newest of the built-in list and the system
 * file).  Returns false when no list can be loaded.
 */
extern bool sum_dom_psl_ready(void);

/*
 * sum_dom_registrable: the registrable domain (public suffix plus one label)
 * of valid ASCII name (NUL-terminated, from sum_dom_to_ascii) by the public
 * suffix list, using the ICANN section only unless include_private.
 * Returns the offset in name where it starts, or -1 when name is itself a
 * public suffix or the list is unavailable.
 */
extern int	sum_dom_registrable(const char *name, bool include_private);

/*
 * sum_dom_is_public_suffix: is ASCII name a public suffix (ICANN section)?
 */
extern bool sum_dom_is_public_suffix(const char *name);

/*
 * A set of ASCII domain names, built once and probed many times: open
 * addressing over 32-bit hashes, names in one arena.  Everything is
 * allocated with sum_core_alloc, so in the server it lives in the memory
 * context that was current when the set was created.
 */
typedef struct SumDomainSet
{
	uint32_t	mask;			/* number of slots - 1 (a power of 2 - 1) */
	uint32_t	count;			/* names in the set */
	uint32_t   *hashes;			/* hash of the name in each slot */
	uint32_t   *offsets;		/* 1 + arena offset of the name, 0 = empty */
	char	   *arena;			/* names, each as length byte + bytes */
	size_t		arena_used;
	size_t		arena_size;
} SumDomainSet;

/*
 * sum_dset_create: an empty set with room for nitems names of total_bytes
 * bytes (the sum of their lengths).  NULL when out of memory.
 */
extern SumDomainSet *sum_dset_create(size_t nitems, size_t total_bytes);

/*
 * sum_dset_add: add name[0..len) (1 to SUM_DOMAIN_MAX bytes).  Returns
 * false when the set is full (more than announced) or len is out of range;
 * adding a name twice keeps one copy.
 */
extern bool sum_dset_add(SumDomainSet *set, const char *name, size_t len);

/* sum_dset_contains: exact membership of name[0..len) */
extern bool sum_dset_contains(const SumDomainSet *set, const char *name,
							  size_t len);

/*
 * sum_dset_match: is ASCII host name[0..len) in the set, or a subdomain of
 * a name in the set?  Parents are matched only while they are not public
 * suffixes, so a list entry can never cover a whole suffix such as "co.uk".
 */
extern bool sum_dset_match(const SumDomainSet *set, const char *name,
						   size_t len);

/* sum_dset_free: release the set */
extern void sum_dset_free(SumDomainSet *set);

#endif							/* SUM_DOMAIN_H */
