/**
 * One visitor of one school's address, for tests and the bench that talk to several schools on
 * one server. Node cannot resolve `<slug>.localhost` and fetch will not send another Host, so
 * this speaks HTTP to 127.0.0.1 with the school's Host header, as a proxy in front of Harbour
 * would, and keeps the visitor's cookies as a browser keeps them for that one host.
 */
import http from 'node:http';

export interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface Send {
	/** A form post (application/x-www-form-urlencoded); repeat a name with an array. */
	form?: Record<string, string | string[]>;
	/** A JSON body. */
	json?: unknown;
	/** A ready body with its content type (a multipart form, say). */
	raw?: { body: Buffer; type: string };
	headers?: Record<string, string>;
	/** How long to read an event stream before closing it (default 1 s). */
	streamMs?: number;
	/** Whether to take the cookies the reply sets (default yes). */
	keepCookies?: boolean;
}

/** A multipart form as a browser would send it (for file inputs). */
export async function multipart(form: FormData): Promise<{ body: Buffer; type: string }> {
	const req = new Request('http://multipart.invalid/', { method: 'POST', body: form });
	return { body: Buffer.from(await req.arrayBuffer()), type: req.headers.get('content-type')! };
}

export class SchoolClient {
	readonly cookies = new Map<string, string>();

	/**
	 * @param port the app server's loopback port
	 * @param host the school's host name, e.g. `oak.localhost`
	 */
	constructor(
		readonly port: number,
		readonly host: string,
		readonly agent: http.Agent | false = false
	) {}

	/** The school's address as its pages see it (the Origin its own pages send). */
	get origin(): string {
		return `http://${this.host}:${this.port}`;
	}

	/** The Cookie header this visitor sends. */
	get cookie(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	/** The same visitor (same cookies) at another school's address on the same server. */
	at(host: string): SchoolClient {
		const other = new SchoolClient(this.port, host, this.agent);
		for (const [k, v] of this.cookies) other.cookies.set(k, v);
		return other;
	}

	request(method: string, path: string, send: Send = {}): Promise<Reply> {
		let body: Buffer | null = null;
		const headers: Record<string, string> = {
			host: `${this.host}:${this.port}`,
			// As the proxy says it (PROTOCOL_HEADER): the school's address is http here.
			'x-forwarded-proto': 'http',
			accept: 'text/html,application/json;q=0.9,*/*;q=0.8',
			...send.headers
		};
		if (method !== 'GET' && method !== 'HEAD') headers.origin ??= this.origin;
		if (send.form) {
			const params = new URLSearchParams();
			for (const [k, v] of Object.entries(send.form))
				for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
			body = Buffer.from(params.toString());
			headers['content-type'] = 'application/x-www-form-urlencoded';
		} else if (send.json !== undefined) {
			body = Buffer.from(JSON.stringify(send.json));
			headers['content-type'] = 'application/json';
		} else if (send.raw) {
			body = send.raw.body;
			headers['content-type'] = send.raw.type;
		}
		if (body) headers['content-length'] = String(body.length);
		const cookie = this.cookie;
		if (cookie) headers.cookie = cookie;
		return new Promise<Reply>((resolve, reject) => {
			const req = http.request(
				{ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent },
				(res) => {
					if (send.keepCookies !== false) this.#keep(res.headers['set-cookie'] ?? []);
					const chunks: Buffer[] = [];
					const done = () =>
						resolve({
							status: res.statusCode ?? 0,
							headers: res.headers,
							body: Buffer.concat(chunks).toString('utf8')
						});
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', done);
					res.on('error', reject);
					// An event stream never ends by itself: read a while, then hang up.
					if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
						setTimeout(() => {
							res.removeAllListeners('end');
							res.removeAllListeners('error');
							req.destroy();
							done();
						}, send.streamMs ?? 1000);
					}
				}
			);
			req.on('error', reject);
			req.setTimeout(60_000, () =>
				req.destroy(new Error(`${method} ${this.host}${path}: no answer in 60 s`))
			);
			req.end(body ?? undefined);
		});
	}

	get(path: string, send: Send = {}): Promise<Reply> {
		return this.request('GET', path, send);
	}

	post(path: string, send: Send = {}): Promise<Reply> {
		return this.request('POST', path, send);
	}

	/**
	 * Opens an event stream and keeps reading it: `text()` is everything that has arrived,
	 * `opened` settles once the server said it is connected (or the stream ended); `onChunk` hears
	 * each piece as it arrives.
	 */
	stream(
		path: string,
		onChunk: (chunk: string) => void = () => {}
	): {
		text: () => string;
		status: Promise<number>;
		opened: Promise<void>;
		close: () => void;
	} {
		let text = '';
		let opened!: () => void;
		let status!: (s: number) => void;
		const openedP = new Promise<void>((r) => (opened = r));
		const statusP = new Promise<number>((r) => (status = r));
		const headers: Record<string, string> = {
			host: `${this.host}:${this.port}`,
			'x-forwarded-proto': 'http',
			accept: 'text/event-stream',
			cookie: this.cookie
		};
		const req = http.request({ host: '127.0.0.1', port: this.port, path, headers, agent: false }, (res) => {
			status(res.statusCode ?? 0);
			res.on('data', (c: Buffer) => {
				const chunk = c.toString('utf8');
				text += chunk;
				onChunk(chunk);
				if (text.includes(': connected') || text.includes('event:')) opened();
			});
			res.on('end', () => opened());
			res.on('error', () => opened());
		});
		req.on('error', () => {
			status(0);
			opened();
		});
		req.end();
		return { text: () => text, status: statusP, opened: openedP, close: () => req.destroy() };
	}

	#keep(setCookies: string[]): void {
		for (const line of setCookies) {
			const [pair, ...attrs] = line.split(';');
			const eq = pair!.indexOf('=');
			const name = pair!.slice(0, eq).trim();
			const value = pair!.slice(eq + 1).trim();
			const expired = attrs.some((a) => {
				const [k, v] = a.trim().split('=');
				if (k?.toLowerCase() === 'max-age') return Number(v) <= 0;
				if (k?.toLowerCase() === 'expires') return Date.parse(v ?? '') <= Date.now();
				return false;
			});
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}
}

/** The value a devalue-encoded action result (`{type, status, data}` JSON) carries. */
export function actionData(reply: Reply): Record<string, unknown> | null {
	try {
		const result = JSON.parse(reply.body) as { type?: string; data?: string };
		if (typeof result.data !== 'string') return null;
		// Kit encodes action data with devalue: an array of slots, the first the root object.
		const slots = JSON.parse(result.data) as unknown[];
		const revive = (i: unknown): unknown => {
			if (typeof i !== 'number' || i < 0) return i;
			const v = slots[i];
			if (Array.isArray(v)) return v.map(revive);
			if (v && typeof v === 'object')
				return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
			return v;
		};
		return revive(0) as Record<string, unknown>;
	} catch {
		return null;
	}
}
