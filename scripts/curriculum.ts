/**
 * `npm run --silent curriculum`: checks the programme and every lesson (as the build does) and
 * prints it as one JSON document: the lessons, strand coverage by year, and each scenario's graph
 * as the app plays it. A broken file prints `path:line: what to fix` and exits 1.
 */
import { compileLessons, LessonContentError, programmeJson } from '../tooling/compile-lessons';

try {
	console.log(JSON.stringify(programmeJson(compileLessons(process.cwd())), null, 2));
} catch (e) {
	if (!(e instanceof LessonContentError)) throw e;
	console.error(e.message);
	process.exitCode = 1;
}
