# test/t/040_persona_dump.pl: user persona rules survive pg_dump and restore;
# shipped rules are re-created by CREATE EXTENSION, not duplicated.  Runs
# against the cluster of PGHOST/PGPORT (tools/test.sh provides one).
use strict;
use warnings;
use File::Temp qw(tempfile);
use Test::More;

my ($src, $dst) = ('sum_persona_dump_src', 'sum_persona_dump_dst');

sub run
{
	my @cmd = @_;
	my $out = '';
	open(my $fh, '-|', @cmd) or die "cannot run @cmd: $!";
	{ local $/; $out = <$fh> // ''; }
	close($fh);
	die "@cmd failed: exit " . ($? >> 8) if $?;
	chomp $out;
	return $out;
}

sub sql
{
	my ($db, $query) = @_;
	return run('psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', $db, '-c', $query);
}

system('dropdb', '--if-exists', $_) for ($src, $dst);
run('createdb', $src);
sql($src, 'CREATE EXTENSION sum');
sql($src, q{INSERT INTO sum.persona_rules (pattern, seniority, priority) VALUES ('Head of', 'vp', 70)});
sql($src, q{INSERT INTO sum.persona_rules (pattern, seniority, function, priority, note)
			VALUES ('growth ninja', 'senior', 'marketing', 40, 'ours')});
sql($src, q{INSERT INTO sum.persona_rules (pattern, enabled) VALUES ('vp', false)});
sql($src, q{UPDATE sum.settings SET value = '{engineering}' WHERE name = 'persona.buyer_functions'});

my $query = q{SELECT string_agg(format('%s=%s/%s', t, (p).function, (p).seniority), ' ' ORDER BY t)
				FROM (SELECT t, sum.title_persona(t) AS p
						FROM unnest(ARRAY['Head of Sales', 'Growth Ninja', 'VP Sales']) t) s};
my $before = sql($src, $query);
is($before, 'Growth Ninja=marketing/senior Head of Sales=sales/vp VP Sales=sales/unknown',
   'user rules in force before the dump');
my $shipped = sql($src, q{SELECT count(*) FROM sum.persona_rules WHERE source = 'shipped'});
ok($shipped > 1000, "shipped rules present ($shipped)");

my ($fh, $file) = tempfile(UNLINK => 1);
close($fh);
run('pg_dump', '-f', $file, $src);
run('createdb', $dst);
run('psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $dst, '-f', $file);

is(sql($dst, q{SELECT count(*) FROM sum.persona_rules WHERE source = 'user'}), '3',
   'the three user rules are restored');
is(sql($dst, q{SELECT count(*) FROM sum.persona_rules WHERE source = 'shipped'}), $shipped,
   'shipped rules come from CREATE EXTENSION, once');
is(sql($dst, $query), $before, 'restored rules classify as before');
is(sql($dst, q{SELECT sum.buying_role(sum.title_persona('Director of Engineering'))}), 'decision_maker',
   'restored settings apply');

system('dropdb', '--if-exists', $_) for ($src, $dst);
done_testing();
