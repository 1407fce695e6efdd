// The system parts the tests drive for real: Debian's Chromium, PostgreSQL and nginx. Installed with
// apt-get when missing (root on these machines); never a downloaded browser build.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

let aptUpdated = false;
/** @param {string} pkg */
function aptInstall(pkg) {
	console.log(`Installing Debian's ${pkg} (apt-get)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	if (!aptUpdated) {
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		aptUpdated = true;
	}
	execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env });
}

export function ensureChromium() {
	if (!existsSync(CHROMIUM)) aptInstall('chromium');
	if (!existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} is still missing after installing Debian's chromium.`);
}

export const NGINX = '/usr/sbin/nginx';

/** Debian's nginx, for the deployment test (a proxy in front of two app servers). */
export function ensureNginx() {
	if (!existsSync(NGINX)) aptInstall('nginx');
	if (!existsSync(NGINX)) throw new Error(`${NGINX} is still missing after installing Debian's nginx.`);
}

const PG_ROLE = 'harbour';
const PG_PASSWORD = 'harbour-test';
/** Each test run has its own database, so two runs on one machine never drop each other's. */
const RUN_DB_PREFIX = 'harbour_test_run_';

/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
	}
}

function pgReady() {
	return spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0;
}

/** @param {string} sql */
function asPostgres(sql) {
	return execFileSync('runuser', ['-u', 'postgres', '--', 'psql', '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], {
		cwd: '/tmp',
		encoding: 'utf8',
		// "does not exist, skipping" notices are not news.
		env: { ...process.env, PGOPTIONS: '--client-min-messages=warning' }
	});
}

/**
 * Returns a PostgreSQL URL for the data-layer tests: TEST_DATABASE_URL if given, otherwise the
 * local Debian PostgreSQL on loopback, installed and started if needed, with a fresh database.
 */
/**
 * The role the app connects as when the tables belong to another (DATABASE_OWNER_URL): it owns
 * nothing and bypasses nothing. Tests connect as it with `appRoleUrl`.
 */
export const PG_APP_ROLE = 'harbour_app';
const PG_APP_PASSWORD = 'harbour-app-test';

function ensureAppRole() {
	// Two runs at once may both create it: the second finds it made.
	asPostgres(
		`do $$ begin create role ${PG_APP_ROLE} login password '${PG_APP_PASSWORD}' nosuperuser nobypassrls; exception when duplicate_object or unique_violation then null; end $$`
	);
}

/** The same database as `url`, as the app's role that owns nothing. */
/** @param {string} url */
export function appRoleUrl(url) {
	const u = new URL(url);
	u.username = PG_APP_ROLE;
	u.password = PG_APP_PASSWORD;
	return u.toString();
}

export function ensurePostgres() {
	if (process.env.TEST_DATABASE_URL) {
		// A database given from outside: the app's role is made there too when this machine can.
		try {
			ensureAppRole();
		} catch {
			// Not this machine's PostgreSQL: the role is the caller's to provide.
		}
		return process.env.TEST_DATABASE_URL;
	}
	if (!existsSync('/usr/lib/postgresql')) aptInstall('postgresql');
	if (!pgReady()) {
		const version = readdirSync('/usr/lib/postgresql').sort().at(-1) ?? '15';
		console.log(`No PostgreSQL on 127.0.0.1:5432: starting Debian's PostgreSQL ${version} for the tests.`);
		if (spawnSync('pg_ctlcluster', [version, 'main', 'status']).status === 4) {
			execFileSync('pg_createcluster', [version, 'main'], { stdio: 'inherit' });
		}
		execFileSync('pg_ctlcluster', [version, 'main', 'start'], { stdio: 'inherit' });
		for (let i = 0; i < 50 && !pgReady(); i++) execFileSync('sleep', ['0.2']);
		if (!pgReady()) throw new Error('PostgreSQL did not start on 127.0.0.1:5432.');
	}
	const hasRole = asPostgres(`select 1 from pg_roles where rolname='${PG_ROLE}'`).trim() === '1';
	if (!hasRole) asPostgres(`create role ${PG_ROLE} login password '${PG_PASSWORD}'`);
	ensureAppRole();
	// Databases of earlier runs whose process has gone are dropped; a run still going keeps its own.
	const runs = asPostgres(`select datname from pg_database where datname like '${RUN_DB_PREFIX}%'`)
		.split('\n')
		.filter((name) => /^harbour_test_run_\d+$/.test(name));
	for (const name of runs) {
		if (!alive(Number(name.slice(RUN_DB_PREFIX.length))))
			asPostgres(`drop database if exists ${name} with (force)`);
	}
	const db = `${RUN_DB_PREFIX}${process.pid}`;
	asPostgres(`drop database if exists ${db} with (force)`);
	asPostgres(`create database ${db} owner ${PG_ROLE}`);
	return `postgres://${PG_ROLE}:${PG_PASSWORD}@127.0.0.1:5432/${db}`;
}
