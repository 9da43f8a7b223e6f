/*
 * test/unit/tap.h
 *	  A few lines of TAP output for the C unit tests, read by prove.
 *
 * Copyright (c) 2026, the sum developers
 */
#ifndef SUM_TAP_H
#define SUM_TAP_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int	tap_count = 0;
static int	tap_failed = 0;

/* ok(cond, name): one assertion */
#define ok(cond, ...) \
	do { \
		int			tap_ok_ = (cond) ? 1 : 0; \
		printf("%sok %d - ", tap_ok_ ? "" : "not ", ++tap_count); \
		printf(__VA_ARGS__); \
		printf("\n"); \
		if (!tap_ok_) \
			tap_failed++; \
	} while (0)

/* is_str(got, want, name): string equality, NULL-aware, with a diagnostic */
#define is_str(got, want, ...) \
	do { \
		const char *tap_g_ = (got), *tap_w_ = (want); \
		int			tap_same_ = (tap_g_ == NULL || tap_w_ == NULL) ? \
			tap_g_ == tap_w_ : strcmp(tap_g_, tap_w_) == 0; \
		ok(tap_same_, __VA_ARGS__); \
		if (!tap_same_) \
			printf("#   got: %s\n#  want: %s\n", tap_g_ ? tap_g_ : "(null)", \
				   tap_w_ ? tap_w_ : "(null)"); \
	} while (0)

/*
 * tap_rand(): xorshift64 from a fixed seed, so that random cases are the
 * same in every run (a test may set tap_rng first for cases of its own)
 */
static uint64_t tap_rng = 88172645463325252ULL;

static inline uint64_t
tap_rand(void)
{
	tap_rng ^= tap_rng << 13;
	tap_rng ^= tap_rng >> 7;
	tap_rng ^= tap_rng << 17;
	return tap_rng;
}

/* done_testing(): print the plan and return the exit status for main() */
#define done_testing() (printf("1..%d\n", tap_count), tap_failed ? 1 : 0)

#endif							/* SUM_TAP_H */
