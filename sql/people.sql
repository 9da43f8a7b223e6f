-- sum.dedupe_people and sum.connected_components
\set SHOW_CONTEXT never

CREATE TABLE p_logins (login_id int, email text, full_name text, created_at timestamptz, match_key text);
INSERT INTO p_logins VALUES
	(1, 'jo.doe@gmail.com', 'Jo Doe', '2024-01-01', NULL),       -- same Gmail box as 2
	(2, 'JoDoe+trial@gmail.com', 'Jo Doe', '2024-02-01', NULL),
	(3, 'jo@acme.com', 'Jo Doe', '2024-03-01', NULL),            -- same name at acme.com as 4
	(4, 'j.doe@acme.com', 'DOE, Jo', '2024-04-01', NULL),
	(5, 'max@acme.com', 'Max Mustermann', '2024-01-05', 'crm-7'), -- caller's key links 5 and 6
	(6, 'max.m@gmail.com', 'Max M', '2024-01-06', 'crm-7'),
	(7, 'solo@globex.com', 'Solo', '2024-01-07', NULL),          -- alone
	(8, 'a@gmail.com', 'Jo Doe', '2024-01-08', NULL),            -- same name, free-mail: not linked
	(9, 'b@yahoo.com', 'Jo Doe', '2024-01-09', NULL);
SELECT * FROM sum.dedupe_people('SELECT * FROM p_logins') ORDER BY login_id::int;

-- stable ids: yesterday's result is today's previous
CREATE TABLE p_previous AS SELECT login_id, person_id FROM sum.dedupe_people('SELECT * FROM p_logins');
UPDATE p_logins SET full_name = 'Someone Else' WHERE login_id = 4;        -- 4 leaves 3
INSERT INTO p_logins VALUES (10, 'SOLO@globex.com', NULL, '2023-01-01', NULL);  -- older login joins 7
INSERT INTO p_logins VALUES (11, 'new@initech.com', NULL, '2024-05-01', 'crm-7'); -- joins 5 and 6
SELECT * FROM sum.dedupe_people('SELECT * FROM p_logins', 'SELECT * FROM p_previous')
 ORDER BY login_id::int;

-- two people merge: the id most of them had survives
CREATE TABLE p_prev2 AS SELECT login_id, person_id FROM sum.dedupe_people('SELECT * FROM p_logins', 'SELECT * FROM p_previous');
UPDATE p_logins SET match_key = 'crm-7' WHERE login_id = 7;
SELECT * FROM sum.dedupe_people('SELECT * FROM p_logins', 'SELECT * FROM p_prev2')
 WHERE login_id IN ('5', '6', '7', '10', '11') ORDER BY login_id::int;

-- empty input, and bad input
SELECT count(*) FROM sum.dedupe_people('SELECT * FROM p_logins WHERE false');
SELECT * FROM sum.dedupe_people('SELECT login_id FROM p_logins');
SELECT * FROM sum.dedupe_people('SELECT 1 AS login_id, ''a@b.com'' AS email UNION ALL SELECT 1, ''c@d.com''');
SELECT * FROM sum.dedupe_people(NULL);
SELECT * FROM sum.dedupe_people('SELECT * FROM p_logins', 'SELECT 1 AS x');

-- connected components of any pairs, named by their smallest node
SELECT * FROM sum.connected_components(
	$$SELECT * FROM (VALUES ('a', 'b'), ('b', 'c'), ('x', 'y'), ('z', NULL), ('c', 'a')) AS t(a, b)$$)
 ORDER BY node;
SELECT count(DISTINCT component) AS components, count(*) AS nodes
  FROM sum.connected_components('SELECT i AS a, i + 1 AS b FROM generate_series(1, 100000, 2) AS i');
-- a long chain is one component, without recursion
SELECT count(DISTINCT component) AS components, min(component) AS name
  FROM sum.connected_components('SELECT i AS a, i + 1 AS b FROM generate_series(1, 100000) AS i');
SELECT * FROM sum.connected_components('SELECT 1 AS x');

DROP TABLE p_logins, p_previous, p_prev2;
