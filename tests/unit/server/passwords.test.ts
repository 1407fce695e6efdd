import { describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from '../../../src/lib/server/auth/passwords';

describe('password hashing', () => {
	it('uses scrypt at the OWASP parameters, salted, and verifies only the right password', async () => {
		const a = await hashSecret('correct horse battery');
		const b = await hashSecret('correct horse battery');
		expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
		expect(a).not.toBe(b);
		expect(await verifySecret('correct horse battery', a)).toBe(true);
		expect(await verifySecret('correct horse batterY', a)).toBe(false);
		expect(await verifySecret('anything', 'not-a-hash')).toBe(false);
	});
});
