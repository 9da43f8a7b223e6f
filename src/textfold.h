/*-------------------------------------------------------------------------
 *
 * textfold.h
 *	  Case and accent folding of UTF-8 text, with optional transliteration
 *	  of non-Latin scripts.  Pure C over ICU; no PostgreSQL headers.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_TEXTFOLD_H
#define SUM_TEXTFOLD_H

#include <stdbool.h>
#include <stddef.h>

/* Returned by sum_fold() for input that is not valid UTF-8 */
#define SUM_FOLD_INVALID ((size_t) -1)

/*
 * sum_fold: write the folded form of in[0..inlen) to out as UTF-8 and return
 * its length in bytes, like snprintf: when the result needs more than outcap
 * bytes, nothing useful is in out and the return value is the size needed
 * (call again with a buffer that large).  out is not NUL-terminated.
 *
 * Folding is Unicode full case folding (ß -> ss), compatibility decomposition
 * (ﬁ -> fi, full-width -> ASCII), removal of combining marks (é -> e) and of
 * invisible default-ignorable code points (soft hyphen, zero-width space and
 * joiners, bidi controls, BOM), and the
 * Latin letters that do not decompose (æ -> ae, ø -> o, ł -> l, đ -> d,
 * þ -> th, œ -> oe).  With translit, letters of other scripts are
 * transliterated to Latin ASCII (Москва -> moskva, 東京 -> dong jing), using
 * an ICU transliterator that is opened once per process.  Pure ASCII input
 * takes a fast path that only lowercases.
 *
 * Returns SUM_FOLD_INVALID for invalid UTF-8, or when ICU fails.
 */
extern size_t sum_fold(const char *in, size_t inlen, char *out, size_t outcap,
					   bool translit);

/* sum_is_ascii: true when every byte of s[0..len) is below 0x80 */
extern bool sum_is_ascii(const char *s, size_t len);

#endif							/* SUM_TEXTFOLD_H */
