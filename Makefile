EXTENSION = sum
MODULE_big = sum
OBJS = \
	src/companykey.o \
	src/companykey_sql.o \
	src/config.o \
	src/core.o \
	src/domain.o \
	src/domain_sql.o \
	src/email.o \
	src/email_sql.o \
	src/fit.o \
	src/fit_sql.o \
	src/funnel.o \
	src/funnel_sql.o \
	src/matching_sql.o \
	src/milestone.o \
	src/milestone_sql.o \
	src/people_sql.o \
	src/persona.o \
	src/persona_sql.o \
	src/rollup.o \
	src/rollup_format.o \
	src/rollup_sql.o \
	src/similarity.o \
	src/similarity_sql.o \
	src/sum.o \
	src/textfold.o \
	src/unionfind.o \
	src/zeropack.o
DATA = \
	data/sum_disposable_domains.txt \
	data/sum_freemail_domains.txt \
	sum--1.0.sql
PGFILEDESC = "sum - sign-up marketing analytics"

REGRESS = \
	adversarial_config \
	adversarial_coverage \
	adversarial_identity \
	adversarial_matching \
	adversarial_persona \
	adversarial_states \
	company_key \
	domain \
	domain_lists \
	email \
	fit \
	funnel \
	matching \
	milestone_defs \
	milestones \
	people \
	persona \
	persona_buying \
	persona_eval \
	pipeline \
	psl \
	retention \
	rollups \
	rollups_milestone_arrays \
	security \
	settings \
	similarity \
	upgrade
REGRESS_OPTS = --load-extension=$(EXTENSION)

# ICU (NFC, IDNA, transliteration) and libpsl (public suffix list)
PG_CPPFLAGS = $(shell pkg-config --cflags icu-uc icu-i18n libpsl)
SHLIB_LINK = $(shell pkg-config --libs icu-uc icu-i18n libpsl)

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# TAP tests in test/t, as pgvector does; needs libipc-run-perl and a non-root user
prove_installcheck:
	rm -rf $(CURDIR)/tmp_check
	cd $(srcdir) && TESTDIR='$(CURDIR)' PATH="$(bindir):$$PATH" PGPORT='6$(DEF_PGPORT)' PG_REGRESS='$(top_builddir)/src/test/regress/pg_regress' $(PROVE) $(PG_PROVE_FLAGS) $(PROVE_FLAGS) $(if $(PROVE_TESTS),$(PROVE_TESTS),test/t/*.pl)

.PHONY: prove_installcheck

# Refresh the shipped free-mail and disposable domain lists from npm
update-domain-lists:
	bash tools/update-domain-lists.sh

.PHONY: update-domain-lists

# Reliability: libFuzzer harnesses of the pure cores, and the regression
# suite under UBSan and valgrind (see README, Reliability)
fuzz:
	$(MAKE) -C test/fuzz replay fuzz

sanitize:
	bash tools/sanitize.sh

.PHONY: fuzz sanitize
