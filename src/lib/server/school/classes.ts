/** Classes: a name, a year group, a class picture and a picture password. No pupils, ever. */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { PASSWORD_LENGTH, PASSWORD_TILES, type PasswordTile } from '../../classroom/pictures';
import { newId } from '../auth/tokens';

export interface ClassInfo {
	id: string;
	name: string;
	yearGroup: string;
	picture: string;
}

export function randomPicturePassword(): PasswordTile[] {
	const pool = [...PASSWORD_TILES];
	const out: PasswordTile[] = [];
	while (out.length < PASSWORD_LENGTH) out.push(pool.splice(randomInt(pool.length), 1)[0]!);
	return out;
}

export async function listClasses(db: Kysely<Database>): Promise<ClassInfo[]> {
	const rows = await db
		.selectFrom('classes')
		.select(['id', 'name', 'year_group', 'picture'])
		.orderBy('created_at')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, yearGroup: r.year_group, picture: r.picture }));
}

export async function getClass(db: Kysely<Database>, id: string): Promise<ClassInfo | null> {
	const r = await db
		.selectFrom('classes')
		.select(['id', 'name', 'year_group', 'picture'])
		.where('id', '=', id)
		.executeTakeFirst();
	return r ? { id: r.id, name: r.name, yearGroup: r.year_group, picture: r.picture } : null;
}

export async function getPicturePassword(db: Kysely<Database>, id: string): Promise<PasswordTile[]> {
	const r = await db
		.selectFrom('classes')
		.select('picture_password')
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	return r.picture_password.split(',') as PasswordTile[];
}

export async function createClass(
	db: Kysely<Database>,
	input: { name: string; yearGroup: string; picture: string },
	now = new Date()
): Promise<ClassInfo> {
	const id = newId();
	await db
		.insertInto('classes')
		.values({
			id,
			name: input.name,
			year_group: input.yearGroup,
			picture: input.picture,
			picture_password: randomPicturePassword().join(','),
			created_at: now.toISOString()
		})
		.execute();
	return { id, ...input };
}

export async function regeneratePicturePassword(db: Kysely<Database>, id: string): Promise<PasswordTile[]> {
	const tiles = randomPicturePassword();
	await db
		.updateTable('classes')
		.set({ picture_password: tiles.join(',') })
		.where('id', '=', id)
		.execute();
	// Old sign-ins stay valid on their tablets; new sign-ins need the new card.
	return tiles;
}
