/*-------------------------------------------------------------------------
 *
 * matching.h
 *	  Server-side declarations shared by the company-key glue and the
 *	  matching functions.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#ifndef SUM_MATCHING_H
#define SUM_MATCHING_H

#include "companykey.h"

/*
 * SumLegalForms: the legal forms of sum.legal_forms, cached per backend and
 * rebuilt when the table changes.  The result lives in a cache context;
 * callers must not free it, and must not keep it across a call that may
 * rebuild it.
 */
extern const CkForms *SumLegalForms(void);

/* SumCompanyParse: ck_parse with the cached forms; ERROR on out of memory */
extern bool SumCompanyParse(const char *s, size_t len, CkParsed *p);

/* SumRegistrableDomain: registrable domain of an email, URL or host, or NULL */
extern char *SumRegistrableDomain(const char *s);

#endif							/* SUM_MATCHING_H */
