/*-------------------------------------------------------------------------
 *
 * sum.h
 *	  Declarations shared by the SQL-callable parts of the sum extension.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_H
#define SUM_H

#define SUM_SCHEMA_NAME "sum"

/* Subsystem initialisers, called once from _PG_init() */
extern void ConfigInit(void);

#endif							/* SUM_H */
