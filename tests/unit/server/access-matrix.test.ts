import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS, decide, type Principal } from '../../../src/lib/server/auth/access';
import { EXPECTATIONS } from '../../fixtures/access-expectations';

const ROUTES = join(process.cwd(), 'src', 'routes');
const ROUTE_FILE = /^\+(page|page\.server|server)\.(svelte|ts|js)$/;

/** Every route id that has a page or an endpoint, found by walking src/routes. */
function routeIds(dir = ROUTES, out = new Set<string>()): Set<string> {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) routeIds(path, out);
		else if (ROUTE_FILE.test(name)) {
			const id = '/' + relative(ROUTES, dir).split(sep).join('/');
			out.add(id === '/' ? '/' : id.replace(/\/$/, ''));
		}
	}
	return out;
}

describe('access matrix', () => {
	const found = [...routeIds()].sort();

	it('finds the routes (sanity: the walk sees pages and endpoints)', () => {
		expect(found).toContain('/');
		expect(found).toContain('/api/events');
		expect(found).toContain('/(staff)/staff/(signed-in)/admin/staff');
	});

	it('declares an access rule for every route under src/routes, and none for routes that are gone', () => {
		expect(Object.keys(ACCESS).sort()).toEqual(found);
	});

	it('has a written expectation for every route, so the browser test covers each one', () => {
		expect(Object.keys(EXPECTATIONS).sort()).toEqual(found);
	});

	it('refuses a route that is not declared', () => {
		const admin: Principal = {
			staff: { id: 'a', email: 'a@x', displayName: 'A', role: 'admin', classId: null },
			device: null,
			classId: null
		};
		expect(decide(undefined, admin, {})).toBe('forbidden');
	});
});
