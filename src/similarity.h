/*-------------------------------------------------------------------------
 *
 * similarity.h
 *	  String similarity over arrays of Unicode code points: Levenshtein,
 *	  Damerau-Levenshtein, Jaro, Jaro-Winkler, q-gram Jaccard, Indel and
 *	  token-set similarity.  Pure C; no PostgreSQL headers.
 *
 * Every function works on code points (never bytes), has no length limit
 * and uses memory linear in the input.  Scratch memory comes from
 * sum_core_alloc; functions report allocation failure through their return
 * value as documented below.  Long loops call sim_interrupt_hook (when set)
 * every few million steps so that the server can cancel them.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_SIMILARITY_H
#define SUM_SIMILARITY_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t sim_char;		/* one Unicode code point */

/* Called now and then in long loops; may not return (server: ereport) */
extern void (*sim_interrupt_hook) (void);

/*
 * sim_utf8_decode: decode UTF-8 s[0..len) into out, which must have room
 * for len code points.  Returns the number of code points, or -1 when s is
 * not valid UTF-8 (overlong forms, surrogates and values above U+10FFFF are
 * invalid).
 */
extern int64_t sim_utf8_decode(const char *s, size_t len, sim_char *out);

/*
 * sim_levenshtein: unit-cost edit distance (insert, delete, substitute).
 * With max >= 0, returns the distance when it is at most max and exactly
 * max + 1 otherwise, working only in the band of cells that can still lead
 * to a distance <= max.  max < 0 means no bound.  Returns -1 when out of
 * memory.
 */
extern int64_t sim_levenshtein(const sim_char *a, size_t alen,
							   const sim_char *b, size_t blen, int64_t max);

/*
 * sim_damerau_levenshtein: unrestricted Damerau-Levenshtein distance
 * (insert, delete, substitute, transpose adjacent characters, and
 * substrings may be edited after a transposition: "CA" -> "ABC" is 2).
 * O(alen * blen) time, O(alen + blen) memory.  -1 when out of memory.
 */
extern int64_t sim_damerau_levenshtein(const sim_char *a, size_t alen,
									   const sim_char *b, size_t blen);

/*
 * sim_lcs: length of the longest common subsequence (bit-parallel).
 * -1 when out of memory.  The Indel distance is alen + blen - 2 * lcs.
 */
extern int64_t sim_lcs(const sim_char *a, size_t alen,
					   const sim_char *b, size_t blen);

/*
 * sim_jaro, sim_jaro_winkler: Jaro similarity and its Winkler variant
 * (prefix scale 0.1, common prefix of up to 4 characters, applied only when
 * the Jaro similarity is above 0.7), with jellyfish's conventions: a pair
 * with an empty string scores 0.0, including two empty strings.  Linear
 * time.  Return a negative value when out of memory.
 */
extern double sim_jaro(const sim_char *a, size_t alen,
					   const sim_char *b, size_t blen);
extern double sim_jaro_winkler(const sim_char *a, size_t alen,
							   const sim_char *b, size_t blen);

/*
 * sim_jaccard: |A n B| / |A u B| over the SETS of character q-grams of a
 * and b (q consecutive code points, no padding).  A non-empty string
 * shorter than q contributes itself as its only gram; an empty string has
 * none.  Two empty strings score 1.0.  q must be between 1 and
 * SIM_JACCARD_MAX_Q.  Negative when out of memory.
 */
#define SIM_JACCARD_MAX_Q 64
extern double sim_jaccard(const sim_char *a, size_t alen,
						  const sim_char *b, size_t blen, int q);

/*
 * sim_token_set: rapidfuzz's fuzz.token_set_ratio scaled to 0..1: split
 * both strings on white space into sets of words, compare the sorted
 * intersection and differences with the normalized Indel similarity, and
 * take the best of the three comparisons; 1.0 when one set contains the
 * other.  0.0 when either string has no word.  Negative when out of
 * memory.
 */
extern double sim_token_set(const sim_char *a, size_t alen,
							const sim_char *b, size_t blen);

/* sim_is_space: Python's str.isspace() for one code point */
extern int	sim_is_space(sim_char c);

#endif							/* SUM_SIMILARITY_H */
