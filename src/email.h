/*-------------------------------------------------------------------------
 *
 * email.h
 *	  Email address validation and normalization: the basic form (trim,
 *	  NFC, lowercase, IDNA domain), the person key for de-duplication with
 *	  provider rules, and Google's form for Customer Match hashing.  Pure C
 *	  over ICU; no PostgreSQL headers.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_EMAIL_H
#define SUM_EMAIL_H

#include <stdbool.h>
#include <stddef.h>

/* RFC 5321 limits, in octets of the normalized (wire) form */
#define SUM_EMAIL_MAX 254
#define SUM_EMAIL_LOCAL_MAX 64

/* Size of a buffer that receives a normalized address and its NUL */
#define SUM_EMAIL_BUFSIZE 320

/*
 * Longest input, after trimming white space, that we try to read as an
 * address.  The normalized form is at most 254 octets; NFC composition can
 * shrink a local part to a third and IDNA deletes a few characters, so an
 * input four times that long is as long as an address can plausibly be.
 */
#define SUM_EMAIL_MAX_INPUT 1024

typedef enum SumEmailProfile
{
	SUM_EMAIL_BASIC = 0,		/* trim, NFC, lowercase, IDNA domain */
	SUM_EMAIL_MATCH,			/* basic + provider rules: the person key */
	SUM_EMAIL_GOOGLE_ADS		/* basic + Gmail dots, as Google documents */
} SumEmailProfile;

/*
 * sum_em_profile: the profile named name[0..len) ("basic", "match",
 * "google_ads"), or -1 when there is none by that name.
 */
extern int	sum_em_profile(const char *name, size_t len);

/*
 * sum_em_normalize: normalize the address in[0..len) by profile.  Writes
 * the NUL-terminated result to out (SUM_EMAIL_BUFSIZE bytes) and returns its
 * length, with the position of its '@' in *at (optional); returns -1 when
 * the input is not an address we accept:
 *
 *	- not exactly one '@', or an empty local part or domain;
 *	- a local part that is not a dot-atom (RFC 5322 atext and dots, no
 *	  leading, trailing or double dot; quoted local parts are not
 *	  supported) of letters of any script (RFC 6531), or that holds control,
 *	  format, private-use, unassigned or space characters;
 *	- a domain that is not a valid host name under UTS #46 (see
 *	  sum_dom_to_ascii), that has no dot, or whose top-level label is not
 *	  two or more letters or an "xn--" label (so no IP addresses, bracketed
 *	  or not);
 *	- over 64 octets of local part or 254 octets in all (the domain is
 *	  limited to 253 by sum_dom_to_ascii), or an input over
 *	  SUM_EMAIL_MAX_INPUT bytes;
 *	- in the match profile, a local part that a provider rule leaves empty
 *	  ("+tag@gmail.com").
 */
extern int	sum_em_normalize(const char *in, size_t len,
								SumEmailProfile profile, char *out, int *at);

/*
 * sum_em_provider: name of the mailbox provider whose rules the match
 * profile applies to ASCII domain[0..len) ("gmail", "microsoft", "yahoo",
 * "apple", "fastmail", "proton", "yandex", "zoho", "posteo",
 * "mailbox.org"), or NULL.  A subdomain of a Fastmail domain counts as
 * Fastmail (subdomain addressing).
 */
extern const char *sum_em_provider(const char *domain, size_t len);

#endif							/* SUM_EMAIL_H */
