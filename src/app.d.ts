// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Principal } from '$lib/server/auth/access';

declare global {
	namespace App {
		interface Locals {
			who: Principal;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
