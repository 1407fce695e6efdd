/**
 * Which items a game plays: the level's own set, or the ones a lesson chose in its lesson.yaml
 * (`items:`, in the lesson's order). The lesson compiler checks a choice with `itemProblem` at
 * build, so a lesson never ships a game it cannot play; the rules refuse a bad choice too.
 * Browser-safe.
 */
export interface ItemChoice {
	/** Every item id this game can play at this level. */
	choosable: readonly string[];
	/** The fewest items that still make a game (a sorting game needs two to sort). */
	fewest: number;
}

/** Why a lesson's choice of items cannot be played, or null when it can. */
export function itemProblem(choice: ItemChoice, chosen: readonly string[]): string | null {
	const unknown = chosen.filter((id) => !choice.choosable.includes(id));
	if (unknown.length)
		return `unknown item${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `“${u}”`).join(', ')}; at this level choose from: ${choice.choosable.join(', ')}.`;
	if (new Set(chosen).size !== chosen.length) return 'each item may be chosen once.';
	if (chosen.length < choice.fewest) return `choose at least ${choice.fewest} items.`;
	return null;
}

/** The ids to play: the lesson's choice when it made one, else the level's defaults. */
export function chooseItems(
	defaults: readonly string[],
	choice: ItemChoice,
	chosen: readonly string[] | undefined
): string[] {
	if (!chosen?.length) return [...defaults];
	const problem = itemProblem(choice, chosen);
	if (problem) throw new Error(problem);
	return [...chosen];
}
