/** Every page of the assembly screens, which the service worker keeps for use offline. */
export const assemblyPages = (ids: readonly string[]): string[] => [
	'/assembly',
	...ids.flatMap((id) => [`/assembly/${id}`, `/assembly/${id}/presenter`])
];

export const isAssemblyPath = (path: string): boolean =>
	path === '/assembly' || path.startsWith('/assembly/');
