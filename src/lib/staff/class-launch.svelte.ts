/**
 * The teacher's view of the class's running lesson, shared by the class page's panel and the
 * board: polls what the tablets are doing every 2 s, and sends commands (move, pause, resume,
 * end) to the class. A command's answer is the new state, shown at once.
 */
import type { BoardPosition, LaunchView } from '../classroom/class-now';

export const POLL_MS = 2_000;

export class ClassLaunch {
	view = $state.raw<LaunchView>({ state: null, lessonTitle: null, steps: [], tablets: null, split: null });
	problem = $state('');

	constructor(
		readonly classId: string,
		initial?: LaunchView
	) {
		if (initial) this.view = initial;
	}

	/** Polls while the screen is open; returns what stops it. */
	watch(): () => void {
		const timer = setInterval(() => void this.refresh(), POLL_MS);
		void this.refresh();
		return () => clearInterval(timer);
	}

	async refresh(): Promise<void> {
		try {
			const res = await fetch(`/api/classes/${this.classId}/now`, { cache: 'no-store' });
			if (res.ok) this.view = (await res.json()) as LaunchView;
		} catch {
			// Offline for a moment: the next poll tries again.
		}
	}

	async command(
		body:
			{ action: 'pause' | 'resume' | 'end' } | { action: 'move'; launchId: string; position: BoardPosition }
	): Promise<boolean> {
		try {
			const res = await fetch(`/api/classes/${this.classId}/now`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			const answer = (await res.json()) as { message?: string };
			this.problem = res.ok ? '' : (answer.message ?? 'That did not work. Please try again.');
			await this.refresh();
			return res.ok;
		} catch {
			this.problem = 'The class’s tablets could not be reached. Please check the network and try again.';
			return false;
		}
	}
}
