/*-------------------------------------------------------------------------
 *
 * src/sum.c
 *	  Module entry point of the sum extension: magic block, GUCs and one
 *	  initialiser call per subsystem.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "executor/spi.h"
#include "fmgr.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "core.h"
#include "sum.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "sum",.version = "1.0");
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

int
SumSpiExecute(const char *sql)
{
	MemoryContext cxt = CurrentMemoryContext;
	int			ret = SPI_execute(sql, true, 0);

	MemoryContextSwitchTo(cxt);
	return ret;
}

/*
 * Scratch memory of the pure cores comes from the current memory context, so
 * an error raised while it is live cannot leak it.  NO_OOM keeps malloc's
 * contract (NULL on failure) that the cores are written against; HUGE lets a
 * core work on text close to the 1 GB limit.
 */
static void *
CorePalloc(size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
CorePfree(void *ptr)
{
	if (ptr != NULL)
		pfree(ptr);
}

/*
 * _PG_init: register GUCs and initialise each subsystem once per backend.
 */
void
_PG_init(void)
{
	sum_core_alloc = CorePalloc;
	sum_core_free = CorePfree;

	ConfigInit();

#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("sum");
#else
	EmitWarningsOnPlaceholders("sum");
#endif
}
