/*-------------------------------------------------------------------------
 *
 * config.h
 *	  Backend-local caches of sum's configuration tables, and the settings
 *	  accessor used by C code.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_CONFIG_H
#define SUM_CONFIG_H

#include "postgres.h"

/*
 * A cache built from a configuration table (rules, domain lists, settings)
 * is current while SumConfigGeneration() returns the value it was built at.
 * The generation moves whenever a watched table is written to (the
 * sum.config_changed() trigger sends a relcache invalidation to every
 * backend at commit) or when invalidations were lost.  Caches call
 * SumConfigWatch() for each table they read while building.
 */
extern uint64 SumConfigGeneration(void);
extern void SumConfigWatch(Oid relid);
extern Oid	SumConfigRelid(const char *relname);

/*
 * SumSettingText returns the current value of a setting in sum.settings as a
 * string palloc'd in the caller's memory context, or NULL when the setting
 * holds NULL.  An unknown name is an error (a bug in the caller).
 */
extern char *SumSettingText(const char *name);
extern double SumSettingFloat(const char *name);
extern int	SumSettingInt(const char *name);

#endif							/* SUM_CONFIG_H */
