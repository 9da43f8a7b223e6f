-- adversarial_states: malformed aggregate states and hostile arguments to
-- the aggregates and their support functions, which users can call
-- directly.  Every call returns NULL, a value, or an error with a specific
-- SQLSTATE; none crashes.
\set SHOW_CONTEXT never
\set VERBOSITY sqlstate
SET timezone = 'UTC';

-- try(q, v): q run with $1 = v; the result (at most 60 characters) or the
-- SQLSTATE of the error
CREATE FUNCTION pg_temp.try(q text, v text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	EXECUTE q INTO r USING v;
	IF r IS NULL THEN
		RETURN '<null>';
	ELSIF length(r) > 60 THEN
		RETURN left(r, 40) || '... (' || length(r) || ' chars)';
	END IF;
	RETURN r;
EXCEPTION WHEN OTHERS THEN
	RETURN 'ERROR ' || SQLSTATE;
END
$$;

-- corrupt(state, type, fn): every byte of a valid state (text form
-- \x...) set to 00, then to ff, then the state cut after each byte; each
-- mutant read by the type's input function and then given to fn.  Returns
-- the outcomes and how often each occurred.
CREATE FUNCTION pg_temp.corrupt(state text, typ text, fn text)
RETURNS TABLE (mutation text, outcome text, n bigint)
LANGUAGE plpgsql AS $$
DECLARE
	nbytes int := (length(state) - 2) / 2;
	i int;
	m text;
	kind text;
	r text;
	res text[] := '{}';
	kinds text[] := '{}';
BEGIN
	FOR i IN 0 .. nbytes - 1 LOOP
		FOREACH kind IN ARRAY ARRAY['00', 'ff', 'cut'] LOOP
			IF kind = 'cut' THEN
				m := left(state, 2 + 2 * i);
			ELSE
				m := overlay(state placing kind from 3 + 2 * i for 2);
			END IF;
			BEGIN
				EXECUTE format('SELECT (%s($1::%s))::text', fn, typ) INTO r USING m;
				r := 'accepted';
			EXCEPTION WHEN OTHERS THEN
				r := 'ERROR ' || SQLSTATE;
			END;
			res := res || r;
			kinds := kinds || kind;
		END LOOP;
	END LOOP;
	RETURN QUERY SELECT k, o, count(*) FROM unnest(kinds, res) AS u(k, o) GROUP BY 1, 2 ORDER BY 1, 2;
END
$$;

-- milestone states
CREATE TEMP TABLE ev (uid int, ev text, ts timestamptz, signup timestamptz);
INSERT INTO ev
SELECT u, (ARRAY['signup', 'login', 'invite_sent', 'paywall_hit', 'project_created'])[1 + i % 5],
	   '2024-01-01'::timestamptz + (i * 7 + u) * interval '1 hour', '2024-01-01'
  FROM generate_series(1, 3) u, generate_series(1, 40) i;
CREATE TEMP TABLE ms AS SELECT uid, sum.milestones(ev, ts, signup) AS s FROM ev GROUP BY uid;
SELECT mutation, outcome, n FROM pg_temp.corrupt((SELECT s::text FROM ms WHERE uid = 1), 'sum.milestone_state', 'sum.milestone_usage');

-- hostile arguments to the milestone functions
SELECT n, pg_temp.try(q) AS result FROM (VALUES
	(1, 'SELECT sum.milestones_accum(NULL, NULL, NULL, NULL)::text'),
	(2, 'SELECT sum.milestones(''login'', ''2024-01-01'', NULL)::text IS NOT NULL'),
	(3, 'SELECT sum.milestones(repeat(''e'', 10485760), ''2024-01-01'', ''2024-01-01'')::text IS NOT NULL'),
	(4, 'SELECT sum.milestones(''login'', ''infinity'', ''2024-01-01'')::text'),
	(5, 'SELECT sum.milestones(''login'', ''2024-01-01'', ''-infinity'')::text'),
	(6, 'SELECT sum.milestones(''login'', ''4713-01-01 BC'', ''294276-12-31'')::text IS NOT NULL'),
	(7, 'SELECT sum.milestones_combine(NULL, NULL)::text'),
	(8, 'SELECT sum.milestones_combine(NULL, (SELECT s FROM ms WHERE uid = 1))::text'),
	(9, 'SELECT sum.milestones_merge(NULL, NULL)::text'),
	(29, 'SELECT sum.milestones_merge(NULL, (SELECT s FROM ms WHERE uid = 1))::text = (SELECT s::text FROM ms WHERE uid = 1)'),
	(10, 'SELECT sum.milestones_merge((SELECT s FROM ms WHERE uid = 1), (SELECT s FROM ms WHERE uid = 2)) IS NOT NULL'),
	(11, 'SELECT count(*)::text FROM sum.milestone_rows((SELECT s FROM ms WHERE uid = 1), ''infinity'')'),
	(12, 'SELECT count(*)::text FROM sum.milestone_rows((SELECT s FROM ms WHERE uid = 1), ''-infinity'')'),
	(13, 'SELECT count(*)::text FROM sum.milestone_rows((SELECT s FROM ms WHERE uid = 1), ''1000-01-01'')'),
	(14, 'SELECT sum.milestone_usage((SELECT s FROM ms WHERE uid = 1), ''infinity'')::text'),
	(15, 'SELECT (sum.milestone_usage((SELECT s FROM ms WHERE uid = 1), ''294276-12-31'')).events_28d::text'),
	(16, 'SELECT sum.milestone_state_defs_version((SELECT s FROM ms WHERE uid = 1)) = sum.milestone_defs_version()'),
	(17, 'SELECT sum.milestone_state_is_current((SELECT s FROM ms WHERE uid = 1))::text'),
	(18, 'SELECT count(*)::text FROM sum.account_milestones(NULL)'),
	(19, 'SELECT count(*)::text FROM sum.account_milestones(''{}'')'),
	(20, 'SELECT count(*)::text FROM sum.account_milestones(''{NULL,NULL}'', ''2024-01-01'')'),
	(21, 'SELECT count(*)::text FROM sum.account_milestones(''{infinity,-infinity}'', ''2024-01-01'')'),
	(22, 'SELECT count(*)::text FROM sum.account_milestones(array_fill(''2024-01-01''::timestamptz, ARRAY[100000]), ''2024-01-02'')'),
	(23, 'SELECT count(*)::text FROM sum.account_milestones(''{2024-01-01}'', ''infinity'')'),
	(24, 'SELECT count(*)::text FROM sum.account_milestones(''{{2024-01-01},{2024-01-02}}'', ''2024-01-03'')'),
	(25, 'SELECT sum.milestones(s)::text = (SELECT s::text FROM ms WHERE uid = 1) FROM ms WHERE uid = 1'),
	(26, 'SELECT sum.milestones(NULL::sum.milestone_state)::text'),
	(27, 'SELECT ''\x''::sum.milestone_state::text'),
	(28, 'SELECT (''\x'' || repeat(''00'', 5 * 1024 * 1024))::sum.milestone_state::text')
) AS t(n, q) ORDER BY n;

-- when time alone next changes a state (uid 1: events every 7 hours from
-- 2024-01-01 08:00 to 2024-01-12 17:00 UTC, every day in between)
SELECT mutation, outcome, n FROM pg_temp.corrupt((SELECT s::text FROM ms WHERE uid = 1), 'sum.milestone_state', 'sum.milestone_next_change');
SELECT n, pg_temp.try(q) AS result FROM (VALUES
	-- events after as_of: every later as_of may differ
	(1, 'SELECT sum.milestone_next_change((SELECT s FROM ms WHERE uid = 1), ''2024-01-01 00:00Z'')::text'),
	-- the next day: Jan 7 leaves the 7-day window on Jan 14 (before gone_quiet on Jan 26 17:00)
	(2, 'SELECT sum.milestone_next_change((SELECT s FROM ms WHERE uid = 1), ''2024-01-13 00:00Z'')::text'),
	-- Jan 5 leaves the 28-day window on Feb 2 (Jan 1 leaves usage_drop''s 35 days on Feb 5)
	(3, 'SELECT sum.milestone_next_change((SELECT s FROM ms WHERE uid = 1), ''2024-02-01 00:00Z'')::text'),
	-- every window has passed every event: never
	(4, 'SELECT sum.milestone_next_change((SELECT s FROM ms WHERE uid = 1), ''2024-03-01 00:00Z'')::text'),
	(5, 'SELECT sum.milestone_next_change((SELECT s FROM ms WHERE uid = 1), ''infinity'')::text'),
	(6, 'SELECT sum.milestone_next_change(NULL, ''2024-01-01'')::text'),
	(7, 'SELECT sum.milestone_next_change((SELECT s FROM ms WHERE uid = 1), ''294276-12-31'')::text'),
	(8, 'SELECT sum.milestone_next_change((SELECT s FROM ms WHERE uid = 1), ''4713-01-01 BC'')::text')
) AS t(n, q) ORDER BY n;

-- sum.time_windows: the times in order, and the earliest time + window at or
-- after as_of (the refresh's look-ahead for an account's active users)
SELECT n, pg_temp.try(q) AS result FROM (VALUES
	-- 10 Jan + 0 is the first at or after 9 Jan (1 Jan + 168 h is before it)
	(1, 'SELECT (SELECT string_agg(to_char(t, ''MM-DD''), '','') FROM unnest(w.times_sorted) t) || '' / ''
			 || to_char(w.next_change, ''MM-DD HH24'')
		   FROM sum.time_windows(''{2024-01-10,2024-01-01,NULL,2024-01-05}'', ''2024-01-09'',
								 ''{0,168 hours,720 hours,NULL}'') w'),
	(2, 'SELECT sum.time_windows(NULL, ''2024-01-01'', ''{0}'')::text'),
	(3, 'SELECT cardinality(w.times_sorted) || '' '' || coalesce(w.next_change::text, ''none'')
		   FROM sum.time_windows(''{}'', ''2024-01-01'', ''{1 day}'') w'),
	(4, 'SELECT array_to_string(w.times_sorted, '','') || '' / '' || w.next_change
		   FROM sum.time_windows(''{infinity,-infinity}'', ''2024-01-01'', ''{0}'') w'),
	(5, 'SELECT sum.time_windows(''{294276-12-31}'', ''2024-01-01'', ''{1 year}'')::text'),
	-- a two-dimensional array is read flat, as unnest reads it
	(6, 'SELECT (SELECT string_agg(to_char(t, ''MM-DD''), '','') FROM unnest(w.times_sorted) t) || '' / ''
			 || to_char(w.next_change, ''MM-DD HH24'')
		   FROM sum.time_windows(''{{2024-01-03,2024-01-01},{2024-01-02,NULL}}'', ''2024-01-01 12:00'',
								 ''{1 day}'') w'),
	(7, 'SELECT cardinality(w.times_sorted) || '' '' || to_char(w.next_change, ''MM-DD'')
		   FROM sum.time_windows(array_fill(''2024-01-01''::timestamptz, ARRAY[100000]), ''2024-01-01 12:00'',
								 ''{0,1 day}'') w'),
	(8, 'SELECT cardinality(w.times_sorted) || '' '' || coalesce(w.next_change::text, ''none'')
		   FROM sum.time_windows(''{2024-01-01}'', ''2024-02-01'', ''{1 day}'') w'),
	(9, 'SELECT cardinality(w.times_sorted) || '' '' || coalesce(w.next_change::text, ''none'')
		   FROM sum.time_windows(''{2024-01-01}'', ''2023-01-01'', ''{NULL}'') w'),
	(10, 'SELECT to_char(w.next_change, ''MM-DD'')
		   FROM sum.time_windows(''{2024-01-10}'', ''2024-01-01'', ''{-1 day}'') w')
) AS t(n, q) ORDER BY n;

-- account states
CREATE TEMP TABLE users (account text, id text, fn sum.job_function, sen sum.seniority,
	role sum.buying_role, stage sum.lifecycle_stage, signed_up timestamptz, last_seen timestamptz,
	recent bigint, milestones text[]);
INSERT INTO users
SELECT 'acct' || (i % 3), 'u' || i, (ARRAY['marketing', 'sales', 'engineering'])[1 + i % 3]::sum.job_function,
	   (ARRAY['entry', 'manager', 'vp'])[1 + i % 3]::sum.seniority,
	   (ARRAY['user', 'influencer', 'decision_maker'])[1 + i % 3]::sum.buying_role,
	   (ARRAY['trial', 'paid'])[1 + i % 2]::sum.lifecycle_stage,
	   '2024-01-01'::timestamptz + i * interval '1 day', '2024-03-01'::timestamptz - i * interval '1 hour',
	   i, ARRAY['activated']
  FROM generate_series(1, 12) i;
CREATE TEMP TABLE st AS
SELECT account, sum.account_rollup_state(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones,
										 '2024-03-02') AS s
  FROM users GROUP BY account;
SELECT mutation, outcome, n FROM pg_temp.corrupt((SELECT s::text FROM st WHERE account = 'acct1'), 'sum.account_state', 'sum.account_summary');

SELECT n, pg_temp.try(q) AS result FROM (VALUES
	(1, 'SELECT sum.account_state_merge(NULL, NULL)::text'),
	(2, 'SELECT sum.account_state_merge((SELECT s FROM st WHERE account = ''acct1''), NULL)::text = (SELECT s::text FROM st WHERE account = ''acct1'')'),
	(3, 'SELECT (sum.account_summary(sum.account_state_merge(a.s, b.s))).users::text FROM st a, st b WHERE a.account = ''acct1'' AND b.account = ''acct2'''),
	(4, 'SELECT sum.account_summary((SELECT s FROM st WHERE account = ''acct1''), ''infinity'')::text'),
	(5, 'SELECT sum.account_summary((SELECT s FROM st WHERE account = ''acct1''), ''-infinity'')::text'),
	(6, 'SELECT sum.account_summary((SELECT s FROM st WHERE account = ''acct1''), ''2024-01-01'')::text'),
	(7, 'SELECT (sum.account_summary((SELECT s FROM st WHERE account = ''acct1''), ''294276-12-31'')).users::text'),
	(8, 'SELECT sum.account_rollup_merge(s) IS NULL FROM st WHERE false'),
	(9, 'SELECT (sum.account_summary(sum.account_rollup_merge(s))).users::text FROM st'),
	(10, 'SELECT sum.account_rollup(NULL::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL::text[], NULL)::text'),
	(11, 'SELECT sum.account_rollup(''u'', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL::text[], NULL)::text'),
	(12, 'SELECT sum.account_rollup(''u'', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL::text[], ''infinity'')::text'),
	(13, 'SELECT sum.account_rollup(''u'', NULL, NULL, NULL, NULL, ''infinity'', ''-infinity'', -1, NULL::text[], now())::text'),
	(14, 'SELECT (sum.account_rollup(repeat(''u'', 513), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL::text[], ''2024-01-01'')).users::text'),
	(15, 'SELECT (sum.account_rollup(''u'', NULL, NULL, NULL, NULL, NULL, NULL, NULL, ARRAY[repeat(''m'', 65)], ''2024-01-01'')).users::text'),
	(16, 'SELECT (sum.account_rollup(''u'', NULL, NULL, NULL, NULL, NULL, NULL, 9223372036854775807, ARRAY[NULL, ''''], ''2024-01-01'')).users::text'),
	(17, 'SELECT (sum.account_rollup(v, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL::text[], t)).users::text FROM (VALUES (''a'', ''2024-01-01''::timestamptz), (''b'', ''2024-01-02'')) AS x(v, t)'),
	(18, 'SELECT (sum.account_rollup(i::bigint, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ''2024-01-01'')).users::text FROM generate_series(1, 100000) i'),
	(19, 'SELECT (sum.account_rollup_state(NULL::uuid, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ''2024-01-01'')) IS NULL'),
	(20, 'SELECT ''\x''::sum.account_state::text'),
	(21, 'SELECT (''\x01'' || repeat(''ff'', 5 * 1024 * 1024))::sum.account_state::text')
) AS t(n, q) ORDER BY n;

-- window_funnel and retention
SELECT n, pg_temp.try(q) AS result FROM (VALUES
	(1, 'SELECT sum.window_funnel(''-1 hour'', ts, true)::text FROM ev'),
	(2, 'SELECT sum.window_funnel(''1 month'', ts, true)::text FROM ev'),
	(3, 'SELECT sum.window_funnel(NULL, ts, true)::text FROM ev'),
	(4, 'SELECT sum.window_funnel(''1 hour'', ''infinity''::timestamptz, true)::text'),
	(5, 'SELECT sum.window_funnel(''1 hour'', NULL::timestamptz, true)::text'),
	(6, 'SELECT sum.window_funnel(''1 hour'', ts, VARIADIC NULL::boolean[])::text FROM ev'),
	(7, 'SELECT sum.window_funnel(''1 hour'', ts, VARIADIC ''{}''::boolean[])::text FROM ev'),
	(8, 'SELECT sum.window_funnel(''1 hour'', ts, VARIADIC array_fill(true, ARRAY[33]))::text FROM ev'),
	(9, 'SELECT sum.window_funnel(''1 hour'', ts, VARIADIC array_fill(true, ARRAY[32]))::text FROM ev'),
	(10, 'SELECT sum.window_funnel(''1 hour'', ts, VARIADIC ''{{true},{false}}''::boolean[])::text FROM ev'),
	(11, 'SELECT sum.window_funnel(''1 hour'', ts, VARIADIC ARRAY[true, NULL])::text FROM ev'),
	(12, 'SELECT sum.window_funnel(''1 hour'', v, ts, true)::text FROM ev, (VALUES (''strict''), (''strict_once''), (''allow_reentry''), (''bogus'')) AS m(v)'),
	(13, 'SELECT sum.window_funnel(''1 hour'', repeat('','', 10485760), ts, true)::text FROM ev'),
	(14, 'SELECT sum.window_funnel(''1 hour'', NULL, ts, true)::text FROM ev'),
	(15, 'SELECT sum.window_funnel(''1 hour'', m, ts, true)::text FROM ev, (VALUES (''strict_order''), (''strict_increase'')) AS x(m)'),
	(16, 'SELECT sum.window_funnel(''1 hour'', ts, i % 2 = 0, i % 3 = 0) FROM generate_series(1, 10) i, LATERAL (SELECT ''2024-01-01''::timestamptz + i * interval ''1 minute'' AS ts) x'),
	(17, 'SELECT sum.window_funnel_accum(NULL, ''1 hour'', now(), ARRAY[true])::text'),
	(18, 'SELECT sum.window_funnel_combine(NULL, NULL)::text'),
	(19, 'SELECT sum.window_funnel_final(NULL)::text'),
	(20, 'SELECT sum.window_funnel_serialize(NULL)::text'),
	(21, 'SELECT sum.window_funnel_deserialize(''\x00'', NULL)::text'),
	(22, 'SELECT sum.retention(VARIADIC NULL::boolean[])::text FROM ev'),
	(23, 'SELECT sum.retention(VARIADIC array_fill(true, ARRAY[33]))::text'),
	(24, 'SELECT sum.retention(VARIADIC array_fill(true, ARRAY[32]))::text'),
	(25, 'SELECT sum.retention(VARIADIC ''{{true},{false}}''::boolean[])::text'),
	(26, 'SELECT sum.retention(VARIADIC ARRAY[NULL, true])::text'),
	(27, 'SELECT sum.retention_final(-1)::text'),
	(28, 'SELECT sum.retention_final(9223372036854775807)::text'),
	(29, 'SELECT sum.retention_final(NULL)::text'),
	(30, 'SELECT sum.retention_combine(-1, 5)::text'),
	(31, 'SELECT sum.retention_combine(NULL, NULL)::text'),
	(32, 'SELECT sum.retention_accum(-9223372036854775808, ARRAY[true])::text'),
	(33, 'SELECT sum.retention_accum(NULL, NULL)::text'),
	(34, 'SELECT sum.retention_accum(0, array_fill(true, ARRAY[100]))::text')
) AS t(n, q) ORDER BY n;

-- the internal-state support functions of account_rollup, called directly
SELECT n, pg_temp.try(q) AS result FROM (VALUES
	(1, 'SELECT sum.account_rollup_accum(NULL, ''u''::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL::text[], now())::text'),
	(2, 'SELECT sum.account_rollup_state_accum(NULL, 1::bigint, NULL, NULL, NULL, NULL, NULL, NULL, NULL, now())::text'),
	(3, 'SELECT sum.account_rollup_combine(NULL, NULL)::text'),
	(4, 'SELECT sum.account_rollup_serialize(NULL)::text'),
	(5, 'SELECT sum.account_rollup_deserialize(''\x01'', NULL)::text'),
	(6, 'SELECT sum.account_rollup_final(NULL)::text'),
	(7, 'SELECT sum.account_rollup_state_final(NULL)::text'),
	(8, 'SELECT sum.account_rollup_merge_accum(NULL, NULL)::text'),
	(9, 'SELECT sum.account_rollup_merge_combine(NULL, NULL)::text')
) AS t(n, q) ORDER BY n;

-- the stored (packed) form of a milestone state: the byte 81, the unpacked
-- length (4 bytes, little-endian), then runs: a control byte below 80 and
-- that many plus one literal bytes, or 80 + n - 1 for n zero bytes (runs of
-- at most 128).  pack() is an independent packer in SQL; its output must be
-- what the type stores (the same size) and read back as the same state.
CREATE FUNCTION pg_temp.lits(b bytea, pos int, cnt int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	out text := '';
	k int;
BEGIN
	WHILE cnt > 0 LOOP
		k := least(cnt, 128);
		out := out || lpad(to_hex(k - 1), 2, '0') || encode(substring(b FROM pos + 1 FOR k), 'hex');
		pos := pos + k;
		cnt := cnt - k;
	END LOOP;
	RETURN out;
END
$$;
CREATE FUNCTION pg_temp.pack(state text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	b bytea := decode(substr(state, 3), 'hex');
	n int := length(b);
	out text := '81';
	i int := 0;
	j int;
	lit int := 0;
	run int;
BEGIN
	FOR k IN 0 .. 3 LOOP
		out := out || lpad(to_hex((n >> (8 * k)) & 255), 2, '0');
	END LOOP;
	WHILE i < n LOOP
		IF get_byte(b, i) <> 0 THEN
			i := i + 1;
			CONTINUE;
		END IF;
		j := i;
		WHILE j < n AND get_byte(b, j) = 0 LOOP
			j := j + 1;
		END LOOP;
		-- (two zeros inside a literal run stay in it)
		IF j - i >= 3 OR i = lit OR j = n THEN
			out := out || pg_temp.lits(b, lit, i - lit);
			run := j - i;
			WHILE run > 0 LOOP
				out := out || to_hex(128 + least(run, 128) - 1);
				run := run - least(run, 128);
			END LOOP;
			lit := j;
		END IF;
		i := j;
	END LOOP;
	RETURN '\x' || out || pg_temp.lits(b, lit, n - lit);
END
$$;
CREATE TEMP TABLE ms_packed AS SELECT uid, s, pg_temp.pack(s::text) AS p FROM ms;
SELECT uid,
	   length(s::text) AS text_length,	-- 2 + 2 x 935 bytes: the text form is unpacked
	   length(p) < length(s::text) AS packed_shorter,
	   pg_column_size(s) - (length(p) - 2) / 2 IN (1, 4) AS stored_as_packed,	-- (plus a varlena header)
	   p::sum.milestone_state::text = s::text AS packed_input_reads_back,
	   pg_column_size(p::sum.milestone_state) = pg_column_size(s::text::sum.milestone_state) AS input_stores_packed,
	   sum.milestones_merge(s, NULL)::text = s::text AS merge_keeps,
	   (SELECT count(*) FROM sum.milestone_rows(p::sum.milestone_state, '2024-02-01'))
		 = (SELECT count(*) FROM sum.milestone_rows(s, '2024-02-01')) AS same_rows
  FROM ms_packed ORDER BY uid;
-- every byte of a packed state set to 00 or ff: read back, refused by the
-- input (22P02), or by milestone_usage as a state of other definitions
-- (55000) or sections (XX001), as unpacked mutants are; never a crash.  Cut
-- after any byte it comes short of its length: always refused by the input.
SELECT mutation, outcome FROM pg_temp.corrupt((SELECT p FROM ms_packed WHERE uid = 1), 'sum.milestone_state', 'sum.milestone_usage')
 WHERE outcome NOT IN ('accepted', 'ERROR 22P02', 'ERROR 55000', 'ERROR XX001')
	OR (mutation = 'cut' AND outcome <> 'ERROR 22P02');
SELECT n, pg_temp.try(q) AS result FROM (VALUES
	(1, 'SELECT ''\x81''::sum.milestone_state::text'),				-- cut in its header
	(2, 'SELECT ''\x81ffffff7f80''::sum.milestone_state::text'),		-- longer than any state
	(3, 'SELECT ''\x81030000008280''::sum.milestone_state::text'),	-- runs of 4 bytes for 3
	(4, 'SELECT ''\x8103000000057f''::sum.milestone_state::text'),	-- a literal run cut short
	(5, 'SELECT ''\x8100000000''::sum.milestone_state::text'),			-- well packed, but an empty state
	(6, 'SELECT ''\x81ab030000008f''::sum.milestone_state::text'),	-- 939 bytes claimed, 16 given
	-- a second packing marker inside: the unpacked bytes are not a state
	(7, 'SELECT (''\x81'' || substr((SELECT p FROM ms_packed WHERE uid = 1), 5, 8) || ''81'' || substr((SELECT p FROM ms_packed WHERE uid = 1), 13))::sum.milestone_state::text'),
	-- the aggregates' final function, called by name
	(8, 'SELECT sum.milestones_final(NULL)::text'),
	(9, 'SELECT sum.milestones_final((SELECT s FROM ms WHERE uid = 1))::text = (SELECT s::text FROM ms WHERE uid = 1)')
) AS t(n, q) ORDER BY n;

-- the state types' I/O functions called by name, and binary input through
-- COPY (sum.milestone_state_recv(internal) and sum.account_state_recv(internal)
-- cannot be called from SQL)
SELECT n, pg_temp.try(q) AS result FROM (VALUES
	(1, 'SELECT sum.milestone_state_in(''\xzz''::cstring)::text'),
	(2, 'SELECT sum.milestone_state_out((SELECT s FROM ms WHERE uid = 1))::text = (SELECT s::text FROM ms WHERE uid = 1)'),
	(3, 'SELECT sum.milestone_state_send((SELECT s FROM ms WHERE uid = 1)) = decode(substr((SELECT s::text FROM ms WHERE uid = 1), 3), ''hex'')'),
	(4, 'SELECT sum.account_state_in(''\x0100''::cstring)::text'),
	(5, 'SELECT sum.account_state_out((SELECT s FROM st WHERE account = ''acct1''))::text = (SELECT s::text FROM st WHERE account = ''acct1'')'),
	(6, 'SELECT sum.account_state_send((SELECT s FROM st WHERE account = ''acct1'')) = decode(substr((SELECT s::text FROM st WHERE account = ''acct1''), 3), ''hex'')'),
	(7, 'SELECT sum.milestone_state_in(NULL)::text'),
	(8, 'SELECT sum.account_state_out(NULL)::text')
) AS t(n, q) ORDER BY n;
CREATE TEMP TABLE ms_copy (s sum.milestone_state);
CREATE TEMP TABLE st_copy (s sum.account_state);
COPY (SELECT s FROM ms ORDER BY uid) TO '/tmp/sum_adversarial_ms.bin' WITH (FORMAT binary);
COPY ms_copy FROM '/tmp/sum_adversarial_ms.bin' WITH (FORMAT binary);
COPY (SELECT s FROM st ORDER BY account) TO '/tmp/sum_adversarial_st.bin' WITH (FORMAT binary);
COPY st_copy FROM '/tmp/sum_adversarial_st.bin' WITH (FORMAT binary);
SELECT (SELECT array_agg(s::text ORDER BY s::text) FROM ms_copy) = (SELECT array_agg(s::text ORDER BY s::text) FROM ms) AS milestone_binary_round_trip,
	   (SELECT array_agg(s::text ORDER BY s::text) FROM st_copy) = (SELECT array_agg(s::text ORDER BY s::text) FROM st) AS account_binary_round_trip;
-- corrupt binary input: a truncated state, a flipped version, 10 MB of ff
COPY (SELECT decode(substr(s::text, 3, 40), 'hex') FROM ms WHERE uid = 1) TO '/tmp/sum_adversarial_bad.bin' WITH (FORMAT binary);
COPY ms_copy FROM '/tmp/sum_adversarial_bad.bin' WITH (FORMAT binary);
COPY (SELECT decode('ff' || substr(s::text, 5), 'hex') FROM ms WHERE uid = 1) TO '/tmp/sum_adversarial_bad.bin' WITH (FORMAT binary);
COPY ms_copy FROM '/tmp/sum_adversarial_bad.bin' WITH (FORMAT binary);
COPY (SELECT decode(substr(s::text, 3, 40), 'hex') FROM st WHERE account = 'acct1') TO '/tmp/sum_adversarial_bad.bin' WITH (FORMAT binary);
COPY st_copy FROM '/tmp/sum_adversarial_bad.bin' WITH (FORMAT binary);
COPY (SELECT decode('01' || repeat('ff', 10 * 1024 * 1024), 'hex')) TO '/tmp/sum_adversarial_bad.bin' WITH (FORMAT binary);
COPY st_copy FROM '/tmp/sum_adversarial_bad.bin' WITH (FORMAT binary);
COPY ms_copy FROM '/tmp/sum_adversarial_bad.bin' WITH (FORMAT binary);
SELECT (SELECT count(*) FROM ms_copy) AS ms_rows, (SELECT count(*) FROM st_copy) AS st_rows;
