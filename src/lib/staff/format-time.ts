/** Times on staff screens, in the school's own time zone and UK style: "Mon 3 Nov, 10:42". */
const formatter = new Intl.DateTimeFormat('en-GB', {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/London'
});

export function formatTime(iso: string): string {
	return formatter.format(new Date(iso));
}
