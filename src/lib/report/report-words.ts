/** How a report's answers read to staff, in banners, the log and reports. */
import type { Feeling, WhatHappened } from './report-events';

export const FEELING_WORDS: Record<Feeling, string> = {
	sad: 'feels sad',
	scared: 'feels scared',
	worried: 'feels worried',
	cross: 'feels cross',
	okay: 'feels okay'
};

export const WHAT_WORDS: Record<WhatHappened, string> = {
	'saw-something': 'saw something scary or upsetting',
	'someone-unkind': 'someone was unkind',
	'asked-secrets': 'someone asked for secrets, a photo or to meet',
	'something-else': 'something else'
};
