/**
 * The deployment's schools, and which one an address is for. A school's address is
 * `<slug>.<HARBOUR_DOMAIN>` (schools expect their own address, as their other systems have).
 * A deployment of one school answers on any address, as it always has.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, SchoolTable } from '../db/schema';
import { FIRST_SCHOOL_ID } from './context';

export type School = Selectable<SchoolTable>;

const FRESH_MS = 30_000;

/**
 * The path-based fallback for a single host (no wildcard DNS or certificate): `/s/<slug>` chooses
 * the school, remembered in this cookie for that host's later requests.
 */
export const SCHOOL_COOKIE = 'harbour_school';
export const CHOOSE_PATH = /^\/s\/([^/]{1,64})\/?$/;

/** A slug: lower-case letters, digits and inner hyphens, 1–40 characters (one DNS label). */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export class SchoolDirectory {
	#db: Kysely<Database>;
	#domain: string | null;
	#schools: School[] = [];
	#readAt = 0;
	#reading: Promise<School[]> | null = null;

	constructor(db: Kysely<Database>, domain: string | null) {
		this.#db = db;
		this.#domain = domain?.toLowerCase() ?? null;
	}

	/** Every school, read at most every 30 s (a new school is found within that). */
	async all(): Promise<School[]> {
		if (Date.now() - this.#readAt < FRESH_MS) return this.#schools;
		this.#reading ??= this.#db
			.selectFrom('schools')
			.selectAll()
			.orderBy('name')
			.execute()
			.then((rows) => {
				this.#schools = rows;
				this.#readAt = Date.now();
				return rows;
			})
			.finally(() => (this.#reading = null));
		return this.#reading;
	}

	/** Reads the directory again at the next question (after a school is added here). */
	forget(): void {
		this.#readAt = 0;
	}

	/**
	 * The school a request is for: its host `<slug>.<HARBOUR_DOMAIN>`; or the only school of a
	 * one-school deployment whatever the address; or, on one shared host, the school chosen at
	 * `/s/<slug>` (kept in the `chosen` cookie). Null when nothing names a school.
	 */
	async forHost(host: string, chosen?: string | null): Promise<School | null> {
		const schools = await this.all();
		const name = host.toLowerCase().replace(/:\d+$/, '');
		if (this.#domain && name.endsWith(`.${this.#domain}`)) {
			const slug = name.slice(0, -this.#domain.length - 1);
			return schools.find((s) => s.slug === slug) ?? null;
		}
		if (schools.length === 1) return schools[0]!;
		return chosen ? this.forSlug(chosen) : null;
	}

	/** The school with this address name, or null. */
	async forSlug(slug: string): Promise<School | null> {
		if (!SLUG.test(slug)) return null;
		return (await this.all()).find((s) => s.slug === slug) ?? null;
	}

	/** The address of a school's pages (links in alerts), from the deployment's own origin. */
	originOf(school: Pick<School, 'slug'>, origin: string): string {
		if (!this.#domain) return origin;
		const u = new URL(origin);
		return `${u.protocol}//${school.slug}.${this.#domain}${u.port ? `:${u.port}` : ''}`;
	}
}

/** Every school's id, for work done school by school; a database from before schools has one. */
export async function allSchoolIds(db: Kysely<Database>): Promise<string[]> {
	try {
		return (await db.selectFrom('schools').select('id').orderBy('id').execute()).map((s) => s.id);
	} catch {
		return [FIRST_SCHOOL_ID];
	}
}
