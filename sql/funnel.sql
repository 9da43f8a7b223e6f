-- funnel: sum.window_funnel, ClickHouse's windowFunnel, every mode
\set SHOW_CONTEXT never
SET timezone = 'UTC';

CREATE TABLE funnel_ev (uid int, ts timestamptz, ev text);

-- every user's events, inserted in a deliberately scrambled order
INSERT INTO funnel_ev VALUES
	-- 1: a, b, c within the hour
	(1, '2024-03-01 10:50', 'c'), (1, '2024-03-01 10:00', 'a'), (1, '2024-03-01 10:20', 'b'),
	-- 2: c one minute outside the window of a
	(2, '2024-03-01 11:01', 'c'), (2, '2024-03-01 10:30', 'b'), (2, '2024-03-01 10:00', 'a'),
	-- 3: the window is inclusive
	(3, '2024-03-01 11:00', 'c'), (3, '2024-03-01 10:00', 'a'), (3, '2024-03-01 10:30', 'b'),
	-- 4: b and c before the first a never count
	(4, '2024-03-01 09:00', 'b'), (4, '2024-03-01 09:10', 'c'), (4, '2024-03-01 10:00', 'a'),
	-- 5: one timestamp for all three steps
	(5, '2024-03-01 10:00', 'c'), (5, '2024-03-01 10:00', 'b'), (5, '2024-03-01 10:00', 'a'),
	-- 6: a later a restarts level 1, but c is too late for the chain of the first a
	(6, '2024-03-01 11:20', 'c'), (6, '2024-03-01 11:00', 'a'), (6, '2024-03-01 10:30', 'b'), (6, '2024-03-01 10:00', 'a'),
	-- 7: the latest a before b gives the chain the most room
	(7, '2024-03-01 11:40', 'c'), (7, '2024-03-01 11:30', 'b'), (7, '2024-03-01 10:50', 'a'), (7, '2024-03-01 10:00', 'a'),
	-- 8: rows with a NULL event or time are ignored
	(8, '2024-03-01 10:00', 'a'), (8, '2024-03-01 10:10', NULL), (8, NULL, 'b'), (8, '2024-03-01 10:20', 'b'),
	-- 9: no step at all
	(9, '2024-03-01 10:00', 'x'),
	-- 10: one event
	(10, '2024-03-01 10:00', 'a'),
	-- 11: an unrelated event between the steps (matters under strict_order)
	(11, '2024-03-01 10:00', 'a'), (11, '2024-03-01 10:10', 'b'), (11, '2024-03-01 10:15', 'x'), (11, '2024-03-01 10:20', 'c'),
	-- 12: b repeated before c (matters under strict_deduplication)
	(12, '2024-03-01 10:00', 'a'), (12, '2024-03-01 10:10', 'b'), (12, '2024-03-01 10:20', 'b'), (12, '2024-03-01 10:30', 'c'),
	-- 13: c out of order between a and b (matters under strict_order)
	(13, '2024-03-01 10:00', 'a'), (13, '2024-03-01 10:05', 'c'), (13, '2024-03-01 10:10', 'b'), (13, '2024-03-01 10:20', 'c'),
	-- 14: a and b at the same time (matters under strict_increase)
	(14, '2024-03-01 10:00', 'a'), (14, '2024-03-01 10:00', 'b'), (14, '2024-03-01 10:10', 'c'),
	-- 15: repeated a is not a duplicate, even under strict_deduplication
	(15, '2024-03-01 10:00', 'a'), (15, '2024-03-01 10:05', 'a'), (15, '2024-03-01 10:10', 'b'), (15, '2024-03-01 10:20', 'c'),
	-- 16: an unrelated event at b's timestamp sorts before b
	(16, '2024-03-01 10:00', 'a'), (16, '2024-03-01 10:10', 'x'), (16, '2024-03-01 10:10', 'b'), (16, '2024-03-01 10:20', 'c'),
	-- 17: two b rows at one timestamp
	(17, '2024-03-01 10:00', 'a'), (17, '2024-03-01 10:10', 'b'), (17, '2024-03-01 10:10', 'b'), (17, '2024-03-01 10:20', 'c');

-- default mode
SELECT uid, sum.window_funnel('1 hour', ts, ev = 'a', ev = 'b', ev = 'c') AS level
  FROM funnel_ev GROUP BY uid ORDER BY uid;

-- every mode side by side; expected per user:
--   11: strict_order stops at x (2)       12: strict_deduplication stops at the second b (2)
--   13: strict_order stops at the early c (1), allow_reentry skips it (3)
--   14: strict_increase needs b after a (1) 16: x sorts before b at 10:10 (1 under strict_order)
--   17: two b at one time are a duplicate (2 under strict_deduplication)
SELECT uid,
	   sum.window_funnel('1 hour', ts, ev = 'a', ev = 'b', ev = 'c') AS dflt,
	   sum.window_funnel('1 hour', 'strict_deduplication', ts, ev = 'a', ev = 'b', ev = 'c') AS dedup,
	   sum.window_funnel('1 hour', 'strict_order', ts, ev = 'a', ev = 'b', ev = 'c') AS ordr,
	   sum.window_funnel('1 hour', 'strict_order, allow_reentry', ts, ev = 'a', ev = 'b', ev = 'c') AS reentry,
	   sum.window_funnel('1 hour', 'strict_increase', ts, ev = 'a', ev = 'b', ev = 'c') AS incr,
	   sum.window_funnel('1 hour', ' strict_deduplication ,strict_order,strict_increase ', ts,
						 ev = 'a', ev = 'b', ev = 'c') AS all_three
  FROM funnel_ev WHERE uid >= 9 GROUP BY uid ORDER BY uid;

-- an empty mode string is the default mode
SELECT sum.window_funnel('1 hour', '', ts, ev = 'a', ev = 'b', ev = 'c') FROM funnel_ev WHERE uid = 11;

-- one event that matches several steps fills all of them (current ClickHouse),
-- except under strict_increase, where the timestamps must grow
SELECT sum.window_funnel('1 hour', ts, ev = 'a', ev IN ('a', 'b'), ev <> 'z') AS dflt,
	   sum.window_funnel('1 hour', 'strict_increase', ts, ev = 'a', ev IN ('a', 'b'), ev <> 'z') AS incr
  FROM funnel_ev WHERE uid = 10;

-- ClickHouse's own test: timestamps 0, 1, 1, 1, 2 for steps 1..5
SELECT sum.window_funnel('10000 s', 'epoch'::timestamptz + t * interval '1 s', e = 1, e = 2, e = 3, e = 4, e = 5) AS dflt,
	   sum.window_funnel('10000 s', 'strict_increase', 'epoch'::timestamptz + t * interval '1 s',
						 e = 1, e = 2, e = 3, e = 4, e = 5) AS incr
  FROM (VALUES (0, 1), (1, 2), (1, 3), (1, 4), (2, 5)) v(t, e);

-- ClickHouse scans greedily: under strict_increase the most recent chain of
-- each level is kept, so a later a-b pair hides the earlier one that c at
-- 7 s could have extended (the answer is 2, not 3)
SELECT sum.window_funnel('100 s', 'strict_increase', 'epoch'::timestamptz + t * interval '1 s', e = 1, e = 2, e = 3)
  FROM (VALUES (0, 1), (5, 2), (6, 1), (7, 2), (7, 3)) v(t, e);

-- the CH documentation's strict_order example: A -> B -> D -> C stops at D
SELECT sum.window_funnel('1 hour', 'strict_order', 'epoch'::timestamptz + t * interval '1 s',
						 e = 'A', e = 'B', e = 'C')
  FROM (VALUES (1, 'A'), (2, 'B'), (3, 'D'), (4, 'C')) v(t, e);

-- a zero window only chains events at one timestamp
SELECT sum.window_funnel('0', ts, ev = 'a', ev = 'b', ev = 'c') FROM funnel_ev WHERE uid IN (1, 5) GROUP BY uid ORDER BY uid;

-- a month is 30 days
SELECT sum.window_funnel('1 month', t, e = 1, e = 2) AS level
  FROM (VALUES ('2024-01-01 00:00+00'::timestamptz, 1), ('2024-01-31 00:00+00', 2)) v(t, e)
UNION ALL
SELECT sum.window_funnel('1 month', t, e = 1, e = 2)
  FROM (VALUES ('2024-01-01 00:00+00'::timestamptz, 1), ('2024-01-31 00:00:01+00', 2)) v(t, e);

-- infinite timestamps are ordinary values; nothing is within a window of -infinity
SELECT sum.window_funnel('1000 years', t, e = 1, e = 2) AS level
  FROM (VALUES ('-infinity'::timestamptz, 1), ('infinity', 2)) v(t, e);
SELECT sum.window_funnel('1 hour', t, e = 1, e = 2) AS level
  FROM (VALUES ('infinity'::timestamptz, 1), ('infinity', 2)) v(t, e);

-- the 32-step maximum
SELECT sum.window_funnel('1 day', now(), VARIADIC array_fill(true, ARRAY[32]));

-- empty input, all-NULL input, one row
SELECT sum.window_funnel('1 hour', ts, ev = 'a') FROM funnel_ev WHERE false;
SELECT sum.window_funnel('1 hour', ts, ev = 'a', NULL::boolean) FROM funnel_ev;
SELECT sum.window_funnel('1 hour', NULL::timestamptz, true);
SELECT sum.window_funnel(NULL, now(), true);
SELECT sum.window_funnel('1 hour', NULL::text, now(), true);
SELECT sum.window_funnel('1 hour', now(), VARIADIC NULL::boolean[]);
SELECT sum.window_funnel('1 hour', now(), true);

-- forced parallel plan = serial plan
CREATE TABLE funnel_big AS
SELECT i % 500 AS uid,
	   '2024-01-01'::timestamptz + (abs(hashint4(-i)) % 100000) * interval '1 minute' AS ts,
	   abs(hashint4(i)) % 5 AS e
  FROM generate_series(1, 60000) i;
ANALYZE funnel_big;
CREATE TABLE funnel_serial AS
SELECT uid,
	   sum.window_funnel('3 days', ts, e = 1, e = 2, e = 3, e = 4) AS d,
	   sum.window_funnel('3 days', 'strict_order', ts, e = 1, e = 2, e = 3, e = 4) AS o,
	   sum.window_funnel('3 days', 'strict_deduplication', ts, e = 1, e = 2, e = 3, e = 4) AS u,
	   sum.window_funnel('3 days', 'strict_increase', ts, e = 1, e = 2, e = 3, e = 4) AS i
  FROM funnel_big GROUP BY uid;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT uid, sum.window_funnel('3 days', ts, e = 1, e = 2, e = 3, e = 4) FROM funnel_big GROUP BY uid;
SELECT count(*) AS differing
  FROM funnel_serial s
  JOIN (SELECT uid,
			   sum.window_funnel('3 days', ts, e = 1, e = 2, e = 3, e = 4) AS d,
			   sum.window_funnel('3 days', 'strict_order', ts, e = 1, e = 2, e = 3, e = 4) AS o,
			   sum.window_funnel('3 days', 'strict_deduplication', ts, e = 1, e = 2, e = 3, e = 4) AS u,
			   sum.window_funnel('3 days', 'strict_increase', ts, e = 1, e = 2, e = 3, e = 4) AS i
		  FROM funnel_big GROUP BY uid) p USING (uid)
 WHERE (s.d, s.o, s.u, s.i) IS DISTINCT FROM (p.d, p.o, p.u, p.i);
SELECT count(*) AS users, count(DISTINCT d) > 2 AS varied FROM funnel_serial;
-- one group over every row: partial states are serialized and combined
EXPLAIN (COSTS OFF)
SELECT sum.window_funnel('1 hour', ts, e = 1, e = 2, e = 3, e = 4) FROM funnel_big;
CREATE TEMP TABLE funnel_parallel_one AS
SELECT sum.window_funnel('1 hour', 'strict_order', ts, e = 1, e = 2, e = 3, e = 4) AS o,
	   sum.window_funnel('2 hours', ts - uid * interval '1 day', e = 1, e = 2, e = 3, e = 4) AS d
  FROM funnel_big;
SET max_parallel_workers_per_gather = 0;
SELECT p.o = s.o AND p.d = s.d AS same
  FROM funnel_parallel_one p,
	   (SELECT sum.window_funnel('1 hour', 'strict_order', ts, e = 1, e = 2, e = 3, e = 4) AS o,
			   sum.window_funnel('2 hours', ts - uid * interval '1 day', e = 1, e = 2, e = 3, e = 4) AS d
		  FROM funnel_big) s;
RESET max_parallel_workers_per_gather;
RESET enable_hashagg;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- errors: modes
SELECT sum.window_funnel('1 hour', 'strict', ts, ev = 'a') FROM funnel_ev;
SELECT sum.window_funnel('1 hour', 'strict_once', ts, ev = 'a') FROM funnel_ev;
SELECT sum.window_funnel('1 hour', 'allow_reentry', ts, ev = 'a') FROM funnel_ev;
SELECT sum.window_funnel('1 hour', 'strict_order,fast', ts, ev = 'a') FROM funnel_ev;
SELECT sum.window_funnel('1 hour', CASE WHEN uid = 1 THEN 'strict_order' ELSE '' END, ts, ev = 'a') FROM funnel_ev;
-- errors: window
SELECT sum.window_funnel('-1 second', ts, ev = 'a') FROM funnel_ev;
SELECT sum.window_funnel('178000000 years', ts, ev = 'a') FROM funnel_ev;
SELECT sum.window_funnel(uid * interval '1 hour', ts, ev = 'a') FROM funnel_ev;
-- errors: step counts
SELECT sum.window_funnel('1 hour', ts, VARIADIC ARRAY[]::boolean[]) FROM funnel_ev;
SELECT sum.window_funnel('1 day', now(), VARIADIC array_fill(true, ARRAY[33]));
SELECT sum.window_funnel('1 hour', ts, VARIADIC CASE WHEN uid = 1 THEN ARRAY[true] ELSE ARRAY[true, false] END)
  FROM funnel_ev;
SELECT sum.window_funnel('1 hour', now(), VARIADIC ARRAY[[true], [false]]);

DROP TABLE funnel_ev, funnel_big, funnel_serial;
