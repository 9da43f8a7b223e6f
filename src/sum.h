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

/*
 * SumSpiExecute: SPI_execute (read only, all rows) that leaves the caller's
 * memory context current (SPI switches to its own procedure context, freed
 * by SPI_finish).
 */
extern int	SumSpiExecute(const char *sql);

/* Value of a hexadecimal digit, or -1 (the text forms of the state types) */
static inline int
SumHexDigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif							/* SUM_H */
