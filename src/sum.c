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

#include "fmgr.h"
#include "utils/guc.h"

#include "sum.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "sum",.version = "1.0");
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

/*
 * _PG_init: register GUCs and initialise each subsystem once per backend.
 */
void
_PG_init(void)
{
	ConfigInit();

#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("sum");
#else
	EmitWarningsOnPlaceholders("sum");
#endif
}
