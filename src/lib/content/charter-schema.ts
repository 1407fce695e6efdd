/** The e-safety charter: the class's promises, each with a picture and words to speak. */
import * as v from 'valibot';

const text = (what: string, max: number) =>
	v.pipe(
		v.string(`${what} must be text.`),
		v.trim(),
		v.minLength(1, `${what} is empty: write it.`),
		v.maxLength(max, `${what} is longer than ${max} letters: shorten it.`)
	);

export const CharterSchema = v.object({
	title: text('The title', 60),
	intro: text('The intro', 300),
	promises: v.pipe(
		v.array(
			v.object({
				picture: v.pipe(
					v.string(),
					v.regex(/^[a-z0-9-]+$/, 'picture must be a file name from static/pictures without .svg.')
				),
				short: text('“short”', 40),
				say: text('“say”', 300)
			})
		),
		v.minLength(3, 'A charter needs at least 3 promises.'),
		v.maxLength(8, 'Keep the charter to 8 promises or fewer: young children remember a few.')
	),
	promise: text('The closing promise', 120)
});
export type Charter = v.InferOutput<typeof CharterSchema>;
