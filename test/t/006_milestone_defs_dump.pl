#
# test/t/006_milestone_defs_dump.pl
#	  pg_dump and restore keep marketing's milestone definitions: rows they
#	  added, shipped rows they edited or disabled, with no collision with the
#	  shipped rows that CREATE EXTENSION re-inserts on restore; and a state
#	  stored before the dump is still current after it (same definitions,
#	  same time zone, same version).
#
# Runs against the cluster in PGHOST/PGPORT (tools/test.sh).
#
# Copyright (c) 2026, the sum developers
#
use strict;
use warnings;
use File::Temp qw(tempdir);
use Test::More;

plan skip_all => 'PGHOST/PGPORT are not set (run through tools/test.sh)'
  unless defined $ENV{PGPORT};

my $src = 'sum_ms_dump_src';
my $dst = 'sum_ms_dump_dst';

sub psql
{
	my ($db, $sql) = @_;
	my $out = `psql -X -q -At -v ON_ERROR_STOP=1 -d $db -c "$sql" 2>&1`;
	chomp $out;
	return ($? >> 8, $out);
}

my $defs = "SELECT string_agg(concat_ws(':', name, kind, array_to_string(events, '+'), min_count, days,"
  . " enabled, source), ' ' ORDER BY name) FROM sum.milestone_defs";

system("dropdb --if-exists $dst >/dev/null 2>&1; dropdb --if-exists $src >/dev/null 2>&1");
is(system("createdb $src"), 0, 'source database created');

my ($rc, $out) = psql($src, 'CREATE EXTENSION sum');
is($rc, 0, 'extension created') or diag($out);

($rc, $out) = psql($src,
	"UPDATE sum.milestone_defs SET min_count = 3, days = 7 WHERE name = 'activated';"
	  . " UPDATE sum.milestone_defs SET enabled = false WHERE name = 'paywall_hit';"
	  . " INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('first_export', 'first_event', '{export}');"
	  . " UPDATE sum.settings SET value = 'Europe/Berlin' WHERE name = 'milestones.timezone';"
	  . " CREATE TABLE states AS SELECT sum.milestones('export', '2024-03-01 10:00+00', '2024-03-01 09:00+00') AS s;");
is($rc, 0, 'definitions edited, a state stored') or diag($out);

my ($rc1, $before) = psql($src, $defs);
like($before, qr/activated:event_count:[^ ]*:3:7:t:edited/, 'the edit is recorded as edited');
my (undef, $version) = psql($src, 'SELECT sum.milestone_defs_version()');

my $dir = tempdir(CLEANUP => 1);
is(system("pg_dump -Fc -f $dir/dump $src"), 0, 'pg_dump');
is(system("createdb $dst"), 0, 'target database created');
my $restore = `pg_restore --exit-on-error -d $dst $dir/dump 2>&1`;
is($? >> 8, 0, 'pg_restore without errors') or diag($restore);

my ($rc2, $after) = psql($dst, $defs);
is($after, $before, 'the restored definitions are the edited ones, each once');

my ($rc3, $version2) = psql($dst, 'SELECT sum.milestone_defs_version()');
is($version2, $version, 'the definitions version survives the restore');

my ($rc4, $rows) = psql($dst,
	"SELECT sum.milestone_state_is_current(s) || ' ' || (SELECT string_agg(milestone, ',')"
	  . " FROM sum.milestone_rows(s, '2024-04-01')) FROM states");
is($rows, 'true first_export', 'a stored state is still current and readable') or diag($rows);

system("dropdb $dst; dropdb $src");
done_testing();
