// Starts (or finds) a real PostgreSQL for the data-layer tests and hands its URL to them.
import type { TestProject } from 'vitest/node';
import { ensurePostgres } from '../../scripts/lib/system-deps.js';

export default function setup(project: TestProject) {
	project.provide('postgresUrl', ensurePostgres());
}

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}
