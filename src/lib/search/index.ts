/**
 * Safe search: the classifier, the link guard and the list checker.
 * Everything here is browser-safe and also runs in the service worker.
 */
export {
	classify,
	compileClassifier,
	compileExplainer,
	type Classification,
	type Classifier,
	type ClassifierLists,
	type Explainer,
	type ExplainedMatch,
	type StaffExplanation,
	type Verdict
} from './classify';
export {
	AGE_BANDS,
	LIST_FILES,
	parseSafeSearchLists,
	SafeSearchListsError,
	SUBJECTS,
	TERM_ACTIONS,
	type ExceptionLists,
	type ListFile,
	type ListProblem,
	type ListTexts,
	type SafeSearchLists,
	type Site,
	type TermAction,
	type TermCategory,
	type TermLists,
	type Topic
} from './lists-schema';
export type { MatchHow } from './find-matches';
export { normaliseText } from './normalise';
export { PERSONAL_INFO_PATTERNS, type PersonalInfoPattern } from './personal-info';
export {
	allowlistUrlProblem,
	checkUrl,
	compileAllowlist,
	URL_REASONS,
	type Allowlist,
	type AllowlistEntry,
	type UrlVerdict
} from './url-guard';
