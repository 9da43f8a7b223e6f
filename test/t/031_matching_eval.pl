# test/t/031_matching_eval.pl
#	Lead-to-account matching on the labeled set of test/data (made by
#	make_matching_set.py, labels from the generation): overall precision
#	must reach 0.98 and recall 0.95, and every method must be precise.
#	Also re-checks that the shipped CSV files still have the size the
#	issue asks for.
#
#	Runs against the cluster in PGHOST/PGPORT/PGUSER (tools/test.sh).
#
# Copyright (c) 2026, the sum developers
use strict;
use warnings;
use File::Basename qw(dirname);
use File::Spec;
use Test::More;

my $data = File::Spec->rel2abs(dirname(__FILE__) . '/../data');
my $db = 'sum_tap_matching';

sub psql
{
	my ($sql, $dbname) = @_;
	$dbname //= $db;
	open(my $fh, '-|', 'psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
		'-d', $dbname, '-c', $sql) or die "psql: $!";
	my $out = do { local $/; <$fh> };
	close $fh;
	die "psql failed on: $sql" if $? != 0;
	chomp $out;
	return $out;
}

psql("DROP DATABASE IF EXISTS $db", 'postgres');
psql("CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'", 'postgres');
psql("CREATE EXTENSION sum");
psql("CREATE TABLE eval_accounts (account_id int, name text, domain text, country text,
	parent_account_id int, created_at timestamptz, duplicate_of int)");
psql("CREATE TABLE eval_signups (signup_id int, email text, company_name text, country text,
	true_account_id int, kind text)");
psql("\\copy eval_accounts FROM '$data/matching_accounts.csv' WITH (FORMAT csv, HEADER true)");
psql("\\copy eval_signups FROM '$data/matching_signups.csv' WITH (FORMAT csv, HEADER true)");

my ($nacc) = psql("SELECT count(*) FROM eval_accounts");
my ($nsig) = psql("SELECT count(*) FROM eval_signups");
cmp_ok($nacc, '>=', 500, "at least 500 accounts ($nacc)");
cmp_ok($nsig, '>=', 2000, "at least 2000 sign-ups ($nsig)");

psql(<<'SQL');
CREATE TABLE eval_result AS
SELECT m.*, s.true_account_id, s.kind,
	   coalesce(m.account_id::int = s.true_account_id
				OR (SELECT a.duplicate_of FROM eval_accounts a
					 WHERE a.account_id = m.account_id::int) = s.true_account_id, false) AS correct
  FROM sum.match_accounts('SELECT signup_id, email, company_name, country FROM eval_signups',
						  'SELECT account_id, name, domain, country, parent_account_id, created_at FROM eval_accounts') m
  JOIN eval_signups s ON s.signup_id = m.signup_id::int
SQL

is(psql("SELECT count(*) FROM eval_result"), $nsig, 'one row per sign-up');
my ($p, $r) = split /\|/, psql(<<'SQL');
SELECT round(avg(correct::int) FILTER (WHERE account_id IS NOT NULL), 4),
	   round(avg(correct::int) FILTER (WHERE true_account_id IS NOT NULL), 4)
  FROM eval_result
SQL
cmp_ok($p, '>=', 0.98, "overall precision $p >= 0.98");
cmp_ok($r, '>=', 0.95, "overall recall $r >= 0.95");

for my $row (split /\n/, psql(<<'SQL'))
SELECT method, count(*), round(avg(correct::int), 4) FROM eval_result
 WHERE account_id IS NOT NULL GROUP BY method ORDER BY method
SQL
{
	my ($method, $n, $prec) = split /\|/, $row;
	cmp_ok($prec, '>=', 0.95, "precision of $method: $prec over $n matches");
}

is(psql(<<'SQL'), '0', 'every unmatched corporate sign-up has its shadow account');
SELECT count(*) FROM eval_result r JOIN eval_signups s ON s.signup_id = r.signup_id::int
 WHERE r.kind = 'new_company_corporate' AND r.method = 'shadow'
   AND r.shadow_account IS DISTINCT FROM split_part(s.email, '@', 2)
SQL
is(psql("SELECT count(*) FROM eval_result WHERE evidence IS NULL OR method IS NULL"), '0',
	'every row is explained');

psql("DROP DATABASE $db", 'postgres');
done_testing();
