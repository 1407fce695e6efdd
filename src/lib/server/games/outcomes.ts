/**
 * `game.finished` from a class tablet: checked against its schema before anything is stored.
 * The event row itself (class, tablet, time) is the record; class progress reads it from there.
 * Never a pupil: the class comes from the signed-in tablet, not from the payload.
 */
import type { EventHandler } from '../events/handlers';
import type { GAME_FINISHED } from '../../games/outcome';

/** Its payload was checked against the event catalogue (strict: no extra fields, no names). */
export const gameFinished: EventHandler<typeof GAME_FINISHED> = {
	async apply() {
		return null;
	}
};
