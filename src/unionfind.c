/*-------------------------------------------------------------------------
 *
 * src/unionfind.c
 *	  Disjoint sets for clustering match pairs into people (connected
 *	  components) in near-linear time, instead of a recursive CTE that
 *	  revisits every path.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "core.h"
#include "unionfind.h"

bool
uf_init(UfSet *uf, int32_t n)
{
	int32_t		i;

	uf->n = n;
	uf->parent = sum_core_alloc(sizeof(int32_t) * (size_t) (n > 0 ? n : 1));
	uf->size = sum_core_alloc(sizeof(int32_t) * (size_t) (n > 0 ? n : 1));
	if (uf->parent == NULL || uf->size == NULL)
	{
		uf_free(uf);
		return false;
	}
	for (i = 0; i < n; i++)
	{
		uf->parent[i] = i;
		uf->size[i] = 1;
	}
	return true;
}

void
uf_free(UfSet *uf)
{
	if (uf->parent)
		sum_core_free(uf->parent);
	if (uf->size)
		sum_core_free(uf->size);
	uf->parent = NULL;
	uf->size = NULL;
}

int32_t
uf_find(UfSet *uf, int32_t x)
{
	/* path halving: every other node on the way points to its grandparent */
	while (uf->parent[x] != x)
	{
		uf->parent[x] = uf->parent[uf->parent[x]];
		x = uf->parent[x];
	}
	return x;
}

int32_t
uf_union(UfSet *uf, int32_t a, int32_t b)
{
	int32_t		ra = uf_find(uf, a);
	int32_t		rb = uf_find(uf, b);

	if (ra == rb)
		return ra;
	/* the smaller tree goes under the larger: depth stays logarithmic */
	if (uf->size[ra] < uf->size[rb])
	{
		int32_t		t = ra;

		ra = rb;
		rb = t;
	}
	uf->parent[rb] = ra;
	uf->size[ra] += uf->size[rb];
	return ra;
}
