import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/lib/server/config/config';
import { openDatabase } from '../../../src/lib/server/db/connect';

describe('configuration', () => {
	it('defaults to the embedded database in ./data with the demo school', () => {
		expect(readConfig({})).toMatchObject({
			database: { engine: 'sqlite', path: './data/harbour.db' },
			demo: true
		});
		expect(readConfig({ HARBOUR_DEMO: '0' }).demo).toBe(false);
	});

	it('refuses a DATABASE_URL that is not postgres:// with one sentence', () => {
		expect(() => readConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(
			/^DATABASE_URL must start with postgres:\/\//
		);
	});

	it('names the variable when a number is not a number', () => {
		expect(() => readConfig({ STAFF_IDLE_MINUTES: 'soon' })).toThrow(
			'Environment variable STAFF_IDLE_MINUTES must be a whole number.'
		);
	});

	it('email alerts are off without SMTP_HOST, and need STARTTLS on the submission port by default', () => {
		expect(readConfig({}).smtp).toBeNull();
		expect(
			readConfig({ SMTP_HOST: 'smtp.school.example', ORIGIN: 'https://harbour.school.example' })
		).toMatchObject({
			origin: 'https://harbour.school.example',
			smtp: {
				host: 'smtp.school.example',
				port: 587,
				secure: false,
				requireTLS: true,
				user: null,
				from: 'harbour@harbour.school.example'
			}
		});
		expect(readConfig({ SMTP_HOST: 'smtp.x', SMTP_SECURE: '1' }).smtp).toMatchObject({
			port: 465,
			secure: true,
			requireTLS: false
		});
		expect(() => readConfig({ SMTP_HOST: 'smtp.x', SMTP_PORT: 'twenty-five' })).toThrow(
			'Environment variable SMTP_PORT must be a port number.'
		);
		expect(() => readConfig({ SMTP_HOST: 'smtp.x', SMTP_FROM: 'harbour' })).toThrow(
			/^Environment variable SMTP_FROM must be an email address/
		);
	});

	it('says clearly when PostgreSQL cannot be reached, without printing the password', async () => {
		const err = await openDatabase({
			engine: 'postgres',
			url: 'postgres://harbour:s3cret@127.0.0.1:1/nowhere'
		}).catch((e: Error) => e);
		expect(err).toBeInstanceOf(Error);
		expect((err as Error).message).toMatch(
			/^Harbour cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/nowhere .*check DATABASE_URL\.$/
		);
		expect((err as Error).message).not.toContain('s3cret');
	});
});
