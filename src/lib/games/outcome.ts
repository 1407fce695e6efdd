/**
 * `game.finished`: what a tablet records through its outbox when a game ends. At class level
 * (the server takes the class from the signed-in tablet), never a pupil. Browser-safe.
 */
import * as v from 'valibot';
import { GAME_IDS, LEVELS } from './types';

export const GAME_FINISHED = 'game.finished';

export const GameFinishedSchema = v.strictObject({
	game: v.picklist(GAME_IDS),
	level: v.picklist(LEVELS),
	/** Wrong moves, each met with a hint and another try. */
	hints: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
	/** Roughly how long it took, in whole minutes (at least 1). */
	minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240)),
	/** Played as a lesson step, or from the Games tile. */
	from: v.picklist(['lesson', 'games']),
	lesson: v.optional(v.pipe(v.string(), v.maxLength(80)))
});
export type GameFinished = v.InferOutput<typeof GameFinishedSchema>;

export const minutesSince = (startMs: number, nowMs: number): number =>
	Math.min(240, Math.max(1, Math.round((nowMs - startMs) / 60_000)));
