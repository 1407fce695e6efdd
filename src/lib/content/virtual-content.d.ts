declare module 'virtual:harbour-content' {
	import type { Charter } from './charter-schema';
	export const charter: Charter;
}
