/**
 * A real SMTP server (the `smtp-server` package) that keeps what it receives, for the email alert
 * tests. It asks for a password (plain AUTH, as a school's relay would) and decodes what it gets
 * back into the subject, recipients and plain text a person would read.
 */
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	from: string;
	subject: string;
	text: string;
}

/** A free local port, for a mail server that is not running yet. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

function decodeWords(s: string): string {
	return s.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
		enc.toUpperCase() === 'B'
			? Buffer.from(data, 'base64').toString('utf8')
			: decodeQuotedPrintable(data.replace(/_/g, ' '))
	);
}

function decodeQuotedPrintable(s: string): string {
	return s
		.replace(/=\r?\n/g, '')
		.replace(/(=[0-9A-F]{2})+/gi, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
}

function parse(raw: string, to: string[], from: string): ReceivedMail {
	const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
	const headers = head.replace(/\r?\n[ \t]+/g, ' ');
	const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
	let body = rest.join('\n\n');
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
	else if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	return { to, from, subject: decodeWords(header('Subject')), text: body.replace(/\r\n/g, '\n') };
}

export class SmtpSink {
	readonly mails: ReceivedMail[] = [];
	#server: SMTPServer;

	constructor(
		readonly port: number,
		readonly user = 'harbour',
		readonly password = 'mail-secret'
	) {
		this.#server = new SMTPServer({
			// This sink speaks plain SMTP; Harbour is told not to insist on STARTTLS for it.
			disabledCommands: ['STARTTLS'],
			allowInsecureAuth: true,
			authMethods: ['PLAIN', 'LOGIN'],
			logger: false,
			onAuth: (auth, _session, cb) => {
				if (auth.username === this.user && auth.password === this.password) cb(null, { user: auth.username });
				else cb(new Error('Invalid username or password'));
			},
			onData: (stream, session, cb) => {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', () => {
					this.mails.push(
						parse(
							Buffer.concat(chunks).toString('utf8'),
							session.envelope.rcptTo.map((r) => r.address),
							session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
						)
					);
					cb();
				});
			}
		});
	}

	async start(): Promise<this> {
		await new Promise<void>((resolve, reject) => {
			this.#server.once('error', reject);
			this.#server.listen(this.port, '127.0.0.1', () => resolve());
		});
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}
}
