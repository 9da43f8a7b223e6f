/*-------------------------------------------------------------------------
 *
 * src/core.c
 *	  Default scratch allocator of the pure cores: malloc and free.  The
 *	  server replaces both with palloc-based versions in _PG_init.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>

#include "core.h"

void	   *(*sum_core_alloc) (size_t size) = malloc;
void		(*sum_core_free) (void *ptr) = free;
