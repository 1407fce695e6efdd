/**
 * "Get alerts on this device": a Web Push subscription through Harbour's service worker, kept on
 * the server for this staff account (POST/DELETE /api/push/subscription). The notification says
 * only which class, how urgent and when, and opens the incident.
 */
import { appUpdates } from '../pwa/updates.svelte';

export type PushState = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
	const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	const out = new Uint8Array(new ArrayBuffer(raw.length));
	for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
	return out;
}

async function send(method: 'POST' | 'DELETE', body: unknown): Promise<string | null> {
	const res = await fetch('/api/push/subscription', {
		method,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	if (res.ok) return null;
	return ((await res.json().catch(() => ({}))) as { message?: string }).message ?? 'That did not work.';
}

export class PushAlerts {
	state = $state<PushState>('checking');
	problem = $state('');

	async check(): Promise<void> {
		if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
			this.state = 'unsupported';
			return;
		}
		if (Notification.permission === 'denied') {
			this.state = 'blocked';
			return;
		}
		const reg = await navigator.serviceWorker.getRegistration('/');
		const sub = await reg?.pushManager.getSubscription();
		this.state = sub ? 'on' : 'off';
	}

	async turnOn(publicKey: string): Promise<void> {
		this.problem = '';
		try {
			const permission = await Notification.requestPermission();
			if (permission !== 'granted') {
				this.state = permission === 'denied' ? 'blocked' : 'off';
				return;
			}
			await appUpdates.register();
			const reg = await navigator.serviceWorker.ready;
			const sub = await reg.pushManager.subscribe({
				userVisibleOnly: true,
				applicationServerKey: keyBytes(publicKey)
			});
			const problem = await send('POST', sub.toJSON());
			if (problem) {
				await sub.unsubscribe();
				this.problem = problem;
				return;
			}
			this.state = 'on';
		} catch (e) {
			this.problem = `This browser could not turn on alerts: ${(e as Error).message}`;
		}
	}

	async turnOff(): Promise<void> {
		this.problem = '';
		const reg = await navigator.serviceWorker.getRegistration('/');
		const sub = await reg?.pushManager.getSubscription();
		if (sub) {
			this.problem = (await send('DELETE', { endpoint: sub.endpoint })) ?? '';
			await sub.unsubscribe();
		}
		this.state = 'off';
	}
}
