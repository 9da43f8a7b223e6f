-- demo/demo.sql: what sum makes of a handful of sign-ups.
\set QUIET on
\pset footer off
CREATE EXTENSION sum;
\echo 'sum is installed:'
SELECT extname, extversion FROM pg_extension WHERE extname = 'sum';
