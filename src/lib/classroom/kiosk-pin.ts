/** Asks the server whether a teacher PIN is right for this tablet's class (and acts on it). */
export type PinResult = { ok: true; staffName: string } | { ok: false; message: string };

export async function checkKioskPin(pin: string, action: 'check' | 'sign-out-class'): Promise<PinResult> {
	try {
		const res = await fetch('/api/kiosk/unlock', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ pin, action })
		});
		const body = (await res.json()) as { message?: string; staffName?: string };
		if (!res.ok) return { ok: false, message: body.message ?? 'That did not work.' };
		return { ok: true, staffName: body.staffName ?? 'Staff' };
	} catch {
		return { ok: false, message: 'The tablet cannot reach Harbour right now. Try again when it is online.' };
	}
}
