#
# test/t/080_refresh_concurrency.pl
#	  The refresh under concurrency and faults.  A gate holds a run where
#	  the test wants it: the events input is a view that takes a shared
#	  advisory lock the test session holds exclusively, so a run stops
#	  while reading the events, after the users and people steps, inside
#	  its transaction.  Then:
#	  - a second refresh returns at once with a NOTICE and a 'skipped' row,
#	    and refresh(wait => true) waits for the first;
#	  - BI readers see the old outputs until the run commits, then the new;
#	  - a sales-ops edit of sum.handoff_queue.status made during a run is
#	    kept by it;
#	  - a run cancelled by statement_timeout and one whose backend is
#	    terminated leave the last good outputs and a failed row;
#	  - a full run does not compact sum.users while a reader holds it;
#	  - sum_reader reads outputs but no raw emails and changes no
#	    configuration; sum_admin changes configuration;
#	  - relation names with quotes and semicolons in the input settings are
#	    refused on write or reported missing by check_inputs, and never run.
#
# Copyright (c) 2026, the sum developers

use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('concurrency');
$node->init;
$node->start;

$node->safe_psql('postgres', q{
	CREATE EXTENSION sum;
	CREATE SCHEMA app;
	CREATE TABLE app.users (user_id bigint, email text, signed_up_at timestamptz, full_name text,
							title text, company_name text, country text, stage text);
	CREATE TABLE app.events (user_id bigint, event text, occurred_at timestamptz);
	CREATE TABLE app.crm_accounts (account_id text, name text, domain text, country text,
								   employees integer, industry text);
	INSERT INTO app.crm_accounts VALUES
		('A1', 'Acme Inc.', 'acme.com', 'US', 200, 'Software'),
		('G1', 'Globex GmbH', 'globex.de', 'DE', 5000, 'software');
	INSERT INTO app.users VALUES
		(1, 'alice@acme.com', '2026-01-20 09:00Z', 'Alice Smith', 'VP Marketing', 'Acme', 'US', 'trial'),
		(2, 'bob@acme.com', '2026-01-10 09:00Z', 'Bob Jones', 'Software Engineer', 'Acme', 'US', 'trial');
	INSERT INTO app.events VALUES
		(1, 'project_created', '2026-01-20 10:00Z'), (2, 'page_viewed', '2026-01-21 10:00Z');
	-- the gate: every read of the events waits while the test holds the lock
	CREATE FUNCTION app.gate() RETURNS boolean LANGUAGE sql VOLATILE AS
		'SELECT pg_advisory_lock_shared(4242) IS NOT NULL AND pg_advisory_unlock_shared(4242)';
	CREATE VIEW app.gated_events AS SELECT e.* FROM app.events e WHERE (SELECT app.gate());
	UPDATE sum.settings SET value = 'app.users' WHERE name = 'input.users';
	UPDATE sum.settings SET value = 'app.gated_events' WHERE name = 'input.events';
	UPDATE sum.settings SET value = 'app.crm_accounts' WHERE name = 'input.crm_accounts';
	CALL sum.refresh(full => true);
});

sub q1 { return $node->safe_psql('postgres', shift); }

# the outputs a BI reader sees, in one snapshot
my $outputs_sql = q{SELECT (SELECT count(*) FROM sum.users) || ' users, '
	|| (SELECT count(*) FROM sum.people) || ' people, '
	|| (SELECT string_agg(account_key || ':' || users, ',' ORDER BY account_key) FROM sum.accounts)};
my $first = q1($outputs_sql);
is($first, '2 users, 2 people, crm:A1:2', 'the first refresh wrote the outputs');
is(q1(q{SELECT string_agg(account_key || ' ' || status, ',') FROM sum.handoff_queue}),
	'crm:A1 new', 'Acme is handed off (a VP at a B account)');

# wait until a backend is blocked on the gate (or on the refresh lock)
sub wait_blocked
{
	my ($what) = @_;
	my $cond = $what eq 'gate'
	  ? q{EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND NOT granted)}
	  : q{EXISTS (SELECT FROM pg_stat_activity WHERE wait_event = 'advisory'
				  AND query LIKE 'CALL sum.refresh(wait%')};
	return $node->poll_query_until('postgres', "SELECT $cond");
}

my $gate = $node->background_psql('postgres');
$gate->query_safe('SELECT pg_advisory_lock(4242)');

# new input, so that the next run's outputs differ from the first's
q1(q{INSERT INTO app.users VALUES
	(3, 'carol@globex.de', '2026-01-21 09:00Z', 'Carol Meyer', 'Marketing Manager', 'Globex', 'DE', 'trial')});

# run 1 stops at the gate
my $run1 = $node->background_psql('postgres', on_error_stop => 0);
$run1->query_until(qr/started/, "\\echo started\nCALL sum.refresh(full => true);\n");
ok(wait_blocked('gate'), 'a refresh is running and held at the gate');

# a second refresh returns at once, says so and logs a skipped row
my ($rc, $out, $err) = $node->psql('postgres', 'CALL sum.refresh()');
is($rc, 0, 'a second refresh returns without error');
like($err, qr/NOTICE:  sum.refresh: another refresh is running \(backend \d+\); skipped/,
	'... with a NOTICE naming the running backend');
is(q1(q{SELECT count(*) FROM sum.refresh_log WHERE step = 'run' AND status = 'skipped'}), '1',
	'... and a skipped row in sum.refresh_log');

# wait => true waits for the running one
my $run3 = $node->background_psql('postgres', on_error_stop => 0);
$run3->query_until(qr/started/, "\\echo started\nCALL sum.refresh(wait => true);\n");
ok(wait_blocked('refresh'), 'refresh(wait => true) waits for the lock');

# readers see the last complete result while the run is in progress
is(q1($outputs_sql), $first, 'BI readers see the old outputs during the run');

# sales ops accept Acme while the run is in progress
q1(q{UPDATE sum.handoff_queue SET status = 'accepted', notes = 'demo booked' WHERE account_key = 'crm:A1'});

# a manual write to sum.users waits for the run (it updates those rows by
# the tuple ids it read, so it keeps other writers out until it commits)
my $writer = $node->background_psql('postgres', on_error_stop => 0);
$writer->query_until(qr/started/,
	"\\echo started\nUPDATE sum.users SET updated_at = updated_at WHERE user_id = '2';\n");
ok($node->poll_query_until('postgres', q{SELECT EXISTS (SELECT FROM pg_locks
	WHERE relation = 'sum.users'::regclass AND mode = 'RowExclusiveLock' AND NOT granted)}),
	'a manual write to sum.users waits while a refresh runs');

# open the gate: run 1 commits, then the waiting run 3 runs
$gate->query_safe('SELECT pg_advisory_unlock(4242)');
$run1->query('SELECT 1');
$run3->query('SELECT 1');
$writer->query('SELECT 1');
is($run1->{stderr}, '', 'run 1 succeeded');
is($run3->{stderr}, '', 'the waiting run succeeded after it');
is($writer->{stderr}, '', 'the manual write went through after run 1');
my $second = q1($outputs_sql);
is($second, '3 users, 3 people, crm:A1:2,crm:G1:1', 'readers see the new outputs after the commit');
# run ids: the first run, run 1 (its id is taken when it starts), the
# skipped one, the waiting run
is(q1(q{SELECT string_agg(status, ',' ORDER BY run_id) FROM sum.refresh_log WHERE step = 'run'}),
	'ok,ok,skipped,ok', 'refresh_log: the first run, run 1, the skipped one and the waiting run');
is(q1(q{SELECT status || ' ' || notes FROM sum.handoff_queue WHERE account_key = 'crm:A1'}),
	'accepted demo booked', 'the sales-ops edit made during the run is kept');

# a run cancelled by statement_timeout: outputs stay, a failed row
q1(q{INSERT INTO app.users VALUES
	(4, 'dan@globex.de', '2026-01-22 09:00Z', 'Dan Roth', 'Data Analyst', 'Globex', 'DE', 'trial')});
$gate->query_safe('SELECT pg_advisory_lock(4242)');
($rc, $out, $err) = $node->psql('postgres',
	"SET statement_timeout = '2s'; CALL sum.refresh(full => true)");
isnt($rc, 0, 'a refresh past statement_timeout fails');
like($err, qr/canceling statement due to statement timeout/, '... cancelled by the timeout');
is(q1($outputs_sql), $second, 'the cancelled run left the last good outputs');
is(q1(q{SELECT status || ' ' || coalesce(sqlstate, '') FROM sum.refresh_log
		WHERE step = 'run' ORDER BY run_id DESC LIMIT 1}),
	'failed 57014', 'refresh_log: the cancelled run failed with query_canceled');

# a run whose backend is terminated: outputs stay, the next run marks it failed
my $run4 = $node->background_psql('postgres', on_error_stop => 0);
my $pid4 = $run4->query_safe('SELECT pg_backend_pid()');
$run4->query_until(qr/started/, "\\echo started\nCALL sum.refresh(full => true);\n");
ok(wait_blocked('gate'), 'another refresh is held at the gate');
is(q1("SELECT pg_terminate_backend($pid4)"), 't', 'its backend is terminated');
$node->poll_query_until('postgres', "SELECT NOT EXISTS (SELECT FROM pg_stat_activity WHERE pid = $pid4)");
eval { $run4->quit; };		# its psql lost the connection
is(q1($outputs_sql), $second, 'the terminated run left the last good outputs');
$gate->query_safe('SELECT pg_advisory_unlock(4242)');
q1('CALL sum.refresh(full => true)');
is(q1(qq{SELECT status || ' ' || coalesce(sqlstate, '') FROM sum.refresh_log
		WHERE step = 'run' AND pid = $pid4}),
	'failed 57P01', 'the next run marked the terminated one failed');
is(q1($outputs_sql), '4 users, 4 people, crm:A1:2,crm:G1:2', 'and wrote the new outputs');

# a reader inside a transaction on sum.users: a full run does not queue
# behind it to compact the table (NOWAIT), says so and leaves it as
# written; without the reader, the next full run compacts it
my $reader = $node->background_psql('postgres');
$reader->query_safe('BEGIN; SELECT count(*) FROM sum.users;');
my $users_file = q1(q{SELECT pg_relation_filenode('sum.users')});
($rc, $out, $err) = $node->psql('postgres', 'CALL sum.refresh(full => true)');
is($rc, 0, 'a full run with a reader holding sum.users succeeds');
like($err, qr/NOTICE:  sum.refresh: sum.users was not compacted: another session is using it/,
	'... says that it did not compact sum.users');
is(q1(q{SELECT pg_relation_filenode('sum.users')}), $users_file, '... and left the table as written');
$reader->query_safe('COMMIT');
$reader->quit;
q1('CALL sum.refresh(full => true)');
isnt(q1(q{SELECT pg_relation_filenode('sum.users')}), $users_file,
	'without the reader, a full run compacts sum.users');
is(q1($outputs_sql), '4 users, 4 people, crm:A1:2,crm:G1:2', '... and the outputs stay the same');
$gate->quit;
$run1->quit;
$run3->quit;
$writer->quit;

# roles: sum_reader reads outputs and hashes, no raw email, no configuration
q1(q{CREATE ROLE bi LOGIN IN ROLE sum_reader; CREATE ROLE ops LOGIN IN ROLE sum_admin});
is($node->safe_psql('postgres', q{SELECT count(*) FROM sum.accounts}, extra_params => ['-U', 'bi']),
	'2', 'sum_reader reads sum.accounts');
is($node->safe_psql('postgres', q{SELECT count(email_hash) FROM sum.users}, extra_params => ['-U', 'bi']),
	'4', 'sum_reader reads the email hashes');
for my $stmt (
	'SELECT email FROM sum.users',
	'SELECT email FROM sum.people',
	'SELECT contact_email FROM sum.handoff_queue',
	q{UPDATE sum.settings SET value = '1 hour' WHERE name = 'pipeline.late_events'},
	q{INSERT INTO sum.handoff_rules (name) VALUES ('x')},
	q{UPDATE sum.handoff_queue SET status = 'rejected'},
	'CALL sum.refresh()')
{
	($rc, $out, $err) = $node->psql('postgres', $stmt, extra_params => ['-U', 'bi']);
	like($err, qr/permission denied/, "sum_reader: $stmt: permission denied");
}
($rc, $out, $err) = $node->psql('postgres',
	q{UPDATE sum.settings SET value = '2 hours' WHERE name = 'pipeline.late_events'},
	extra_params => ['-U', 'ops']);
is($rc, 0, 'sum_admin changes a setting');
($rc, $out, $err) = $node->psql('postgres', 'SELECT count(email) FROM sum.users',
	extra_params => ['-U', 'ops']);
is($out, '4', 'sum_admin reads raw emails');

# relation names with quotes and semicolons never run as SQL
q1(q{CREATE TABLE app.canary (x int)});
($rc, $out, $err) = $node->psql('postgres',
	q{UPDATE sum.settings SET value = 'app.users; DROP TABLE app.canary' WHERE name = 'input.crm_contacts'});
like($err, qr/invalid value for setting "input.crm_contacts"/, 'a relation name with a statement after it is refused on write');
q1(q{UPDATE sum.settings SET value = 'app."users; DROP TABLE app.canary; --"' WHERE name = 'input.crm_contacts'});
is(q1(q{SELECT string_agg(input || ': ' || problem, '; ') FROM sum.check_inputs()}),
	'crm_contacts: relation app."users; DROP TABLE app.canary; --" (setting input.crm_contacts) does not exist or is not visible',
	'a quoted name with a semicolon is reported as a missing relation');
($rc, $out, $err) = $node->psql('postgres', 'CALL sum.refresh()');
isnt($rc, 0, 'and the refresh refuses to run');
is(q1(q{SELECT count(*) FROM app.canary}), '0', 'the canary table is still there');
q1(q{DELETE FROM sum.settings WHERE name = 'input.crm_contacts'});

$node->stop;
done_testing();
