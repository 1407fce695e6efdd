/**
 * The people an alert can go to, as the escalation chain names them. Browser-safe: the settings
 * and staff screens word them; the server decides who they are (src/lib/server/alerts/chain.ts).
 */
export const CHAIN_ROLES = ['teacher', 'dsl', 'deputy-dsl', 'head', 'admin'] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

export const CHAIN_ROLE_LABELS: Record<ChainRole, string> = {
	teacher: 'the class teacher',
	dsl: 'the DSL',
	'deputy-dsl': 'the deputy DSL',
	head: 'the head',
	admin: 'the admins'
};

/** A staff account's place in the chain beyond its role (marked on the Staff screen). */
export const EXTRA_CHAIN_ROLES = ['deputy-dsl', 'head'] as const;
export type ExtraChainRole = (typeof EXTRA_CHAIN_ROLES)[number];
