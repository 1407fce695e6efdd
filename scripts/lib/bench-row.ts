/** One line of `npm run bench`'s table, and the nearest-rank percentile every row uses. */
export interface BenchRow {
	name: string;
	value: number;
	unit: string;
	budget?: string;
	pass?: boolean;
	detail?: string;
}

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
