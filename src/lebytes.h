/*-------------------------------------------------------------------------
 *
 * lebytes.h
 *	  Little-endian loads and stores at any alignment, for the portable
 *	  binary forms of aggregate states.  memcpy compiles to a plain load or
 *	  store on the machines we build for; the byte swap only happens on
 *	  big-endian ones.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_LEBYTES_H
#define SUM_LEBYTES_H

#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define SUM_LE16(x) __builtin_bswap16(x)
#define SUM_LE32(x) __builtin_bswap32(x)
#define SUM_LE64(x) __builtin_bswap64(x)
#else
#define SUM_LE16(x) (x)
#define SUM_LE32(x) (x)
#define SUM_LE64(x) (x)
#endif

static inline uint16_t
sum_le_get16(const unsigned char *p)
{
	uint16_t	v;

	memcpy(&v, p, sizeof(v));
	return SUM_LE16(v);
}

static inline uint32_t
sum_le_get32(const unsigned char *p)
{
	uint32_t	v;

	memcpy(&v, p, sizeof(v));
	return SUM_LE32(v);
}

static inline uint64_t
sum_le_get64(const unsigned char *p)
{
	uint64_t	v;

	memcpy(&v, p, sizeof(v));
	return SUM_LE64(v);
}

static inline void
sum_le_put16(unsigned char *p, uint16_t v)
{
	v = SUM_LE16(v);
	memcpy(p, &v, sizeof(v));
}

static inline void
sum_le_put32(unsigned char *p, uint32_t v)
{
	v = SUM_LE32(v);
	memcpy(p, &v, sizeof(v));
}

static inline void
sum_le_put64(unsigned char *p, uint64_t v)
{
	v = SUM_LE64(v);
	memcpy(p, &v, sizeof(v));
}

#endif							/* SUM_LEBYTES_H */
