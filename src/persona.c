/*-------------------------------------------------------------------------
 *
 * src/persona.c
 *	  Job title -> function and seniority, from rules compiled into tries.
 *
 * Design.  A title is folded (case, accents, other scripts: sum_fold) and
 * cut into words and segments.  Segments are what "|", ",", "/", "(",
 * " - ", emojis and the like separate ("Head of Growth | ex-Google" has two);
 * what follows "@" up to the next separator is a company name and is
 * dropped.  Rules are patterns of up to eight words; a word is exact
 * ("vp"), a prefix ("vertrieb*"), a suffix ("*leiter") or an infix
 * ("*anwalt*"), and "^" / "$" anchor a pattern to the start / end of a
 * segment.
 *
 * Compilation (once per backend, when the rule table changes) puts every
 * distinct word pattern into one of three character tries (forward for
 * exact and prefix words, reversed for suffixes, forward for infixes) and
 * gives it a symbol number; each rule becomes a path of symbols in a token
 * trie.  Classifying walks each title word through the character tries,
 * which yields the set of symbols the word matches, then walks the token
 * trie from every word position: cost is linear in the title and
 * independent of the number of rules, with no regular expression anywhere.
 *
 * Conflicts are settled the way a reader would: a longer match hides the
 * matches inside it ("account executive" hides "executive", "product
 * marketing" hides "product"); on the same words an exact word beats a
 * wildcard.  A "block" rule ("assistant to", "executive assistant") ends
 * its segment, so "Assistant to the VP" is not a vp; a "stop" rule ("at",
 * "ex") ignores the rest of its segment without contributing anything.
 * Seniority comes from the surviving match with the highest priority (the
 * higher rank on a tie); function from the highest sum of weights (the
 * first named on a tie).
 *
 * Copyright (c) 2026, the sum developers
 *
 *-------------------------------------------------------------------------
 */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "core.h"
#include "persona.h"
#include "textfold.h"

const char *const persona_seniority_names[PERSONA_NUM_SENIORITIES] = {
	"unknown", "intern", "entry", "senior", "manager", "director", "vp",
	"c_level", "owner"
};

const char *const persona_function_names[PERSONA_NUM_FUNCTIONS] = {
	"unknown", "general_management", "marketing", "sales",
	"customer_success", "engineering", "it", "product", "design", "data",
	"operations", "finance", "hr", "legal", "other"
};

const char *const persona_action_names[3] = {"classify", "block", "stop"};

/* Symbols 0 and 1 are the segment anchors "^" and "$" */
#define SYM_BOS			0
#define SYM_EOS			1
#define FIRST_WORD_SYM	2

/* Per-title working limits; everything beyond is ignored, never overrun */
#define MAX_TITLE_TOKENS	128
#define MAX_POSITIONS		(MAX_TITLE_TOKENS * 3)
#define MAX_WORD_SYMS		8	/* symbols kept per title word */
#define MAX_STATES			32	/* token-trie states followed at once */
#define MAX_MATCHES			256
#define MAX_SPAN			(PERSONA_MAX_PATTERN_TOKENS + 2)
#define FOLD_STACK_BYTES	4096

/*
 * A node of a character trie.  Children form a list sorted by label; the
 * root's children are also in a 256-entry table, since nearly every lookup
 * starts there.
 */
typedef struct CharNode
{
	int32_t		first_child;
	int32_t		next_sibling;
	int32_t		sym;			/* prefix/suffix/infix symbol ending here */
	int32_t		exact_sym;		/* exact-word symbol ending here (forward) */
	unsigned char label;
} CharNode;

typedef struct CharTrie
{
	CharNode   *nodes;
	int32_t		n;
	int32_t		cap;
	int32_t		root[256];
} CharTrie;

/* A node of the token trie: the edge into it carries symbol sym */
typedef struct PhraseNode
{
	int32_t		first_child;
	int32_t		next_sibling;
	int32_t		sym;
	int32_t		rule;			/* compiled rule ending here, or -1 */
} PhraseNode;

typedef struct CompiledRule
{
	int32_t		def_index;		/* position in the caller's array */
	float		weight;
	int16_t		priority;
	int8_t		span;			/* words, anchors included */
	int8_t		all_exact;		/* no wildcard word */
	int8_t		action;
	int8_t		seniority;
	int8_t		function;
} CompiledRule;

struct PersonaMatcher
{
	CharTrie	fwd;			/* exact and prefix words */
	CharTrie	rev;			/* suffix words, reversed */
	CharTrie	inf;			/* infix words */
	bool		has_suffix;
	bool		has_infix;
	bool		has_anchor;

	int32_t		nsyms;
	int32_t		symcap;
	unsigned char *sym_len;		/* length of the word without '*' */
	unsigned char *sym_exact;

	PhraseNode *pn;
	int32_t		npn;
	int32_t		pncap;
	int32_t    *proot;			/* root child per symbol, or -1 */

	CompiledRule *rules;
	int32_t		nrules;
	int32_t		rulecap;
};

/* A title word or anchor, with the symbols it matched */
typedef struct Position
{
	int32_t		seg;
	int32_t		nsyms;
	int32_t		syms[MAX_WORD_SYMS];
} Position;

typedef struct Match
{
	int16_t		start;
	int16_t		end;
	int32_t		rule;
} Match;

typedef struct Token
{
	int32_t		start;
	int32_t		len;
	int32_t		seg;
} Token;

const char *
persona_error_message(PersonaError err)
{
	switch (err)
	{
		case PERSONA_OK:
			return "no error";
		case PERSONA_ERR_EMPTY:
			return "pattern has no word";
		case PERSONA_ERR_TOO_LONG:
			return "pattern is too long";
		case PERSONA_ERR_TOO_MANY_TOKENS:
			return "pattern has too many words";
		case PERSONA_ERR_TOKEN_TOO_LONG:
			return "pattern has a word that is too long";
		case PERSONA_ERR_WILDCARD:
			return "wildcard \"*\" may only start or end a word";
		case PERSONA_ERR_AFFIX_TOO_SHORT:
			return "a word with a wildcard needs at least three letters";
		case PERSONA_ERR_ANCHOR:
			return "anchor \"^\" may only start and \"$\" only end a pattern";
		case PERSONA_ERR_SEPARATOR:
			return "pattern contains a character that separates title segments";
		case PERSONA_ERR_ENCODING:
			return "pattern is not valid UTF-8";
		case PERSONA_ERR_ACTION:
			return "invalid action";
		case PERSONA_ERR_SENIORITY:
			return "invalid seniority";
		case PERSONA_ERR_FUNCTION:
			return "invalid job function";
		case PERSONA_ERR_PRIORITY:
			return "priority is out of range";
		case PERSONA_ERR_WEIGHT:
			return "weight is out of range";
		case PERSONA_ERR_TOO_MANY_RULES:
			return "too many persona rules";
		case PERSONA_ERR_NOMEM:
			return "out of memory";
	}
	return "unknown error";
}

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------ */

static inline bool
IsWordChar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static inline bool
IsSpace(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

/*
 * IsSegmentBreak: does c separate segments of a title?  Bytes of non-ASCII
 * characters count: after folding and transliteration only symbols and
 * emojis are left outside ASCII.
 */
static inline bool
IsSegmentBreak(unsigned char c)
{
	if (c >= 0x80)
		return true;
	switch (c)
	{
		case '|':
		case ';':
		case '/':
		case '\\':
		case ',':
		case '(':
		case ')':
		case '[':
		case ']':
		case '{':
		case '}':
		case ':':
		case '\n':
		case '\r':
		case '@':
			return true;
		default:
			return false;
	}
}

/*
 * GrowArray: make room for one more element in *arr (n used, *cap
 * allocated), doubling.  Returns false when memory is short; *arr is then
 * unchanged.
 */
static bool
GrowArray(void **arr, int32_t n, int32_t *cap, size_t elem)
{
	int32_t		newcap;
	void	   *p;

	if (n < *cap)
		return true;
	if (*cap > INT32_MAX / 2)
		return false;
	newcap = *cap < 16 ? 16 : *cap * 2;
	if ((size_t) newcap > SIZE_MAX / elem)
		return false;
	p = sum_core_alloc((size_t) newcap * elem);
	if (p == NULL)
		return false;
	if (*arr != NULL)
	{
		memcpy(p, *arr, (size_t) n * elem);
		sum_core_free(*arr);
	}
	*arr = p;
	*cap = newcap;
	return true;
}

/*
 * FoldText: fold in[0..len) into buf (cap bytes) or, when that is too
 * small, into a fresh sum_core_alloc buffer returned through *heap (caller
 * frees).  Returns the folded length, or SUM_FOLD_INVALID (invalid UTF-8,
 * or memory short when *heap_failed is set).
 */
static size_t
FoldText(const char *in, size_t len, char *buf, size_t cap, char **out,
		 char **heap, bool *heap_failed)
{
	size_t		n;

	*heap = NULL;
	*heap_failed = false;
	*out = buf;
	n = sum_fold(in, len, buf, cap, true);
	if (n == SUM_FOLD_INVALID || n <= cap)
		return n;
	*heap = sum_core_alloc(n);
	if (*heap == NULL)
	{
		*heap_failed = true;
		return SUM_FOLD_INVALID;
	}
	n = sum_fold(in, len, *heap, n, true);
	*out = *heap;
	return n;
}

/*
 * TruncateUtf8: the largest length <= max that does not cut a UTF-8
 * sequence in two.
 */
static size_t
TruncateUtf8(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	len = max;
	while (len > 0 && ((unsigned char) s[len] & 0xC0) == 0x80)
		len--;
	return len;
}

/* ------------------------------------------------------------------------
 * Tokenizing
 * ------------------------------------------------------------------------ */

/*
 * TokenizeTitle: split folded text s[0..len) into words, numbering the
 * segments they belong to.  Words after "@" up to the next separator are
 * dropped (a company name), and so is the "s" of a possessive ("CEO's").
 * Returns the number of words stored (at most max).
 */
static int
TokenizeTitle(const char *s, size_t len, Token *toks, int max)
{
	int			n = 0;
	int32_t		seg = 0;
	bool		seg_used = false;
	bool		in_company = false;
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];

		if (IsWordChar(c))
		{
			size_t		j = i;

			while (j < len && IsWordChar((unsigned char) s[j]))
				j++;
			if (!in_company && n < max)
			{
				toks[n].start = (int32_t) i;
				toks[n].len = (int32_t) (j - i);
				toks[n].seg = seg;
				n++;
				seg_used = true;
			}
			i = j;
			continue;
		}
		if (c == '\'' && i + 1 < len && s[i + 1] == 's' &&
			(i + 2 == len || !IsWordChar((unsigned char) s[i + 2])))
		{
			i += 2;
			continue;
		}
		if (IsSegmentBreak(c) ||
			(c == '-' && ((i > 0 && IsSpace((unsigned char) s[i - 1])) ||
						  (i + 1 < len && IsSpace((unsigned char) s[i + 1])))))
		{
			if (seg_used)
			{
				seg++;
				seg_used = false;
			}
			in_company = (c == '@');
		}
		i++;
	}
	return n;
}

typedef struct PatToken
{
	const char *s;
	int			len;
} PatToken;

/*
 * TokenizePattern: split a folded pattern into words and anchors.  Unlike
 * titles, '*' is part of a word, '^' and '$' are words of their own, and a
 * segment separator is an error.
 */
static PersonaError
TokenizePattern(const char *s, size_t len, PatToken *toks, int *ntoks)
{
	int			n = 0;
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];

		if (IsWordChar(c) || c == '*')
		{
			size_t		j = i;

			while (j < len && (IsWordChar((unsigned char) s[j]) || s[j] == '*'))
				j++;
			if (n == PERSONA_MAX_PATTERN_TOKENS + 2)
				return PERSONA_ERR_TOO_MANY_TOKENS;
			if (j - i > PERSONA_MAX_TOKEN_BYTES + 2)
				return PERSONA_ERR_TOKEN_TOO_LONG;
			toks[n].s = s + i;
			toks[n].len = (int) (j - i);
			n++;
			i = j;
			continue;
		}
		if (c == '^' || c == '$')
		{
			if (n == PERSONA_MAX_PATTERN_TOKENS + 2)
				return PERSONA_ERR_TOO_MANY_TOKENS;
			toks[n].s = s + i;
			toks[n].len = 1;
			n++;
			i++;
			continue;
		}
		if (c == '\'' && i + 1 < len && s[i + 1] == 's' &&
			(i + 2 == len || !IsWordChar((unsigned char) s[i + 2])))
		{
			i += 2;
			continue;
		}
		if (IsSegmentBreak(c))
			return PERSONA_ERR_SEPARATOR;
		i++;
	}
	*ntoks = n;
	return PERSONA_OK;
}

/*
 * CheckPatternTokens: validate words and anchors of a tokenized pattern.
 */
static PersonaError
CheckPatternTokens(const PatToken *toks, int n)
{
	int			words = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		const char *w = toks[i].s;
		int			len = toks[i].len;
		bool		lead,
					trail;
		int			k;

		if (len == 1 && (w[0] == '^' || w[0] == '$'))
		{
			if ((w[0] == '^' && i != 0) || (w[0] == '$' && i != n - 1))
				return PERSONA_ERR_ANCHOR;
			continue;
		}
		words++;
		lead = (w[0] == '*');
		trail = (len > 1 && w[len - 1] == '*');
		if (lead)
		{
			w++;
			len--;
		}
		if (trail)
			len--;
		if (len <= 0)
			return PERSONA_ERR_WILDCARD;
		for (k = 0; k < len; k++)
			if (w[k] == '*')
				return PERSONA_ERR_WILDCARD;
		if (len > PERSONA_MAX_TOKEN_BYTES)
			return PERSONA_ERR_TOKEN_TOO_LONG;
		if ((lead || trail) && len < PERSONA_MIN_AFFIX_BYTES)
			return PERSONA_ERR_AFFIX_TOO_SHORT;
	}
	if (words == 0)
		return PERSONA_ERR_EMPTY;
	if (words > PERSONA_MAX_PATTERN_TOKENS)
		return PERSONA_ERR_TOO_MANY_TOKENS;
	return PERSONA_OK;
}

PersonaError
persona_normalize_pattern(const char *in, size_t inlen, char *out,
						  size_t outcap, size_t *outlen)
{
	char		buf[4 * PERSONA_MAX_PATTERN_BYTES];
	PatToken	toks[PERSONA_MAX_PATTERN_TOKENS + 2];
	int			ntoks = 0;
	size_t		n,
				pos = 0;
	PersonaError err;
	int			i;

	*outlen = 0;
	/* folding can only grow text a few times; refuse the absurd first */
	if (inlen > sizeof(buf))
		return PERSONA_ERR_TOO_LONG;
	n = sum_fold(in, inlen, buf, sizeof(buf), true);
	if (n == SUM_FOLD_INVALID)
		return PERSONA_ERR_ENCODING;
	if (n > sizeof(buf))
		return PERSONA_ERR_TOO_LONG;
	err = TokenizePattern(buf, n, toks, &ntoks);
	if (err != PERSONA_OK)
		return err;
	err = CheckPatternTokens(toks, ntoks);
	if (err != PERSONA_OK)
		return err;
	for (i = 0; i < ntoks; i++)
	{
		size_t		need = (size_t) toks[i].len + (i > 0 ? 1 : 0);

		if (pos + need > PERSONA_MAX_PATTERN_BYTES)
			return PERSONA_ERR_TOO_LONG;
		if (pos + need > outcap)
			return PERSONA_ERR_TOO_LONG;
		if (i > 0)
			out[pos++] = ' ';
		memcpy(out + pos, toks[i].s, toks[i].len);
		pos += toks[i].len;
	}
	*outlen = pos;
	return PERSONA_OK;
}

PersonaError
persona_check_rule(const PersonaRuleDef *rule)
{
	char		buf[PERSONA_MAX_PATTERN_BYTES];
	size_t		len;
	PersonaError err;

	if ((int) rule->action < PERSONA_CLASSIFY || (int) rule->action > PERSONA_STOP)
		return PERSONA_ERR_ACTION;
	if (rule->seniority < -1 || rule->seniority >= PERSONA_NUM_SENIORITIES)
		return PERSONA_ERR_SENIORITY;
	if (rule->function < -1 || rule->function >= PERSONA_NUM_FUNCTIONS)
		return PERSONA_ERR_FUNCTION;
	/* a stop rule ends the segment and says nothing itself */
	if (rule->action == PERSONA_STOP &&
		(rule->seniority >= 0 || rule->function >= 0))
		return PERSONA_ERR_ACTION;
	if (rule->priority < 0 || rule->priority > PERSONA_MAX_PRIORITY)
		return PERSONA_ERR_PRIORITY;
	if (!(rule->weight >= 0.0f && rule->weight <= PERSONA_MAX_WEIGHT))
		return PERSONA_ERR_WEIGHT;	/* also NaN */
	if (rule->pattern == NULL)
		return PERSONA_ERR_EMPTY;
	err = persona_normalize_pattern(rule->pattern, rule->pattern_len, buf,
									sizeof(buf), &len);
	return err;
}

size_t
persona_normalize_title(const char *in, size_t inlen, char *out, size_t outcap)
{
	char		stackbuf[FOLD_STACK_BYTES];
	char	   *text,
			   *heap;
	bool		heap_failed;
	Token		toks[MAX_TITLE_TOKENS];
	int			ntoks,
				i;
	size_t		n,
				pos = 0;

	inlen = TruncateUtf8(in, inlen, PERSONA_MAX_TITLE_BYTES);
	n = FoldText(in, inlen, stackbuf, sizeof(stackbuf), &text, &heap,
				 &heap_failed);
	if (n == SUM_FOLD_INVALID)
		return 0;
	ntoks = TokenizeTitle(text, n, toks, MAX_TITLE_TOKENS);
	for (i = 0; i < ntoks; i++)
	{
		const char *sep = (i == 0) ? "" :
			(toks[i].seg != toks[i - 1].seg ? " | " : " ");
		size_t		seplen = strlen(sep);

		if (pos + seplen <= outcap)
			memcpy(out + pos, sep, seplen);
		pos += seplen;
		if (pos + toks[i].len <= outcap)
			memcpy(out + pos, text + toks[i].start, toks[i].len);
		pos += toks[i].len;
	}
	if (heap)
		sum_core_free(heap);
	return pos;
}

/* ------------------------------------------------------------------------
 * Compiling
 * ------------------------------------------------------------------------ */

static bool
TrieInit(CharTrie *t)
{
	int			i;

	t->nodes = NULL;
	t->n = 0;
	t->cap = 0;
	for (i = 0; i < 256; i++)
		t->root[i] = -1;
	if (!GrowArray((void **) &t->nodes, 0, &t->cap, sizeof(CharNode)))
		return false;
	/* node 0 is the root */
	t->nodes[0].first_child = -1;
	t->nodes[0].next_sibling = -1;
	t->nodes[0].sym = -1;
	t->nodes[0].exact_sym = -1;
	t->nodes[0].label = 0;
	t->n = 1;
	return true;
}

static inline int32_t
TrieChild(const CharTrie *t, int32_t node, unsigned char c)
{
	int32_t		k;

	if (node == 0)
		return t->root[c];
	for (k = t->nodes[node].first_child; k >= 0; k = t->nodes[k].next_sibling)
	{
		if (t->nodes[k].label == c)
			return k;
		if (t->nodes[k].label > c)
			break;
	}
	return -1;
}

/*
 * TrieInsert: the node for s[0..len) (reversed when reverse), creating the
 * path as needed.  Returns -1 when memory is short.
 */
static int32_t
TrieInsert(CharTrie *t, const char *s, int len, bool reverse)
{
	int32_t		node = 0;
	int			i;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[reverse ? len - 1 - i : i];
		int32_t		next = TrieChild(t, node, c);
		int32_t    *link;

		if (next >= 0)
		{
			node = next;
			continue;
		}
		if (!GrowArray((void **) &t->nodes, t->n, &t->cap, sizeof(CharNode)))
			return -1;
		next = t->n++;
		t->nodes[next].first_child = -1;
		t->nodes[next].sym = -1;
		t->nodes[next].exact_sym = -1;
		t->nodes[next].label = c;
		/* keep the sibling list sorted by label */
		link = &t->nodes[node].first_child;
		while (*link >= 0 && t->nodes[*link].label < c)
			link = &t->nodes[*link].next_sibling;
		t->nodes[next].next_sibling = *link;
		*link = next;
		if (node == 0)
			t->root[c] = next;
		node = next;
	}
	return node;
}

static void
TrieFree(CharTrie *t)
{
	if (t->nodes)
		sum_core_free(t->nodes);
	t->nodes = NULL;
}

/*
 * NewSymbol: number a new word pattern of corelen letters.  Returns -1
 * when memory is short.
 */
static int32_t
NewSymbol(PersonaMatcher *m, int corelen, bool exact)
{
	if (m->nsyms >= m->symcap)
	{
		int32_t		cap_len = m->symcap;
		int32_t		cap_exact = m->symcap;

		/* both arrays grow from the same capacity to the same capacity */
		if (!GrowArray((void **) &m->sym_len, m->nsyms, &cap_len, 1) ||
			!GrowArray((void **) &m->sym_exact, m->nsyms, &cap_exact, 1))
			return -1;
		m->symcap = cap_len;
	}
	m->sym_len[m->nsyms] = (unsigned char) corelen;
	m->sym_exact[m->nsyms] = exact;
	return m->nsyms++;
}

/*
 * WordSymbol: the symbol of one pattern word ("vp", "vertrieb*",
 * "*leiter", "*anwalt*", "^", "$"), creating it on first sight.  Returns
 * -1 when memory is short.
 */
static int32_t
WordSymbol(PersonaMatcher *m, const char *w, int len)
{
	bool		lead,
				trail;
	CharTrie   *t;
	int32_t		node;
	int32_t    *slot;

	if (len == 1 && w[0] == '^')
		return SYM_BOS;
	if (len == 1 && w[0] == '$')
		return SYM_EOS;
	lead = (w[0] == '*');
	trail = (w[len - 1] == '*');
	if (lead)
	{
		w++;
		len--;
	}
	if (trail)
		len--;
	if (lead && trail)
	{
		t = &m->inf;
		m->has_infix = true;
	}
	else if (lead)
	{
		t = &m->rev;
		m->has_suffix = true;
	}
	else
		t = &m->fwd;
	node = TrieInsert(t, w, len, lead && !trail);
	if (node < 0)
		return -1;
	slot = (lead || trail) ? &t->nodes[node].sym : &t->nodes[node].exact_sym;
	if (*slot < 0)
	{
		int32_t		sym = NewSymbol(m, len, !(lead || trail));

		if (sym < 0)
			return -1;
		*slot = sym;			/* NewSymbol leaves the trie alone */
	}
	return *slot;
}

static int32_t
PhraseChild(const PersonaMatcher *m, int32_t node, int32_t sym)
{
	int32_t		k;

	for (k = m->pn[node].first_child; k >= 0; k = m->pn[k].next_sibling)
	{
		if (m->pn[k].sym == sym)
			return k;
		if (m->pn[k].sym > sym)
			break;
	}
	return -1;
}

/*
 * PhraseInsert: the token-trie node for syms[0..n), created as needed;
 * -1 when memory is short.
 */
static int32_t
PhraseInsert(PersonaMatcher *m, const int32_t *syms, int n)
{
	int32_t		node = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		int32_t		next = PhraseChild(m, node, syms[i]);
		int32_t    *link;

		if (next >= 0)
		{
			node = next;
			continue;
		}
		if (!GrowArray((void **) &m->pn, m->npn, &m->pncap, sizeof(PhraseNode)))
			return -1;
		next = m->npn++;
		m->pn[next].first_child = -1;
		m->pn[next].sym = syms[i];
		m->pn[next].rule = -1;
		link = &m->pn[node].first_child;
		while (*link >= 0 && m->pn[*link].sym < syms[i])
			link = &m->pn[*link].next_sibling;
		m->pn[next].next_sibling = *link;
		*link = next;
		node = next;
	}
	return node;
}

void
persona_free(PersonaMatcher *m)
{
	if (m == NULL)
		return;
	TrieFree(&m->fwd);
	TrieFree(&m->rev);
	TrieFree(&m->inf);
	if (m->sym_len)
		sum_core_free(m->sym_len);
	if (m->sym_exact)
		sum_core_free(m->sym_exact);
	if (m->pn)
		sum_core_free(m->pn);
	if (m->proot)
		sum_core_free(m->proot);
	if (m->rules)
		sum_core_free(m->rules);
	sum_core_free(m);
}

int
persona_rule_count(const PersonaMatcher *m)
{
	return m ? m->nrules : 0;
}

PersonaMatcher *
persona_compile(const PersonaRuleDef *rules, int nrules, int *nskipped,
				PersonaError *err)
{
	PersonaMatcher *m;
	size_t		total_bytes = 0;
	int			skipped = 0;
	int			i;
	int32_t		k;

	*err = PERSONA_OK;
	m = sum_core_alloc(sizeof(PersonaMatcher));
	if (m == NULL)
	{
		*err = PERSONA_ERR_NOMEM;
		return NULL;
	}
	memset(m, 0, sizeof(PersonaMatcher));
	if (!TrieInit(&m->fwd) || !TrieInit(&m->rev) || !TrieInit(&m->inf) ||
		NewSymbol(m, 0, true) != SYM_BOS || NewSymbol(m, 0, true) != SYM_EOS ||
		!GrowArray((void **) &m->pn, 0, &m->pncap, sizeof(PhraseNode)))
		goto nomem;
	m->pn[0].first_child = -1;
	m->pn[0].next_sibling = -1;
	m->pn[0].sym = -1;
	m->pn[0].rule = -1;
	m->npn = 1;

	for (i = 0; i < nrules; i++)
	{
		const PersonaRuleDef *r = &rules[i];
		char		norm[PERSONA_MAX_PATTERN_BYTES];
		size_t		normlen;
		PatToken	toks[PERSONA_MAX_PATTERN_TOKENS + 2];
		int32_t		syms[PERSONA_MAX_PATTERN_TOKENS + 2];
		int			ntoks = 0,
					t;
		bool		all_exact = true;
		int32_t		node;
		CompiledRule *c;

		if (persona_check_rule(r) != PERSONA_OK ||
			persona_normalize_pattern(r->pattern, r->pattern_len, norm,
									  sizeof(norm), &normlen) != PERSONA_OK ||
			TokenizePattern(norm, normlen, toks, &ntoks) != PERSONA_OK)
		{
			skipped++;
			continue;
		}
		total_bytes += normlen;
		if (m->nrules >= PERSONA_MAX_RULES ||
			total_bytes > PERSONA_MAX_TOTAL_PATTERN_BYTES)
		{
			persona_free(m);
			*err = PERSONA_ERR_TOO_MANY_RULES;
			return NULL;
		}
		for (t = 0; t < ntoks; t++)
		{
			syms[t] = WordSymbol(m, toks[t].s, toks[t].len);
			if (syms[t] < 0)
				goto nomem;
			if (syms[t] >= FIRST_WORD_SYM && !m->sym_exact[syms[t]])
				all_exact = false;
			if (syms[t] < FIRST_WORD_SYM)
				m->has_anchor = true;
		}
		node = PhraseInsert(m, syms, ntoks);
		if (node < 0)
			goto nomem;
		if (m->pn[node].rule >= 0)
		{
			skipped++;			/* same pattern as an earlier rule */
			continue;
		}
		if (!GrowArray((void **) &m->rules, m->nrules, &m->rulecap,
					   sizeof(CompiledRule)))
			goto nomem;
		c = &m->rules[m->nrules];
		c->def_index = i;
		c->weight = r->weight;
		c->priority = (int16_t) r->priority;
		c->span = (int8_t) ntoks;
		c->all_exact = all_exact;
		c->action = (int8_t) r->action;
		c->seniority = (int8_t) r->seniority;
		c->function = (int8_t) r->function;
		m->pn[node].rule = m->nrules++;
	}

	/* the token trie's root gets a table: every title word starts there */
	if ((size_t) m->nsyms > SIZE_MAX / sizeof(int32_t))
		goto nomem;
	m->proot = sum_core_alloc(sizeof(int32_t) * (size_t) m->nsyms);
	if (m->proot == NULL)
		goto nomem;
	for (k = 0; k < m->nsyms; k++)
		m->proot[k] = -1;
	for (k = m->pn[0].first_child; k >= 0; k = m->pn[k].next_sibling)
		m->proot[m->pn[k].sym] = k;

	if (nskipped)
		*nskipped = skipped;
	return m;

nomem:
	persona_free(m);
	*err = PERSONA_ERR_NOMEM;
	return NULL;
}

/* ------------------------------------------------------------------------
 * Classifying
 * ------------------------------------------------------------------------ */

/*
 * AddSymbol: add sym to a word's symbol set.  When the set is full, the
 * least specific symbol (a wildcard word with the fewest letters) makes
 * room for a more specific one; exact words always stay.
 */
static void
AddSymbol(const PersonaMatcher *m, Position *p, int32_t sym)
{
	int			i,
				worst = -1,
				worst_rank = INT_MAX,
				rank;

	for (i = 0; i < p->nsyms; i++)
		if (p->syms[i] == sym)
			return;
	if (p->nsyms < MAX_WORD_SYMS)
	{
		p->syms[p->nsyms++] = sym;
		return;
	}
	for (i = 0; i < p->nsyms; i++)
	{
		int32_t		s = p->syms[i];

		rank = m->sym_exact[s] ? INT_MAX : m->sym_len[s];
		if (rank < worst_rank)
		{
			worst_rank = rank;
			worst = i;
		}
	}
	rank = m->sym_exact[sym] ? INT_MAX : m->sym_len[sym];
	if (worst >= 0 && rank > worst_rank)
		p->syms[worst] = sym;
}

/*
 * WordSymbols: every word pattern that title word w[0..len) matches.
 */
static void
WordSymbols(const PersonaMatcher *m, const char *w, int len, Position *p)
{
	int32_t		node = 0;
	int			i,
				start;

	p->nsyms = 0;
	for (i = 0; i < len; i++)
	{
		node = TrieChild(&m->fwd, node, (unsigned char) w[i]);
		if (node < 0)
			break;
		if (m->fwd.nodes[node].sym >= 0)
			AddSymbol(m, p, m->fwd.nodes[node].sym);
		if (i == len - 1 && m->fwd.nodes[node].exact_sym >= 0)
			AddSymbol(m, p, m->fwd.nodes[node].exact_sym);
	}
	if (m->has_suffix)
	{
		node = 0;
		for (i = len - 1; i >= 0; i--)
		{
			node = TrieChild(&m->rev, node, (unsigned char) w[i]);
			if (node < 0)
				break;
			if (m->rev.nodes[node].sym >= 0)
				AddSymbol(m, p, m->rev.nodes[node].sym);
		}
	}
	if (m->has_infix)
	{
		for (start = 0; start < len; start++)
		{
			node = 0;
			for (i = start; i < len; i++)
			{
				node = TrieChild(&m->inf, node, (unsigned char) w[i]);
				if (node < 0)
					break;
				if (m->inf.nodes[node].sym >= 0)
					AddSymbol(m, p, m->inf.nodes[node].sym);
			}
		}
	}
}

/*
 * Ranks matches for selection: longer first, exact before wildcard, higher
 * priority, then title order.
 */
static bool
MatchBefore(const PersonaMatcher *m, const Match *a, const Match *b)
{
	const CompiledRule *ra = &m->rules[a->rule];
	const CompiledRule *rb = &m->rules[b->rule];
	int			la = a->end - a->start,
				lb = b->end - b->start;

	if (la != lb)
		return la > lb;
	if (ra->all_exact != rb->all_exact)
		return ra->all_exact > rb->all_exact;
	if (ra->priority != rb->priority)
		return ra->priority > rb->priority;
	if (a->start != b->start)
		return a->start < b->start;
	return a->rule < b->rule;
}

/*
 * Hidden: is candidate c hidden by the already selected match s?  A match
 * hides the matches strictly inside it, and on the very same words an
 * exact pattern hides wildcard ones (so "teamleiter" overrides "*leiter",
 * while "vertrieb*" and "*leiter" both read "vertriebsleiter").
 */
static bool
Hidden(const PersonaMatcher *m, const Match *s, const Match *c)
{
	if (s->start > c->start || s->end < c->end)
		return false;
	if (s->start != c->start || s->end != c->end)
		return true;
	return m->rules[s->rule].all_exact && !m->rules[c->rule].all_exact;
}

static void
AddDeciding(PersonaResult *r, int def_index)
{
	int			i;

	for (i = 0; i < r->ndeciding; i++)
		if (r->deciding[i] == def_index)
			return;
	if (r->ndeciding < PERSONA_MAX_DECIDING)
		r->deciding[r->ndeciding++] = def_index;
}

bool
persona_classify(const PersonaMatcher *m, const char *title, size_t len,
				 PersonaResult *result)
{
	char		stackbuf[FOLD_STACK_BYTES];
	char	   *text,
			   *heap;
	bool		heap_failed;
	size_t		n;
	Token		toks[MAX_TITLE_TOKENS];
	Position	pos[MAX_POSITIONS];
	Match		matches[MAX_MATCHES];
	Match		selected[MAX_MATCHES];
	int32_t		dead_from[MAX_POSITIONS];
	int			ntoks,
				npos = 0,
				nmatches = 0,
				nselected = 0,
				i,
				j,
				p;
	int			best_sen = -1;
	double		fweight[PERSONA_NUM_FUNCTIONS];
	int			ffirst[PERSONA_NUM_FUNCTIONS];
	double		ftotal = 0.0;
	int			best_fn = -1;
	double		sconf = 0.0,
				fconf = 0.0;

	memset(result, 0, sizeof(*result));
	result->seniority = PERSONA_SEN_UNKNOWN;
	result->function = PERSONA_FN_UNKNOWN;
	if (m == NULL || title == NULL)
		return true;

	len = TruncateUtf8(title, len, PERSONA_MAX_TITLE_BYTES);
	n = FoldText(title, len, stackbuf, sizeof(stackbuf), &text, &heap,
				 &heap_failed);
	if (n == SUM_FOLD_INVALID)
		return !heap_failed;
	ntoks = TokenizeTitle(text, n, toks, MAX_TITLE_TOKENS);

	/* title words (and segment anchors, when some rule uses them) */
	for (i = 0; i < ntoks; i++)
	{
		bool		new_seg = (i == 0 || toks[i].seg != toks[i - 1].seg);

		if (m->has_anchor && new_seg)
		{
			if (i > 0)
			{
				pos[npos].seg = toks[i - 1].seg;
				pos[npos].nsyms = 1;
				pos[npos++].syms[0] = SYM_EOS;
			}
			pos[npos].seg = toks[i].seg;
			pos[npos].nsyms = 1;
			pos[npos++].syms[0] = SYM_BOS;
		}
		pos[npos].seg = toks[i].seg;
		WordSymbols(m, text + toks[i].start, toks[i].len, &pos[npos]);
		npos++;
	}
	if (m->has_anchor && ntoks > 0)
	{
		pos[npos].seg = toks[ntoks - 1].seg;
		pos[npos].nsyms = 1;
		pos[npos++].syms[0] = SYM_EOS;
	}
	if (heap)
		sum_core_free(heap);

	/* every rule that matches, from every start position */
	for (p = 0; p < npos && nmatches < MAX_MATCHES; p++)
	{
		int32_t		states[MAX_STATES];
		int			nstates = 0,
					depth;

		for (i = 0; i < pos[p].nsyms && nstates < MAX_STATES; i++)
		{
			int32_t		c = m->proot[pos[p].syms[i]];

			if (c >= 0)
				states[nstates++] = c;
		}
		for (depth = 1; nstates > 0; depth++)
		{
			int32_t		next[MAX_STATES];
			int			nnext = 0,
						q = p + depth;

			for (i = 0; i < nstates; i++)
			{
				int32_t		rule = m->pn[states[i]].rule;

				if (rule >= 0 && nmatches < MAX_MATCHES)
				{
					matches[nmatches].start = (int16_t) p;
					matches[nmatches].end = (int16_t) q;
					matches[nmatches].rule = rule;
					nmatches++;
				}
			}
			if (depth == MAX_SPAN || q >= npos || pos[q].seg != pos[p].seg)
				break;
			for (i = 0; i < nstates; i++)
			{
				int			s;

				for (s = 0; s < pos[q].nsyms && nnext < MAX_STATES; s++)
				{
					int32_t		c = PhraseChild(m, states[i], pos[q].syms[s]);
					int			d;

					if (c < 0)
						continue;
					for (d = 0; d < nnext; d++)
						if (next[d] == c)
							break;
					if (d == nnext)
						next[nnext++] = c;
				}
			}
			memcpy(states, next, sizeof(int32_t) * nnext);
			nstates = nnext;
		}
	}

	/* most specific matches first; drop what they hide */
	for (i = 1; i < nmatches; i++)
	{
		Match		x = matches[i];

		for (j = i; j > 0 && MatchBefore(m, &x, &matches[j - 1]); j--)
			matches[j] = matches[j - 1];
		matches[j] = x;
	}
	for (i = 0; i < nmatches; i++)
	{
		for (j = 0; j < nselected; j++)
			if (Hidden(m, &selected[j], &matches[i]))
				break;
		if (j == nselected)
			selected[nselected++] = matches[i];
	}

	/* stop and block rules end their segment */
	for (i = 0; i < npos; i++)
		dead_from[i] = INT32_MAX;
	for (i = 0; i < nselected; i++)
	{
		const CompiledRule *r = &m->rules[selected[i].rule];
		int32_t		seg = pos[selected[i].start].seg;
		int32_t		from;

		if (r->action == PERSONA_CLASSIFY)
			continue;
		from = (r->action == PERSONA_STOP) ? selected[i].start : selected[i].end;
		if (from < dead_from[seg])
			dead_from[seg] = from;
	}

	/* seniority: highest priority, then highest rank, then first named */
	for (i = 0; i < PERSONA_NUM_FUNCTIONS; i++)
	{
		fweight[i] = 0.0;
		ffirst[i] = INT_MAX;
	}
	for (i = 0; i < nselected; i++)
	{
		const Match *s = &selected[i];
		const CompiledRule *r = &m->rules[s->rule];

		if (s->end > dead_from[pos[s->start].seg] || r->action == PERSONA_STOP)
			continue;
		if (r->seniority >= 0)
		{
			const CompiledRule *b = best_sen >= 0 ? &m->rules[selected[best_sen].rule] : NULL;

			if (b == NULL || r->priority > b->priority ||
				(r->priority == b->priority &&
				 (r->seniority > b->seniority ||
				  (r->seniority == b->seniority &&
				   s->start < selected[best_sen].start))))
				best_sen = i;
		}
		if (r->function >= 0 && r->weight > 0.0f)
		{
			fweight[r->function] += r->weight;
			ftotal += r->weight;
			if (s->start < ffirst[r->function])
				ffirst[r->function] = s->start;
		}
	}
	for (i = 0; i < PERSONA_NUM_FUNCTIONS; i++)
	{
		if (fweight[i] <= 0.0)
			continue;
		if (best_fn < 0 || fweight[i] > fweight[best_fn] ||
			(fweight[i] == fweight[best_fn] && ffirst[i] < ffirst[best_fn]))
			best_fn = i;
	}

	if (best_sen >= 0)
	{
		const CompiledRule *r = &m->rules[selected[best_sen].rule];

		result->seniority = r->seniority;
		/* rank words imply seniority; job nouns (priority < 20) only suggest */
		sconf = r->priority >= 20 ? 1.0 : 0.75;
	}
	if (best_fn >= 0)
	{
		result->function = best_fn;
		fconf = fweight[best_fn] / ftotal;
	}
	result->confidence = (float) (floor((sconf + fconf) * 50.0 + 0.5) / 100.0);

	/* the rules that decided, in title order */
	{
		int			order[MAX_MATCHES];
		int			norder = 0;

		for (i = 0; i < nselected; i++)
		{
			const Match *s = &selected[i];
			const CompiledRule *r = &m->rules[s->rule];
			bool		alive = s->end <= dead_from[pos[s->start].seg];

			if (i == best_sen ||
				(alive && r->action == PERSONA_BLOCK) ||
				(alive && r->action != PERSONA_STOP && best_fn >= 0 &&
				 r->function == best_fn && r->weight > 0.0f))
				order[norder++] = i;
		}
		for (i = 1; i < norder; i++)
		{
			int			x = order[i];

			for (j = i; j > 0 && selected[order[j - 1]].start > selected[x].start; j--)
				order[j] = order[j - 1];
			order[j] = x;
		}
		for (i = 0; i < norder; i++)
			AddDeciding(result, m->rules[selected[order[i]].rule].def_index);
	}
	return true;
}
