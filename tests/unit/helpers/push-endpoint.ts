/**
 * A local push service for the Web Push tests: an HTTPS server (its own certificate, made with
 * openssl) that receives what `web-push` POSTs and DECRYPTS it with the subscription's private
 * key, as a browser would: aes128gcm (RFC 8188) with the Web Push key derivation (RFC 8291),
 * written here with node:crypto ECDH and HKDF. It also checks the VAPID signature (RFC 8292).
 */
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Subscriber {
	endpoint: string;
	keys: { p256dh: string; auth: string };
	decrypt(body: Buffer): string;
}

/** A browser's side of a subscription: a P-256 key pair and a 16-byte auth secret. */
export function subscriber(endpoint: string): Subscriber {
	const ecdh = createECDH('prime256v1');
	const uaPublic = ecdh.generateKeys();
	const auth = randomBytes(16);
	return {
		endpoint,
		keys: { p256dh: uaPublic.toString('base64url'), auth: auth.toString('base64url') },
		decrypt(body) {
			// Header: salt (16) | record size (4) | key id length (1) | key id (the sender's public key).
			const salt = body.subarray(0, 16);
			const idLength = body.readUInt8(20);
			const asPublic = body.subarray(21, 21 + idLength);
			const ciphertext = body.subarray(21 + idLength);
			const shared = ecdh.computeSecret(asPublic);
			const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
			const ikm = Buffer.from(hkdfSync('sha256', shared, auth, keyInfo, 32));
			const cek = Buffer.from(
				hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16)
			);
			const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
			const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
			decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
			const plain = Buffer.concat([
				decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
				decipher.final()
			]);
			// The last record ends with 0x02 then zero padding.
			let end = plain.length - 1;
			while (end >= 0 && plain[end] === 0) end--;
			if (plain[end] !== 2) throw new Error('not the last record');
			return plain.subarray(0, end).toString('utf8');
		}
	};
}

/** Checks `Authorization: vapid t=<jwt>, k=<key>` was signed by the key it names; returns k. */
export function verifyVapid(header: string | undefined, audience: string): string {
	const m = /^vapid t=([^,]+),\s*k=(.+)$/.exec(header ?? '');
	if (!m) throw new Error(`not a VAPID header: ${header}`);
	const [jwt = '', k = ''] = m.slice(1);
	const [h = '', p = '', s = ''] = jwt.split('.');
	const raw = Buffer.from(k, 'base64url');
	const key = createPublicKey({
		key: {
			kty: 'EC',
			crv: 'P-256',
			x: raw.subarray(1, 33).toString('base64url'),
			y: raw.subarray(33, 65).toString('base64url')
		},
		format: 'jwk'
	});
	const ok = verify(
		'sha256',
		Buffer.from(`${h}.${p}`),
		{ key, dsaEncoding: 'ieee-p1363' },
		Buffer.from(s, 'base64url')
	);
	if (!ok) throw new Error('VAPID signature does not verify');
	const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { aud: string };
	if (claims.aud !== audience) throw new Error(`VAPID audience ${claims.aud}, expected ${audience}`);
	return k;
}

export interface Received {
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** An HTTPS push service on 127.0.0.1; `status(path)` chooses each answer (201 by default). */
export class PushEndpoint {
	readonly received: Received[] = [];
	/** Trusts only this endpoint's own certificate. */
	agent!: Agent;
	origin = '';
	#server!: Server;

	constructor(readonly status: (path: string) => number = () => 201) {}

	async start(): Promise<this> {
		const dir = mkdtempSync(join(tmpdir(), 'harbour-push-'));
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem'),
				'-days',
				'1',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1'
			],
			{ stdio: 'ignore' }
		);
		const cert = readFileSync(join(dir, 'cert.pem'));
		this.agent = new Agent({ ca: cert });
		this.#server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				this.received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
				res.writeHead(this.status(req.url ?? '')).end();
			});
		});
		await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
		this.origin = `https://127.0.0.1:${(this.#server.address() as { port: number }).port}`;
		return this;
	}

	async stop(): Promise<void> {
		this.agent.destroy();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}
}
