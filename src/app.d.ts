// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Principal } from '$lib/server/auth/access';

declare global {
	namespace App {
		interface Locals {
			who: Principal;
			/** The school this address is for (set first by the hook; every query runs for it). */
			school: import('$lib/server/tenancy/directory').School;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
