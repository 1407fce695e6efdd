/**
 * `npm run --silent curriculum`: checks the programme and every lesson (as the build does) and
 * prints it as one JSON document: the lessons, strand coverage by year, and each scenario's graph
 * as the app plays it. The assemblies (content/assemblies/) are checked too. A broken file prints
 * `path:line: what to fix` and exits 1.
 */
import { compileLessons, LessonContentError, programmeJson } from '../tooling/compile-lessons';
import { compileAssemblies } from '../tooling/compile-assemblies';

try {
	const programme = compileLessons(process.cwd());
	compileAssemblies(process.cwd(), programme);
	console.log(JSON.stringify(programmeJson(programme), null, 2));
} catch (e) {
	if (!(e instanceof LessonContentError)) throw e;
	console.error(e.message);
	process.exitCode = 1;
}
