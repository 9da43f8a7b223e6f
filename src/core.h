/*-------------------------------------------------------------------------
 *
 * core.h
 *	  What every pure C core of sum shares: the scratch allocator.
 *
 * Cores (src/<area>.c without postgres.h) work on caller-owned buffers.
 * When one needs scratch memory it calls sum_core_alloc, which is malloc
 * outside the server (unit tests, fuzzers) and palloc in the current memory
 * context inside it (set by _PG_init), so that an error raised while the
 * scratch is live cannot leak it.  Both behave like malloc: NULL on failure.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_CORE_H
#define SUM_CORE_H

#include <stddef.h>

extern void *(*sum_core_alloc) (size_t size);
extern void (*sum_core_free) (void *ptr);

#endif							/* SUM_CORE_H */
