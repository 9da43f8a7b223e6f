#
# test/t/005_clickhouse_funnel.pl
#	  Differential test of sum.window_funnel and sum.retention against a
#	  real ClickHouse: Debian's clickhouse-server (18.16) is started on
#	  loopback with a minimal configuration in a temporary directory, both
#	  systems get the same seeded random event sets, and every group's answer
#	  must agree.
#
#	  18.16 predates the later modes and differs from current ClickHouse in
#	  two corners that sum follows current ClickHouse on: it counts only the
#	  first condition a row matches, and it breaks timestamp ties in input
#	  order.  The generated rows therefore match at most one condition each,
#	  and they are inserted into ClickHouse sorted by (user, time, step) and
#	  read with max_threads = 1, so that 18.16 sees ties in step order, which
#	  is how current ClickHouse sorts them.  Postgres gets the same rows in a
#	  shuffled order.  NULL conditions are included: both skip such rows.
#
#	  Runs against the cluster named by PGHOST/PGPORT (tools/test.sh).  When
#	  clickhouse-server is missing or cannot start here, the test is skipped
#	  with the reason.
#
# Copyright (c) 2026, the sum developers
#
use strict;
use warnings;

use File::Temp qw(tempdir);
use HTTP::Tiny;
use IO::Socket::INET;
use POSIX qw(:sys_wait_h);
use Test::More;

my $server = $ENV{CLICKHOUSE_SERVER} // '/usr/sbin/clickhouse-server';
plan skip_all => "clickhouse-server is not installed ($server)" unless -x $server;
plan skip_all => 'PGHOST/PGPORT are not set (run through tools/test.sh)'
  unless defined $ENV{PGPORT};

# ---------------------------------------------------------------------------
# ClickHouse on loopback, in a temporary directory
# ---------------------------------------------------------------------------

sub free_port
{
	my $sock = IO::Socket::INET->new(
		LocalAddr => '127.0.0.1',
		LocalPort => 0,
		Proto => 'tcp',
		Listen => 1) or die "no free port: $!";
	my $port = $sock->sockport;
	close $sock;
	return $port;
}

my $dir = tempdir('sum-clickhouse.XXXXXX', TMPDIR => 1, CLEANUP => 1);
my ($http_port, $tcp_port) = (free_port(), free_port());
mkdir "$dir/$_" for qw(data tmp user_files format_schemas log);

open my $cfg, '>', "$dir/config.xml" or die $!;
print $cfg <<"EOF";
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>$dir/log/server.log</log>
        <errorlog>$dir/log/error.log</errorlog>
        <console>0</console>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>$http_port</http_port>
    <tcp_port>$tcp_port</tcp_port>
    <path>$dir/data/</path>
    <tmp_path>$dir/tmp/</tmp_path>
    <user_files_path>$dir/user_files/</user_files_path>
    <format_schema_path>$dir/format_schemas/</format_schema_path>
    <users_config>$dir/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>5368709</mark_cache_size>
    <uncompressed_cache_size>0</uncompressed_cache_size>
    <max_concurrent_queries>8</max_concurrent_queries>
</yandex>
EOF
close $cfg;

open my $users, '>', "$dir/users.xml" or die $!;
print $users <<'EOF';
<?xml version="1.0"?>
<yandex>
    <profiles><default><max_memory_usage>1000000000</max_memory_usage></default></profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas><default></default></quotas>
</yandex>
EOF
close $users;

my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0)
{
	open STDOUT, '>', "$dir/log/stdout.log";
	open STDERR, '>&', \*STDOUT;
	exec $server, "--config-file=$dir/config.xml";
	exit 127;
}

END
{
	local $?;					# keep the test's exit status

	if ($pid)
	{
		kill 'TERM', $pid;
		for (1 .. 50)
		{
			last if waitpid($pid, WNOHANG) != 0;
			select(undef, undef, undef, 0.1);
		}
		kill 'KILL', $pid if waitpid($pid, WNOHANG) == 0;
	}
}

my $http = HTTP::Tiny->new(timeout => 60);
my $base = "http://127.0.0.1:$http_port/";

my $up = 0;
for (1 .. 300)
{
	my $r = $http->get("${base}ping");
	if ($r->{success})
	{
		$up = 1;
		last;
	}
	last if waitpid($pid, WNOHANG) != 0;
	select(undef, undef, undef, 0.1);
}
unless ($up)
{
	my $log = '';
	for my $f ("$dir/log/stdout.log", "$dir/log/error.log")
	{
		next unless -r $f;
		open my $fh, '<', $f;
		local $/;
		$log .= <$fh> // '';
	}
	$log =~ s/\s+\z//;
	$log = substr($log, -400) if length($log) > 400;
	plan skip_all => "clickhouse-server did not start on 127.0.0.1:$http_port: $log";
}

# ch(query, body): run a query over HTTP, die with ClickHouse's message
sub ch
{
	my ($query, $body) = @_;
	my $url = $base . '?max_threads=1&query=' . uri_escape($query);
	my $r = $http->post($url, { content => $body // '' });
	die "clickhouse: $query\n$r->{content}" unless $r->{success};
	return $r->{content};
}

sub uri_escape
{
	my $s = shift;
	$s =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord($1))/ge;
	return $s;
}

# ---------------------------------------------------------------------------
# PostgreSQL through psql
# ---------------------------------------------------------------------------

my $db = 'sum_clickhouse_funnel';

sub psql_in
{
	my ($dbname, $sql) = @_;
	my ($in, $out, $err) = ($sql, '', '');
	require IPC::Run;
	IPC::Run::run([ 'psql', '-X', '-q', '-At', '-F', "\t", '-v', 'ON_ERROR_STOP=1', '-d', $dbname ],
		\$in, \$out, \$err)
	  or die "psql failed: $err";
	return $out;
}

sub psql { return psql_in($db, @_); }
sub psql_admin { return psql_in($ENV{PGDATABASE} // 'postgres', @_); }

psql_admin("DROP DATABASE IF EXISTS $db");
psql_admin("CREATE DATABASE $db");
psql('CREATE EXTENSION sum');

sub rows_to_hash
{
	my ($text) = @_;
	my %h;
	for my $line (split /\n/, $text)
	{
		my ($k, $v) = split /\t/, $line, 2;
		$h{$k} = $v;
	}
	return \%h;
}

# compare(name, ch_hash, pg_hash): every group equal
sub compare
{
	my ($name, $ch, $pg) = @_;
	my @bad;
	my %keys = map { $_ => 1 } (keys %$ch, keys %$pg);
	for my $k (sort { $a <=> $b } keys %keys)
	{
		my ($c, $p) = ($ch->{$k} // '(none)', $pg->{$k} // '(none)');
		push @bad, "user $k: clickhouse $c, sum $p" if $c ne $p;
	}
	ok(@bad == 0, "$name: " . scalar(keys %keys) . " groups agree")
	  or diag(join("\n", @bad[ 0 .. ($#bad < 9 ? $#bad : 9) ]));
}

# ---------------------------------------------------------------------------
# Seeded random event sets
# ---------------------------------------------------------------------------

srand(20260505);
my $base_ts = 1_600_000_000;
my @rows;						# [user, ts offset, event or undef]
for my $user (1 .. 400)
{
	my $n = int(rand(40));
	my $span = (5, 20, 60, 300)[ int(rand(4)) ];
	for (1 .. $n)
	{
		my $ev = int(rand(7));	# 0 matches no step, 1..6 are steps
		$ev = undef if rand() < 0.03;
		push @rows, [ $user, int(rand($span)), $ev ];
	}
}

# ClickHouse sees ties in step order (see the header)
my @ch_rows = sort {
	$a->[0] <=> $b->[0] || $a->[1] <=> $b->[1] || ($a->[2] // -1) <=> ($b->[2] // -1)
} @rows;
# Postgres sees them shuffled
my @pg_rows = @rows;
for (my $i = $#pg_rows; $i > 0; $i--)
{
	my $j = int(rand($i + 1));
	@pg_rows[ $i, $j ] = @pg_rows[ $j, $i ];
}

ch('DROP TABLE IF EXISTS ev');
ch('CREATE TABLE ev (uid UInt32, ts DateTime, e Nullable(UInt8)) ENGINE = Memory');
ch('INSERT INTO ev FORMAT TabSeparated',
	join('', map { sprintf("%d\t%d\t%s\n", $_->[0], $base_ts + $_->[1], $_->[2] // '\N') } @ch_rows));
is(ch('SELECT count() FROM ev'), scalar(@rows) . "\n", 'ClickHouse holds the events');

psql('DROP TABLE IF EXISTS ch_ev; CREATE TABLE ch_ev (uid int, ts timestamptz, e int);');
psql("COPY ch_ev FROM STDIN;\n"
	  . join('', map { sprintf("%d\t%s\t%s\n", $_->[0], ts_text($base_ts + $_->[1]), $_->[2] // '\N') } @pg_rows)
	  . "\\.\n");
is(psql('SELECT count(*) FROM ch_ev'), scalar(@rows) . "\n", 'Postgres holds the events');

sub ts_text
{
	my @t = gmtime(shift);
	return sprintf('%04d-%02d-%02d %02d:%02d:%02d+00', $t[5] + 1900, $t[4] + 1, @t[ 3, 2, 1, 0 ]);
}

# ---------------------------------------------------------------------------
# windowFunnel (default mode) and retention, group by group
# ---------------------------------------------------------------------------

for my $steps (1, 2, 3, 4, 6)
{
	for my $window (0, 1, 5, 30)
	{
		my $ch_conds = join(', ', map { "e = $_" } 1 .. $steps);
		my $ch = rows_to_hash(ch(
				"SELECT uid, windowFunnel($window)(ts, $ch_conds) FROM ev GROUP BY uid FORMAT TabSeparated"));
		my $pg = rows_to_hash(psql(
				"SELECT uid, sum.window_funnel('$window seconds', ts, $ch_conds) FROM ch_ev GROUP BY uid"));
		compare("windowFunnel($window), $steps steps", $ch, $pg);
		if ($steps == 4 && $window == 30)
		{
			my $deep = grep { $_ >= 3 } values %$ch;
			ok($deep >= 20, "the data reaches deep levels ($deep groups at level 3 or more)");
		}
	}
}

for my $conds (2, 3, 5)
{
	my $list = join(', ', map { "e = $_" } 1 .. $conds);
	my $ch = rows_to_hash(ch("SELECT uid, retention($list) FROM ev GROUP BY uid FORMAT TabSeparated"));
	my $pg = rows_to_hash(psql(
			"SELECT uid, '[' || array_to_string(array(SELECT x::int FROM unnest(sum.retention($list)) x), ',') || ']'
			   FROM ch_ev GROUP BY uid"));
	compare("retention with $conds conditions", $ch, $pg);
}

# the same answers from a forced parallel plan
{
	my $ch = rows_to_hash(ch("SELECT uid, windowFunnel(5)(ts, e = 1, e = 2, e = 3) FROM ev GROUP BY uid FORMAT TabSeparated"));
	my $pg = rows_to_hash(psql(
			"SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
			 SET max_parallel_workers_per_gather = 2; SET enable_hashagg = off;
			 SELECT uid, sum.window_funnel('5 s', ts, e = 1, e = 2, e = 3) FROM ch_ev GROUP BY uid"));
	compare('windowFunnel(5), 3 steps, parallel plan', $ch, $pg);
}

# one group over every row, every mode: partial states cross parallel
# workers and must give the serial answer
for my $mode ('', 'strict_order', 'strict_deduplication', 'strict_increase',
	'strict_order, allow_reentry', 'strict_deduplication,strict_order,strict_increase')
{
	my $q = "SELECT sum.window_funnel('3 s', '$mode', ts - uid * interval '1 minute', e = 1, e = 2, e = 3, e = 4) FROM ch_ev";
	my $serial = psql("SET max_parallel_workers_per_gather = 0; $q");
	my $parallel = psql(
		"SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
		 SET max_parallel_workers_per_gather = 2; $q");
	is($parallel, $serial, "mode '$mode': parallel plan = serial plan over one group");
}

psql('DROP TABLE ch_ev');
psql_admin("DROP DATABASE $db");
done_testing();
