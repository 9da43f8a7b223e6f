# test/t/060_rollups.pl
#	  sum.account_rollup at volume: 1 M users in 100 k accounts.  A forced
#	  parallel plan gives the same rows as a serial one; states of arbitrary
#	  splits of the rows, merged (also in parallel), give the one-pass rows;
#	  and the plain SQL summary of test/bench/rollups_plain.sql agrees.
#
#	  Runs against the server in PGHOST/PGPORT (tools/test.sh provides one)
#	  in a database of its own.
#
# Copyright (c) 2026, the sum developers

use strict;
use warnings;
use File::Temp qw(tempfile);
use Test::More;

my $dir = $ENV{TESTDIR} // '.';
my $db = 'sum_tap_rollups';
my $as_of = q{'2024-06-30 12:00:00+00'::timestamptz};

# psql: run a script, return its unaligned output; die on error
sub psql
{
	my ($dbname, $sql) = @_;
	my ($fh, $file) = tempfile();
	print $fh $sql;
	close $fh;
	my $out = `psql -X -A -t -q -v ON_ERROR_STOP=1 -d $dbname -f $file 2>&1`;
	my $rc = $?;
	unlink $file;
	die "psql failed: $out" if $rc != 0;
	chomp $out;
	return $out;
}

sub slurp
{
	my ($path) = @_;
	open my $fh, '<', $path or die "could not open $path: $!";
	local $/;
	my $text = <$fh>;
	close $fh;
	return $text;
}

psql('postgres', "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db;");
psql($db, 'CREATE EXTENSION sum;');

my $data = slurp("$dir/test/bench/rollups_data.sql");
my $plain = slurp("$dir/test/bench/rollups_plain.sql");
psql($db, "\\set rows 1000000\n\\set accounts 100000\n\\set seed 0.6\n$data");
is(psql($db, 'SELECT count(*) FROM bench_users'), '1000000', '1 M users loaded');

my $rollup = "sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones, $as_of)";
my $state = "sum.account_rollup_state(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones, $as_of)";
my $parallel = 'SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; '
  . 'SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2; '
  . "SET work_mem = '256MB';";
my $serial = "SET max_parallel_workers_per_gather = 0; SET work_mem = '256MB';";

psql($db, "$serial CREATE TABLE one_pass AS SELECT account, $rollup AS s FROM bench_users GROUP BY account;");
my $accounts = psql($db, 'SELECT count(*) FROM one_pass');
ok($accounts > 99000, "one pass: $accounts accounts");

# forced parallel plan
my $plan = psql($db, "$parallel EXPLAIN (COSTS OFF) SELECT account, $rollup FROM bench_users GROUP BY account;");
like($plan, qr/Partial (Hash|Group)?Aggregate/, 'the plan aggregates partially in workers');
like($plan, qr/Workers Planned: 2/, 'with two workers');
psql($db, "$parallel CREATE TABLE parallel_pass AS SELECT account, $rollup AS s FROM bench_users GROUP BY account;");
is(psql($db, 'SELECT count(*) FROM one_pass a FULL JOIN parallel_pass b USING (account) '
		  . 'WHERE a.s IS DISTINCT FROM b.s'),
	'0', 'forced parallel equals serial on every account');
$plan = psql($db, "$parallel EXPLAIN (COSTS OFF) SELECT $rollup FROM bench_users;");
like($plan, qr/Partial Aggregate/, 'one group: Partial Aggregate');
is(psql($db, "$parallel SELECT $rollup = (SELECT sum.account_summary(sum.account_rollup_merge(st)) "
		  . "FROM (SELECT $state AS st FROM bench_users GROUP BY account) g) FROM bench_users;"),
	't', 'all users in one parallel pass equal the merge of the per-account states');

# arbitrary splits, merged
my %splits = (
	'id % 2' => 'id % 2',
	'id hashed into 13' => '(id * 7919) % 13',
	'random 30/70' => 'random() < 0.3',
	'by stage and activity' => 'stage, recent',
);
for my $name (sort keys %splits)
{
	my $key = $splits{$name};
	psql($db, "$serial DROP TABLE IF EXISTS parts; "
		  . "CREATE TABLE parts AS SELECT account, $state AS st FROM bench_users GROUP BY account, $key;");
	is(psql($db, "$serial SELECT count(*) FROM (SELECT account, sum.account_summary(sum.account_rollup_merge(st)) AS s "
			  . "FROM parts GROUP BY account) m FULL JOIN one_pass o USING (account) WHERE m.s IS DISTINCT FROM o.s"),
		'0', "split $name: merged states equal one pass");
}
# the last split's states merged in a parallel plan (merge combine function)
$plan = psql($db, "$parallel EXPLAIN (COSTS OFF) SELECT account, sum.account_rollup_merge(st) FROM parts GROUP BY account;");
like($plan, qr/Partial/, 'merging states also aggregates partially');
is(psql($db, "$parallel SELECT count(*) FROM (SELECT account, sum.account_summary(sum.account_rollup_merge(st)) AS s "
		  . "FROM parts GROUP BY account) m FULL JOIN one_pass o USING (account) WHERE m.s IS DISTINCT FROM o.s"),
	'0', 'parallel merge of split states equals one pass');

# pairwise folding in a different order
is(psql($db, "$serial WITH p AS (SELECT account, st, row_number() OVER (PARTITION BY account ORDER BY md5(st::text)) AS n FROM parts), "
		  . "folded AS (SELECT account, sum.account_rollup_merge(st ORDER BY n DESC) AS st FROM p GROUP BY account) "
		  . "SELECT count(*) FROM folded f JOIN one_pass o USING (account) "
		  . "WHERE sum.account_summary(f.st) IS DISTINCT FROM o.s"),
	'0', 'merging in another order gives the same summaries');

# the plain SQL summary
$plain =~ s/:as_of/$as_of/g;
psql($db, "$serial CREATE TABLE plain AS $plain;");
is(psql($db, 'SELECT count(*) FROM plain p FULL JOIN one_pass o USING (account) WHERE p.s IS DISTINCT FROM o.s'),
	'0', 'plain SQL (FILTER, DISTINCT ON) gives the same summary for every account');

psql('postgres', "DROP DATABASE $db;");
done_testing();
