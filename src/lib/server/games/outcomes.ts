/**
 * `game.finished` from a class tablet: checked against its schema before anything is stored.
 * The event row itself (class, tablet, time) is the record; class progress reads it from there.
 * Never a pupil: the class comes from the signed-in tablet, not from the payload.
 */
import type { EventHandler } from '../events/handlers';
import { GameFinishedSchema } from '../../games/outcome';

export const gameFinished: EventHandler<typeof GameFinishedSchema> = {
	schema: GameFinishedSchema,
	maxBytes: 1024,
	async apply() {
		return null;
	}
};
