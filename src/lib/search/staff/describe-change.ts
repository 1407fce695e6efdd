/** One list change in a sentence, for staff screens (proposals, the trust's list). */
import type { ListChange } from '../list-changes';

export function describeChange(change: ListChange, categoryLabel: ReadonlyMap<string, string>): string {
	switch (change.kind) {
		case 'add-site':
			return `${change.site.title} — ${change.site.url} (ages ${change.site.ages.join(', ')}): ${change.site.description}`;
		case 'remove-site':
			return change.url;
		case 'add-term':
			return `“${change.term}” in ${categoryLabel.get(change.category) ?? change.category}`;
		case 'add-exception':
			return `“${change.entry}”`;
	}
}
