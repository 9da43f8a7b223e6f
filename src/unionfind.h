/*-------------------------------------------------------------------------
 *
 * unionfind.h
 *	  Disjoint sets (union-find) over node numbers 0..n-1: union by size
 *	  and path halving, so that clustering n nodes and m links costs
 *	  O((n + m) alpha(n)) time and O(n) memory.  Pure C.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_UNIONFIND_H
#define SUM_UNIONFIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct UfSet
{
	int32_t    *parent;
	int32_t    *size;
	int32_t		n;
} UfSet;

/* uf_init: n singleton sets; false when out of memory (sum_core_alloc) */
extern bool uf_init(UfSet *uf, int32_t n);
extern void uf_free(UfSet *uf);

/* uf_find: the representative of x's set */
extern int32_t uf_find(UfSet *uf, int32_t x);

/* uf_union: merge the sets of a and b; returns the new representative */
extern int32_t uf_union(UfSet *uf, int32_t a, int32_t b);

#endif							/* SUM_UNIONFIND_H */
