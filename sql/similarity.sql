-- String similarity over code points: sum.levenshtein, sum.damerau_levenshtein,
-- sum.jaro_similarity, sum.jaro_winkler_similarity, sum.jaccard,
-- sum.token_set_similarity
\set SHOW_CONTEXT never
SET extra_float_digits = 0;

-- levenshtein: classics, code points, no 255 limit
SELECT sum.levenshtein('kitten', 'sitting') AS kitten_sitting,
       sum.levenshtein('café', 'cafe') AS cafe,
       sum.levenshtein('Straße', 'Strasse') AS strasse,
       sum.levenshtein('', '') AS empty_empty,
       sum.levenshtein('', 'abc') AS empty_abc,
       sum.levenshtein('東京都', '京都') AS kyoto;
SELECT sum.levenshtein(repeat('a', 300), repeat('a', 299) || 'b') AS past_255,
       sum.levenshtein(repeat('ab', 500), repeat('ba', 500)) AS shifted_1000;

-- levenshtein with a bound: the distance, or exactly max_distance + 1
SELECT m, sum.levenshtein('kitten', 'sitting', m) AS bounded
  FROM unnest(ARRAY[0, 1, 2, 3, 4, 100]) AS m ORDER BY m;
SELECT sum.levenshtein('a', 'abcdefgh', 3) AS length_gap_over_bound,
       sum.levenshtein(repeat('ab', 50000), repeat('ba', 50000), 5) AS long_bounded,
       sum.levenshtein(repeat('ab', 50000), repeat('ba', 50000), 1) AS long_over_bound;

-- damerau_levenshtein: unrestricted (CA -> ABC is 2, OSA would say 3)
SELECT sum.damerau_levenshtein('CA', 'ABC') AS ca_abc,
       sum.damerau_levenshtein('ab', 'ba') AS swap,
       sum.damerau_levenshtein('abcdef', 'badcfe') AS three_swaps,
       sum.damerau_levenshtein('café', 'cafe') AS cafe,
       sum.damerau_levenshtein('', 'abc') AS empty_abc,
       sum.damerau_levenshtein('kitten', 'sitting') AS kitten_sitting;

-- jaro and jaro_winkler: the classics
SELECT a, b, round(sum.jaro_similarity(a, b)::numeric, 6) AS jaro,
       round(sum.jaro_winkler_similarity(a, b)::numeric, 6) AS jaro_winkler
  FROM (VALUES ('MARTHA', 'MARHTA'), ('DWAYNE', 'DUANE'), ('DIXON', 'DICKSONX'),
               ('café', 'cafe'), ('abc', 'abc'), ('abc', 'xyz'), ('a', 'a')) AS t(a, b)
 ORDER BY a, b;
-- jellyfish and DuckDB: an empty string scores 0, even against another one
SELECT sum.jaro_similarity('', '') AS jaro_empty,
       sum.jaro_winkler_similarity('', '') AS jw_empty,
       sum.jaro_winkler_similarity('abc', '') AS jw_one_empty;
-- symmetric for these, and no boost at or below Jaro 0.7
SELECT sum.jaro_winkler_similarity('DUANE', 'DWAYNE') = sum.jaro_winkler_similarity('DWAYNE', 'DUANE') AS symmetric,
       sum.jaro_winkler_similarity('abcxyz', 'abcpqr') = sum.jaro_similarity('abcxyz', 'abcpqr') AS no_boost;

-- jaccard: sets of characters by default, q-grams on request
SELECT sum.jaccard('abc', 'abd') AS chars,
       sum.jaccard('aab', 'ab') AS sets_not_bags,
       sum.jaccard('Ab', 'ab') AS case_matters,
       round(sum.jaccard('night', 'nacht', 2)::numeric, 6) AS bigrams,
       sum.jaccard('ab', 'ab', 3) AS short_equal,
       sum.jaccard('ab', 'abc', 3) AS short_vs_gram,
       sum.jaccard('', '') AS both_empty,
       sum.jaccard('', 'a') AS one_empty,
       round(sum.jaccard('abcdefgh', 'abcdefgX', 5)::numeric, 6) AS five_grams;

-- token_set_similarity: rapidfuzz token_set_ratio / 100
SELECT sum.token_set_similarity('new york mets', 'york new mets') AS order_free,
       sum.token_set_similarity('new york mets', 'new york mets vs atlanta braves') AS subset,
       round(sum.token_set_similarity('fuzzy was a bear but not a dog',
                                      'fuzzy was a bear but not a cat')::numeric, 6) AS rapidfuzz_example,
       sum.token_set_similarity('', '') AS empty,
       sum.token_set_similarity('abc', 'xyz') AS disjoint,
       round(sum.token_set_similarity('Acme Corp', 'Acme Corporation')::numeric, 6) AS acme;

-- NULL in, NULL out
SELECT sum.levenshtein(NULL, 'a') IS NULL AS l, sum.levenshtein('a', 'b', NULL) IS NULL AS lb,
       sum.damerau_levenshtein('a', NULL) IS NULL AS d, sum.jaro_similarity(NULL, NULL) IS NULL AS j,
       sum.jaro_winkler_similarity(NULL, 'a') IS NULL AS jw, sum.jaccard('a', 'b', NULL) IS NULL AS jq,
       sum.token_set_similarity(NULL, 'a') IS NULL AS t;

-- long input: linear memory, linear-time Jaro, megabyte strings
CREATE TEMP TABLE long_text AS
SELECT (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 3125) i) AS a,
       (SELECT string_agg(md5((-i)::text), '') FROM generate_series(1, 3125) i) AS b;
SELECT length(a) AS len_a, sum.levenshtein(a, b) BETWEEN 50000 AND 100000 AS lev_plausible,
       sum.levenshtein(a, a || 'x') AS lev_append,
       sum.levenshtein(a, b, 10) AS lev_bounded,
       sum.jaro_winkler_similarity(a, b) BETWEEN 0.5 AND 1 AS jw_plausible,
       sum.jaccard(a, b, 3) BETWEEN 0.9 AND 1 AS jaccard_plausible,
       sum.token_set_similarity(a, a || ' x') AS tokens
  FROM long_text;
SELECT sum.levenshtein(repeat('é', 1000000), repeat('é', 999999) || 'e') AS mb_lev,
       round(sum.jaro_winkler_similarity(repeat('xy', 500000), repeat('yx', 500000))::numeric, 6) AS mb_jw,
       sum.damerau_levenshtein(repeat('ab', 500000), repeat('ab', 500000) || 'c') AS mb_damerau;

-- long loops answer to cancellation
SET statement_timeout = '300ms';
SELECT sum.damerau_levenshtein(a, b) FROM long_text;
SELECT sum.levenshtein(repeat(a, 10), repeat(b, 10)) FROM long_text;
RESET statement_timeout;
DROP TABLE long_text;

-- invalid arguments
SELECT sum.levenshtein('a', 'b', -1);
SELECT sum.jaccard('a', 'b', 0);
SELECT sum.jaccard('a', 'b', 65);
