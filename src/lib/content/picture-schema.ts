/**
 * A lesson picture (lessons/FORMAT.md, "A picture"): composed from the cast library (a place, up
 * to three people, a thing) or a drawing in the lesson's folder, always with `alt` words.
 */
import * as v from 'valibot';

/** Unknown fields are errors everywhere in lesson content: a misspelt field must not vanish. */
export const UNKNOWN_FIELD =
	'is not a field Harbour knows here. Check its spelling, or remove it (see lessons/FORMAT.md).';

export const text = (what: string, max: number) =>
	v.pipe(
		v.string(`${what} must be words.`),
		v.trim(),
		v.minLength(1, `${what} is empty: write it.`),
		v.maxLength(max, `${what} is longer than ${max} letters: shorten it.`)
	);

/** A cast or lesson file name without folders: lower-case words with dashes. */
export const castName = (what: string) =>
	v.pipe(
		v.string(`${what} must be a name.`),
		v.regex(
			/^[a-z0-9]+(?:-[a-z0-9]+)*$/,
			`${what} must be lower-case words joined by dashes, e.g. living-room.`
		)
	);

export const PERSON = /^([a-z0-9]+(?:-[a-z0-9]+)*) ([a-z]+)$/;

export const PictureSchema = v.pipe(
	v.strictObject(
		{
			place: v.optional(castName('place')),
			people: v.optional(
				v.pipe(
					v.array(
						v.pipe(
							v.string('Each person must be written as “<who> <mood>”.'),
							v.regex(PERSON, 'Each person is “<who> <mood>”, e.g. “sam happy”.')
						),
						'people must be a list, e.g. [sam happy, nana thinking].'
					),
					v.maxLength(3, 'A picture shows at most 3 people: remove some.')
				)
			),
			thing: v.optional(castName('thing')),
			file: v.optional(
				v.pipe(
					v.string('file must be a file name.'),
					v.regex(
						/^[a-z0-9][a-z0-9-]*\.svg$/,
						'file must be an .svg file in the lesson folder, e.g. pop-up.svg.'
					)
				)
			),
			alt: text('alt (what the picture shows, in words)', 200)
		},
		UNKNOWN_FIELD
	),
	v.check(
		(p) =>
			p.place !== undefined || (p.people?.length ?? 0) > 0 || p.thing !== undefined || p.file !== undefined,
		'A picture needs at least one of place, people, thing or file.'
	)
);
export type Picture = v.InferOutput<typeof PictureSchema>;
