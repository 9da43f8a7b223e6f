-- retention: sum.retention, ClickHouse's retention
\set SHOW_CONTEXT never

CREATE TABLE retention_ev (uid int, day date);
-- ClickHouse's documentation example: users 0-4 visit on all three days,
-- 5-9 on the 2nd and 3rd, 10-14 only on the 3rd
INSERT INTO retention_ev SELECT i, '2020-01-01' FROM generate_series(0, 4) i;
INSERT INTO retention_ev SELECT i, '2020-01-02' FROM generate_series(0, 9) i;
INSERT INTO retention_ev SELECT i, '2020-01-03' FROM generate_series(0, 14) i;

SELECT uid, sum.retention(day = '2020-01-01', day = '2020-01-02', day = '2020-01-03') AS r
  FROM retention_ev GROUP BY uid ORDER BY uid;

SELECT sum(r[1]::int) AS r1, sum(r[2]::int) AS r2, sum(r[3]::int) AS r3
  FROM (SELECT sum.retention(day = '2020-01-01', day = '2020-01-02', day = '2020-01-03') AS r
		  FROM retention_ev GROUP BY uid) s;

-- conditions may hold on different rows: element k is "cond 1 on some row
-- and cond k on some row"; the order of the rows does not matter
SELECT sum.retention(x = 1, x = 2, x = 3) FROM (VALUES (3), (2), (1)) v(x);
-- without cond 1 every element is false, even when cond k held
SELECT sum.retention(x = 1, x = 2, x = 3) FROM (VALUES (3), (2)) v(x);
-- one row can satisfy several conditions
SELECT sum.retention(x > 0, x > 1, x > 5) FROM (VALUES (2)) v(x);
-- a single condition is allowed (ClickHouse wants two)
SELECT sum.retention(x = 1) FROM (VALUES (1)) v(x);

-- NULLs: a row with a NULL condition is ignored, as ClickHouse does
SELECT sum.retention(x = 1, y = 1) FROM (VALUES (1, NULL), (NULL, 1)) v(x, y);
SELECT sum.retention(x = 1, y = 1) FROM (VALUES (1, NULL::int), (1, 1)) v(x, y);
SELECT sum.retention(VARIADIC NULL::boolean[]);

-- empty input is NULL (the number of conditions is unknown); all-NULL rows
-- give all false; one row
SELECT sum.retention(day = '2020-01-01', day = '2020-01-02') FROM retention_ev WHERE false;
SELECT sum.retention(NULL::boolean, true) FROM retention_ev;
SELECT sum.retention(true, false);

-- 32 conditions
SELECT sum.retention(VARIADIC array_fill(true, ARRAY[32])) = array_fill(true, ARRAY[32]) AS all_true;

-- forced parallel plan = serial plan
CREATE TABLE retention_big AS
SELECT i % 1000 AS uid, (i * 7919) % 9 AS d FROM generate_series(1, 50000) i;
ANALYZE retention_big;
CREATE TABLE retention_serial AS
SELECT uid, sum.retention(d = 0, d = 1, d = 2, d = 3) AS r FROM retention_big GROUP BY uid;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT uid, sum.retention(d = 0, d = 1, d = 2, d = 3) FROM retention_big GROUP BY uid;
SELECT count(*) AS differing
  FROM retention_serial s
  JOIN (SELECT uid, sum.retention(d = 0, d = 1, d = 2, d = 3) AS r FROM retention_big GROUP BY uid) p USING (uid)
 WHERE s.r IS DISTINCT FROM p.r;
SELECT sum.retention(d = 0, d = 1, d = 2, d = 3, d = 99) FROM retention_big;
RESET enable_hashagg;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- errors: condition counts
SELECT sum.retention(VARIADIC ARRAY[]::boolean[]);
SELECT sum.retention(VARIADIC array_fill(true, ARRAY[33]));
SELECT sum.retention(VARIADIC CASE WHEN uid = 1 THEN ARRAY[true] ELSE ARRAY[true, false] END) FROM retention_ev;
SELECT sum.retention(VARIADIC ARRAY[[true], [false]]);
-- errors: the support functions check their state
SELECT sum.retention_final(-1);
SELECT sum.retention_final(0);
SELECT sum.retention_final((2::bigint << 32) | 4);
SELECT sum.retention_combine((2::bigint << 32) | 1, (3::bigint << 32) | 1);
SELECT sum.retention_final(sum.retention_combine((2::bigint << 32) | 1, (2::bigint << 32) | 2));

DROP TABLE retention_ev, retention_big, retention_serial;
