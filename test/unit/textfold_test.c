/*
 * test/unit/textfold_test.c
 *	  Unit tests of sum_fold(): case, accents, ligatures, other scripts,
 *	  invalid UTF-8 and the snprintf-like size contract.
 *
 * Copyright (c) 2026, the sum developers
 */
#include <stdlib.h>

#include "tap.h"
#include "textfold.h"

static char buf[4096];

static const char *
fold(const char *s, int translit)
{
	size_t		n = sum_fold(s, strlen(s), buf, sizeof(buf) - 1, translit);

	if (n == SUM_FOLD_INVALID || n >= sizeof(buf))
		return NULL;
	buf[n] = '\0';
	return buf;
}

int
main(void)
{
	size_t		need;
	char		small[4];

	is_str(fold("ACME Corp.", 0), "acme corp.", "ASCII lowercased, punctuation kept");
	is_str(fold("", 0), "", "empty stays empty");
	is_str(fold("Société Générale", 0), "societe generale", "French accents removed");
	is_str(fold("SOCIÉTÉ GÉNÉRALE", 0), "societe generale", "uppercase accents removed");
	is_str(fold("Geschäftsführerin", 0), "geschaftsfuhrerin", "German umlauts lose their dots");
	is_str(fold("Straße", 0), "strasse", "sharp s folds to ss");
	is_str(fold("Ærø Øresund Łódź", 0), "aero oresund lodz", "letters without decomposition");
	is_str(fold("Œuvre", 0), "oeuvre", "oe ligature");
	is_str(fold("ﬁnance", 0), "finance", "fi ligature decomposes");
	is_str(fold("ＡＣＭＥ", 0), "acme", "full-width letters");
	is_str(fold("İstanbul", 0), "istanbul", "dotted capital I");
	is_str(fold("Đorđe Þór", 0), "dorde thor", "Latin d with stroke, thorn");
	is_str(fold("O’Reilly – Media", 0), "o'reilly - media", "typographic apostrophe and dash");
	is_str(fold("Mar\u00ADketing Ma\u200Bna\u200Dger\u2060", 0), "marketing manager",
		   "soft hyphen and zero-width characters dropped");
	is_str(fold("\uFEFF\u202EVP\u202C \u2066Sales\u2069\uFE0F", 0), "vp sales",
		   "BOM, bidi controls and variation selectors dropped");
	is_str(fold("Москва", 0), "москва", "Cyrillic kept without translit");
	is_str(fold("Москва", 1), "moskva", "Cyrillic transliterated");
	is_str(fold("Ελλάδα", 1), "ellada", "Greek transliterated");
	ok(fold("東京", 1) != NULL && sum_is_ascii(buf, strlen(buf)) && strlen(buf) > 0,
	   "CJK transliterated to ASCII (%s)", buf);
	is_str(fold("Müller GmbH", 1), "muller gmbh", "translit leaves Latin alone");
	is_str(fold("株式会社メルカリ", 1), "zhu shi hui she merukari",
		   "a Han run and the kana after it stay apart");
	is_str(fold("東京Tech", 1), "dong jing tech", "a Han run and Latin after it stay apart");
	/*
	 * The transliterator turns the katakana iteration mark after a
	 * supplementary character into half of its surrogate pair (and a
	 * repeat of what precedes): the half is dropped, the text stays valid
	 * (found by the fuzzer)
	 */
	is_str(fold("l\U000CD72C:\u30FEmeta", 1), "l\U000CD72C::meta",
		   "an iteration mark after a supplementary character");
	ok(fold("\U0001F600\u30FD", 1) != NULL, "an iteration mark after an emoji is not refused");
	ok(sum_fold("\xff\xfe", 2, buf, sizeof(buf), 0) == SUM_FOLD_INVALID, "invalid UTF-8");
	ok(sum_fold("caf\xc3", 4, buf, sizeof(buf), 0) == SUM_FOLD_INVALID, "truncated UTF-8");

	need = sum_fold("Straße", strlen("Straße"), small, sizeof(small), 0);
	ok(need == 7, "too small a buffer reports the size needed (%zu)", need);
	need = sum_fold("ABCDEF", 6, small, sizeof(small), 0);
	ok(need == 6, "ASCII fast path reports the size needed too");

	/* a long string of a character that expands under NFKD */
	{
		size_t		len = 3 * 20000;
		char	   *big = malloc(len);
		char	   *out;
		size_t		i;

		for (i = 0; i < len; i += 3)
			memcpy(big + i, "\xef\xac\x83", 3);	/* U+FB03 ffi */
		need = sum_fold(big, len, NULL, 0, 0);
		ok(need == 60000, "ligatures expand: 20000 x ffi needs %zu bytes", need);
		out = malloc(need);
		ok(sum_fold(big, len, out, need, 0) == need && memcmp(out, "ffiffi", 6) == 0,
		   "and fit in exactly that");
		free(out);
		free(big);
	}
	return done_testing();
}
