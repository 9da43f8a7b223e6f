-- The labeled titles of test/data/titles.csv meet the accuracy targets
-- (function >= 92 %, seniority >= 95 %) on both splits; test/eval/persona_eval.py
-- prints the details.
\set SHOW_CONTEXT never
CREATE TABLE persona_eval (title text, lang text, function text, seniority text, split text);
\copy persona_eval FROM 'test/data/titles.csv' WITH (FORMAT csv, HEADER)
SELECT split, count(*) AS titles,
	   avg((sum.title_function(title)::text = function)::int) >= 0.92 AS function_target,
	   avg((sum.title_seniority(title)::text = seniority)::int) >= 0.95 AS seniority_target
  FROM persona_eval
 GROUP BY split
 ORDER BY split;
-- every language on its own
SELECT lang, avg((sum.title_function(title)::text = function)::int) >= 0.92 AS function_target,
	   avg((sum.title_seniority(title)::text = seniority)::int) >= 0.95 AS seniority_target
  FROM persona_eval
 GROUP BY lang
 ORDER BY lang;
DROP TABLE persona_eval;
