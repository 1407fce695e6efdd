/** Cookie settings for every Harbour cookie: httpOnly, SameSite=Lax, Secure over https. */
import type { Cookies } from '@sveltejs/kit';

export function setAuthCookie(cookies: Cookies, url: URL, name: string, token: string, expires: Date): void {
	cookies.set(name, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires
	});
}

export function clearAuthCookie(cookies: Cookies, name: string): void {
	cookies.delete(name, { path: '/' });
}
