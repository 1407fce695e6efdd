/**
 * Where things sit in the game's world (1600 × 900, scaled to fit the screen). Plain maths,
 * shared by the scene (to draw) and the DOM mirror (to tell tests and tools where to touch).
 */
import type { GameView } from './types';

export const WORLD = { width: 1600, height: 900 } as const;

/** A box by its centre. */
export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface Layout {
	items: Record<string, Box>;
	targets: Record<string, Box>;
}

const spread = (n: number, i: number) => Math.round((WORLD.width * (i + 1)) / (n + 1));

export function layout(view: GameView): Layout {
	const items: Record<string, Box> = {};
	const targets: Record<string, Box> = {};
	const drawn = view.targets.filter((t) => !t.outside);
	drawn.forEach((t, i) => {
		targets[t.id] = { x: spread(drawn.length, i), y: 690, w: 360, h: 340 };
	});
	const n = view.items.length;
	if (view.oneAtATime || n === 1) {
		view.items.forEach((it) => (items[it.id] = { x: 800, y: 260, w: 360, h: 360 }));
	} else if (n <= 4) {
		view.items.forEach((it, i) => (items[it.id] = { x: spread(n, i), y: 260, w: 300, h: 300 }));
	} else {
		const perRow = Math.ceil(n / 2);
		view.items.forEach((it, i) => {
			const row = Math.floor(i / perRow);
			const inRow = row === 0 ? perRow : n - perRow;
			items[it.id] = { x: spread(inRow, i % perRow), y: 140 + row * 240, w: 220, h: 220 };
		});
	}
	return { items, targets };
}

/** The target under a point, if any (a dropped item's centre). */
export function targetAt(l: Layout, x: number, y: number): string | null {
	for (const [id, b] of Object.entries(l.targets))
		if (Math.abs(x - b.x) <= b.w / 2 && Math.abs(y - b.y) <= b.h / 2) return id;
	return null;
}
