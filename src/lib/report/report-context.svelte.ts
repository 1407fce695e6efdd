/**
 * What a pupil screen tells the "Tell a grown-up" button about itself, so the report says what
 * was showing: a lesson and its step, a game, a search. Screens set it on mount and clear it on
 * unmount. A lesson can also arm a practice press.
 */
import type { ReportContext } from './report-events';

class ReportContextState {
	extra = $state.raw<Omit<ReportContext, 'screen'>>({});
	/** The next press is a practice press (from a lesson or the charter): never reaches staff. */
	practice = $state(false);

	/** Sets the screen's context; returns the function that clears it again. */
	describe(extra: Omit<ReportContext, 'screen'>): () => void {
		this.extra = extra;
		return () => {
			if (this.extra === extra) this.extra = {};
		};
	}
}

export const reportContext = new ReportContextState();
