/**
 * Email alerts through the school's SMTP server (nodemailer). STARTTLS is required unless
 * SMTP_REQUIRE_TLS=0 (or SMTP_SECURE=1 for TLS from the first byte); the password is never logged.
 */
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config/config';
import type { AlertMessage } from './message';

export function emailSender(smtp: SmtpConfig): (to: string, message: AlertMessage) => Promise<void> {
	const transport = nodemailer.createTransport({
		host: smtp.host,
		port: smtp.port,
		secure: smtp.secure,
		requireTLS: smtp.requireTLS,
		...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000
	});
	return async (to, message) => {
		await transport.sendMail({
			from: smtp.from,
			to,
			subject: message.subject,
			text: message.text,
			// Replies and auto-responders should not thread this with anything about a child.
			headers: { 'Auto-Submitted': 'auto-generated' }
		});
	};
}
