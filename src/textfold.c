/*-------------------------------------------------------------------------
 *
 * src/textfold.c
 *	  Case and accent folding of UTF-8 text for matching keys (company
 *	  names, job titles), with optional transliteration of other scripts.
 *
 * Keys must agree however a name was typed: "Société Générale",
 * "SOCIETE GENERALE" and "Societe Generale" fold alike, and so do
 * "Geschäftsführer" and "Geschaftsfuhrer".  Most input is ASCII, which takes
 * a lowercase-only fast path; the rest goes through ICU: full case folding,
 * NFKD, removal of combining marks, a short table for Latin letters that do
 * not decompose, and, on request, the "Any-Latin; Latin-ASCII"
 * transliterator for the remaining non-Latin letters.
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "core.h"
#include "textfold.h"

/* Process-wide: opening a transliterator costs milliseconds */
static UTransliterator *latin_ascii = NULL;
static bool latin_ascii_failed = false;

bool
sum_is_ascii(const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
		if ((unsigned char) s[i] >= 0x80)
			return false;
	return true;
}

/*
 * LatinFallback: ASCII spelling of a folded Latin letter that NFKD leaves
 * alone, or NULL.  Input is already case-folded, so only lowercase forms.
 */
static const char *
LatinFallback(UChar c)
{
	switch (c)
	{
		case 0x00E6:			/* æ */
			return "ae";
		case 0x00F8:			/* ø */
			return "o";
		case 0x00F0:			/* ð */
		case 0x0111:			/* đ */
			return "d";
		case 0x00FE:			/* þ */
			return "th";
		case 0x0127:			/* ħ */
			return "h";
		case 0x0131:			/* dotless ı */
			return "i";
		case 0x0142:			/* ł */
			return "l";
		case 0x0153:			/* œ */
			return "oe";
		case 0x0167:			/* ŧ */
			return "t";
		case 0x014B:			/* ŋ */
			return "n";
		case 0x0138:			/* ĸ */
			return "k";
		case 0x0180:			/* ƀ */
			return "b";
		case 0x0188:			/* ƈ */
			return "c";
		case 0x0192:			/* ƒ */
			return "f";
		case 0x01B6:			/* ƶ */
			return "z";
		case 0x0237:			/* ȷ */
			return "j";
		case 0x2018:			/* ‘ */
		case 0x2019:			/* ’ */
		case 0x02BC:			/* ʼ */
			return "'";
		case 0x2010:			/* hyphen */
		case 0x2011:			/* non-breaking hyphen */
		case 0x2012:			/* figure dash */
		case 0x2013:			/* en dash */
		case 0x2014:			/* em dash */
			return "-";
		default:
			return NULL;
	}
}

/*
 * NeedsTranslit: does buf hold a letter of a script other than Latin?
 */
static bool
NeedsTranslit(const UChar *buf, int32_t len)
{
	int32_t		i = 0;

	while (i < len)
	{
		UChar32		c;
		UErrorCode	status = U_ZERO_ERROR;
		UScriptCode sc;

		U16_NEXT(buf, i, len, c);
		if (c < 0x80 || !u_isalpha(c))
			continue;
		sc = uscript_getScript(c, &status);
		if (U_SUCCESS(status) && sc != USCRIPT_LATIN && sc != USCRIPT_COMMON &&
			sc != USCRIPT_INHERITED)
			return true;
	}
	return false;
}

/*
 * SplitHanRuns: copy src to dst (room for 2 * len), with a space after each
 * Han character that a letter of another script follows.  Any-Latin spells
 * every Han character as a syllable with a space before it but none after,
 * so without it 株式会社メルカリ reads "zhu shi hui shemerukari" and the
 * legal form, or the word, is lost.  Returns the new length.
 */
static int32_t
SplitHanRuns(const UChar *src, int32_t len, UChar *dst)
{
	int32_t		i = 0,
				n = 0;
	bool		prev_han = false;

	while (i < len)
	{
		UChar32		c;
		int32_t		start = i;
		UErrorCode	status = U_ZERO_ERROR;
		UScriptCode sc;
		bool		letter;

		U16_NEXT(src, i, len, c);
		letter = u_isalpha(c) != 0;
		sc = letter ? uscript_getScript(c, &status) : USCRIPT_COMMON;
		if (U_FAILURE(status))
			sc = USCRIPT_COMMON;
		if (prev_han && letter && sc != USCRIPT_HAN)
			dst[n++] = 0x20;
		memcpy(dst + n, src + start, sizeof(UChar) * (i - start));
		n += i - start;
		prev_han = letter && sc == USCRIPT_HAN;
	}
	return n;
}

/*
 * DropLoneSurrogates: remove unpaired surrogates from buf in place; returns
 * the new length.  ICU's transliterators can emit them from valid text: the
 * katakana iteration mark (ヽ) repeats the previous code unit, which after a
 * supplementary character is half of its surrogate pair.  UTF-8 cannot carry
 * them, and the folded text of valid input must stay valid.
 */
static int32_t
DropLoneSurrogates(UChar *buf, int32_t len)
{
	int32_t		i,
				n = 0;

	for (i = 0; i < len; i++)
	{
		if (U16_IS_LEAD(buf[i]) && i + 1 < len && U16_IS_TRAIL(buf[i + 1]))
		{
			buf[n++] = buf[i++];
			buf[n++] = buf[i];
		}
		else if (!U16_IS_SURROGATE(buf[i]))
			buf[n++] = buf[i];
	}
	return n;
}

static UTransliterator *
LatinAscii(void)
{
	if (latin_ascii == NULL && !latin_ascii_failed)
	{
		static const char id[] = "Any-Latin; Latin-ASCII; Any-Lower";
		UChar		uid[sizeof(id)];
		UErrorCode	status = U_ZERO_ERROR;

		u_uastrcpy(uid, id);
		latin_ascii = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL,
								   &status);
		if (U_FAILURE(status))
		{
			latin_ascii = NULL;
			latin_ascii_failed = true;
		}
	}
	return latin_ascii;
}

size_t
sum_fold(const char *in, size_t inlen, char *out, size_t outcap, bool translit)
{
	UErrorCode	status = U_ZERO_ERROR;
	const UNormalizer2 *nfkd;
	UChar	   *a = NULL,
			   *b = NULL;
	int32_t		alen,
				blen,
				cap,
				i,
				n;
	int32_t		outlen;
	size_t		result = SUM_FOLD_INVALID;

	if (sum_is_ascii(in, inlen))
	{
		size_t		k;

		if (inlen <= outcap)
			for (k = 0; k < inlen; k++)
			{
				char		c = in[k];

				out[k] = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
			}
		return inlen;
	}

	/* ICU lengths are int32_t; such input is not a name anyway */
	if (inlen > INT32_MAX / 8)
		return SUM_FOLD_INVALID;

	/* UTF-8 -> UTF-16: never more code units than bytes */
	cap = (int32_t) inlen + 16;
	a = sum_core_alloc(sizeof(UChar) * cap);
	if (a == NULL)
		goto done;
	u_strFromUTF8(a, cap, &alen, in, (int32_t) inlen, &status);
	if (U_FAILURE(status))
		goto done;

	/*
	 * Case folding and NFKD can each grow the text (ß -> ss, ﬃ -> ffi, and
	 * a few compatibility characters expand to many); size buffers with
	 * ICU's preflighting instead of guessing.
	 */
	blen = u_strFoldCase(NULL, 0, a, alen, U_FOLD_CASE_DEFAULT, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		goto done;
	status = U_ZERO_ERROR;
	if (blen > INT32_MAX / 16)
		goto done;
	b = sum_core_alloc(sizeof(UChar) * (blen + 1));
	if (b == NULL)
		goto done;
	blen = u_strFoldCase(b, blen + 1, a, alen, U_FOLD_CASE_DEFAULT, &status);
	if (U_FAILURE(status))
		goto done;

	nfkd = unorm2_getNFKDInstance(&status);
	if (U_FAILURE(status))
		goto done;
	sum_core_free(a);
	a = NULL;
	alen = unorm2_normalize(nfkd, b, blen, NULL, 0, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		goto done;
	status = U_ZERO_ERROR;
	/* the fallback table writes at most 2 units for 1: room for that too */
	if (alen > INT32_MAX / 16)
		goto done;
	cap = alen * 2 + 1;
	a = sum_core_alloc(sizeof(UChar) * cap);
	if (a == NULL)
		goto done;
	alen = unorm2_normalize(nfkd, b, blen, a, cap, &status);
	if (U_FAILURE(status))
		goto done;

	/*
	 * Drop combining marks and default-ignorable code points (soft hyphen,
	 * zero-width space and joiners, bidi controls, variation selectors, the
	 * BOM: invisible, so "Mar<SHY>keting" must fold as "marketing", as
	 * NFKC_Casefold also has it), and spell undecomposable Latin letters in
	 * ASCII
	 */
	sum_core_free(b);
	b = sum_core_alloc(sizeof(UChar) * cap);
	if (b == NULL)
		goto done;
	n = 0;
	i = 0;
	while (i < alen)
	{
		UChar32		c;
		const char *fb;

		U16_NEXT(a, i, alen, c);
		if (u_charType(c) == U_NON_SPACING_MARK ||
			u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
			continue;
		fb = (c <= 0xFFFF) ? LatinFallback((UChar) c) : NULL;
		if (fb != NULL)
		{
			while (*fb)
				b[n++] = (UChar) *fb++;
			continue;
		}
		U16_APPEND_UNSAFE(b, n, c);
	}
	blen = n;

	if (translit && NeedsTranslit(b, blen))
	{
		UTransliterator *t = LatinAscii();
		int32_t		limit = blen;
		int32_t		textlen = blen;

		if (t == NULL)
			goto done;
		/*
		 * Transliteration grows text (one CJK character -> "zhong "); start
		 * generously and double on overflow, a few times at most.
		 */
		cap = blen * 4 + 16;
		for (i = 0; i < 4; i++)
		{
			sum_core_free(a);
			a = sum_core_alloc(sizeof(UChar) * cap);
			if (a == NULL)
				goto done;
			textlen = SplitHanRuns(b, blen, a);
			limit = textlen;
			status = U_ZERO_ERROR;
			utrans_transUChars(t, a, &textlen, cap, 0, &limit, &status);
			if (status != U_BUFFER_OVERFLOW_ERROR)
				break;
			if (cap > INT32_MAX / 4)
				goto done;
			cap *= 2;
		}
		if (U_FAILURE(status))
			goto done;
		sum_core_free(b);
		b = a;
		blen = DropLoneSurrogates(a, textlen);
		a = NULL;
	}

	/* UTF-16 -> UTF-8 straight into the caller's buffer, or just measure */
	u_strToUTF8(out, (int32_t) (outcap > INT32_MAX ? INT32_MAX : outcap),
				&outlen, b, blen, &status);
	if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING)
		status = U_ZERO_ERROR;
	if (U_FAILURE(status))
		goto done;
	result = (size_t) outlen;

done:
	if (a)
		sum_core_free(a);
	if (b)
		sum_core_free(b);
	return result;
}
