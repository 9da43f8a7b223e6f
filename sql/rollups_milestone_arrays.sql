-- rollups_milestone_arrays: the milestones argument of sum.account_rollup in
-- every form a text[] datum takes: inline (short or 4-byte header), an
-- expanded array (array_append's result), compressed, TOASTed out of line;
-- lists that repeat (the aggregate remembers them per call site) and lists
-- seen after the milestone dictionary is full
\set SHOW_CONTEXT never
SET timezone = 'UTC';
\set as_of '''2024-06-30 12:00:00+00''::timestamptz'

CREATE TABLE ms_users (
	account int,
	id bigint,
	milestones text[]
);
INSERT INTO ms_users
SELECT i % 3, i, (ARRAY['activated', 'invited_teammate', 'integrated'])[1:1 + i % 3]
  FROM generate_series(1, 30) i;

-- inline arrays, each list ten times
SELECT account, (sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
									milestones, :as_of)).milestones
  FROM ms_users GROUP BY account ORDER BY account;

-- an expanded array as the argument (it used to crash the server, as did
-- an array stored out of line, below)
SELECT account, (sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
									array_append(milestones, 'exported'), :as_of)).milestones
  FROM ms_users GROUP BY account ORDER BY account;

-- the same summaries as from the flat arrays the expanded ones stand for
CREATE TABLE ms_flat AS
SELECT account, id, array_append(milestones, 'exported') AS milestones FROM ms_users;
SELECT count(*) AS accounts, bool_and(e IS NOT DISTINCT FROM f) AS expanded_equals_flat
  FROM (SELECT account,
			   sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
								  array_append(milestones, 'exported'), :as_of) AS e
		  FROM ms_users GROUP BY account) x
  JOIN (SELECT account,
			   sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
								  milestones, :as_of) AS f
		  FROM ms_flat GROUP BY account) y USING (account);

-- lists seen once the dictionary is full go to each state's own list:
-- account 0 fills the dictionary with 64 names (a sorted aggregate takes
-- it first), then accounts 1 and 2 each get the same list three times
CREATE TABLE ms_many AS
SELECT 0 AS account, i::bigint AS id, ARRAY['m' || lpad(i::text, 2, '0')] AS milestones
  FROM generate_series(1, 64) i
UNION ALL
SELECT a, 100 + a * 10 + r, ARRAY['zz-late', 'a-late']
  FROM generate_series(1, 2) a, generate_series(1, 3) r;
SET enable_hashagg = off;
SELECT account, (s).users, array_length((s).milestones, 1) AS kept,
	   (s).milestones[1] AS first, (s).milestones[32] AS last, (s).milestones_truncated
  FROM (SELECT account, sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
										   milestones, :as_of) AS s
		  FROM ms_many GROUP BY account) x
 ORDER BY account;
RESET enable_hashagg;

-- an array stored out of line (40 names of 60 bytes, uncompressed), then
-- the same array compressed inline
CREATE TABLE ms_big (account int, id bigint, milestones text[]);
ALTER TABLE ms_big ALTER COLUMN milestones SET STORAGE EXTERNAL;
INSERT INTO ms_big
SELECT 1, 1, array_agg(lpad(i::text, 60, 'n') ORDER BY i) FROM generate_series(1, 40) i;
SELECT pg_relation_size(reltoastrelid) > 0 AS toasted FROM pg_class WHERE relname = 'ms_big';
SELECT array_length((s).milestones, 1) AS kept, right((s).milestones[1], 3) AS first,
	   right((s).milestones[32], 3) AS last, (s).milestones_truncated
  FROM (SELECT sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
								  milestones, :as_of) AS s FROM ms_big) x;
ALTER TABLE ms_big ALTER COLUMN milestones SET STORAGE MAIN;
UPDATE ms_big SET milestones = milestones || '{}'::text[];
SELECT pg_column_size(milestones) < 2000 AS compressed FROM ms_big;
SELECT array_length((s).milestones, 1) AS kept, right((s).milestones[1], 3) AS first,
	   right((s).milestones[32], 3) AS last, (s).milestones_truncated
  FROM (SELECT sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
								  milestones, :as_of) AS s FROM ms_big) x;

DROP TABLE ms_users, ms_flat, ms_many, ms_big;
