#
# test/t/070_pipeline_cron.pl
#	  pg_cron really runs the refresh.  A cluster of its own, pg_cron
#	  preloaded with its extension in database postgres; sum lives in
#	  database app.  sum.schedule() says what to do without dblink, makes
#	  the job in the cron database with dblink, and after a restart the
#	  @reboot job has run CALL sum.refresh() in app (pg_cron 1.4 schedules
#	  by the minute; @reboot proves the same without waiting for one).
#
# Copyright (c) 2026, the sum developers

use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('cron');
$node->init;
$node->append_conf('postgresql.conf', qq{
shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
cron.use_background_workers = on
max_worker_processes = 16
});
$node->start;

$node->safe_psql('postgres', 'CREATE EXTENSION pg_cron');
$node->safe_psql('postgres', 'CREATE DATABASE app');
$node->safe_psql('app', q{
	CREATE EXTENSION sum;
	CREATE TABLE users (user_id int, email text, signed_up_at timestamptz, title text);
	CREATE TABLE events (user_id int, event text, occurred_at timestamptz);
	INSERT INTO users VALUES (1, 'ann@acme.com', now() - interval '3 days', 'CEO'),
							 (2, 'bo@acme.com', now() - interval '2 days', 'Engineer');
	INSERT INTO events VALUES (1, 'project_created', now() - interval '1 day'),
							  (2, 'page_viewed', now() - interval '1 hour');
	UPDATE sum.settings SET value = 'public.users' WHERE name = 'input.users';
	UPDATE sum.settings SET value = 'public.events' WHERE name = 'input.events';
});

# pg_cron is in another database and dblink is not here: a clear error
my ($rc, $out, $err) = $node->psql('app', q{SELECT sum.schedule('@reboot')},
	extra_params => ['-v', 'VERBOSITY=verbose']);
isnt($rc, 0, 'sum.schedule without dblink fails');
like($err, qr/55000/, '... with object_not_in_prerequisite_state');
like($err, qr/cron\.schedule_in_database\('sum-refresh', '\@reboot', 'CALL sum.refresh\(\)', 'app'\)/,
	'... and says what to run in the cron database');

# with dblink, the job is made in the cron database, for database app
$node->safe_psql('app', 'CREATE EXTENSION dblink');
my $job = $node->safe_psql('app', q{SELECT sum.schedule('@reboot')});
like($job, qr/^\d+$/, 'sum.schedule returns the job id');
is($node->safe_psql('postgres', "SELECT database || ' ' || command FROM cron.job WHERE jobid = $job"),
	'app CALL sum.refresh()', 'the job runs CALL sum.refresh() in app');

# sum next to pg_cron: cron.schedule directly
$node->safe_psql('postgres', 'CREATE EXTENSION sum');
my $local = $node->safe_psql('postgres', q{SELECT sum.schedule('0 3 * * *', 'sum-nightly', 'CALL sum.refresh(full => true)')});
is($node->safe_psql('postgres', "SELECT schedule || ' ' || database FROM cron.job WHERE jobid = $local"),
	'0 3 * * * postgres', 'same database: cron.schedule');
is($node->safe_psql('postgres', q{SELECT sum.unschedule('sum-nightly')}), 't', 'sum.unschedule removes it');

is($node->safe_psql('app', 'SELECT count(*) FROM sum.refresh_log'), '0', 'no refresh has run yet');
$node->restart;

# the @reboot job runs once pg_cron starts
my $ok = $node->poll_query_until('app',
	q{SELECT count(*) = 1 FROM sum.refresh_log WHERE step = 'run' AND status = 'ok'});
ok($ok, 'pg_cron ran CALL sum.refresh() after the restart');
is($node->safe_psql('app', 'SELECT count(*) FROM sum.users'), '2', 'the refresh read the users');
is($node->safe_psql('app', q{SELECT string_agg(account_key || ':' || users, ',') FROM sum.accounts}),
	'domain:acme.com:2', 'and rolled them up');
is($node->safe_psql('postgres', "SELECT status FROM cron.job_run_details WHERE jobid = $job ORDER BY runid DESC LIMIT 1"),
	'succeeded', 'pg_cron recorded the run as succeeded');

is($node->safe_psql('app', q{SELECT sum.unschedule()}), 't', 'sum.unschedule through dblink');
is($node->safe_psql('postgres', "SELECT count(*) FROM cron.job WHERE jobid = $job"), '0', 'the job is gone');

$node->stop;
done_testing();
