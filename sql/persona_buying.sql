-- sum.buying_role: buyer functions x seniorities x company sizes
\set SHOW_CONTEXT never

CREATE FUNCTION br(f text, s text, e int) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT sum.buying_role(ROW(f::sum.job_function, s::sum.seniority, 1, '{}')::sum.persona, e)::text
$$;

-- the defaults
SELECT name, value FROM sum.settings WHERE name LIKE 'persona.%' ORDER BY name;

-- the matrix: a buyer function (marketing, general_management), a function
-- that does not buy (engineering) and no function; size unknown, 20, 300
-- and 5,000 employees
SELECT f AS function, s AS seniority,
	   br(f, s, NULL) AS size_unknown, br(f, s, 20) AS small,
	   br(f, s, 300) AS mid, br(f, s, 5000) AS large
  FROM unnest(ARRAY['marketing', 'general_management', 'engineering', 'unknown'])
	   WITH ORDINALITY AS a(f, fo),
	   unnest(pg_catalog.enum_range(NULL::sum.seniority)::text[]) WITH ORDINALITY AS b(s, so)
 ORDER BY fo, so;

-- the size boundaries are inclusive
SELECT br('marketing', 'manager', 50) AS at_50, br('marketing', 'manager', 51) AS at_51,
	   br('marketing', 'director', 999) AS at_999, br('marketing', 'director', 1000) AS at_1000,
	   br('engineering', 'owner', 0) AS zero_employees;

-- from titles
SELECT title, employees, sum.buying_role(sum.title_persona(title), employees) AS role
  FROM (VALUES ('VP Marketing', 2000), ('Marketing Manager', 20), ('Marketing Manager', 300),
			   ('Software Engineer', 20), ('CTO', 20), ('CTO', 5000), ('Founder', NULL),
			   ('Executive Assistant to the CEO', 20), ('asdf', 100), ('Intern', 10),
			   ('Head of Sales', 5000), ('Geschäftsführer', 300)) AS v(title, employees);

-- NULL persona, NULL size, negative size
SELECT sum.buying_role(NULL) IS NULL AS null_persona,
	   sum.buying_role(sum.title_persona('VP Sales')) AS default_size,
	   sum.buying_role(sum.title_persona(NULL), 10) IS NULL AS null_title;
SELECT sum.buying_role(sum.title_persona('VP Sales'), -1);

-- a product bought by engineering and IT
UPDATE sum.settings SET value = '{engineering,it}' WHERE name = 'persona.buyer_functions';
SELECT br('engineering', 'director', NULL) AS eng_director, br('marketing', 'director', NULL) AS mkt_director,
	   br('marketing', 'vp', NULL) AS mkt_vp, br('general_management', 'c_level', 5000) AS ceo_large,
	   br('it', 'manager', 20) AS it_manager_small;

-- stricter thresholds
UPDATE sum.settings SET value = 'vp' WHERE name = 'persona.decision_maker_seniority';
UPDATE sum.settings SET value = '10' WHERE name = 'persona.small_company_employees';
SELECT br('engineering', 'director', NULL) AS director, br('engineering', 'vp', 300) AS vp,
	   br('engineering', 'manager', 20) AS manager_at_20, br('engineering', 'manager', 10) AS manager_at_10;

-- invalid settings
UPDATE sum.settings SET value = 'boss' WHERE name = 'persona.influencer_seniority';
UPDATE sum.settings SET value = '{engineering,bogus}' WHERE name = 'persona.buyer_functions';
SELECT br('engineering', 'director', NULL);
UPDATE sum.settings SET value = '{}' WHERE name = 'persona.buyer_functions';
SELECT br('engineering', 'director', NULL) AS no_buyers, br('unknown', 'c_level', NULL) AS ceo_no_buyers;

-- back to the defaults
DELETE FROM sum.settings WHERE name LIKE 'persona.%';
SELECT count(*) AS overrides FROM sum.settings WHERE name LIKE 'persona.%' AND NOT is_default;
SELECT br('marketing', 'director', NULL) AS restored;

DROP FUNCTION br(text, text, int);
