#
# test/t/020_identity_dump.pl
#	  pg_dump and restore keep users' edits of the domain lists: rows they
#	  added, shipped rows they deleted (unlisted), and unlisting rows they
#	  inserted, with no collision with the shipped rows that CREATE
#	  EXTENSION re-inserts on restore.
#
# Runs against the cluster in PGHOST/PGPORT (tools/test.sh).
#
# Copyright (c) 2026, the sum developers
#
use strict;
use warnings;
use File::Temp qw(tempdir);
use Test::More;

my $src = 'sum_dump_src';
my $dst = 'sum_dump_dst';

sub psql
{
	my ($db, $sql) = @_;
	my $out = `psql -X -q -At -v ON_ERROR_STOP=1 -d $db -c "$sql" 2>&1`;
	chomp $out;
	return ($? >> 8, $out);
}

# what the lists say about a few addresses, as one line
my $probe = "SELECT concat_ws(',', sum.is_freemail('a\@gmx.de'), sum.is_freemail('a\@corp-mail.example.org'),"
  . " sum.is_freemail('a\@eu.corp-mail.example.org'), sum.is_disposable('x\@mailinator.com'),"
  . " sum.is_disposable('x\@throwaway.example.net'), sum.is_freemail('a\@gmail.com'))";

system("dropdb --if-exists $dst >/dev/null 2>&1; dropdb --if-exists $src >/dev/null 2>&1");
is(system("createdb $src"), 0, 'source database created');

my ($rc, $out) = psql($src, 'CREATE EXTENSION sum');
is($rc, 0, 'extension created') or diag($out);

($rc, $out) = psql($src,
	"INSERT INTO sum.freemail_domains (domain) VALUES ('corp-mail.example.org');"
	. " DELETE FROM sum.freemail_domains WHERE domain = 'gmx.de';"
	. " INSERT INTO sum.disposable_domains (domain, listed) VALUES ('mailinator.com', false);"
	. " INSERT INTO sum.disposable_domains (domain) VALUES ('throwaway.example.net')");
is($rc, 0, 'lists edited') or diag($out);

my ($rc1, $before) = psql($src, $probe);
is($before, 'f,t,t,f,t,t', 'edits are effective in the source');

my $dir = tempdir(CLEANUP => 1);
is(system("pg_dump -Fc -f $dir/dump $src"), 0, 'pg_dump');
is(system("createdb $dst"), 0, 'target database created');
my $restore = `pg_restore --exit-on-error -d $dst $dir/dump 2>&1`;
is($? >> 8, 0, 'pg_restore without errors') or diag($restore);

my ($rc2, $after) = psql($dst, $probe);
is($after, $before, 'the restored lists give the same answers');

my ($rc3, $rows) = psql($dst,
	"SELECT string_agg(domain || ':' || source || ':' || listed, ' ' ORDER BY domain, source)"
	. " FROM sum.freemail_domains WHERE source = 'user' OR domain = 'gmx.de'");
is($rows, 'corp-mail.example.org:user:true gmx.de:shipped:true gmx.de:user:false',
	'shipped row back from CREATE EXTENSION, user rows from the dump');

# (the data file's rows and the few the install script adds to them)
my $shipped = "SELECT count(*) || ' ' || (count(*) >= (SELECT count(*) FROM sum.data_file_lines('freemail_domains')))"
	. " FROM sum.freemail_domains WHERE source = 'shipped'";
my ($rc4, $src_counts) = psql($src, $shipped);
my ($rc5, $dst_counts) = psql($dst, $shipped);
like($src_counts, qr/^\d+ true$/, 'the source holds the shipped rows');
is($dst_counts, $src_counts, 'every shipped row once, none duplicated');

system("dropdb $dst; dropdb $src");
done_testing();
